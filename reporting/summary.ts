// summary.md: the short table a CI job summary shows (GitHub's
// $GITHUB_STEP_SUMMARY and the like), with the failures listed by id.
import type { Results } from './results.ts';
import { runProblems } from './results.ts';
import { conformanceFraction, coverageFraction, formatPercent, overallScore, SCORE_FOOTNOTE, tierScores } from './scores.ts';
import type { ReportWriter } from './writers.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const MAX_LISTED = 30;

export function renderSummary(r: Results): string {
  const rows = [...tierScores(r), overallScore(r)].map(
    (s) =>
      `| ${s.tier === 'all' ? '**all tiers**' : s.tier} | ${formatPercent(s.conformance)} (${conformanceFraction(s)}) | ${formatPercent(s.coverage)} (${coverageFraction(s)}) | ${s.pass} | ${s.fail} | ${s.skip} | ${s.inconclusive} | ${s.expectedFail} |`,
  );
  const failed = r.rules.filter((x) => x.verdict === 'fail');
  const problems = runProblems(r);
  const b = r.baseline;
  return [
    `## lambda-conformance: ${r.summary.fail === 0 ? 'conforms' : `${r.summary.fail} rule${r.summary.fail === 1 ? '' : 's'} failed`}`,
    '',
    `Target \`${cell(r.target.kind)}\` ${cell(r.target.endpoint)} (${cell(r.target.region)}) · @aws-sdk/client-lambda ${cell(r.sdk['@aws-sdk/client-lambda'])} · seed ${r.seed} · ${r.startedAt}${r.shard ? ` · shard ${r.shard.index}/${r.shard.count}` : ''}`,
    '',
    '| tier | conformance | coverage | pass | fail | skip | inconclusive | expected-fail |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `<sub>${cell(SCORE_FOOTNOTE)}</sub>`,
    ...(failed.length
      ? ['', '### Failed rules', '', ...failed.slice(0, MAX_LISTED).map((x) => `- \`${x.id}\` (${x.tier}): ${cell(x.evidence[0]?.message ?? '')}`), ...(failed.length > MAX_LISTED ? [`- … and ${failed.length - MAX_LISTED} more: see report.html`] : [])]
      : []),
    ...(b ? ['', `### Compared with ${cell(b.file)}`, '', `${b.newFailures.length} new failures, ${b.newPasses.length} new passes, ${b.changedEvidence.length} with changed evidence`, ...b.newFailures.map((id) => `- regression: \`${id}\``)] : []),
    ...(problems.length ? ['', '### Problems', '', ...problems.map((p) => `- ${cell(p)}`)] : []),
    '',
  ].join('\n');
}

export const summaryMd: ReportWriter = { file: 'summary.md', render: renderSummary };
