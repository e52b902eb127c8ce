// `run --replay DIR...` as a whole run: the target is checked like for the
// suites, the recordings replayed, and the same results (and reports) come out.
import { connectTarget } from '../targets/target.ts';
import { unreachable } from '../targets/probe.ts';
import { exitCodeOf, type Results } from '../reporting/results.ts';
import { resultsOf, TargetError } from '../cli/run-conformance.ts';
import type { RunOptions } from '../cli/run-options.ts';
import { loadRecording, RecordingError } from './transcript.ts';
import { replayRecordings } from './replay-run.ts';

export class ReplayInputError extends Error {}

export async function runReplay(opts: RunOptions & { replay: string[] }, log: (l: string) => void): Promise<{ results: Results; exitCode: 0 | 1 | 2 }> {
  const startedAt = new Date().toISOString();
  const recordings = [];
  for (const dir of opts.replay) {
    try {
      recordings.push(await loadRecording(dir));
    } catch (e) {
      if (e instanceof RecordingError) throw new ReplayInputError(e.message);
      throw e;
    }
  }
  const target = connectTarget(opts.target);
  try {
    const cause = await unreachable(target);
    if (cause) throw new TargetError(`cannot reach the target ${target.endpoint} (${cause}): is it running, and is the URL right?`);
    for (const r of recordings) log(`replaying a recording of ${r.provenance.target} (${r.provenance.region}, ${r.provenance.recordedAt})`);
    const rules = await replayRecordings(target.client, recordings, target.kind !== 'embedded', opts.target.region);
    const results = resultsOf(target, opts.seed, startedAt, rules);
    return { results, exitCode: exitCodeOf(results) };
  } finally {
    target.close();
  }
}
