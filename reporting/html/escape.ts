// HTML escaping and the small helpers every part of report.html uses. All text
// from the results (rule output, evidence, target answers) goes through esc():
// it is arbitrary, and must show as text, never as markup.
import type { Verdict } from '../results.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  return (
    String(value)
      .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
      // Control characters other than tab/newline/CR are not allowed in HTML text: show them as \uXXXX.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}

/** A value of the evidence as text: strings as they are, anything else as indented JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(undefined)';
  return JSON.stringify(value, null, 2) ?? String(value);
}

export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'skip', 'inconclusive', 'expected-fail'];

/** The letter shown in a matrix cell, so a verdict never rests on colour alone. */
export const LETTER: Record<Verdict, string> = { pass: 'P', fail: 'F', skip: 'S', inconclusive: 'I', 'expected-fail': 'XF' };

/** A verdict as a coloured badge with its name. */
export const badge = (v: Verdict) => `<span class="badge v-${v}">${esc(v)}</span>`;

/** Stable, HTML-safe anchor ids for rules: the id itself where it is safe, made unique. */
export function anchorIds(ids: readonly string[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (anchors.has(id)) continue;
    const base = `rule-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    anchors.set(id, anchor);
  }
  return anchors;
}
