// The rules catalogue: every behaviour the suite asserts, once, under a stable id.
import { analogousRules } from './analogous.ts';
import { destinationRules } from './destinations.ts';
import { notFoundRules } from './not-found.ts';
import { pagingRules } from './paging.ts';
import { qualifierRules } from './qualifiers.ts';
import type { Rule } from './rule.ts';
import { semanticsRules } from './semantics.ts';
import { shapeRules } from './shapes.ts';
import { validationRules } from './validation.ts';

export * from './rule.ts';

function indexed(rules: Rule[]): Map<string, Rule> {
  const byId = new Map<string, Rule>();
  for (const r of rules) {
    if (byId.has(r.id)) throw new Error(`specs: rule id ${r.id} is defined twice`);
    byId.set(r.id, r);
  }
  return byId;
}

export const catalogue: readonly Rule[] = [
  ...semanticsRules,
  ...qualifierRules,
  ...notFoundRules,
  ...destinationRules,
  ...pagingRules,
  ...shapeRules,
  ...validationRules,
  ...analogousRules,
];

export const rulesById: ReadonlyMap<string, Rule> = indexed([...catalogue]);

export function ruleById(id: string): Rule {
  const r = rulesById.get(id);
  if (!r) throw new Error(`specs: no rule ${id} in the catalogue`);
  return r;
}
