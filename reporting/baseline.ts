// Comparing a run with an earlier one (`--baseline results.json`): what newly
// fails (a regression), what newly passes, and where a failure's evidence
// changed. Only regressions fail a run that has a baseline.
import { readFile } from 'node:fs/promises';
import type { BaselineComparison, Results } from './results-types.ts';

export type { BaselineComparison };

export class BaselineFileError extends Error {}

export async function loadBaseline(file: string): Promise<Results> {
  let parsed: Results;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as Results;
  } catch (e) {
    throw new BaselineFileError(`cannot read --baseline ${file} as results.json: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed?.rules)) throw new BaselineFileError(`--baseline ${file} has no "rules" list: is it a results.json of lambda-conformance run?`);
  return parsed;
}

const failing = (v: string | undefined) => v === 'fail';

export function compareWithBaseline(current: Results, baseline: Results, file: string): BaselineComparison {
  const before = new Map(baseline.rules.map((r) => [r.id, r]));
  const now = new Map(current.rules.map((r) => [r.id, r]));
  const c: BaselineComparison = { file, baselineSeed: baseline.seed, newFailures: [], newPasses: [], changedEvidence: [], added: [], removed: [] };
  for (const r of current.rules) {
    const b = before.get(r.id);
    if (!b) c.added.push(r.id);
    if (failing(r.verdict) && !failing(b?.verdict)) c.newFailures.push(r.id);
    if (r.verdict === 'pass' && b && (failing(b.verdict) || b.verdict === 'expected-fail')) c.newPasses.push(r.id);
    if (failing(r.verdict) && b && failing(b.verdict) && r.evidence[0]?.message !== b.evidence[0]?.message) c.changedEvidence.push(r.id);
  }
  for (const id of before.keys()) if (!now.has(id)) c.removed.push(id);
  const [sdkBefore, sdkNow] = [baseline.sdk?.['@aws-sdk/client-lambda'], current.sdk['@aws-sdk/client-lambda']];
  if (sdkBefore !== sdkNow) c.sdkChange = { from: sdkBefore ?? '(unknown)', to: sdkNow };
  const where = (r: Results) => `${r.target?.kind} ${r.target?.endpoint}`;
  if (where(baseline) !== where(current)) c.targetChange = { from: where(baseline), to: where(current) };
  return c;
}
