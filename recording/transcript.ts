// Transcripts: what a reference target answered to seeded scenarios, normalised
// so that two recordings of the same seed are byte-identical and any target can
// replay them: account, region, partition and run-specific names become
// placeholders ({account}, {fn}, {arn:fn}, {alias1}, ...), timestamps and opaque
// markers are dropped. Steps use the form of the AWS-observed fixtures.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObservedScenario } from '../fixtures/aws-observed/types.ts';

export const TRANSCRIPT_FORMAT = 'lambda-conformance/transcript@1';

export interface Provenance {
  /** Where the answers came from: `aws`, an emulator URL, or a description. */
  target: string;
  region: string;
  /** When the answers were recorded (ISO date-time). */
  recordedAt: string;
  sdk?: string;
  seed?: number;
  tool?: string;
  note?: string;
}

export interface Transcript {
  format: typeof TRANSCRIPT_FORMAT;
  scenarios: ObservedScenario[];
}

export interface Recording {
  provenance: Provenance;
  transcript: Transcript;
}

const TRANSCRIPT_FILE = 'transcript.json';
const PROVENANCE_FILE = 'provenance.json';

/** Provenance lives beside the transcript so the transcript itself is stable across recordings. */
export async function saveRecording(dir: string, r: Recording): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, TRANSCRIPT_FILE), `${JSON.stringify(r.transcript, null, 2)}\n`);
  await writeFile(join(dir, PROVENANCE_FILE), `${JSON.stringify(r.provenance, null, 2)}\n`);
}

export class RecordingError extends Error {}

export async function loadRecording(dir: string): Promise<Recording> {
  const read = async (file: string) => {
    try {
      return JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
    } catch (e) {
      throw new RecordingError(`cannot read ${join(dir, file)}: ${(e as Error).message} (is ${dir} a recording made by lambda-conformance record?)`);
    }
  };
  const transcript = (await read(TRANSCRIPT_FILE)) as Transcript;
  if (transcript?.format !== TRANSCRIPT_FORMAT || !Array.isArray(transcript.scenarios)) {
    throw new RecordingError(`${join(dir, TRANSCRIPT_FILE)} is not a ${TRANSCRIPT_FORMAT} transcript`);
  }
  return { transcript, provenance: (await read(PROVENANCE_FILE)) as Provenance };
}
