// The results.json of the CLI contract, built from what the suites reported.
// One entry per rule of the catalogue, always: a rule no suite reached still
// gets a verdict (skip, with the reason), so coverage is never silently lost.
import type { Rule } from '../specs/rules/index.ts';
import { isFilterReason } from '../suites/harness/run-config.ts';
import type { Coverage, ReportedRule, Results, RootCauseGroup, RuleResult, Verdict } from './results-types.ts';

export type * from './results-types.ts';

/** Groups the failing (and expected-fail) rules by root cause, most rules first, then by key. */
export function rootCausesOf(rules: readonly RuleResult[]): RootCauseGroup[] {
  const byKey = new Map<string, string[]>();
  for (const r of rules) {
    if ((r.verdict !== 'fail' && r.verdict !== 'expected-fail') || !r.rootCause) continue;
    byKey.set(r.rootCause, [...(byKey.get(r.rootCause) ?? []), r.id]);
  }
  return [...byKey].map(([key, ids]) => ({ key, title: key, rules: ids })).sort((a, b) => b.rules.length - a.rules.length || a.key.localeCompare(b.key));
}

/**
 * The root causes of the rules that fail (expected failures left out), each
 * with only its failing rules, most first: what the console, summary.md and
 * report.html lead with, so that all three count the same causes.
 */
export function failingCauses(r: Pick<Results, 'rules' | 'rootCauses'>): RootCauseGroup[] {
  const failing = new Set(r.rules.filter((x) => x.verdict === 'fail').map((x) => x.id));
  return (r.rootCauses ?? [])
    .map((c) => ({ ...c, rules: c.rules.filter((id) => failing.has(id)) }))
    .filter((c) => c.rules.length > 0)
    .sort((a, b) => b.rules.length - a.rules.length || a.key.localeCompare(b.key));
}

const judgedVerdicts: ReadonlySet<Verdict> = new Set(['pass', 'fail', 'expected-fail']);

/** Sets results.coverage: of the selected rules, how many got a verdict. */
export function withCoverage(results: Results, minimum: number, isSelected: (r: RuleResult) => boolean): Results {
  const selected = results.rules.filter(isSelected);
  results.coverage = { selected: selected.length, judged: selected.filter((r) => judgedVerdicts.has(r.verdict)).length, minimum };
  return results;
}

/** The run's coverage, or (results merged from shards, older results) one derived from the rules. */
export function coverageOf(results: Pick<Results, 'rules' | 'coverage'>): Coverage {
  if (results.coverage) return results.coverage;
  const selected = results.rules.filter((r) => !(r.verdict === 'skip' && isFilterReason(r.reason)));
  return { selected: selected.length, judged: selected.filter((r) => judgedVerdicts.has(r.verdict)).length, minimum: 0 };
}

/** "5 of 181 selected rules checked (2.8%)". */
export function coverageLine(c: Coverage): string {
  const pct = c.selected ? ` (${((100 * c.judged) / c.selected).toFixed(1)}%)` : '';
  return `${c.judged} of ${c.selected} selected rules checked${pct}`;
}

// Nothing judged at all is exit 2 with its own message, not a coverage shortfall.
const belowMinimum = (c: Coverage | undefined) => c !== undefined && c.judged > 0 && c.judged / c.selected < c.minimum;

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
      ...(r.rootCause ? { rootCause: r.rootCause } : {}),
      basis: rule.evidence,
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
  const stopped = [
    ...(results.aborted ? [`nothing judged: ${results.aborted}`] : []),
    ...(results.interrupted ? [`interrupted by ${results.interrupted}: verdicts are those reached before it`] : []),
    ...(results.stoppedAt ? ['the run reached --max-duration: verdicts are those reached before it'] : []),
  ];
  const c = results.coverage;
  const thin =
    c && belowMinimum(c) ? [`coverage: only ${coverageLine(c)}, below --min-coverage ${Math.round(c.minimum * 1000) / 10}%: see why rules got no verdict`] : [];
  return [...stopped, ...thin, ...results.errors, ...results.leaks.map((l) => `leaked: ${l}`), ...stale];
}

/**
 * 2 nothing was judged: no selected rule got a pass or a fail (nothing ran,
 * or everything was inconclusive or skipped); otherwise 1 a rule failed (with
 * a baseline: a rule newly failed), or the run has problems (coverage below
 * --min-coverage among them); else 0.
 */
export function exitCodeOf(results: Results): 0 | 1 | 2 {
  const s = results.summary;
  if (results.aborted || s.pass + s.fail + s.expectedFail === 0) return 2;
  if (runProblems(results).length > 0) return 1;
  const failed = results.baseline ? results.baseline.newFailures.length > 0 : s.fail > 0;
  return failed ? 1 : 0;
}
