// The generators keep their promises: every "valid" value and request
// validates against the contract (ajv, the emulator's own validator), every
// single fault fails exactly its named constraint and nothing else, every
// validation rule's edge value lands on the side of the limit the rule says,
// and wrong JSON types fail with exactly one type error. Seeded, so a failure
// reproduces.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EIC_OPERATIONS, contractSchema, httpBinding, type EicOperation } from '../specs/contract.ts';
import { validatorFor } from '../specs/validators.ts';
import { validationRules } from '../specs/rules/validation.ts';
import type { ConstraintEdge } from '../specs/rules/rule.ts';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';
import { bind } from '../fixtures/aws-observed/replay.ts';
import { Fixtures } from '../fixtures/provision.ts';
import { embeddedTarget } from '../targets/embedded.ts';
import { encodeLabel } from '../targets/wire.ts';
import {
  DESTINATION_SERVICES,
  boundaryFaults,
  destination,
  destinationConfig,
  edgeLimit,
  edgeValue,
  embeddableQualifier,
  eventAge,
  faultKinds,
  functionNameForms,
  instancePath,
  lengthRange,
  limitOf,
  marker,
  maxItems,
  memberNamed,
  membersOf,
  minimalRequest,
  namespacedFunctionName,
  outOfRange,
  placement,
  qualifier,
  retryAttempts,
  serviceOf,
  setMember,
  settings,
  singleFault,
  toContractParts,
  typedMembers,
  unqualifiedArn,
  validRequest,
  validationMessage,
  wholePattern,
  wireTypeFault,
  wireTypeFaults,
  type FaultyRequest,
  type WireTypeFault,
} from '../generators/index.ts';

const SEED = 20260730;
const RUNS = 200;
const assertProperty = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void, numRuns = RUNS) =>
  fc.assert(
    fc.property(arb, (v) => {
      check(v);
    }),
    { seed: SEED, numRuns },
  );

interface Violation {
  keyword: string;
  instancePath: string;
}
/** ajv's errors for data at `$defs/<pointer>`, read at once (a validator's errors are overwritten by its next call). */
function violations(pointer: string, data: unknown, coerce = false): Violation[] {
  const validate = validatorFor(pointer, { coerce });
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath }));
}
/** One seeded placement, for the deterministic lists. */
const aPlacement = () => fc.sample(placement(), { seed: SEED, numRuns: 1 })[0]!;
const requestViolations = (op: EicOperation, input: Record<string, unknown>) => violations(`${op}Request`, toContractParts(op, input));

/** A fixture-like function: CreateFunction's own name rule (a-zA-Z0-9-_, at most 64, see x-used-by of NamespacedFunctionName). */
const fixtureFunction = () => fc.tuple(placement(), fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/)).map(([p, name]) => ({ ...p, name }));

describe('valid values validate against their $defs', () => {
  const cases: Array<[string, string, fc.Arbitrary<unknown>]> = [
    ['retryAttempts', 'MaximumRetryAttempts', retryAttempts()],
    ['eventAge', 'MaximumEventAgeInSeconds', eventAge()],
    ['maxItems', 'MaxItems', maxItems()],
    ['marker', 'Marker', marker()],
    ['qualifier', 'Qualifier', qualifier()],
    ['embeddableQualifier', 'Qualifier', embeddableQualifier()],
    ['namespacedFunctionName', 'NamespacedFunctionName', namespacedFunctionName()],
    ['destination (OnSuccess)', 'DestinationArn', placement().chain((p) => destination(p, 'OnSuccess'))],
    ['destination (OnFailure)', 'DestinationArn', placement().chain((p) => destination(p, 'OnFailure'))],
    ['destinationConfig', 'DestinationConfig', placement().chain((p) => destinationConfig(p))],
    ['settings', 'EventInvokeConfigSettings', placement().chain((p) => settings(p))],
  ];
  test.each(cases)('%s is a valid %s', (_name, def, arb) => {
    assertProperty(arb, (v) => expect(violations(def, v), JSON.stringify(v)).toEqual([]));
  });

  test.each(['MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'MaxItems'])('%s: both limits come up, nothing past them', (member) => {
    const { node } = memberNamed(member);
    const arb = { MaximumRetryAttempts: retryAttempts(), MaximumEventAgeInSeconds: eventAge(), MaxItems: maxItems() }[member]!;
    const seen = new Set(fc.sample(arb, { seed: SEED, numRuns: 1000 }));
    expect(seen).toContain(limitOf(node, 'minimum'));
    expect(seen).toContain(limitOf(node, 'maximum'));
    expect([...seen].every((v) => v >= limitOf(node, 'minimum') && v <= limitOf(node, 'maximum'))).toBe(true);
  });

  test('embeddable qualifiers fit inside a FunctionName; the query pattern alone admits more', () => {
    const namePattern = wholePattern(memberNamed('FunctionName').node)!;
    assertProperty(embeddableQualifier(), (q) => expect(namePattern.test(`fn:${q}`), q).toBe(true));
    expect(fc.sample(qualifier(), { seed: SEED, numRuns: 500 }).some((q) => !namePattern.test(`fn:${q}`))).toBe(true);
  });

  test('namespacedFunctionName never yields a URL dot-segment', () => {
    assertProperty(namespacedFunctionName(), (n) => expect(['.', '..']).not.toContain(n));
  });
});

describe('destinations per service and side', () => {
  const pairs = (['OnSuccess', 'OnFailure'] as const).flatMap((side) => DESTINATION_SERVICES[side].map((service) => [side, service] as const));
  test.each(pairs)('%s %s: well-formed, valid, in the placement', (side, service) => {
    assertProperty(
      placement().chain((p) => destination(p, side, [service]).map((arn) => ({ p, arn }))),
      ({ p, arn }) => {
        expect(violations('DestinationArn', arn), arn).toEqual([]);
        expect(serviceOf(arn)).toBe(service);
        const [, partition, , region, account] = arn.split(':');
        expect(partition).toBe(p.partition);
        // S3 bucket ARNs carry neither region nor account.
        expect([region, account]).toEqual(service === 's3' ? ['', ''] : [p.region, p.account]);
      },
    );
  });

  test('S3 is an OnFailure destination only', () => {
    expect(DESTINATION_SERVICES.OnFailure).toContain('s3');
    expect(DESTINATION_SERVICES.OnSuccess).not.toContain('s3');
    expect(() => destination(aPlacement(), 'OnSuccess', ['s3'])).toThrow();
    assertProperty(
      placement().chain((p) => destinationConfig(p)),
      (dc) => {
        if (dc.OnSuccess?.Destination) expect(serviceOf(dc.OnSuccess.Destination)).not.toBe('s3');
      },
    );
  });
});

describe('function-name forms', () => {
  test('every form of every fixture is a valid FunctionName; qualified forms only with a qualifier', () => {
    assertProperty(fc.tuple(fixtureFunction(), fc.option(embeddableQualifier(), { nil: undefined })), ([fn, q]) => {
      const forms = functionNameForms(fn, q);
      expect(forms.map((f) => f.kind).sort()).toEqual(
        q === undefined ? ['arn', 'name', 'partial-arn'] : ['arn', 'name', 'name:qualifier', 'partial-arn', 'qualified-arn'],
      );
      for (const f of forms) expect(violations('NamespacedFunctionName', f.value), `${f.kind}: ${f.value}`).toEqual([]);
      expect(forms.find((f) => f.kind === 'partial-arn')?.value).toBe(`${fn.account}:function:${fn.name}`);
      if (q !== undefined) expect(forms.find((f) => f.kind === 'qualified-arn')?.value).toBe(`${unqualifiedArn(fn)}:${q}`);
    });
  });

  test('an ARN built from the placement is the ARN the target reports for a created function', async () => {
    const { client } = embeddedTarget({ region: 'eu-west-3' });
    const fixtures = new Fixtures(client, 'gen-test-');
    const { arn, ...fn } = await fixtures.createFunction('forms');
    expect(functionNameForms(fn).find((f) => f.kind === 'arn')?.value).toBe(arn);
    expect(unqualifiedArn(fn)).toBe(arn);
    expect(await fixtures.cleanup()).toEqual([]);
    client.destroy();
  });
});

describe('valid requests of the five operations', () => {
  test.each(EIC_OPERATIONS)('%s: the split request validates against <op>Request', (op) => {
    const arb = placement().chain((p) => validRequest(op, namespacedFunctionName(), p, { marker: fc.option(marker(), { nil: undefined }) }));
    assertProperty(arb, (input) => expect(requestViolations(op, input), JSON.stringify(input)).toEqual([]));
  });

  test.each(EIC_OPERATIONS)('%s: the minimal request validates', (op) => {
    expect(requestViolations(op, minimalRequest(op, 'fn'))).toEqual([]);
  });

  test('Put and Update bodies are never empty', () => {
    for (const op of ['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig'] as const) {
      assertProperty(
        placement().chain((p) => validRequest(op, 'fn', p)),
        (input) => expect(toContractParts(op, input).body).not.toEqual({}),
      );
    }
  });
});

/** Exactly one ajv error: the fault's keyword at the fault's member. */
function expectOnlyItsConstraint(f: FaultyRequest): void {
  expect(requestViolations(f.op, f.input), JSON.stringify(f)).toEqual([
    { keyword: f.fault.keyword, instancePath: instancePath(f.fault.location, f.fault.member) },
  ]);
}

describe('single-fault invalid requests', () => {
  test.each(EIC_OPERATIONS)('%s: every generated fault breaks exactly its named constraint', (op) => {
    assertProperty(
      fc.tuple(placement(), namespacedFunctionName()).chain(([p, name]) => singleFault(op, name, p)),
      expectOnlyItsConstraint,
    );
  });

  test.each(EIC_OPERATIONS)('%s: every boundary fault breaks exactly its named constraint', (op) => {
    const faults = boundaryFaults(op, 'fn', aPlacement());
    expect(faults.length).toBeGreaterThan(0);
    for (const f of faults) expectOnlyItsConstraint(f);
  });

  test.each(EIC_OPERATIONS)('%s: the boundaries are the values just past each limit, read from the schema', (op) => {
    const p = aPlacement();
    const faults = boundaryFaults(op, 'fn', p);
    const at = (member: string, keyword: string) => faults.filter((f) => f.fault.member === member && f.fault.keyword === keyword).map((f) => f.fault.value);
    for (const m of membersOf(op)) {
      if (m.node.minimum !== undefined) expect(at(m.member, 'minimum')).toEqual([m.node.minimum - 1]);
      if (m.node.maximum !== undefined) expect(at(m.member, 'maximum')).toEqual([m.node.maximum + 1]);
      if (m.node.maxLength !== undefined) expect(at(m.member, 'maxLength').map((v) => String(v).length)).toEqual([m.node.maxLength + 1]);
      if (m.node.pattern !== undefined) expect(at(m.member, 'pattern').length).toBeGreaterThan(0);
    }
  });

  test('out-of-range integers are all past their limit, and the value just past it comes up', () => {
    for (const op of EIC_OPERATIONS) {
      for (const m of membersOf(op)) {
        for (const keyword of ['minimum', 'maximum'] as const) {
          if (m.node[keyword] === undefined) continue;
          const limit = limitOf(m.node, keyword);
          const seen = fc.sample(outOfRange(m.node, keyword), { seed: SEED, numRuns: 1000 });
          expect(
            seen.every((v) => (keyword === 'minimum' ? v < limit : v > limit)),
            `${m.member} ${keyword}`,
          ).toBe(true);
          expect(seen, `${m.member} ${keyword}`).toContain(keyword === 'minimum' ? limit - 1 : limit + 1);
        }
      }
    }
  });

  test('each rejected edge of the catalogue has a fault kind, unless no single fault exists for it', () => {
    const p = aPlacement();
    for (const rule of validationRules) {
      const edge = rule.edge;
      if (!edge || edge.accepted) continue;
      const op = rule.operations[0] as EicOperation;
      const kind = faultKinds(op, p).find((k) => k.member.member === edge.member && k.keyword === edge.keyword);
      const single = requestViolations(op, setMember(minimalRequest(op, 'fn'), edge.member, edgeValue(edge, p))).length === 1;
      expect(kind !== undefined, `${rule.id}: fault kind present = single fault possible`).toBe(single);
    }
  });

  test('the message of a single fault is the one AWS recorded for a destination pattern fault', () => {
    const step = observedScenarios.flatMap((s) => s.steps).find((s) => s.step === 'put_destination_invalid_arn_pattern')!;
    const b = { fn: 'my-function', account: '111111111111', region: 'eu-west-1', partition: 'aws' };
    const input = bind(step.input, b) as { DestinationConfig: { OnFailure: { Destination: string } } };
    const member = 'DestinationConfig.OnFailure.Destination';
    const message = validationMessage({
      member,
      keyword: 'pattern',
      limit: edgeLimit(memberNamed(member).node, 'pattern'),
      value: input.DestinationConfig.OnFailure.Destination,
    });
    expect(message).toBe(bind(step.expect.message, b));
  });
});

describe('edge values of the generated validation rules', () => {
  const edgeRules = validationRules.filter((r) => r.edge).map((r) => [r.id, r.operations[0] as EicOperation, r.edge!] as const);
  const p = { partition: 'aws', region: 'us-east-1', account: '000000000000' };

  /** ajv's keywords for this value; an empty string also breaks a pattern that needs a character (two faults in one). */
  const expectedKeywords = (edge: ConstraintEdge, value: unknown) => {
    const re = wholePattern(memberNamed(edge.member).node);
    return value === '' && re && !re.test('') && edge.keyword !== 'pattern' ? [edge.keyword, 'pattern'] : [edge.keyword];
  };

  test('there are edge rules for every operation', () => {
    expect(new Set(edgeRules.map(([, op]) => op))).toEqual(new Set(EIC_OPERATIONS));
  });

  test.each(edgeRules)('%s', (_id, op, edge) => {
    const value = edgeValue(edge, p);
    const found = requestViolations(op, setMember(minimalRequest(op, 'fn'), edge.member, value));
    if (edge.accepted) {
      expect(found, JSON.stringify(value)).toEqual([]);
    } else {
      const at = instancePath(edge.location, edge.member);
      expect(found.map((v) => v.keyword).sort(), JSON.stringify(value)).toEqual(expectedKeywords(edge, value).sort());
      expect(found.every((v) => v.instancePath === at)).toBe(true);
    }
    if (edge.keyword === 'minLength' || edge.keyword === 'maxLength') {
      const step = edge.accepted ? 0 : edge.keyword === 'maxLength' ? 1 : -1;
      expect(String(value).length).toBe(Number(edge.limit) + step);
    }
    if (edge.keyword === 'minimum' || edge.keyword === 'maximum') {
      expect(edge.limit).toBe(limitOf(memberNamed(edge.member).node, edge.keyword));
    }
  });

  test('an accepted destination length edge is an SQS queue ARN in the placement', () => {
    for (const [, , edge] of edgeRules) {
      if (!edge.accepted || !edge.member.endsWith('Destination')) continue;
      const arn = String(edgeValue(edge, p));
      expect(serviceOf(arn)).toBe('sqs');
      expect(arn.length).toBe(lengthRange(memberNamed(edge.member).node).max);
      expect(arn.startsWith(`arn:aws:sqs:us-east-1:000000000000:`)).toBe(true);
    }
  });
});

describe('wrong JSON types for the raw wire', () => {
  const withTypes = EIC_OPERATIONS.filter((op) => typedMembers(op).length > 0);

  /** Exactly one `type` error at the member; a query is text on the wire, so it is read with coercion as the emulator does. */
  function expectOnlyTypeError(f: WireTypeFault): void {
    const found = violations(`${f.op}Request`, structuredClone(f.parts), f.location === 'query');
    expect(found, JSON.stringify(f.request)).toEqual([{ keyword: 'type', instancePath: instancePath(f.location, f.member) }]);
    const { method, uri } = httpBinding(f.op);
    expect(f.request.method).toBe(method);
    expect(f.request.path).toBe(uri.replace('{FunctionName}', encodeLabel(String(f.parts.path.FunctionName))));
    if (f.parts.body) expect(JSON.parse(f.request.body ?? '')).toEqual(f.parts.body);
  }

  test('body members of Put and Update and the integer query member of List have wrong-type faults; Get and Delete none', () => {
    expect(withTypes.sort()).toEqual(['ListFunctionEventInvokeConfigs', 'PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig']);
  });

  test.each(withTypes)('%s: every listed wrong type is exactly one type error', (op) => {
    const faults = wireTypeFaults(op, 'fn');
    expect(faults.length).toBeGreaterThan(0);
    for (const f of faults) expectOnlyTypeError(f);
  });

  test.each(withTypes)('%s: generated wrong types are exactly one type error', (op) => {
    assertProperty(
      placement().chain((p) => wireTypeFault(op, 'fn', p)),
      expectOnlyTypeError,
    );
  });
});

test('the schema the generators read is the contract itself', () => {
  expect(memberNamed('Qualifier').node).toBe(contractSchema.$defs.Qualifier);
});
