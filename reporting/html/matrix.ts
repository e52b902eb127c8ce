// The conformance matrix: one row per rule (grouped by the first segment of its
// id) with its tier and evidence class (its references in the tooltip), one
// column per operation, each cell of an operation the rule exercises coloured
// by the rule's verdict and lettered (P, F, S, I, XF) so it never rests on
// colour alone. Cells and ids of rules with evidence link to it.
import { describeRef, type Operation } from '../../specs/rules/rule.ts';
import type { Results, RuleResult, Verdict } from '../results.ts';
import { badge, esc, LETTER, VERDICTS } from './escape.ts';

/** The matrix columns, in this order; operations outside it get columns after these. */
export const COLUMNS: readonly { op: Operation; label: string }[] = [
  { op: 'PutFunctionEventInvokeConfig', label: 'Put' },
  { op: 'UpdateFunctionEventInvokeConfig', label: 'Update' },
  { op: 'GetFunctionEventInvokeConfig', label: 'Get' },
  { op: 'DeleteFunctionEventInvokeConfig', label: 'Delete' },
  { op: 'ListFunctionEventInvokeConfigs', label: 'List' },
  { op: 'PublishVersion', label: 'PublishVersion' },
  { op: 'CreateAlias', label: 'CreateAlias' },
];

/** Verdicts whose rules get an evidence section (and links to it). */
export const WITH_EVIDENCE: ReadonlySet<Verdict> = new Set(['fail', 'inconclusive', 'expected-fail']);

export function columnsOf(rules: readonly RuleResult[]): { op: string; label: string }[] {
  const known = new Set<string>(COLUMNS.map((c) => c.op));
  const extra = [...new Set(rules.flatMap((r) => r.operations as string[]))].filter((op) => !known.has(op));
  return [...COLUMNS, ...extra.map((op) => ({ op, label: op.replace(/FunctionEventInvokeConfigs?$/, '') }))];
}

export const groupOf = (r: RuleResult) => r.id.split('.')[0] ?? r.id;

function groupsOf(rules: readonly RuleResult[]): Map<string, RuleResult[]> {
  const groups = new Map<string, RuleResult[]>();
  for (const r of rules) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r]);
  return groups;
}

function counts(rules: readonly RuleResult[]): string {
  return VERDICTS.map((v) => [v, rules.filter((r) => r.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `<span class="c-${v}">${n} ${esc(v)}</span>`)
    .join(' · ');
}

function cell(r: RuleResult, op: string, link: string | undefined): string {
  if (!(r.operations as string[]).includes(op)) return '<td class="cell none"></td>';
  const letter = esc(LETTER[r.verdict] ?? '?');
  const text = link ? `<a href="#${esc(link)}">${letter}</a>` : letter;
  return `<td class="cell v-${esc(r.verdict)}" title="${esc(`${r.verdict}: ${op}`)}">${text}</td>`;
}

/** The rule's evidence class, with its references as the tooltip. */
function basisCell(r: RuleResult): string {
  if (!r.basis) return '<td class="evidence-class"><span class="muted">n/a</span></td>';
  const tip = [r.basis.note, ...r.basis.refs.map(describeRef)].filter(Boolean).join('\n');
  return `<td class="evidence-class e-${esc(r.basis.class)}"${tip ? ` title="${esc(tip)}"` : ''}>${esc(r.basis.class)}</td>`;
}

function ruleRow(r: RuleResult, columns: { op: string }[], anchor: string): string {
  const link = WITH_EVIDENCE.has(r.verdict) ? anchor : undefined;
  const tip = r.reason ? `${r.title}\n${r.verdict}: ${r.reason}` : r.title;
  const id = link ? `<a href="#${esc(link)}">${esc(r.id)}</a>` : esc(r.id);
  return [
    `<tr class="rule" id="m-${esc(anchor)}" data-id="${esc(r.id)}" data-group="${esc(groupOf(r))}" data-verdict="${esc(r.verdict)}" data-tier="${esc(r.tier)}"${r.basis ? ` data-evidence="${esc(r.basis.class)}"` : ''}>`,
    `<th scope="row" class="rid"><code>${id}</code></th>`,
    `<td class="rtitle" title="${esc(tip)}">${esc(r.title)}</td>`,
    `<td class="tier t-${esc(r.tier)}">${esc(r.tier)}</td>`,
    basisCell(r),
    `<td class="verdict">${badge(r.verdict)}</td>`,
    ...columns.map((c) => cell(r, c.op, link)),
    '</tr>',
  ].join('');
}

function filters(r: Results): string {
  const box = (v: Verdict) => {
    const n = r.rules.filter((x) => x.verdict === v).length;
    return `<label><input type="checkbox" name="verdict" value="${v}" checked> ${badge(v)} <span class="muted">${n}</span></label>`;
  };
  const tiers = ['core', 'complete', 'strict'].map((t) => `<option value="${t}">${t}</option>`).join('');
  return [
    '<form class="filters" id="filters" autocomplete="off">',
    `<fieldset><legend>Verdict</legend>${VERDICTS.map(box).join('')}</fieldset>`,
    `<label>Tier <select name="tier"><option value="">all</option>${tiers}</select></label>`,
    '<label>Rule id <input type="search" name="q" placeholder="e.g. put.overwrite" size="18"></label>',
    '<button type="button" data-preset="problems">Problems only</button>',
    '<button type="button" data-preset="all">Show all</button>',
    `<output id="shown">${r.rules.length} of ${r.rules.length} rules</output>`,
    '</form>',
  ].join('\n');
}

function legend(): string {
  const items = VERDICTS.map((v) => `<span class="cell-sample v-${v}">${LETTER[v]}</span> ${esc(v)}`);
  return `<p class="legend">${items.join(' ')} <span class="muted">· blank: the rule does not exercise the operation · a lettered cell links to the evidence</span></p>`;
}

export function renderMatrix(r: Results, anchors: ReadonlyMap<string, string>): string {
  const columns = columnsOf(r.rules);
  const width = 5 + columns.length;
  const head = [
    '<th scope="col" class="rid">Rule</th><th scope="col">Title</th><th scope="col">Tier</th><th scope="col" title="What the rule rests on: recorded, analogous, modelled, documented or inferred">Evidence</th><th scope="col">Verdict</th>',
    // Long labels may break between their words (PublishVersion, CreateAlias) to keep the columns narrow.
    ...columns.map((c) => `<th scope="col" class="op" title="${esc(c.op)}">${esc(c.label).replace(/([a-z])(?=[A-Z])/g, '$1<wbr>')}</th>`),
  ].join('');
  const body = [...groupsOf(r.rules)].map(([group, rules]) =>
    [
      `<tbody class="group-body" data-group="${esc(group)}">`,
      `<tr class="group" data-group="${esc(group)}"><th colspan="${width}" scope="rowgroup">${esc(group)} <span class="muted">${rules.length} rule${rules.length === 1 ? '' : 's'}</span> <span class="gcounts">${counts(rules)}</span></th></tr>`,
      ...rules.map((x) => ruleRow(x, columns, anchors.get(x.id)!)),
      '</tbody>',
    ].join('\n'),
  );
  return [
    '<section id="matrix">',
    '<h2>Conformance matrix <span class="muted">operations × rules</span></h2>',
    filters(r),
    legend(),
    '<div class="matrix-wrap"><table class="matrix">',
    `<thead><tr>${head}</tr></thead>`,
    ...body,
    '</table></div>',
    '</section>',
  ].join('\n');
}
