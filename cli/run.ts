// `lambda-conformance run`: the conformance suites against a target, results
// written to the report dir, exit code by the CLI contract.
import { writeReports } from '../reporting/writers.ts';
import { runProblems, type Results } from '../reporting/results.ts';
import { progressOutput } from '../reporting/collector.ts';
import { InputFileError, runConformance, TargetError } from './run-conformance.ts';
import { parseRunOptions } from './run-options.ts';

export async function runCommand(args: string[]): Promise<number> {
  const opts = parseRunOptions(args);
  const log = (line: string) => console.error(line);
  const where = opts.target.kind === 'url' ? opts.target.endpoint : opts.target.kind;
  log(`lambda-conformance run: target ${where} (${opts.target.region}), seed ${opts.seed}, tier ${opts.tier}${opts.rules ? `, rules ${opts.rules}` : ''}`);
  // Replaying a recording needs the recording code (and the SDK) in this process; a run does not.
  const replay = opts.replay ? await import('../recording/run-replay.ts') : undefined;
  let outcome;
  try {
    outcome = replay && opts.replay ? await replay.runReplay({ ...opts, replay: opts.replay }, log) : await runConformance(opts, log, progressOutput());
  } catch (e) {
    if (e instanceof TargetError || e instanceof InputFileError || (replay && e instanceof replay.ReplayInputError)) {
      console.error(`lambda-conformance run: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { results, exitCode } = outcome;
  const written = await writeReports(opts.reportDir, results);
  const s = results.summary;
  for (const r of results.rules.filter((x) => x.verdict === 'fail')) log(`FAIL ${r.id}: ${r.evidence[0]?.message ?? ''}`);
  for (const p of runProblems(results)) log(`ERROR ${p}`);
  logBaseline(results, log);
  console.log(`${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.inconclusive} inconclusive, ${s.expectedFail} expected-fail (seed ${results.seed})`);
  log(`reports: ${written.join(', ')}`);
  if (exitCode === 2) log('nothing ran: check --tier/--rules, or whether the target supports these operations');
  return exitCode;
}

function logBaseline(results: Results, log: (line: string) => void): void {
  const b = results.baseline;
  if (!b) return;
  log(`compared with ${b.file}: ${b.newFailures.length} new failures, ${b.newPasses.length} new passes, ${b.changedEvidence.length} with changed evidence`);
  for (const id of b.newFailures) log(`  REGRESSION ${id}`);
  for (const id of b.newPasses) log(`  newly passing ${id}`);
  for (const id of b.changedEvidence) log(`  evidence changed ${id}`);
}
