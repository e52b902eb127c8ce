// Why rules got no verdict, said once: the set-up problems the run found on the
// target (with their fix) and the reasons of inconclusive rules and of rules
// the target could not host, grouped, so that 173 rules blocked by one refused
// CreateFunction read as one cause, at the top of every report.
import type { SetupProblem } from '../fixtures/environment.ts';
import { isFilterReason } from '../suites/harness/run-config.ts';
import type { RuleResult, SetupProblemGroup } from './results.ts';

export type { SetupProblemGroup };

/** A reason without what varies from rule to rule (names, ARNs, counts), for grouping. */
export function reasonKey(reason: string): string {
  return reason
    .replace(/arn:[^\s,)'"]+/g, '<arn>')
    .replace(/lc-(RUNID|[0-9a-f]{6})-[A-Za-z0-9_.:$-]*/g, '<name>')
    .replace(/\b\d+\b/g, 'N')
    .trim();
}

export function groupSetupProblems(problems: readonly SetupProblem[], rules: readonly RuleResult[]): SetupProblemGroup[] {
  const groups: SetupProblemGroup[] = problems.map((p) => ({ cause: p.cause, fix: p.fix, ...(p.blocking ? { blocking: true } : {}), rules: [] }));
  const byKey = new Map<string, SetupProblemGroup>();
  for (const r of rules) {
    if ((r.verdict !== 'inconclusive' && r.verdict !== 'skip') || !r.reason || isFilterReason(r.reason)) continue;
    // A reason that quotes a problem the set-up found belongs to it.
    const owner = groups.find((g) => r.reason!.includes(g.cause)) ?? byKey.get(reasonKey(r.reason));
    if (owner) {
      owner.rules.push(r.id);
      continue;
    }
    const g: SetupProblemGroup = { cause: r.reason, rules: [r.id] };
    byKey.set(reasonKey(r.reason), g);
    groups.push(g);
  }
  // Blocking first, then the causes behind the most rules.
  return groups.sort((a, b) => Number(b.blocking ?? false) - Number(a.blocking ?? false) || b.rules.length - a.rules.length);
}
