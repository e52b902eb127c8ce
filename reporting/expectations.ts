// Known divergences (`--expect FILE`, JSON or YAML): a failing rule matched by a
// live entry becomes `expected-fail`; an entry whose rules now pass ("fixed:
// remove the entry") or whose date has passed fails the run, so the file never
// silently outlives the divergences it excuses.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { globToRegExp, ruleSelector } from '../specs/rule-selection.ts';
import type { Expectation, ExpectationOutcome, ExpectationStatus, Results, RuleResult } from './results-types.ts';

export type { Expectation, ExpectationOutcome, ExpectationStatus };

export class ExpectationFileError extends Error {}

function checkEntry(e: unknown, i: number, file: string, ruleIds: readonly string[]): Expectation {
  const where = `${file}: entry ${i + 1}`;
  if (!e || typeof e !== 'object') throw new ExpectationFileError(`${where} is not an object`);
  const x = e as Record<string, unknown>;
  for (const k of ['rule', 'reason', 'expires'] as const) {
    if (typeof x[k] !== 'string' || !(x[k] as string).trim()) throw new ExpectationFileError(`${where} needs "${k}" (a non-empty string)`);
  }
  const expires = x.expires as string;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires)))
    throw new ExpectationFileError(`${where}: "expires" must be a date YYYY-MM-DD, got '${expires}'`);
  const rule = x.rule as string;
  const selects = ruleSelector(rule);
  if (!ruleIds.some(selects)) throw new ExpectationFileError(`${where}: "${rule}" matches no rule of the catalogue (see lambda-conformance rules)`);
  return {
    rule,
    reason: x.reason as string,
    expires,
    ...(typeof x.target === 'string' ? { target: x.target } : {}),
    ...(typeof x.link === 'string' ? { link: x.link } : {}),
  };
}

export async function loadExpectations(file: string, ruleIds: readonly string[]): Promise<Expectation[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ExpectationFileError(`cannot read --expect file ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ExpectationFileError(`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { divergences?: unknown })?.divergences;
  if (!Array.isArray(list)) throw new ExpectationFileError(`${file} must be a list of entries, or {divergences: [...]}`);
  return list.map((e, i) => checkEntry(e, i, file, ruleIds));
}

const appliesTo = (e: Expectation, target: Results['target']) =>
  !e.target || globToRegExp(e.target).test(target.endpoint) || globToRegExp(e.target).test(target.kind);

/** Applies the entries to the results (in place: verdicts) and says what became of each. */
export function applyExpectations(results: Results, entries: readonly Expectation[]): ExpectationOutcome[] {
  const today = results.startedAt.slice(0, 10);
  return entries.map((e) => {
    const selects = ruleSelector(e.rule);
    const matching: RuleResult[] = results.rules.filter((r) => selects(r.id));
    const rules = matching.map((r) => r.id);
    if (!appliesTo(e, results.target)) return { ...e, status: 'not-for-this-target', rules };
    if (e.expires < today) return { ...e, status: 'expired', rules };
    const failing = matching.filter((r) => r.verdict === 'fail' || r.verdict === 'expected-fail');
    for (const r of failing) {
      r.verdict = 'expected-fail';
      r.reason = `known divergence: ${e.reason}${e.link ? ` (${e.link})` : ''}, until ${e.expires}`;
    }
    if (failing.length) return { ...e, status: 'matched', rules };
    return { ...e, status: matching.some((r) => r.verdict === 'pass') ? 'fixed' : 'unverified', rules };
  });
}
