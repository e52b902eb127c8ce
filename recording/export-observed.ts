// Writes the shipped corpus fixtures/recordings/aws-2025-11-25/ from the
// AWS-observed scenarios (fixtures/aws-observed/scenarios.ts, the real-AWS facts
// of the 2025-11-25 recordings in the project's own form), in the transcript
// format that `run --replay` reads. `npm run gen` runs it; a test checks drift.
import { fileURLToPath } from 'node:url';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';
import { saveRecording, TRANSCRIPT_FORMAT, type Recording } from './transcript.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/recordings/aws-2025-11-25/', import.meta.url));

export function observedCorpus(): Recording {
  return {
    transcript: { format: TRANSCRIPT_FORMAT, scenarios: observedScenarios },
    provenance: {
      target: 'aws',
      region: '<region> (normalised)',
      recordedAt: '2025-11-25T21:39:32Z',
      note: 'Real AWS Lambda, recorded 2025-11-25 (lifecycle 02:40:00Z, exceptions 21:39:32Z); asserted-but-not-recorded rows are steps named asserted:*. Partial expectations: only what AWS showed is pinned.',
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await saveRecording(CORPUS_DIR, observedCorpus());
  console.log(`wrote ${CORPUS_DIR}`);
}
