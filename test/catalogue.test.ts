// The rules catalogue is the spine of every report: ids unique and stable in
// form, every rule resting on named evidence, tiers that follow from that
// evidence, recorded references real, and the constrained members covered at
// both edges on both Put and Update. (References checked against the shared
// AWS material itself: test/evidence.test.ts.)
import { describe, expect, test } from 'vitest';
import { EIC_OPERATIONS } from '../specs/contract.ts';
import { catalogue, EVIDENCE_CLASSES, OP_ID, TIERS, TIERS_FOR_CLASS } from '../specs/rules/index.ts';
import { constrainedMembers } from '../specs/rules/validation.ts';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';

describe('rules catalogue', () => {
  test('has at least 50 rules, with unique, dotted kebab-case ids', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(50);
    const ids = catalogue.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
  });

  test('every rule has a statement, a tier, operations and an evidence class', () => {
    for (const r of catalogue) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(TIERS, r.id).toContain(r.tier);
      expect(r.operations.length, r.id).toBeGreaterThan(0);
      expect(EVIDENCE_CLASSES, r.id).toContain(r.evidence.class);
    }
  });

  test('every rule but an inferred one has at least one reference; an inferred one says why', () => {
    const bare = catalogue.filter((r) => r.evidence.class !== 'inferred' && r.evidence.refs.length === 0).map((r) => r.id);
    expect(bare).toEqual([]);
    const unexplained = catalogue.filter((r) => r.evidence.class === 'inferred' && !r.evidence.note).map((r) => r.id);
    expect(unexplained).toEqual([]);
  });

  test('the old fields are gone: no sources, no documentedOnly', () => {
    const old = catalogue.filter((r) => 'sources' in r || 'documentedOnly' in r).map((r) => r.id);
    expect(old).toEqual([]);
  });

  test('tiers follow from evidence: core only recorded or modelled, analogous and documented not core, inferred only strict', () => {
    const misplaced = catalogue.filter((r) => !TIERS_FOR_CLASS[r.evidence.class].includes(r.tier)).map((r) => `${r.id}: ${r.evidence.class} in ${r.tier}`);
    expect(misplaced).toEqual([]);
    expect(TIERS_FOR_CLASS).toEqual({
      recorded: ['core', 'complete', 'strict'],
      modelled: ['core', 'complete', 'strict'],
      analogous: ['complete', 'strict'],
      documented: ['complete', 'strict'],
      inferred: ['strict'],
    });
  });

  test('the headline (core) tier holds recorded and modelled rules only', () => {
    const core = new Set(catalogue.filter((r) => r.tier === 'core').map((r) => r.evidence.class));
    expect([...core].sort()).toEqual(['modelled', 'recorded']);
  });

  test('every recording a rule cites is a step of the AWS-observed scenarios', () => {
    const steps = new Set(observedScenarios.flatMap((s) => s.steps.map((st) => st.step)));
    const cited = catalogue.flatMap((r) => r.evidence.refs.flatMap((ref) => (ref.kind === 'recording' ? [[r.id, ref.step] as const] : [])));
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter(([, step]) => !steps.has(step))).toEqual([]);
  });

  test('a recorded rule cites at least one recording; an analogous one at least one analogous recording', () => {
    const cites = (kind: string) => (r: (typeof catalogue)[number]) => r.evidence.refs.some((ref) => ref.kind === kind);
    expect(catalogue.filter((r) => r.evidence.class === 'recorded' && !cites('recording')(r)).map((r) => r.id)).toEqual([]);
    expect(catalogue.filter((r) => r.evidence.class === 'analogous' && !cites('analogous')(r)).map((r) => r.id)).toEqual([]);
    expect(catalogue.filter((r) => r.evidence.class === 'modelled' && !cites('model')(r)).map((r) => r.id)).toEqual([]);
    expect(catalogue.filter((r) => r.evidence.class === 'documented' && !(cites('doc')(r) || cites('model')(r))).map((r) => r.id)).toEqual([]);
  });

  test('no rule cites a ValidationException shape of the model (neither model has one)', () => {
    const cited = catalogue.filter((r) => r.evidence.refs.some((ref) => ref.kind === 'model' && ref.shape === 'ValidationException')).map((r) => r.id);
    expect(cited).toEqual([]);
  });

  test('citations the review found wrong are corrected', () => {
    const rule = (id: string) => catalogue.find((r) => r.id === id)!;
    const steps = (id: string) => rule(id).evidence.refs.flatMap((ref) => (ref.kind === 'recording' ? [ref.step] : []));
    // put_destination_other_lambda has the unqualified ARN as the destination, not as FunctionName.
    expect(steps('qualifier.unqualified-arn')).not.toContain('put_destination_other_lambda');
    expect(steps('qualifier.unqualified-arn')).toContain('update_eventinvokeconfig_config_doesnotexist_without_qualifier');
    // No recording has an SQS, SNS, EventBridge or S3 destination: documented, not recorded.
    for (const id of ['destination.sqs.accepted', 'destination.sns.accepted', 'destination.eventbridge.accepted', 'destination.s3.on-failure-accepted']) {
      expect(rule(id).evidence.class, id).toBe('documented');
    }
    // LastModified is normalised away in every recording: the repeat rules compare the bodies without it, which is recorded.
    for (const id of ['put.idempotent.identical-body', 'update.idempotent.identical-body']) {
      expect(rule(id).evidence.class, id).toBe('recorded');
      expect(rule(id).title, id).not.toMatch(/LastModified included/);
    }
  });

  test('all five operations and all three tiers have rules', () => {
    for (const op of EIC_OPERATIONS)
      expect(
        catalogue.some((r) => r.operations.includes(op)),
        op,
      ).toBe(true);
    for (const tier of TIERS)
      expect(
        catalogue.some((r) => r.tier === tier),
        tier,
      ).toBe(true);
  });

  test.each(['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig'] as const)(
    '%s: every constrained member has an accepted and a rejected edge rule',
    (op) => {
      for (const leaf of constrainedMembers(op)) {
        const rules = catalogue.filter((r) => r.operations.includes(op) && r.edge?.member === leaf.member);
        expect(
          rules.some((r) => r.edge!.accepted),
          `${op} ${leaf.member} accepted edge`,
        ).toBe(true);
        expect(
          rules.some((r) => !r.edge!.accepted),
          `${op} ${leaf.member} rejected edge`,
        ).toBe(true);
        expect(rules.every((r) => r.id.startsWith(`${OP_ID[op]}.validation.`))).toBe(true);
      }
    },
  );

  test('numeric members have both limits on both sides for Put and Update', () => {
    for (const op of ['put', 'update']) {
      for (const m of ['maximum-retry-attempts', 'maximum-event-age-in-seconds']) {
        for (const edge of ['min', 'below-min', 'max', 'above-max']) {
          expect(
            catalogue.some((r) => r.id === `${op}.validation.${m}.${edge}`),
            `${op} ${m} ${edge}`,
          ).toBe(true);
        }
      }
    }
  });
});
