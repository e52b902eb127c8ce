// `lambda-conformance diff-recordings A B`: what changed between two recordings.
import { parseArgs } from 'node:util';
import { describeDifference, diffTranscripts } from '../recording/diff.ts';
import { loadRecording, RecordingError } from '../recording/transcript.ts';
import { UsageError } from './usage.ts';

export async function diffRecordingsCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 2) throw new UsageError('diff-recordings needs two recording dirs: A B');
  let a, b;
  try {
    [a, b] = await Promise.all(positionals.map((d) => loadRecording(d)));
  } catch (e) {
    if (e instanceof RecordingError) throw new UsageError(e.message);
    throw e;
  }
  const diffs = diffTranscripts(a!.transcript, b!.transcript);
  console.log(`A: ${a!.provenance.target} ${a!.provenance.region} ${a!.provenance.recordedAt}`);
  console.log(`B: ${b!.provenance.target} ${b!.provenance.region} ${b!.provenance.recordedAt}`);
  for (const d of diffs) console.log(describeDifference(d));
  console.log(diffs.length ? `${diffs.length} steps differ` : 'no differences');
  return diffs.length ? 1 : 0;
}
