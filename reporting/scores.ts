// The figures every report shows, per tier and kept apart:
//   conformance = pass / (pass + fail)  — of what was judged, how much conforms;
//   coverage    = (pass + fail) / rules — of the tier's rules, how much was judged.
// skip, inconclusive and expected-fail are counted beside them, never folded in:
// an expected-fail (a known divergence from --expect) is neither a pass nor a
// fail, so it is outside both figures. A figure whose denominator is 0 is null
// ("n/a" when formatted), never NaN.
// Pure functions of the results: summary.md, junit.xml and report.html share them.
import { EVIDENCE_CLASSES, TIERS, type EvidenceClass, type Tier } from '../specs/rules/rule.ts';
import type { Results, RuleResult, Verdict } from './results.ts';

export interface Score {
  /** A tier, or 'all' for every rule of the results. */
  tier: Tier | 'all';
  /** Rules of the tier in the results, whatever their verdict. */
  rules: number;
  pass: number;
  fail: number;
  skip: number;
  inconclusive: number;
  expectedFail: number;
  /** pass / (pass + fail); null when nothing was judged. */
  conformance: number | null;
  /** (pass + fail) / rules; null when the tier has no rules. */
  coverage: number | null;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function scoreOf(tier: Score['tier'], rules: readonly Pick<RuleResult, 'verdict'>[]): Score {
  const count = (v: Verdict) => rules.filter((r) => r.verdict === v).length;
  const pass = count('pass');
  const fail = count('fail');
  return {
    tier,
    rules: rules.length,
    pass,
    fail,
    skip: count('skip'),
    inconclusive: count('inconclusive'),
    expectedFail: count('expected-fail'),
    conformance: ratio(pass, pass + fail),
    coverage: ratio(pass + fail, rules.length),
  };
}

/** One score per tier, in tier order (core, complete, strict), each over that tier's rules only. */
export function tierScores(results: Pick<Results, 'rules'>): Score[] {
  return TIERS.map((tier) =>
    scoreOf(
      tier,
      results.rules.filter((r) => r.tier === tier),
    ),
  );
}

/** The same figures over every rule of the results, whatever the tier. */
export function overallScore(results: Pick<Results, 'rules'>): Score {
  return scoreOf('all', results.rules);
}

/** The figures of one evidence class: Score's counts and ratios, over the rules of that class. */
export interface EvidenceClassScore extends Omit<Score, 'tier'> {
  evidenceClass: EvidenceClass;
}

/**
 * One score per evidence class (recorded, analogous, modelled, documented,
 * inferred, in that order), each over the rules resting on that class, whatever
 * their tier: how far a target agrees with what AWS showed, as against what the
 * docs say or the suite infers. Rules without a basis (results not built from
 * the catalogue, such as the replay of recordings) are in none.
 */
export function evidenceClassScores(results: Pick<Results, 'rules'>): EvidenceClassScore[] {
  return EVIDENCE_CLASSES.map((evidenceClass) => {
    const { tier: _all, ...figures } = scoreOf(
      'all',
      results.rules.filter((r) => r.basis?.class === evidenceClass),
    );
    return { evidenceClass, ...figures };
  });
}

/**
 * A ratio as a percentage with one decimal, or "n/a" for null. Never rounds a
 * ratio below 1 up to "100.0%", nor one above 0 down to "0.0%": one failure in
 * 10,000 rules still shows.
 */
export function formatPercent(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return 'n/a';
  let tenths = Math.round(r * 1000);
  if (tenths === 1000 && r < 1) tenths = 999;
  if (tenths === 0 && r > 0) tenths = 1;
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The fraction behind a figure, e.g. "36/39", or "0/0". */
export function conformanceFraction(s: Score): string {
  return `${s.pass}/${s.pass + s.fail}`;
}

export function coverageFraction(s: Score): string {
  return `${s.pass + s.fail}/${s.rules}`;
}

/** The footnote every report carries beside the figures. */
export const SCORE_FOOTNOTE =
  'Conformance = pass / (pass + fail); coverage = (pass + fail) / rules of the tier. ' +
  'Skipped and inconclusive rules are counted beside the figures, never folded in. ' +
  'Expected-fail rules (known divergences listed with --expect) count neither as pass nor as fail, ' +
  'so they are outside both conformance and coverage. n/a: nothing to divide by.';
