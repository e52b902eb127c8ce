// The results.json of the CLI contract, built from what the suites reported.
// One entry per rule of the catalogue, always: a rule no suite reached still
// gets a verdict (skip, with the reason), so coverage is never silently lost.
import type { Rule, Tier, Operation } from '../specs/rules/index.ts';
import type { Evidence } from '../suites/harness/outcomes.ts';
import type { ExpectationOutcome } from './expectations.ts';
import type { BaselineComparison } from './baseline.ts';

export type Verdict = 'pass' | 'fail' | 'skip' | 'inconclusive' | 'expected-fail';

export interface RuleResult {
  id: string;
  title: string;
  tier: Tier;
  operations: Operation[];
  verdict: Verdict;
  durationMs: number;
  requests: number;
  /** Why a rule was skipped or inconclusive. */
  reason?: string;
  documentedOnly?: string;
  evidence: Evidence[];
}

export interface Results {
  tool: { name: string; version: string };
  target: { kind: string; endpoint: string; region: string };
  sdk: { '@aws-sdk/client-lambda': string };
  seed: number;
  startedAt: string;
  finishedAt: string;
  summary: { pass: number; fail: number; skip: number; inconclusive: number; expectedFail: number };
  rules: RuleResult[];
  /** Errors outside any rule (a suite that could not load, a cleanup that failed). */
  errors: string[];
  /** Resources the run created and could not delete. */
  leaks: string[];
  /** With --shard i/n: which slice of the rules this run holds. */
  shard?: { index: number; count: number };
  /** With --expect: what became of each known-divergence entry. */
  expectations?: ExpectationOutcome[];
  /** With --baseline: the comparison with the earlier run. */
  baseline?: BaselineComparison;
  /** Set when a signal stopped the run: verdicts are those reached before it. */
  interrupted?: 'SIGINT' | 'SIGTERM';
}

/** What one rule's test reported; absent when no test ran for it. */
export interface ReportedRule {
  verdict: Exclude<Verdict, 'expected-fail'>;
  durationMs: number;
  requests: number;
  reason?: string;
  evidence: Evidence[];
}

export function ruleResults(
  catalogue: readonly Rule[],
  reported: ReadonlyMap<string, ReportedRule>,
  unreported = 'no suite implements this rule in this build',
): RuleResult[] {
  return catalogue.map((rule) => {
    const r = reported.get(rule.id) ?? { verdict: 'skip' as const, durationMs: 0, requests: 0, reason: unreported, evidence: [] };
    return {
      id: rule.id,
      title: rule.title,
      tier: rule.tier,
      operations: rule.operations,
      verdict: r.verdict,
      durationMs: Math.round(r.durationMs),
      requests: r.requests,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(rule.documentedOnly ? { documentedOnly: rule.documentedOnly } : {}),
      evidence: r.evidence,
    };
  });
}

export function summarise(rules: readonly RuleResult[]): Results['summary'] {
  const count = (v: Verdict) => rules.filter((r) => r.verdict === v).length;
  return { pass: count('pass'), fail: count('fail'), skip: count('skip'), inconclusive: count('inconclusive'), expectedFail: count('expected-fail') };
}

/** Why the run fails beyond rule verdicts: errors, leaks, stale known divergences. */
export function runProblems(results: Results): string[] {
  const stale = (results.expectations ?? []).flatMap((o) =>
    o.status === 'fixed'
      ? [`fixed: ${o.rule} now passes (${o.rules.join(', ')}): remove the entry from the --expect file`]
      : o.status === 'expired'
        ? [`expired: the --expect entry for ${o.rule} expired on ${o.expires}: fix the divergence or renew the entry`]
        : [],
  );
  const stopped = results.interrupted ? [`interrupted by ${results.interrupted}: verdicts are those reached before it`] : [];
  return [...stopped, ...results.errors, ...results.leaks.map((l) => `leaked: ${l}`), ...stale];
}

/**
 * 0 all selected rules pass (or are expected-fail); 1 a rule failed (with a
 * baseline: a rule newly failed), or the run has problems; 2 nothing ran.
 */
export function exitCodeOf(results: Results): 0 | 1 | 2 {
  if (runProblems(results).length > 0) return 1;
  const failed = results.baseline ? results.baseline.newFailures.length > 0 : results.summary.fail > 0;
  if (failed) return 1;
  const ran = results.summary.pass + results.summary.fail + results.summary.expectedFail + results.summary.inconclusive;
  return ran === 0 ? 2 : 0;
}
