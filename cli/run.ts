// `lambda-conformance run`: the conformance suites against a target, results
// written to the report dir, exit code by the CLI contract. Parsing and
// printing only: the work is the run engine's (run/).
import { writeReports } from '../reporting/writers.ts';
import { coverageLine, failingCauses, runProblems, type Results } from '../reporting/results.ts';
import { progressOutput } from '../reporting/collector.ts';
import { parseRunOptions, RUN_COMMAND } from '../run/options.ts';
import { helpText } from '../run/flags.ts';

export async function runCommand(args: string[]): Promise<number> {
  const opts = parseRunOptions(args);
  if (opts.help) {
    console.log(helpText(RUN_COMMAND));
    return 0;
  }
  const log = (line: string) => console.error(line);
  const where = opts.target.kind === 'url' ? opts.target.endpoint : opts.target.kind;
  const from = opts.targetSource && opts.targetSource !== '--target' && opts.targetSource !== 'default' ? ` (from ${opts.targetSource})` : '';
  log(
    `lambda-conformance run: target ${where}${from}, region ${opts.target.region}, seed ${opts.seed}, tier ${opts.tier}${opts.rules ? `, rules ${opts.rules}` : ''}`,
  );
  // Replaying a recording needs the recording code in this process; a run does not.
  // A TargetError or InputFileError is cli/main.ts's to print (exit 2).
  const { results, exitCode } = opts.replay
    ? await (await import('../run/replay.ts')).runReplay({ ...opts, replay: opts.replay }, log)
    : await (await import('../run/engine.ts')).runConformance(opts, log, progressOutput());
  const written = await writeReports(opts.reportDir, results);
  if (results.aborted) log(`nothing could be judged: ${results.aborted}`);
  logNoVerdicts(results, log);
  logRootCauses(results, log);
  for (const p of runProblems(results).filter((x) => !results.aborted || !x.includes(results.aborted))) log(`ERROR ${p}`);
  logBaseline(results, log);
  const s = results.summary;
  const checked = results.coverage ? `; ${coverageLine(results.coverage)}` : '';
  const line = `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.inconclusive} inconclusive, ${s.expectedFail} expected-fail (seed ${results.seed})${checked}`;
  if (opts.format === 'json') console.log(JSON.stringify(summaryDocument(results, exitCode, written)));
  else console.log(line);
  log(`reports: ${written.join(', ')}`);
  if (exitCode === 2) log('nothing was judged: no selected rule got a pass or a fail (see above why; check --tier/--rules, or the target)');
  return exitCode;
}

/** `--format json`: the run's summary as one document on stdout, for scripts and CI steps. */
function summaryDocument(r: Results, exitCode: number, reports: string[]) {
  return {
    tool: r.tool,
    target: r.target,
    sdk: r.sdk,
    seed: r.seed,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    exitCode,
    summary: r.summary,
    ...(r.coverage ? { coverage: r.coverage } : {}),
    rootCauses: (r.rootCauses ?? []).map((c) => ({ key: c.key, rules: c.rules.length })),
    noVerdict: (r.setupProblems ?? []).map((g) => ({ cause: g.cause, ...(g.fix ? { fix: g.fix } : {}), rules: g.rules.length })),
    failed: r.rules.filter((x) => x.verdict === 'fail').map((x) => x.id),
    problems: runProblems(r),
    ...(r.baseline
      ? {
          baseline: {
            newFailures: r.baseline.newFailures,
            newPasses: r.baseline.newPasses,
            changedEvidence: r.baseline.changedEvidence,
            ...(r.baseline.sdkChange ? { sdkChange: r.baseline.sdkChange } : {}),
          },
        }
      : {}),
    reports,
  };
}

/** Why rules got no verdict, once per cause, with the fix: the first thing to read when a target cannot be tested. */
function logNoVerdicts(results: Results, log: (line: string) => void): void {
  const groups = results.setupProblems ?? [];
  if (!groups.length) return;
  const rules = groups.reduce((n, g) => n + g.rules.length, 0);
  log(`${rules} rule${rules === 1 ? '' : 's'} got no verdict, from ${groups.length} cause${groups.length === 1 ? '' : 's'}:`);
  for (const g of groups) {
    log(`  ${g.blocking ? 'BLOCKING ' : ''}${g.cause}${g.rules.length ? ` (${g.rules.length} rule${g.rules.length === 1 ? '' : 's'})` : ''}`);
    if (g.fix) log(`    fix: ${g.fix}`);
  }
}

/** The failures by root cause, most rules first: what to fix, not 133 lines of symptoms. */
function logRootCauses(results: Results, log: (line: string) => void): void {
  const failing = results.rules.filter((r) => r.verdict === 'fail').length;
  if (!failing) return;
  const causes = failingCauses(results);
  log(`${causes.length} root cause${causes.length === 1 ? '' : 's'} behind ${failing} failing rule${failing === 1 ? '' : 's'}:`);
  for (const { title, rules: ids } of causes) {
    log(`  ${String(ids.length).padStart(3)}  ${title}`);
    log(`       ${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ` (+${ids.length - 4} more)` : ''}`);
  }
}

function logBaseline(results: Results, log: (line: string) => void): void {
  const b = results.baseline;
  if (!b) return;
  log(`compared with ${b.file}: ${b.newFailures.length} new failures, ${b.newPasses.length} new passes, ${b.changedEvidence.length} with changed evidence`);
  if (b.sdkChange) log(`  the SDK changed: @aws-sdk/client-lambda ${b.sdkChange.from} in the baseline, ${b.sdkChange.to} now`);
  if (b.targetChange) log(`  the target changed: ${b.targetChange.from} in the baseline, ${b.targetChange.to} now`);
  for (const id of b.newFailures) log(`  REGRESSION ${id}`);
  for (const id of b.newPasses) log(`  newly passing ${id}`);
  for (const id of b.changedEvidence) log(`  evidence changed ${id}`);
}
