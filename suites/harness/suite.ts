// The shape every conformance suite shares: connect to the target once per file
// (beforeAll), remove every fixture afterwards (afterAll), and register each
// rule of the catalogue as one vitest test under its id. Outcomes become
// verdicts in task.meta, which the run's reporter turns into results: a
// failure with its root cause, the requests behind it as they went over the
// wire, and a reproduction; a rule that could not judge its concern
// (inconclusive, blocked) with why.
import { afterAll, beforeAll, test } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Fixtures } from '../../fixtures/provision.ts';
import { ruleById, type Concern, type RuleId } from '../../specs/rules/index.ts';
import type { Evidence, RuleMeta } from '../../specs/verdicts.ts';
import { connectTarget, type Target } from '../../targets/target.ts';
import { Budget, DIRECT, NoAnswerStreak, Pace, type Pacing } from '../../targets/resilience.ts';
import { registerEnvironmentSecrets } from '../../targets/redact.ts';
import { Blocked, Inconclusive, rootCauseOf, RuleFailure, Unsupported } from './outcomes.ts';
import { reproduction } from './repro.ts';
import { RuleContext } from './rule-context.ts';
import { filteredOut, loadRunConfig, NO_ANSWERS_FILE, type RunConfig } from './run-config.ts';
import { stableEvidence } from './stable-evidence.ts';

export type { RuleMeta };

declare module 'vitest' {
  interface TaskMeta {
    lc?: RuleMeta;
  }
}

export interface ConformanceSuite {
  config: RunConfig;
  rule(id: RuleId, body: (t: RuleContext) => Promise<void>): void;
}

// Evidence quotes the target's answers: the run's credentials are redacted in this worker too.
registerEnvironmentSecrets();

/** The requests a failing or inconclusive rule made, as they went over the wire: the last ones, where the failure is. */
const MAX_EXCHANGES = 12;

/** A rule's own name space for its fixtures: a short, stable hash of its id. */
const scopeOf = (id: string) => `r${createHash('sha256').update(id).digest('hex').slice(0, 4)}`;

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
        const t = new RuleContext(rule, target, fixtures.scope(scopeOf(id)), config, pacing);
        try {
          await body(t);
        } catch (e) {
          meta.requests = t.requests;
          const exchanges = t.steps.flatMap((s) => (s.exchange ? [s.exchange] : [])).slice(-MAX_EXCHANGES);
          const evidence = (e: Evidence) => stableEvidence({ ...e, exchanges, repro: reproduction(t.steps, target, config) }, config.prefix);
          if (e instanceof Unsupported || e instanceof Inconclusive) {
            meta.verdict = e instanceof Unsupported ? 'skip' : 'inconclusive';
            meta.reason = e.message;
            if (e instanceof Blocked) meta.rootCause = e.blocker;
            const f = e instanceof Blocked ? e.failure : undefined;
            meta.evidence.push(evidence({ message: e.message, ...(f ? { expected: f.expected, actual: f.actual, ...f.extra } : {}) }));
            return ctx.skip(e.message);
          }
          const failure = e instanceof RuleFailure ? e : new RuleFailure(`${(e as Error).name}: ${(e as Error).message}`);
          meta.rootCause = rootCauseOf(failure) ?? `${id}: ${failure.message.split('\n')[0]}`;
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
    streak: new NoAnswerStreak(r.budgetDir && join(r.budgetDir, NO_ANSWERS_FILE)),
  };
}
