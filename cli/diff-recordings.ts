// `lambda-conformance diff-recordings A B`: what changed between two recordings.
import { describeDifference, diffTranscripts } from '../recording/diff.ts';
import { loadRecording, RecordingError } from '../recording/transcript.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { UsageError } from './usage.ts';

export const DIFF_RECORDINGS_COMMAND: CommandSpec = {
  name: 'diff-recordings',
  synopsis: 'diff-recordings A B',
  summary: 'Lists the steps whose answers differ between two recording dirs (from lambda-conformance record); exit 1 when some do.',
  flags: [],
};

export async function diffRecordingsCommand(args: string[]): Promise<number> {
  const { positionals, help } = parseFlags(DIFF_RECORDINGS_COMMAND, args, true);
  if (help) {
    console.log(helpText(DIFF_RECORDINGS_COMMAND));
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff-recordings needs two recording dirs: A B');
  let a: Awaited<ReturnType<typeof loadRecording>> | undefined;
  let b: Awaited<ReturnType<typeof loadRecording>> | undefined;
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
