// The shape every conformance suite shares: connect to the target once per file
// (beforeAll), remove every fixture afterwards (afterAll), and register each
// rule of the catalogue as one vitest test under its id. Outcomes become
// verdicts in task.meta, which the run's reporter turns into results.
import { afterAll, beforeAll, test } from 'vitest';
import { Fixtures } from '../../fixtures/provision.ts';
import { ruleById, type Concern } from '../../specs/rules/index.ts';
import { connectTarget, type Target } from '../../targets/target.ts';
import { Budget, DIRECT, Pace, type Pacing } from '../../targets/resilience.ts';
import { join } from 'node:path';
import { Inconclusive, RuleFailure, Unsupported, type Evidence } from './outcomes.ts';
import { reproduction } from './repro.ts';
import { RuleContext } from './rule-context.ts';
import { filteredOut, loadRunConfig, type RunConfig } from './run-config.ts';

export interface RuleMeta {
  ruleId: string;
  /** Set for outcomes vitest cannot express: a skip that is really inconclusive. */
  verdict?: 'skip' | 'inconclusive';
  reason?: string;
  requests: number;
  evidence: Evidence[];
}

declare module 'vitest' {
  interface TaskMeta {
    lc?: RuleMeta;
  }
}

export interface ConformanceSuite {
  config: RunConfig;
  rule(id: string, body: (t: RuleContext) => Promise<void>): void;
}

export function conformanceSuite(concern: Concern): ConformanceSuite {
  const config = loadRunConfig();
  let target: Target;
  let fixtures: Fixtures;
  const pacing = pacingOf(config);

  beforeAll(() => {
    target = connectTarget(config.target);
    const functions = new Budget(config.resilience?.budgetDir && join(config.resilience.budgetDir, 'functions'), config.resilience?.maxFunctions, 'function');
    // One name space per suite file: files run in parallel against URL targets.
    fixtures = new Fixtures(target.client, `${config.prefix}${concern.slice(0, 6)}-`, target.roleArn, pacing, functions);
  });
  afterAll(async () => {
    const leaks = (await fixtures?.cleanup()) ?? [];
    target?.close();
    if (leaks.length) throw new Error(`cleanup failed, resources left on the target: ${leaks.join('; ')}`);
  });

  return {
    config,
    rule(id, body) {
      const rule = ruleById(id);
      test(id, async (ctx) => {
        const meta: RuleMeta = { ruleId: id, requests: 0, evidence: [] };
        ctx.task.meta.lc = meta;
        const excluded = filteredOut(rule, config);
        if (excluded) {
          meta.verdict = 'skip';
          meta.reason = excluded;
          return ctx.skip(excluded);
        }
        const t = new RuleContext(rule, target, fixtures, config, pacing);
        try {
          await body(t);
        } catch (e) {
          meta.requests = t.requests;
          if (e instanceof Unsupported || e instanceof Inconclusive) {
            meta.verdict = e instanceof Unsupported ? 'skip' : 'inconclusive';
            meta.reason = e.message;
            meta.evidence.push(stable({ message: e.message, repro: reproduction(t.steps, target) }, config.prefix));
            return ctx.skip(e.message);
          }
          const failure = e instanceof RuleFailure ? e : new RuleFailure(`${(e as Error).name}: ${(e as Error).message}`);
          meta.evidence.push(
            stable(
              { message: failure.message, expected: failure.expected, actual: failure.actual, seed: config.seed, ...failure.extra, repro: reproduction(t.steps, target) },
              config.prefix,
            ),
          );
          throw new Error(failure.message);
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
    pace: new Pace(r.ratePerWorker),
    requests: new Budget(r.budgetDir && join(r.budgetDir, 'requests'), r.maxRequests, 'request'),
  };
}

/**
 * Evidence names the run's fixtures by the run-independent `lc-RUNID-` instead
 * of the random run prefix: the same seed then gives the same evidence, and the
 * reproduction still uses valid names (of the reader's own, never the run's,
 * which are deleted at its end).
 */
function stable(e: Evidence, prefix: string): Evidence {
  const runPrefix = /^lc-[0-9a-f]{6}-/.exec(prefix)?.[0];
  if (!runPrefix) return e;
  return JSON.parse(JSON.stringify(e).split(runPrefix).join('lc-RUNID-')) as Evidence;
}
