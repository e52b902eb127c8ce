// The top of report.html: what was run against what, when, and the score per tier.
import { failingCauses, type Results } from '../results.ts';
import { conformanceFraction, coverageFraction, formatPercent, overallScore, SCORE_FOOTNOTE, tierScores, type Score } from '../scores.ts';
import { esc } from './escape.ts';
import { headline } from '../headline.ts';

/** `2026-11-23T18:53:02.623Z` as `2026-11-23 18:53:02 UTC`; anything else as given. */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function duration(startedAt: string, finishedAt: string): string {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(readableTime(iso))}</time>`;

function field(label: string, value: string): string {
  return `<div><dt>${esc(label)}</dt><dd>${value}</dd></div>`;
}

export function renderHeader(r: Results): string {
  const took = duration(r.startedAt, r.finishedAt);
  const fields = [
    field('Target', `<code>${esc(r.target.kind)}</code>`),
    field('Endpoint', `<code>${esc(r.target.endpoint)}</code>`),
    field('Region', `<code>${esc(r.target.region)}</code>`),
    field('SDK', `<code>@aws-sdk/client-lambda ${esc(r.sdk['@aws-sdk/client-lambda'])}</code>`),
    field('Seed', `<code>${esc(r.seed)}</code>`),
    field('Started', time(r.startedAt)),
    field('Finished', `${time(r.finishedAt)}${took ? ` <span class="muted">(${esc(took)})</span>` : ''}`),
    ...(r.shard ? [field('Shard', `${esc(r.shard.index)} of ${esc(r.shard.count)}`)] : []),
  ];
  return [
    '<header>',
    `<h1>Lambda EventInvokeConfig conformance <span class="muted">— ${esc(r.tool.name)} ${esc(r.tool.version)}</span></h1>`,
    `<dl class="meta">${fields.join('')}</dl>`,
    '</header>',
  ].join('\n');
}

function figure(value: number | null, fraction: string, kind: string): string {
  const width = value === null ? 0 : Math.round(value * 1000) / 10;
  return [
    `<td class="figure ${kind}">`,
    `<strong>${esc(formatPercent(value))}</strong> <span class="muted">${esc(fraction)}</span>`,
    `<div class="bar" aria-hidden="true"><span style="width:${width}%"></span></div>`,
    '</td>',
  ].join('');
}

function count(n: number, verdict: string): string {
  return `<td class="num${n > 0 ? ` c-${verdict}` : ' zero'}">${n}</td>`;
}

function scoreRow(s: Score): string {
  const name = s.tier === 'all' ? 'all tiers' : s.tier;
  return [
    `<tr class="${s.tier === 'all' ? 'total' : 'tier'}" data-tier="${esc(s.tier)}">`,
    `<th scope="row">${esc(name)}</th>`,
    figure(s.conformance, conformanceFraction(s), 'conformance'),
    figure(s.coverage, coverageFraction(s), 'coverage'),
    `<td class="num">${s.rules}</td>`,
    count(s.pass, 'pass'),
    count(s.fail, 'fail'),
    count(s.skip, 'skip'),
    count(s.inconclusive, 'inconclusive'),
    count(s.expectedFail, 'expected-fail'),
    '</tr>',
  ].join('');
}

export function renderScores(r: Results): string {
  const head = ['Tier', 'Conformance', 'Coverage', 'Rules', 'Pass', 'Fail', 'Skip', 'Inconclusive', 'Expected-fail<sup>*</sup>']
    .map((h, i) => `<th scope="col"${i >= 3 ? ' class="num"' : ''}>${h}</th>`)
    .join('');
  return [
    '<section id="scores">',
    '<h2>Score per tier</h2>',
    '<table class="scores">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${[...tierScores(r), overallScore(r)].map(scoreRow).join('\n')}</tbody>`,
    '</table>',
    `<p class="footnote"><sup>*</sup> ${esc(SCORE_FOOTNOTE)}</p>`,
    '</section>',
  ].join('\n');
}

/** Errors outside any rule and leaked resources: shown only when there are some. */
export function renderProblems(r: Results): string {
  const list = (title: string, items: string[]) =>
    items.length ? `<h3>${esc(title)}</h3><ul>${items.map((i) => `<li><pre>${esc(i)}</pre></li>`).join('')}</ul>` : '';
  const body = list('Errors outside any rule', r.errors) + list('Resources left behind', r.leaks);
  return body ? `<section id="problems" class="problems"><h2>Run problems</h2>${body}</section>` : '';
}

/** The verdict line, and why rules got no verdict (each cause once, with its fix): the top of the page. */
export function renderVerdict(r: Results): string {
  const groups = r.setupProblems ?? [];
  const n = groups.reduce((sum, g) => sum + g.rules.length, 0);
  const causes = groups.length
    ? [
        `<section id="no-verdict" class="problems"><h2>Why ${n} rule${n === 1 ? '' : 's'} got no verdict <span class="muted">(${groups.length} cause${groups.length === 1 ? '' : 's'})</span></h2><ul>`,
        ...groups.map(
          (g) =>
            `<li${g.blocking ? ' class="blocking"' : ''}><p>${g.blocking ? '<strong>Blocking:</strong> ' : ''}${esc(g.cause)}${g.rules.length ? ` <span class="muted">(${g.rules.length} rule${g.rules.length === 1 ? '' : 's'})</span>` : ''}</p>${g.fix ? `<p class="fix"><strong>Fix:</strong> ${esc(g.fix)}</p>` : ''}${g.rules.length ? `<details><summary>rules</summary><p>${g.rules.map((id) => `<code>${esc(id)}</code>`).join(' ')}</p></details>` : ''}</li>`,
        ),
        '</ul></section>',
      ].join('\n')
    : '';
  return `<p class="headline" id="headline">${esc(headline(r))}</p>\n${causes}`;
}

/** The failures by root cause, most rules first, each expandable to its rules (linked to their evidence). */
export function renderRootCauses(r: Results, anchors: ReadonlyMap<string, string>): string {
  const failing = r.rules.filter((x) => x.verdict === 'fail').length;
  const causes = failingCauses(r);
  if (!failing || !causes.length) return '';
  const link = (id: string) => (anchors.has(id) ? `<a href="#${esc(anchors.get(id)!)}"><code>${esc(id)}</code></a>` : `<code>${esc(id)}</code>`);
  return [
    '<section id="root-causes">',
    `<h2>${causes.length} root cause${causes.length === 1 ? '' : 's'} behind ${failing} failing rule${failing === 1 ? '' : 's'}</h2>`,
    '<ol class="causes">',
    ...causes.map(
      (c) =>
        `<li data-cause="${esc(c.key)}"><details><summary><span class="num">${c.rules.length}</span> ${esc(c.title)}</summary><p>${c.rules.map(link).join(' ')}</p></details></li>`,
    ),
    '</ol>',
    '</section>',
  ].join('\n');
}

/** The comparison with --baseline: regressions, new passes, changed evidence, and an SDK or target change. */
export function renderComparison(r: Results): string {
  const b = r.baseline;
  if (!b) return '';
  const list = (title: string, ids: string[]) =>
    ids.length ? `<h3>${esc(title)} (${ids.length})</h3><p>${ids.map((id) => `<code>${esc(id)}</code>`).join(' ')}</p>` : '';
  return [
    '<section id="comparison">',
    `<h2>Compared with <code>${esc(b.file)}</code></h2>`,
    b.sdkChange
      ? `<p class="change"><strong>The SDK changed:</strong> @aws-sdk/client-lambda ${esc(b.sdkChange.from)} in the baseline, ${esc(b.sdkChange.to)} now.</p>`
      : '',
    b.targetChange
      ? `<p class="change"><strong>The target changed:</strong> ${esc(b.targetChange.from)} in the baseline, ${esc(b.targetChange.to)} now.</p>`
      : '',
    `<p>${b.newFailures.length} new failures, ${b.newPasses.length} new passes, ${b.changedEvidence.length} with changed evidence.</p>`,
    list('Regressions', b.newFailures),
    list('Newly passing', b.newPasses),
    list('Evidence changed', b.changedEvidence),
    '</section>',
  ].join('\n');
}
