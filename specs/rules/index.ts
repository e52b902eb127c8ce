// The rules catalogue: every behaviour the suite asserts, once, under a stable id.
import { analogousRules } from './analogous.ts';
import { destinationRules } from './destinations.ts';
import { notFoundRules } from './not-found.ts';
import { pagingRules } from './paging.ts';
import { qualifierRules } from './qualifiers.ts';
import type { Rule } from './rule.ts';
import { semanticsRules } from './semantics.ts';
import { shapeRules } from './shapes.ts';
import { validationRules, validationRuleId, type ValidationRuleId } from './validation.ts';

export * from './rule.ts';
export { validationRuleId, type ValidationRuleId };

/**
 * Every rule id of the catalogue, as a type: the literal ids of the hand-written
 * rules and the pattern of the generated validation ones. Suites, mutants and
 * tests name rules by it, so a renamed or deleted rule is a type error there.
 */
export type RuleId =
  | (typeof semanticsRules)[number]['id']
  | (typeof qualifierRules)[number]['id']
  | (typeof notFoundRules)[number]['id']
  | (typeof destinationRules)[number]['id']
  | (typeof pagingRules)[number]['id']
  | (typeof shapeRules)[number]['id']
  | (typeof analogousRules)[number]['id']
  | ValidationRuleId;

function indexed(rules: Rule[]): Map<string, Rule> {
  const byId = new Map<string, Rule>();
  for (const r of rules) {
    if (byId.has(r.id)) throw new Error(`specs: rule id ${r.id} is defined twice`);
    byId.set(r.id, r);
  }
  return byId;
}

export const catalogue: ReadonlyArray<Rule<RuleId>> = [
  ...semanticsRules,
  ...qualifierRules,
  ...notFoundRules,
  ...destinationRules,
  ...pagingRules,
  ...shapeRules,
  ...validationRules,
  ...analogousRules,
];

export const rulesById: ReadonlyMap<string, Rule<RuleId>> = indexed([...catalogue]) as ReadonlyMap<string, Rule<RuleId>>;

export function ruleById(id: RuleId): Rule<RuleId> {
  const r = rulesById.get(id);
  if (!r) throw new Error(`specs: no rule ${id} in the catalogue`);
  return r;
}
