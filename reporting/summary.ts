// summary.md: the short table a CI job summary shows (GitHub's
// $GITHUB_STEP_SUMMARY and the like), with the failures listed by id.
import type { Results } from './results.ts';
import { failingCauses, runProblems } from './results.ts';
import { headline } from './headline.ts';
import { conformanceFraction, coverageFraction, formatPercent, overallScore, SCORE_FOOTNOTE, tierScores } from './scores.ts';
import type { ReportWriter } from './report-writer.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const MAX_LISTED = 30;

/** Why rules got no verdict, each cause once with its fix: first thing after the headline. */
function noVerdicts(r: Results): string[] {
  const groups = r.setupProblems ?? [];
  if (!groups.length) return [];
  const n = groups.reduce((sum, g) => sum + g.rules.length, 0);
  return [
    `### Why ${n} rule${n === 1 ? '' : 's'} got no verdict (${groups.length} cause${groups.length === 1 ? '' : 's'})`,
    '',
    ...groups.map(
      (g) =>
        `- ${g.blocking ? '**blocking:** ' : ''}${cell(g.cause)}${g.rules.length ? ` (${g.rules.length} rule${g.rules.length === 1 ? '' : 's'})` : ''}${g.fix ? `  \n  **Fix:** ${cell(g.fix)}` : ''}`,
    ),
    '',
  ];
}

/** The failures by root cause, most rules first, each with the rules it fails. */
function rootCauses(r: Results, failing: number): string[] {
  if (!failing) return [];
  const causes = failingCauses(r);
  return [
    '',
    `### ${causes.length} root cause${causes.length === 1 ? '' : 's'} behind ${failing} failing rule${failing === 1 ? '' : 's'}`,
    '',
    '| rules | root cause | failing rules |',
    '|---:|---|---|',
    ...causes.slice(0, MAX_LISTED).map(
      (c) =>
        `| ${c.rules.length} | ${cell(c.title)} | ${c.rules
          .slice(0, 5)
          .map((id) => `\`${id}\``)
          .join(', ')}${c.rules.length > 5 ? ` and ${c.rules.length - 5} more` : ''} |`,
    ),
    ...(causes.length > MAX_LISTED ? ['', `… and ${causes.length - MAX_LISTED} more causes: see report.html`] : []),
  ];
}

export function renderSummary(r: Results): string {
  const rows = [...tierScores(r), overallScore(r)].map(
    (s) =>
      `| ${s.tier === 'all' ? '**all tiers**' : s.tier} | ${formatPercent(s.conformance)} (${conformanceFraction(s)}) | ${formatPercent(s.coverage)} (${coverageFraction(s)}) | ${s.pass} | ${s.fail} | ${s.skip} | ${s.inconclusive} | ${s.expectedFail} |`,
  );
  const failed = r.rules.filter((x) => x.verdict === 'fail');
  const problems = runProblems(r);
  const b = r.baseline;
  return [
    `## lambda-conformance: ${headline(r)}`,
    '',
    ...noVerdicts(r),
    `Target \`${cell(r.target.kind)}\` ${cell(r.target.endpoint)} (${cell(r.target.region)}) · @aws-sdk/client-lambda ${cell(r.sdk['@aws-sdk/client-lambda'])} · seed ${r.seed} · ${r.startedAt}${r.shard ? ` · shard ${r.shard.index}/${r.shard.count}` : ''}`,
    '',
    '| tier | conformance | coverage | pass | fail | skip | inconclusive | expected-fail |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `<sub>${cell(SCORE_FOOTNOTE)}</sub>`,
    ...rootCauses(r, failed.length),
    ...(b
      ? [
          '',
          `### Compared with ${cell(b.file)}`,
          '',
          `${b.newFailures.length} new failures, ${b.newPasses.length} new passes, ${b.changedEvidence.length} with changed evidence`,
          ...(b.sdkChange ? ['', `**The SDK changed:** @aws-sdk/client-lambda ${cell(b.sdkChange.from)} in the baseline, ${cell(b.sdkChange.to)} now.`] : []),
          ...(b.targetChange ? ['', `**The target changed:** ${cell(b.targetChange.from)} in the baseline, ${cell(b.targetChange.to)} now.`] : []),
          ...b.newFailures.map((id) => `- regression: \`${id}\``),
        ]
      : []),
    ...(problems.length ? ['', '### Problems', '', ...problems.map((p) => `- ${cell(p)}`)] : []),
    '',
  ].join('\n');
}

export const summaryMd: ReportWriter = { file: 'summary.md', render: renderSummary };
