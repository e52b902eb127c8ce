// `run --replay DIR...` as a whole run: the target is prepared like for the
// suites (run/prepare.ts: role, canary, clean-up), the recordings replayed,
// and the same results (and reports) come out.
import { runPrefix } from '../fixtures/run-prefix.ts';
import { exitCodeOf, rootCausesOf, type Results } from '../reporting/results.ts';
import { groupSetupProblems } from '../reporting/setup-problems.ts';
import { loadRecording, RecordingError } from '../recording/transcript.ts';
import { replayRecordings } from '../recording/replay-recordings.ts';
import { InputFileError, TargetError } from './errors.ts';
import type { RunOptions } from './options.ts';
import { prepareTarget, type Prepared } from './prepare.ts';
import { resultsOf } from './results-header.ts';

/** A --replay directory that is not a recording. */
export class ReplayInputError extends InputFileError {}

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
  const prefix = runPrefix();
  let prepared: Prepared;
  try {
    prepared = await prepareTarget(opts.target, { prefix, allowAccounts: opts.allowAccounts, resilience: opts.resilience, log });
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    // Nothing could be replayed: the results say why (exit 2), with the target and seed.
    const results = { ...resultsOf({ ...opts.target, endpoint: opts.target.endpoint ?? opts.target.kind }, opts.seed, startedAt, []), aborted: e.message };
    return { results, exitCode: exitCodeOf(results) };
  }
  const { target, environment } = prepared;
  let rules: Results['rules'] = [];
  let leaks: string[] = [];
  try {
    const blocking = prepared.problems.filter((p) => p.blocking);
    for (const r of recordings) log(`replaying a recording of ${r.provenance.target} (${r.provenance.region}, ${r.provenance.recordedAt})`);
    if (blocking.length === 0) {
      rules = await replayRecordings(target.client, recordings, target.kind !== 'embedded', opts.target.region, { prefix, roleArn: environment.roleArn });
    }
  } finally {
    leaks = (await prepared.teardown()).failed;
  }
  const results = { ...resultsOf(target, opts.seed, startedAt, rules), leaks };
  results.setupProblems = groupSetupProblems(prepared.problems, rules);
  results.rootCauses = rootCausesOf(rules);
  return { results, exitCode: exitCodeOf(results) };
}
