// Runs in this process: the control (the unmodified emulator, every rule) and
// mutants one after another, each served over HTTP on 127.0.0.1 (a free port)
// and judged by the project's runner, runConformance. Each run's results.json
// is kept under <report dir>/runs/<name>/.
import { join } from 'node:path';
import type { HttpHandler } from 'msw';
import { runConformance } from '../run/engine.ts';
import { parseRunOptions } from '../run/options.ts';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import type { Results } from '../reporting/results.ts';
import { resultsJson, writeReports } from '../reporting/writers.ts';
import { mutantHandlers, type Entry } from './index.ts';
import { judge, type MutantOutcome, type MutationReport } from './report.ts';

export interface MutationOptions {
  reportDir: string;
  seed: number;
  numRuns: number;
  /** Run each mutant with --rules limited to its catalogue killers. */
  killersOnly: boolean;
}

type Run = { results?: Results; exitCode?: number; crash?: string; seconds: number };

/** One conformance run against these handlers, served over HTTP. Never throws: a throw is a crash. */
async function runAgainst(name: string, handlers: HttpHandler[], o: MutationOptions, rules?: string): Promise<Run> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const server = await serveHandlers(handlers, '127.0.0.1', 0);
  try {
    // The run's options as `run --target <url>` parses them. No retries: the
    // mutant is served from this process, so a 5xx is its answer, not a fault.
    const args = [
      '--target',
      server.url,
      '--region',
      'us-east-1',
      '--report-dir',
      o.reportDir,
      '--seed',
      String(o.seed),
      '--num-runs',
      String(o.numRuns),
      '--tier',
      'strict',
      '--retries',
      '0',
    ];
    const { results, exitCode } = await runConformance(parseRunOptions([...args, ...(rules ? ['--rules', rules] : [])]));
    await writeReports(join(o.reportDir, 'runs', name), results, [resultsJson]);
    return { results, exitCode, seconds: seconds() };
  } catch (e) {
    return { crash: `the run threw: ${(e as Error).stack ?? String(e)}`, seconds: seconds() };
  } finally {
    await server.close();
  }
}

export async function runControl(o: MutationOptions): Promise<NonNullable<MutationReport['control']>> {
  console.error('control: the unmodified emulator, every rule...');
  const run = await runAgainst('control', createEmulator().handlers, o);
  // The served emulator has no SQS, SNS, EventBridge or S3: rules needing those are skipped for that reason, nothing else may be.
  const lacksService = (r: { verdict: string; reason?: string }) => r.verdict === 'skip' && /^the target has no \S+ API/.test(r.reason ?? '');
  const notPassing = (run.results?.rules ?? []).filter((r) => r.verdict !== 'pass' && !lacksService(r)).map((r) => `${r.id}: ${r.verdict}`);
  const crash = run.crash ?? (run.results?.errors.length ? run.results.errors.join('; ') : undefined);
  const passed = !crash && run.exitCode === 0 && notPassing.length === 0;
  console.error(`control: ${passed ? 'every rule passed' : `FAILED ${crash ?? notPassing.join(', ')}`} (${run.seconds.toFixed(1)}s)`);
  return { passed, summary: run.results?.summary ?? null, notPassing, seconds: run.seconds, ...(crash ? { crash } : {}) };
}

export async function runMutant(m: Entry, o: MutationOptions): Promise<MutantOutcome> {
  let run: Run;
  try {
    run = await runAgainst(m.id, mutantHandlers(m), o, o.killersOnly ? m.killers.join(',') : undefined);
  } catch (e) {
    run = { seconds: 0, crash: `the mutant could not be built or served: ${(e as Error).message}` };
  }
  const verdict = judge(m, run.results, run.exitCode, run.crash);
  return { id: m.id, area: m.area, title: m.title, bug: m.bug, killers: m.killers, ...verdict, exitCode: run.exitCode ?? null, seconds: run.seconds };
}

export function report(o: MutationOptions, control: MutationReport['control'], outcomes: MutantOutcome[]): MutationReport {
  const killed = outcomes.filter((x) => x.outcome === 'killed').length;
  return {
    seed: o.seed,
    numRuns: o.numRuns,
    rules: o.killersOnly ? "each mutant's catalogue killers" : 'the whole catalogue',
    control,
    score: { killed, total: outcomes.length, percent: outcomes.length ? Math.round((1000 * killed) / outcomes.length) / 10 : 0 },
    mutants: outcomes,
    unexpectedKillers: outcomes.filter((x) => x.outcome === 'killed' && x.killedBy.length === 0).map((x) => x.id),
  };
}

/** Every selected mutant, one after another in this process. */
export async function runHere(o: MutationOptions, selected: readonly Entry[]): Promise<MutantOutcome[]> {
  const outcomes: MutantOutcome[] = [];
  for (const [i, m] of selected.entries()) {
    const x = await runMutant(m, o);
    outcomes.push(x);
    const tail = x.outcome === 'killed' ? `by ${x.killedBy.join(', ') || `(none of its killers) ${x.failed.join(', ')}`}` : (x.crash ?? '');
    console.error(`[${i + 1}/${selected.length}] ${x.id}: ${x.outcome} ${tail} (${x.seconds.toFixed(1)}s)`);
  }
  return outcomes;
}
