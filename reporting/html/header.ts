// The top of report.html: what was run against what, when, and the score per tier.
import type { Results } from '../results.ts';
import { conformanceFraction, coverageFraction, formatPercent, overallScore, SCORE_FOOTNOTE, tierScores, type Score } from '../scores.ts';
import { esc } from './escape.ts';

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
