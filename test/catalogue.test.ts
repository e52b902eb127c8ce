// The rules catalogue is the spine of every report: ids unique and stable in
// form, every rule sourced, recorded sources real, and the constrained members
// covered at both edges on both Put and Update.
import { describe, expect, test } from 'vitest';
import { EIC_OPERATIONS } from '../specs/contract.ts';
import { catalogue, OP_ID, TIERS } from '../specs/rules/index.ts';
import { constrainedMembers } from '../specs/rules/validation.ts';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';

describe('rules catalogue', () => {
  test('has at least 50 rules, with unique, dotted kebab-case ids', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(50);
    const ids = catalogue.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
  });

  test('every rule has a statement, a tier, operations and at least one source', () => {
    for (const r of catalogue) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(TIERS, r.id).toContain(r.tier);
      expect(r.operations.length, r.id).toBeGreaterThan(0);
      expect(r.sources.length, r.id).toBeGreaterThan(0);
    }
  });

  test('every recording a rule cites is a step of the AWS-observed scenarios', () => {
    const steps = new Set(observedScenarios.flatMap((s) => s.steps.map((st) => st.step)));
    const cited = catalogue.flatMap((r) => r.sources.flatMap((s) => (s.kind === 'recording' ? [[r.id, s.step] as const] : [])));
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter(([, step]) => !steps.has(step))).toEqual([]);
  });

  test('all five operations and all three tiers have rules', () => {
    for (const op of EIC_OPERATIONS) expect(catalogue.some((r) => r.operations.includes(op)), op).toBe(true);
    for (const tier of TIERS) expect(catalogue.some((r) => r.tier === tier), tier).toBe(true);
  });

  test.each(['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig'] as const)(
    '%s: every constrained member has an accepted and a rejected edge rule',
    (op) => {
      for (const leaf of constrainedMembers(op)) {
        const rules = catalogue.filter((r) => r.operations.includes(op) && r.edge?.member === leaf.member);
        expect(rules.some((r) => r.edge!.accepted), `${op} ${leaf.member} accepted edge`).toBe(true);
        expect(rules.some((r) => !r.edge!.accepted), `${op} ${leaf.member} rejected edge`).toBe(true);
        expect(rules.every((r) => r.id.startsWith(`${OP_ID[op]}.validation.`))).toBe(true);
      }
    },
  );

  test('numeric members have both limits on both sides for Put and Update', () => {
    for (const op of ['put', 'update']) {
      for (const m of ['maximum-retry-attempts', 'maximum-event-age-in-seconds']) {
        for (const edge of ['min', 'below-min', 'max', 'above-max']) {
          expect(catalogue.some((r) => r.id === `${op}.validation.${m}.${edge}`), `${op} ${m} ${edge}`).toBe(true);
        }
      }
    }
  });
});
