// The run engine: prepare the target, run the conformance suites with vitest,
// and return the results of every rule. The CLI, the package API, `run
// --replay` and the mutants all come through here.
import { createRequire } from 'node:module';
import { mkdtemp, readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Vitest } from 'vitest/node';
import { catalogue, ruleById, type RuleId } from '../specs/rules/index.ts';
import type { TargetKind } from '../targets/target.ts';
import { EMBEDDED_ENDPOINT } from '../targets/embedded-endpoint.ts';
import { runPrefix } from '../fixtures/run-prefix.ts';
import type { SetupProblem } from '../fixtures/environment.ts';
import { VerdictCollector, type ProgressOutput } from '../reporting/collector.ts';
import { exitCodeOf, rootCausesOf, ruleResults, summarise, withCoverage, type ReportedRule, type Results } from '../reporting/results.ts';
import { groupSetupProblems } from '../reporting/setup-problems.ts';
import type { Expectation } from '../reporting/expectations.ts';
import { BaselineFileError, compareWithBaseline, loadBaseline } from '../reporting/baseline.ts';
import {
  filteredOut,
  inAnotherShard,
  NO_ANSWERS_FILE,
  POOL_FILE,
  RUN_CONFIG_ENV,
  type ResilienceConfig,
  type RunConfig,
} from '../suites/harness/run-config.ts';
import { SUITES_ROOT, suitesTestOptions } from '../suites/vitest-options.ts';
import type { NoAnswerStreak } from '../targets/resilience.ts';
import { RunStop } from './stop.ts';
import { InputFileError, TargetError } from './errors.ts';
import type { RunOptions } from './options.ts';
import type { Prepared } from './prepare.ts';
import { resultsOf } from './results-header.ts';

export { InputFileError, TargetError };

const require = createRequire(import.meta.url);
// Built (the npm package's dist/), the suites and their config are JavaScript too.
const BUILT = import.meta.url.endsWith('.js');

/**
 * The embedded emulator lives inside each vitest worker (suites/harness/suite.ts)
 * and its state in that worker's memory: this process has nothing of it to
 * probe (it is the reference, lacking nothing), set up or sweep, so it loads
 * no target code at all; that was a quarter of a default run's start-up.
 */
type Connection = Pick<Prepared, 'lacking' | 'problems' | 'teardown'> & { endpoint: string; environment?: Prepared['environment'] };
const EMBEDDED: Connection = { endpoint: EMBEDDED_ENDPOINT, lacking: [], problems: [], teardown: async () => ({ removed: [], failed: [] }) };

async function connect(opts: RunOptions, prefix: string, log: (l: string) => void, signal: AbortSignal): Promise<Connection> {
  if (opts.target.kind === 'embedded') return EMBEDDED;
  const { prepareTarget } = await import('./prepare.ts');
  const p = await prepareTarget(opts.target, { prefix, allowAccounts: opts.allowAccounts, resilience: opts.resilience, probeOperations: true, log, signal });
  return { ...p, endpoint: p.target.endpoint };
}

/**
 * --concurrency N as vitest runs it: N/workers rules at the same time inside
 * each of `workers` worker processes (suite files run in parallel across
 * workers, one after the other within one). Embedded rules are CPU work: up to
 * one worker per core but the one the CLI's own process keeps. Remote rules
 * wait on the target: up to one worker per core, the rest concurrent rules
 * (a file's rules run side by side; no more processes than cores).
 */
export function parallelism(concurrency: number, kind: TargetKind): { workers: number; perWorker: number } {
  const cores = availableParallelism();
  const workers = Math.max(1, Math.min(concurrency, kind === 'embedded' ? cores - 1 : cores));
  return { workers, perWorker: Math.ceil(concurrency / workers) };
}

/** The run's resilience settings as the workers apply them: the rate shared out, budgets in shared files. */
async function resilienceConfig(opts: RunOptions): Promise<ResilienceConfig> {
  const r = opts.resilience;
  const { workers } = parallelism(opts.concurrency, opts.target.kind);
  // The workers' shared counters: request and function budgets, and requests in a row with no answer.
  const budgetDir = await mkdtemp(join(tmpdir(), 'lc-budget-'));
  return {
    attempts: r.attempts,
    baseDelayMs: opts.target.kind === 'aws' ? 200 : 20,
    maxDelayMs: opts.target.kind === 'aws' ? 20_000 : 2_000,
    ...(r.timeoutMs ? { timeoutMs: r.timeoutMs } : {}),
    ...(r.rate ? { ratePerWorker: r.rate / workers } : {}),
    ...(r.maxRequests ? { maxRequests: r.maxRequests } : {}),
    ...(r.maxFunctions ? { maxFunctions: r.maxFunctions } : {}),
    budgetDir,
  };
}

interface Inputs {
  expectations?: Expectation[];
  baseline?: Results;
}

/** The expectations module (and its YAML parser) is loaded only for --expect. */
const expectationsModule = () => import('../reporting/expectations.ts');

async function loadInputs(opts: RunOptions): Promise<Inputs> {
  const expectations = opts.expect ? await expectationsModule() : undefined;
  try {
    return {
      ...(expectations && opts.expect
        ? {
            expectations: await expectations.loadExpectations(
              opts.expect,
              catalogue.map((r) => r.id),
            ),
          }
        : {}),
      ...(opts.baseline ? { baseline: await loadBaseline(opts.baseline) } : {}),
    };
  } catch (e) {
    if ((expectations && e instanceof expectations.ExpectationFileError) || e instanceof BaselineFileError) throw new InputFileError(e.message);
    throw e;
  }
}

export async function runConformance(
  opts: RunOptions,
  log: (line: string) => void = () => {},
  progress: ProgressOutput = { line: log },
): Promise<{ results: Results; exitCode: number }> {
  const startedAt = new Date().toISOString();
  // From the first moment: a signal or the deadline stops whatever is going on, and the run still ends with its results.
  const stop = new RunStop(opts.maxDurationMs, log);
  const prefix = runPrefix();
  let config: RunConfig | undefined;
  let target: Connection | undefined;
  let aborted: string | undefined;
  const collector = new VerdictCollector(catalogue.length, progress);
  const shard = opts.shard ? `${opts.shard.index}/${opts.shard.count}` : undefined;
  let cleanup: { removed: string[]; failed: string[] } = { removed: [], failed: [] };
  let inputs: Inputs = {};
  let streak: NoAnswerStreak | undefined;
  // Made while the target is prepared; closed whatever happens (a run that stops before the suites never starts it).
  const vitest = createSuitesVitest(collector, shard, opts.concurrency, opts.target.kind);
  vitest.catch(() => {}); // its failure is met where it is awaited
  try {
    inputs = await loadInputs(opts);
    target = await connect(opts, prefix, log, stop.signal);
    if (target.lacking.length) log(`the target lacks ${target.lacking.join(', ')}: rules that need them are skipped`);
    const resilience = opts.target.kind !== 'embedded' ? await resilienceConfig(opts) : undefined;
    // Loaded for remote targets only: the embedded run loads no target code in this process.
    if (resilience?.budgetDir) streak = new (await import('../targets/resilience.ts')).NoAnswerStreak(join(resilience.budgetDir, NO_ANSWERS_FILE));
    config = {
      target: { ...opts.target, ...(target.environment ? { roleArn: target.environment.roleArn } : {}) },
      seed: opts.seed,
      numRuns: opts.numRuns,
      tier: opts.tier,
      prefix,
      lackingOperations: target.lacking,
      ...(target.environment ? { environment: target.environment } : {}),
      ...(opts.rules ? { rules: opts.rules } : {}),
      ...(opts.evidence ? { evidence: opts.evidence } : {}),
      ...(resilience ? { resilience } : {}),
    };
    // A target where not even one function can be made gets no run: every rule would be inconclusive.
    if (!target.problems.some((p) => p.blocking) && !stop.reason) await runSuites(config, await vitest, stop);
  } catch (e) {
    if (!(e instanceof TargetError || e instanceof InputFileError || stop.reason)) throw e;
    aborted = stop.reason ? undefined : (e as Error).message;
  } finally {
    await vitest.then((v) => v.close()).catch(() => {});
    // Whatever happened (an interrupt, a crashed worker, a failed afterAll),
    // remove everything this run created before returning.
    if (target) {
      const pooled = await poolFunctions(config?.resilience?.budgetDir);
      cleanup = await target.teardown(pooled).catch((e: Error) => ({ removed: [], failed: [`clean-up of ${prefix}: ${e.message}`] }));
    }
    stop.dispose();
  }
  if (cleanup.removed.length) log(`removed ${cleanup.removed.length} leftover functions of this run: ${cleanup.removed.join(', ')}`);
  if (!aborted && streak?.broken) aborted = `the target stopped answering: ${streak.limit} requests in a row got no answer`;

  const cfg = config ?? { tier: opts.tier, ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.evidence ? { evidence: opts.evidence } : {}) };
  const blocking = target?.problems.filter((p) => p.blocking) ?? [];
  const stopped = stop.reason === 'max-duration' ? 'not reached: the run reached --max-duration' : stop.reason ? 'interrupted' : undefined;
  const notRun = aborted ? `not run: ${aborted}` : blocking.length ? undefined : stopped;
  const unreported = notRun ?? (shard ? inAnotherShard(shard) : undefined);
  const reported = blocking.length ? blockedReports(cfg, blocking) : notRun ? withUnreached(collector.reported, cfg, notRun) : collector.reported;
  const rules = ruleResults(catalogue, reported, unreported);
  const results: Results = {
    ...resultsOf({ ...opts.target, endpoint: target?.endpoint ?? opts.target.endpoint ?? EMBEDDED_ENDPOINT }, opts.seed, startedAt, rules),
    // A suite whose own cleanup failed is not an error once the teardown removed what it left.
    errors: collector.errors.filter((e) => !e.includes('cleanup failed') || cleanup.failed.length > 0),
    leaks: cleanup.failed,
    ...(collector.hasTraffic ? { traffic: collector.traffic() } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(stop.reason === 'SIGINT' || stop.reason === 'SIGTERM' ? { interrupted: stop.reason } : {}),
    ...(stop.reason === 'max-duration' ? { stoppedAt: 'max-duration' as const } : {}),
    ...(aborted ? { aborted } : {}),
  };
  results.setupProblems = groupSetupProblems((target?.problems ?? []) as SetupProblem[], results.rules);
  if (inputs.expectations) results.expectations = (await expectationsModule()).applyExpectations(results, inputs.expectations);
  results.summary = summarise(results.rules);
  results.rootCauses = rootCausesOf(results.rules);
  withCoverage(results, opts.minCoverage, (r) => !filteredOut(ruleById(r.id as RuleId), cfg) && !(shard && r.reason === unreported));
  if (inputs.baseline && opts.baseline) results.baseline = compareWithBaseline(results, inputs.baseline, opts.baseline);
  return { results, exitCode: stop.exitCode ?? exitCodeOf(results) };
}

/** The functions the workers' pools made (fixtures/pool.ts), as they wrote them to the run's budget dir. */
async function poolFunctions(budgetDir: string | undefined): Promise<string[]> {
  if (!budgetDir) return [];
  const text = await readFile(join(budgetDir, POOL_FILE), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean);
}

/** The rules the run did not reach (it stopped or was aborted): inconclusive with why; filtered rules stay skipped. */
function withUnreached(
  reported: ReadonlyMap<string, ReportedRule>,
  config: Pick<RunConfig, 'tier' | 'rules' | 'evidence'>,
  why: string,
): Map<string, ReportedRule> {
  return new Map(
    catalogue.map((rule) => {
      const done = reported.get(rule.id);
      if (done) return [rule.id, done];
      const excluded = filteredOut(rule, config);
      return [
        rule.id,
        excluded
          ? { verdict: 'skip', durationMs: 0, requests: 0, reason: excluded, evidence: [] }
          : { verdict: 'inconclusive', durationMs: 0, requests: 0, reason: why, evidence: [] },
      ];
    }),
  );
}

/** What every rule gets when set-up found the target unusable: inconclusive, blocked by the cause (filtered rules stay skipped). */
function blockedReports(config: Pick<RunConfig, 'tier' | 'rules' | 'evidence'>, blocking: readonly SetupProblem[]): Map<string, ReportedRule> {
  const cause = blocking.map((p) => p.cause).join('; ');
  const fix = blocking.map((p) => p.fix).join('; ');
  return new Map(
    catalogue.map((rule) => {
      const excluded = filteredOut(rule, config);
      const reported: ReportedRule = excluded
        ? { verdict: 'skip', durationMs: 0, requests: 0, reason: excluded, evidence: [] }
        : {
            verdict: 'inconclusive',
            durationMs: 0,
            requests: 0,
            reason: `blocked by set-up: ${cause}`,
            evidence: [{ message: `not run: ${cause}. Fix: ${fix}` }],
          };
      return [rule.id, reported];
    }),
  );
}

/**
 * vitest's node API, loaded with require() where Node allows it (require(esm):
 * Node 20.19+, 22.12+), else with import(). import() goes through tsx's loader
 * hooks, module by module: for vitest's graph (vite, rolldown) that cost about a
 * second and 190 MB of this process; require() loads the same modules natively.
 */
async function vitestNode(): Promise<typeof import('vitest/node')> {
  try {
    return require('vitest/node') as typeof import('vitest/node');
  } catch {
    return import('vitest/node');
  }
}

/**
 * vitest, made ready to run the suites: its node API loaded and an instance
 * created with the suites' options inline (no config file to bundle). Started
 * before the target is prepared, it is ready when the run's settings are: the
 * two overlap where preparing waits on the target.
 */
async function createSuitesVitest(collector: VerdictCollector, shard: string | undefined, concurrency: number, kind: TargetKind): Promise<Vitest> {
  const { createVitest } = await vitestNode();
  const { workers, perWorker } = parallelism(concurrency, kind);
  const earlier = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const vitest = await createVitest('test', {
    config: false,
    root: SUITES_ROOT,
    ...suitesTestOptions(),
    ...(BUILT ? { include: ['suites/**/*.test.js'] } : {}),
    watch: false,
    reporters: [collector],
    maxWorkers: workers,
    ...(perWorker > 1 ? { sequence: { concurrent: true }, maxConcurrency: perWorker } : {}),
    ...(shard ? { shard } : {}),
  });
  // vitest's own SIGINT/SIGTERM listeners end the process 1 ms after the
  // signal, before the cancelled suites' cleanup and the sweep: the run
  // handles those signals itself (run/stop.ts), so the ones vitest added go.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal)) if (!earlier[signal].includes(l)) process.off(signal, l);
  }
  return vitest;
}

/** Runs the suites in vitest; a stop (signal, deadline) cancels the run, whose hooks still clean up. */
async function runSuites(config: RunConfig, vitest: Vitest, stop: RunStop): Promise<void> {
  // Read by the workers, which start now: their environment is this process's at start().
  process.env[RUN_CONFIG_ENV] = JSON.stringify(config);
  try {
    stop.onStop(() => void vitest.cancelCurrentRun('keyboard-input'));
    if (!stop.reason) await vitest.start([]);
  } finally {
    delete process.env[RUN_CONFIG_ENV];
    process.exitCode = undefined; // vitest sets it; the run decides its own
  }
}
