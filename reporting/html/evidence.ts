// Evidence sections: one article per failing, inconclusive or expected-fail
// rule, with what the target answered against what the rule expected, the
// shrunk counterexample with its seed and path, and the reproduction as an AWS
// CLI script and an SDK v3 snippet. The matrix links here by anchor.
import type { Evidence } from '../../specs/verdicts.ts';
import { describeRef } from '../../specs/rules/rule.ts';
import type { Results, RuleResult, Verdict } from '../results.ts';
import { badge, esc, show } from './escape.ts';
import { WITH_EVIDENCE } from './matrix.ts';

const pre = (value: unknown, cls = '') => `<pre${cls ? ` class="${cls}"` : ''}>${esc(show(value))}</pre>`;

function expectedVsActual(e: Evidence): string {
  if (e.expected === undefined && e.actual === undefined) return '';
  const side = (label: string, cls: string, v: unknown) =>
    `<div class="${cls}"><h5>${label}</h5>${v === undefined ? '<p class="muted">(not recorded)</p>' : pre(v)}</div>`;
  return `<div class="diff">${side('Expected', 'expected', e.expected)}${side('Actual', 'actual', e.actual)}</div>`;
}

function replay(e: Evidence): string {
  const parts = [e.seed !== undefined ? `seed <code>${esc(e.seed)}</code>` : '', e.path !== undefined ? `path <code>${esc(e.path)}</code>` : ''].filter(
    Boolean,
  );
  const line = parts.length ? `<p class="replay">Replay: ${parts.join(' · ')}</p>` : '';
  if (e.counterexample === undefined) return line;
  return `<h5>Counterexample</h5>${pre(e.counterexample, 'counterexample')}${line}`;
}

function reproduction(e: Evidence): string {
  if (!e.repro) return '';
  return [
    '<div class="repro">',
    `<details open><summary>Reproduce with the AWS CLI</summary>${pre(e.repro.cli, 'cli')}</details>`,
    `<details open><summary>Reproduce with the SDK v3</summary>${pre(e.repro.sdk, 'sdk')}</details>`,
    '</div>',
  ].join('');
}

/** The requests behind the evidence, as they went over the wire: method, path, status, the telling headers, the body (redacted, cut). */
function exchanges(e: Evidence): string {
  if (!e.exchanges?.length) return '';
  const one = (x: NonNullable<Evidence['exchanges']>[number]) =>
    [
      '<li>',
      `<p><code>${esc(x.method)} ${esc(x.path)}</code> → ${x.status === undefined ? `<strong>no answer</strong> ${esc(x.fault ?? '')}` : `<strong>${esc(x.status)}</strong>`} <span class="muted">${esc(x.op)}</span></p>`,
      x.request ? `<p class="muted">sent</p>${pre(x.request)}` : '',
      x.headers && Object.keys(x.headers).length
        ? pre(
            Object.entries(x.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
            'headers',
          )
        : '',
      x.body !== undefined ? pre(x.body || '(empty body)', 'body') : '',
      '</li>',
    ].join('');
  return `<details class="exchanges"><summary>Requests and answers as they went over the wire (${e.exchanges.length})</summary><ol>${e.exchanges.map(one).join('')}</ol></details>`;
}

function evidenceItem(e: Evidence, i: number, total: number): string {
  const at = [e.field ? `field at fault <code>${esc(e.field)}</code>` : '', e.about ? `judging ${esc(e.about)}` : ''].filter(Boolean).join(' · ');
  return [
    '<div class="evidence-item">',
    total > 1 ? `<h4>Evidence ${i + 1} of ${total}</h4>` : '',
    `<p class="message">${esc(e.message)}</p>`,
    at ? `<p class="at">${at}</p>` : '',
    expectedVsActual(e),
    replay(e),
    exchanges(e),
    reproduction(e),
    '</div>',
  ].join('');
}

function facts(r: RuleResult): string {
  return [
    `tier <strong>${esc(r.tier)}</strong>`,
    ...(r.basis ? [`evidence <strong class="evidence-class e-${esc(r.basis.class)}">${esc(r.basis.class)}</strong>`] : []),
    `operations ${r.operations.map((o) => `<code>${esc(o)}</code>`).join(', ') || '<span class="muted">none</span>'}`,
    `${esc(r.requests)} request${r.requests === 1 ? '' : 's'}`,
    `${esc(r.durationMs)} ms`,
  ].join(' · ');
}

/** What the rule rests on: its evidence class, what that leaves open, and each reference. */
function basisOf(r: RuleResult): string {
  if (!r.basis) return '';
  const refs = r.basis.refs.map((ref) => `<li>${esc(describeRef(ref))}</li>`).join('');
  return [
    `<div class="basis e-${esc(r.basis.class)}">`,
    `<p><strong>Rests on:</strong> ${esc(r.basis.class)} evidence${r.basis.note ? `. ${esc(r.basis.note)}` : ''}</p>`,
    refs ? `<ul class="refs">${refs}</ul>` : '',
    '</div>',
  ].join('');
}

function ruleEvidence(r: RuleResult, anchor: string): string {
  return [
    `<article class="evidence v-${esc(r.verdict)}" id="${esc(anchor)}" data-id="${esc(r.id)}" data-verdict="${esc(r.verdict)}" data-tier="${esc(r.tier)}"${r.basis ? ` data-evidence="${esc(r.basis.class)}"` : ''}>`,
    `<h3>${badge(r.verdict)} <code>${esc(r.id)}</code></h3>`,
    `<p class="rule-title">${esc(r.title)}</p>`,
    `<p class="facts">${facts(r)}</p>`,
    r.reason ? `<p class="reason"><strong>Reason:</strong> ${esc(r.reason)}</p>` : '',
    r.rootCause && r.verdict !== 'inconclusive' ? `<p class="root-cause"><strong>Root cause:</strong> ${esc(r.rootCause)}</p>` : '',
    basisOf(r),
    r.evidence.length ? r.evidence.map((e, i) => evidenceItem(e, i, r.evidence.length)).join('\n') : '<p class="muted">No evidence recorded.</p>',
    `<p class="back"><a href="#m-${esc(anchor)}">↑ back to the matrix</a></p>`,
    '</article>',
  ].join('\n');
}

const ORDER: Verdict[] = ['fail', 'inconclusive', 'expected-fail'];

export function renderEvidence(results: Results, anchors: ReadonlyMap<string, string>): string {
  const shown = ORDER.flatMap((v) => results.rules.filter((r) => r.verdict === v && WITH_EVIDENCE.has(v)));
  const body = shown.length
    ? shown.map((r) => ruleEvidence(r, anchors.get(r.id)!)).join('\n')
    : '<p class="muted">No failing, inconclusive or expected-fail rules: nothing to show.</p>';
  return ['<section id="evidence">', '<h2>Evidence <span class="muted">failing, inconclusive and expected-fail rules</span></h2>', body, '</section>'].join(
    '\n',
  );
}
