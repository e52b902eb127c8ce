// `npm run mutants`: the conformance suite against the unmodified emulator
// first (the control: every rule must pass, else nothing more runs), then
// against every mutant of the catalogue, each served over HTTP on 127.0.0.1 (a
// free port) and run with the project's runner, runConformance
// (mutants/run-mutants.ts), the mutants split over one process per core
// (mutants/shards.ts). Prints a table; writes mutants.json, mutants.md and
// each run's runs/<name>/results.json into the report dir. Exits 1 if the
// control fails, a mutant survives or a run crashes (or a mutant is killed by
// none of its catalogue killers), 2 on bad usage.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_NUM_RUNS } from '../suites/harness/run-config.ts';
import { ruleSelector } from '../specs/rule-selection.ts';
import { mutants } from './index.ts';
import { consoleTable, markdown, summaryLine } from './report.ts';
import { report as reportOf, runControl, runHere, type MutationOptions } from './run-mutants.ts';
import { runShards } from './shards.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `usage: npx tsx mutants/cli.ts [--report-dir DIR] [--seed N] [--num-runs N] [--mutants GLOB] [--killers-only] [--no-control] [--jobs N]
  --report-dir DIR  where mutants.json, mutants.md and runs/ go (default reports/latest)
  --seed N          seed of every run (default 1: the same generated requests, a reproducible score)
  --num-runs N      property runs per property rule (default ${DEFAULT_NUM_RUNS})
  --mutants GLOB    mutant ids to run, comma-separated globs, !glob to leave out (default all)
  --killers-only    run each mutant with --rules limited to its catalogue killers (fast)
  --no-control      skip the control run
  --jobs N          processes to split the catalogue over (default: one per core, at most 4)`;

function options(argv: string[]): MutationOptions & { control: boolean; only?: (id: string) => boolean; jobs: number } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'report-dir': { type: 'string' },
      seed: { type: 'string' },
      'num-runs': { type: 'string' },
      mutants: { type: 'string' },
      'killers-only': { type: 'boolean' },
      'no-control': { type: 'boolean' },
      jobs: { type: 'string' },
    },
  });
  const whole = (flag: string, v: string | undefined, dflt: number, min = 0) => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${flag} must be a whole number of at least ${min}, got '${v}'`);
    return Number(v);
  };
  return {
    reportDir: values['report-dir'] ?? 'reports/latest',
    seed: whole('--seed', values.seed, 1),
    numRuns: whole('--num-runs', values['num-runs'], DEFAULT_NUM_RUNS, 1),
    killersOnly: values['killers-only'] ?? false,
    control: !values['no-control'],
    jobs: whole('--jobs', values.jobs, Math.min(4, availableParallelism()), 1),
    ...(values.mutants ? { only: ruleSelector(values.mutants) } : {}),
  };
}

async function main(argv: string[]): Promise<number> {
  let o: ReturnType<typeof options>;
  try {
    o = options(argv);
  } catch (e) {
    console.error(`mutants: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const selected = mutants.filter((m) => !o.only || o.only(m.id));
  if (!selected.length) {
    console.error(`mutants: --mutants selects no mutant\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const control = o.control ? await runControl(o) : null;
  // A failing control makes every verdict on a mutant meaningless: stop there.
  const outcomes = control && !control.passed ? [] : o.jobs > 1 && selected.length > 1 ? await runShards(o, selected, o.jobs) : await runHere(o, selected);
  const report = reportOf(o, control, outcomes);

  await mkdir(o.reportDir, { recursive: true });
  await writeFile(join(o.reportDir, 'mutants.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(o.reportDir, 'mutants.md'), markdown(report));
  console.log(consoleTable(report));
  console.log(summaryLine(report));
  if (control && !control.passed) console.log('the control failed: the suite does not pass against the unmodified emulator, so no mutant was run');
  const notKilled = report.mutants.filter((x) => x.outcome !== 'killed').map((x) => `${x.id} (${x.outcome})`);
  if (notKilled.length) console.log(`not killed: ${notKilled.join(', ')}`);
  if (report.unexpectedKillers.length)
    console.log(`killed, but by none of their catalogue killers (update the catalogue): ${report.unexpectedKillers.join(', ')}`);
  console.log(
    `reports: ${join(o.reportDir, 'mutants.json')}, ${join(o.reportDir, 'mutants.md')}, ${join(o.reportDir, 'runs')}/ (${((Date.now() - started) / 1000).toFixed(0)}s in all)`,
  );
  const controlOk = !report.control || report.control.passed;
  return controlOk && notKilled.length === 0 && report.unexpectedKillers.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
