// The main job, usable as a function: check the target, probe it, run the
// conformance suites with vitest, and return the results of every rule.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Vitest } from 'vitest/node';
import { catalogue } from '../specs/rules/index.ts';
import type { Target, TargetKind } from '../targets/target.ts';
import { EMBEDDED_ENDPOINT } from '../targets/embedded-endpoint.ts';
import { runPrefix } from '../fixtures/run-prefix.ts';
import { progressOutput, VerdictCollector, type ProgressOutput } from '../reporting/collector.ts';
import { exitCodeOf, ruleResults, summarise, type Results } from '../reporting/results.ts';
import type { Expectation } from '../reporting/expectations.ts';
import { BaselineFileError, compareWithBaseline, loadBaseline } from '../reporting/baseline.ts';
import { RUN_CONFIG_ENV, type ResilienceConfig, type RunConfig } from '../suites/harness/run-config.ts';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunOptions } from './run-options.ts';

const require = createRequire(import.meta.url);
const SUITES_CONFIG = fileURLToPath(new URL('../suites/vitest.config.ts', import.meta.url));

/** The target cannot be used: exit 2 with this one line. */
export class TargetError extends Error {}

/** What every results.json starts with: tool, target, SDK, seed, times, rules and their summary. */
export function resultsOf(target: Pick<Target, 'kind' | 'endpoint' | 'region'>, seed: number, startedAt: string, rules: Results['rules']): Results {
  const v = versions();
  return {
    tool: { name: 'lambda-conformance', version: v.tool },
    target: { kind: target.kind, endpoint: target.endpoint, region: target.region },
    sdk: { '@aws-sdk/client-lambda': v.sdk },
    seed,
    startedAt,
    finishedAt: new Date().toISOString(),
    summary: summarise(rules),
    rules,
    errors: [],
    leaks: [],
  };
}

export function versions(): { tool: string; sdk: string } {
  return {
    tool: (require('../package.json') as { version: string }).version,
    sdk: (require('@aws-sdk/client-lambda/package.json') as { version: string }).version,
  };
}

/** On AWS, refuse to start unless the caller's account is explicitly allowed. */
async function checkAccount(opts: RunOptions): Promise<void> {
  if (opts.target.kind !== 'aws') return;
  if (opts.allowAccounts.length === 0) {
    throw new TargetError('--target aws runs only in allowed accounts: add --allow-account <12-digit id> (or LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS)');
  }
  const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({ region: opts.target.region });
  let account: string | undefined;
  try {
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (e) {
    throw new TargetError(`cannot tell which AWS account these credentials belong to (STS GetCallerIdentity failed: ${(e as Error).message}); nothing was created`);
  } finally {
    sts.destroy();
  }
  if (!account || !opts.allowAccounts.includes(account)) {
    throw new TargetError(`account ${account ?? '(unknown)'} is not in the allowlist (${opts.allowAccounts.join(', ')}); refusing to run, nothing was created`);
  }
}

/** What this process holds of the target: where it is, what it lacks, and how to remove what the run left there. */
interface Connection {
  endpoint: string;
  lacking: string[];
  sweep(prefix: string): Promise<{ removed: string[]; failed: string[] }>;
  close(): void;
}

/**
 * The embedded emulator lives inside each vitest worker (suites/harness/suite.ts)
 * and its state in that worker's memory: this process has nothing of it to
 * probe (it is the reference, lacking nothing) and nothing to sweep, so it loads
 * no target code at all; that was a quarter of a default run's start-up.
 */
const EMBEDDED: Connection = { endpoint: EMBEDDED_ENDPOINT, lacking: [], sweep: async () => ({ removed: [], failed: [] }), close: () => {} };

async function prepare(opts: RunOptions, prefix: string): Promise<Connection> {
  if (opts.target.kind === 'embedded') return EMBEDDED;
  await checkAccount(opts);
  const [{ connectTarget }, { lackingOperations, unreachable }, { Budget, Pace }, { sweep }] = await Promise.all([
    import('../targets/target.ts'),
    import('../targets/probe.ts'),
    import('../targets/resilience.ts'),
    import('../fixtures/sweep.ts'),
  ]);
  const target = connectTarget(opts.target);
  const cause = await unreachable(target);
  if (cause) {
    target.close();
    throw new TargetError(`cannot reach the target ${target.endpoint} (${cause}): is it running, and is the URL right?`);
  }
  const r = opts.resilience;
  const pacing = { retry: { attempts: r.attempts, baseDelayMs: 50, maxDelayMs: 2_000 }, pace: new Pace(r.rate), requests: new Budget(undefined, undefined, 'request') };
  return {
    endpoint: target.endpoint,
    lacking: await lackingOperations(target, `${prefix}probe-missing`, pacing),
    sweep: (run) => sweep(target.client, { run }),
    close: () => target.close(),
  };
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
  const budgetDir = r.maxRequests || r.maxFunctions ? await mkdtemp(join(tmpdir(), 'lc-budget-')) : undefined;
  return {
    attempts: r.attempts,
    baseDelayMs: opts.target.kind === 'aws' ? 200 : 20,
    maxDelayMs: opts.target.kind === 'aws' ? 20_000 : 2_000,
    ...(r.timeoutMs ? { timeoutMs: r.timeoutMs } : {}),
    ...(r.rate ? { ratePerWorker: r.rate / workers } : {}),
    ...(r.maxRequests ? { maxRequests: r.maxRequests } : {}),
    ...(r.maxFunctions ? { maxFunctions: r.maxFunctions } : {}),
    ...(budgetDir ? { budgetDir } : {}),
  };
}

/** A bad --expect or --baseline file: exit 2 before anything runs. */
export class InputFileError extends Error {}

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
      ...(expectations && opts.expect ? { expectations: await expectations.loadExpectations(opts.expect, catalogue.map((r) => r.id)) } : {}),
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
  const inputs = await loadInputs(opts);
  const prefix = runPrefix();
  const target = await prepare(opts, prefix);
  const { lacking } = target;
  if (lacking.length) log(`the target lacks ${lacking.join(', ')}: rules that need them are skipped`);

  const config: RunConfig = {
    target: opts.target,
    seed: opts.seed,
    numRuns: opts.numRuns,
    tier: opts.tier,
    prefix,
    lackingOperations: lacking,
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.target.kind !== 'embedded' ? { resilience: await resilienceConfig(opts) } : {}),
  };
  const collector = new VerdictCollector(catalogue.length, progress);
  const shard = opts.shard ? `${opts.shard.index}/${opts.shard.count}` : undefined;
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  let cleanup: { removed: string[]; failed: string[] };
  try {
    interrupted = await runSuites(config, collector, shard, log, opts.concurrency);
  } finally {
    // Whatever happened (an interrupt, a crashed worker, a failed afterAll),
    // remove everything this run created before returning.
    cleanup = await target.sweep(prefix).catch((e: Error) => ({ removed: [], failed: [`sweep of ${prefix}: ${e.message}`] }));
    target.close();
  }
  if (cleanup.removed.length) log(`removed ${cleanup.removed.length} leftover functions of this run: ${cleanup.removed.join(', ')}`);

  const unreported = interrupted ? `not reached: the run was interrupted by ${interrupted}` : shard ? `in another shard than ${shard}` : undefined;
  const rules = ruleResults(catalogue, collector.reported, unreported);
  const results: Results = {
    ...resultsOf({ ...opts.target, endpoint: target.endpoint }, opts.seed, startedAt, rules),
    // A suite whose own cleanup failed is not an error once the sweep removed what it left.
    errors: collector.errors.filter((e) => !e.includes('cleanup failed') || cleanup.failed.length > 0),
    leaks: cleanup.failed,
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(interrupted ? { interrupted } : {}),
  };
  if (inputs.expectations) results.expectations = (await expectationsModule()).applyExpectations(results, inputs.expectations);
  results.summary = summarise(results.rules);
  if (inputs.baseline && opts.baseline) results.baseline = compareWithBaseline(results, inputs.baseline, opts.baseline);
  // An interrupted run exits as the shell expects of a signal: 130 (SIGINT), 143 (SIGTERM).
  return { results, exitCode: interrupted ? (interrupted === 'SIGINT' ? 130 : 143) : exitCodeOf(results) };
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

/** Runs the suites in vitest; SIGINT/SIGTERM cancel the run (hooks still clean up). Returns the signal, if any. */
async function runSuites(config: RunConfig, collector: VerdictCollector, shard: string | undefined, log: (l: string) => void, concurrency: number): Promise<'SIGINT' | 'SIGTERM' | undefined> {
  process.env[RUN_CONFIG_ENV] = JSON.stringify(config);
  let vitest: Vitest | undefined;
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (interrupted) return;
    interrupted = signal;
    log(`${signal}: stopping the run, then removing everything it created`);
    void vitest?.cancelCurrentRun('keyboard-input');
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    const { createVitest } = await vitestNode();
    const { workers, perWorker } = parallelism(concurrency, config.target.kind);
    const earlier = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    vitest = await createVitest('test', {
      config: SUITES_CONFIG,
      watch: false,
      reporters: [collector],
      maxWorkers: workers,
      ...(perWorker > 1 ? { sequence: { concurrent: true }, maxConcurrency: perWorker } : {}),
      ...(shard ? { shard } : {}),
    });
    // vitest's own SIGINT/SIGTERM listeners end the process 1 ms after the
    // signal, before the cancelled suites' cleanup and the sweep: this run
    // handles those signals itself (onSignal), so the ones vitest added go.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const l of process.listeners(signal)) if (!earlier[signal].includes(l)) process.off(signal, l);
    }
    if (!interrupted) await vitest.start([]);
  } finally {
    await vitest?.close();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    delete process.env[RUN_CONFIG_ENV];
    process.exitCode = undefined; // vitest sets it; the run decides its own
  }
  return interrupted;
}
