// The shape every conformance suite shares: the worker's connection to the
// target and its pool of functions (fixtures/pool.ts: a rule leases clean
// functions, returned reset when it ends), set-ups several rules judge made
// once (shared()), and each rule of the catalogue registered as one vitest
// test under its id. Outcomes become verdicts in task.meta, which the run's
// reporter turns into results: a failure with its root cause, the requests
// behind it as they went over the wire, and a reproduction; a rule that could
// not judge its concern (inconclusive, blocked) with why. What each file's
// harness sent besides its rules' requests goes in the file's meta (lcTraffic).
import { afterAll, beforeAll, test, type RunnerTestFile } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Fixtures } from '../../fixtures/provision.ts';
import { FunctionPool } from '../../fixtures/pool.ts';
import { ruleById, type Concern, type RuleId } from '../../specs/rules/index.ts';
import type { Evidence, RuleMeta, SuiteTraffic } from '../../specs/verdicts.ts';
import { connectTarget, type Target } from '../../targets/target.ts';
import { AdaptivePace, Budget, DIRECT, NoAnswerStreak, type Pacing } from '../../targets/resilience.ts';
import { registerEnvironmentSecrets } from '../../targets/redact.ts';
import { Blocked, Inconclusive, rootCauseOf, RuleFailure, Unsupported } from './outcomes.ts';
import { reproduction } from './repro.ts';
import { RuleContext } from './rule-context.ts';
import { filteredOut, loadRunConfig, NO_ANSWERS_FILE, POOL_FILE, type RunConfig } from './run-config.ts';
import { stableEvidence } from './stable-evidence.ts';

export type { RuleMeta };

declare module 'vitest' {
  interface TaskMeta {
    lc?: RuleMeta;
    /** On a suite file: the requests its harness sent outside any rule, and the functions it created. */
    lcTraffic?: SuiteTraffic;
  }
}

export interface ConformanceSuite {
  config: RunConfig;
  rule(id: RuleId, body: (t: RuleContext) => Promise<void>): void;
  /**
   * A set-up whose answers several rules judge, each its own property of them
   * (the same requests, made once): run by the first rule that needs it, in
   * a context of its own (its fixtures named under `shared-<key>`, its
   * requests counted as the suite's), its functions held until the file
   * ends. Every rule that uses it gets its result, its steps as evidence and
   * reproduction, and its outcome when it fails (blocked, inconclusive).
   */
  shared<T>(key: string, setup: (t: RuleContext) => Promise<T>): (t: RuleContext) => Promise<T>;
}

// Evidence quotes the target's answers: the run's credentials are redacted in this worker too.
registerEnvironmentSecrets();

/** The requests a failing or inconclusive rule made, as they went over the wire: the last ones, where the failure is. */
const MAX_EXCHANGES = 12;

/** A rule's own name space for its fixtures: a short, stable hash of its id. */
const scopeOf = (id: string) => `r${createHash('sha256').update(id).digest('hex').slice(0, 4)}`;

/**
 * What the suite files of one worker process share: the connection to the
 * target (on the embedded target, the emulator itself) and the pool of
 * functions. Files run one after another in a worker, and each leaves the
 * pool clean; the run's teardown deletes the pool's functions (on the
 * embedded target they go with the worker).
 */
interface WorkerShare {
  target: Target;
  pacing: Pacing;
  pool: FunctionPool;
}
const SHARE = Symbol.for('lambda-conformance.worker-share');
type WithShare = typeof globalThis & { [SHARE]?: Map<string, WorkerShare> };

function workerShare(config: RunConfig): WorkerShare {
  const g = globalThis as WithShare;
  g[SHARE] ??= new Map();
  const key = JSON.stringify([config.prefix, config.target]);
  let share = g[SHARE].get(key);
  if (!share) {
    const target = connectTarget(config.target);
    const pacing = pacingOf(config);
    const dir = config.resilience?.budgetDir;
    const functions = new Budget(dir && join(dir, 'functions'), config.resilience?.maxFunctions, 'function');
    const fixtures = new Fixtures(target.client, config.prefix, target.roleArn, pacing, functions);
    const pool = new FunctionPool(fixtures, config.prefix, dir && join(dir, POOL_FILE), config.environment?.sharedFunction);
    share = { target, pacing, pool };
    g[SHARE].set(key, share);
  }
  return share;
}

export function conformanceSuite(concern: Concern): ConformanceSuite {
  const config = loadRunConfig();
  let share: WorkerShare;
  let fixtures: Fixtures;
  let file: RunnerTestFile | undefined;
  const traffic: SuiteTraffic = { requests: 0, functionsCreated: 0 };
  let createdBefore = 0;
  /** The contexts of the shared set-ups run in this file. */
  const sharedContexts: RuleContext[] = [];

  beforeAll(() => {
    share = workerShare(config);
    share.pool.meter = (n) => {
      traffic.requests += n;
    };
    createdBefore = share.pool.created;
    // One name space per suite file (the names rules give their fixtures in evidence).
    fixtures = new Fixtures(share.target.client, `${config.prefix}${concern.slice(0, 6)}-`, share.target.roleArn, share.pacing);
  });
  afterAll(async () => {
    await Promise.all(sharedContexts.map((c) => c.releaseAll()));
    for (const c of sharedContexts) traffic.requests += c.requests;
    await share?.pool.settled();
    traffic.functionsCreated = (share?.pool.created ?? 0) - createdBefore;
    if (file) file.meta.lcTraffic = traffic;
  });

  return {
    config,
    shared<T>(key: string, setup: (t: RuleContext) => Promise<T>) {
      let done: Promise<{ ctx: RuleContext; value: T } | { ctx: RuleContext; error: unknown }> | undefined;
      return async (t: RuleContext) => {
        done ??= (async () => {
          const ctx = new RuleContext(t.rule, share.target, fixtures.scope(`shared-${key}`), config, share.pacing, share.pool);
          sharedContexts.push(ctx);
          try {
            return { ctx, value: await setup(ctx) };
          } catch (error) {
            return { ctx, error };
          }
        })();
        const r = await done;
        t.adopt(r.ctx);
        if ('error' in r) throw r.error;
        return r.value;
      };
    },
    rule(id, body) {
      const rule = ruleById(id);
      test(id, async (ctx) => {
        file ??= ctx.task.file;
        const meta: RuleMeta = { ruleId: id, requests: 0, evidence: [] };
        ctx.task.meta.lc = meta;
        const excluded = filteredOut(rule, config);
        if (excluded) {
          meta.verdict = 'skip';
          meta.reason = excluded;
          return ctx.skip(excluded);
        }
        const { target, pacing, pool } = share;
        const t = new RuleContext(rule, target, fixtures.scope(scopeOf(id)), config, pacing, pool);
        try {
          await body(t);
        } catch (e) {
          meta.requests = t.requests;
          const exchanges = t.steps.flatMap((s) => (s.exchange ? [s.exchange] : [])).slice(-MAX_EXCHANGES);
          const evidence = (e: Evidence) =>
            stableEvidence(
              JSON.parse(t.localise(JSON.stringify({ ...e, exchanges, repro: reproduction(t.steps, target, config) }))) as Evidence,
              config.prefix,
            );
          if (e instanceof Unsupported || e instanceof Inconclusive) {
            meta.verdict = e instanceof Unsupported ? 'skip' : 'inconclusive';
            meta.reason = t.localise(e.message);
            if (e instanceof Blocked) meta.rootCause = e.blocker;
            const f = e instanceof Blocked ? e.failure : undefined;
            meta.evidence.push(evidence({ message: e.message, ...(f ? { expected: f.expected, actual: f.actual, ...f.extra } : {}) }));
            return ctx.skip(e.message);
          }
          const failure = e instanceof RuleFailure ? e : new RuleFailure(`${(e as Error).name}: ${(e as Error).message}`);
          meta.rootCause = t.localise(rootCauseOf(failure) ?? `${id}: ${failure.message.split('\n')[0]}`);
          meta.evidence.push(
            evidence({
              message: failure.message,
              expected: failure.expected,
              actual: failure.actual,
              seed: config.seed,
              ...(t.subject ? { about: t.subject } : {}),
              ...failure.extra,
            }),
          );
          throw new Error(t.localise(failure.message));
        } finally {
          // Back to the pool, reset in the background: the next lease of it waits for the reset.
          void t.releaseAll();
        }
        meta.requests = t.requests;
      });
    },
  };
}

/** The run's retries, pace and request budget, as this worker applies them. */
function pacingOf(config: RunConfig): Pacing {
  const r = config.resilience;
  if (!r) return DIRECT;
  return {
    retry: { attempts: r.attempts, baseDelayMs: r.baseDelayMs, maxDelayMs: r.maxDelayMs, ...(r.timeoutMs ? { timeoutMs: r.timeoutMs } : {}) },
    // A rate given (--rate; on AWS by default) is a ceiling; below it, and without one, the target's 429s set the pace.
    pace: new AdaptivePace(r.ratePerWorker),
    requests: new Budget(r.budgetDir && join(r.budgetDir, 'requests'), r.maxRequests, 'request'),
    streak: new NoAnswerStreak(r.budgetDir && join(r.budgetDir, NO_ANSWERS_FILE)),
  };
}
