// The one-line verdict every report leads with (summary.md, report.html).
import { coverageLine, coverageOf, type Results } from './results.ts';

/**
 * The verdict line: never "conforms" about rules that were not checked. Only a
 * run that judged every selected rule and failed none conforms; otherwise the
 * line says how many were checked.
 */
export function headline(r: Results): string {
  const c = coverageOf(r);
  const fail = r.summary.fail;
  if (c.judged === 0) return `nothing checked: none of ${c.selected} selected rules got a pass or a fail`;
  if (fail > 0) return `${fail} rule${fail === 1 ? '' : 's'} failed (${coverageLine(c)})`;
  if (c.judged === c.selected) return `conforms (all ${c.selected} selected rules checked)`;
  return `no failures, but only ${coverageLine(c)}`;
}
