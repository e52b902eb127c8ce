// `lambda-conformance run`: the conformance suites against a target, results
// written to the report dir, exit code by the CLI contract.
import { writeReports } from '../reporting/writers.ts';
import { runConformance, TargetError } from './run-conformance.ts';
import { parseRunOptions } from './run-options.ts';

export async function runCommand(args: string[]): Promise<number> {
  const opts = parseRunOptions(args);
  const log = (line: string) => console.error(line);
  const where = opts.target.kind === 'url' ? opts.target.endpoint : opts.target.kind;
  log(`lambda-conformance run: target ${where} (${opts.target.region}), seed ${opts.seed}, tier ${opts.tier}${opts.rules ? `, rules ${opts.rules}` : ''}`);
  let outcome;
  try {
    outcome = await runConformance(opts, log);
  } catch (e) {
    if (e instanceof TargetError) {
      console.error(`lambda-conformance run: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { results, exitCode } = outcome;
  const written = await writeReports(opts.reportDir, results);
  const s = results.summary;
  for (const r of results.rules.filter((x) => x.verdict === 'fail')) log(`FAIL ${r.id}: ${r.evidence[0]?.message ?? ''}`);
  for (const e of results.errors) log(`ERROR ${e}`);
  console.log(`${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.inconclusive} inconclusive, ${s.expectedFail} expected-fail (seed ${results.seed})`);
  log(`reports: ${written.join(', ')}`);
  if (exitCode === 2) log('nothing ran: check --tier/--rules, or whether the target supports these operations');
  return exitCode;
}
