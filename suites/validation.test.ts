// Validation: every rule of specs/rules/validation.ts, which are generated from
// the contract, checked with values generated from the same contract. An edge
// rule sends one request with the edge's value in its member (the limit itself
// must get through validation, one past it must be rejected); the error-code
// and message rules run a property over single-fault requests, boundary values
// first. The SDK sends an empty Qualifier as `?Qualifier=`, so every case goes
// through the SDK.
import { EIC_OPERATIONS, type EicOperation } from '../specs/contract.ts';
import { OP_ID, type ConstraintEdge } from '../specs/rules/rule.ts';
import { validationRules } from '../specs/rules/validation.ts';
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { Observation } from '../targets/observe.ts';
import {
  boundaryFaults,
  edgeValue,
  minimalRequest,
  minimalSettings,
  setMember,
  sideOf,
  singleFault,
  validationMessage,
  type FaultyRequest,
} from '../generators/index.ts';
import { expectError, expectMembers, expectOk, expectStatus } from './harness/expect.ts';
import { RuleFailure } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('validation');

/** Members whose value names a resource: an accepted value gets past validation to the lookup, which may not find it. */
const NAMES_A_RESOURCE = new Set(['FunctionName', 'Qualifier']);

/** A fresh function; for Update one with a config already (Update never creates one, and must not answer 404 first). */
async function subject(t: RuleContext, op: EicOperation): Promise<FunctionFixture> {
  const fn = await t.fn();
  if (op === 'UpdateFunctionEventInvokeConfig') expectOk(await t.put({ FunctionName: fn.name, ...minimalSettings() }));
  return fn;
}

/** Got past validation: 2xx where the named resource exists, 404 ResourceNotFoundException where it does not. */
function expectPastValidation(o: Observation): void {
  if (o.status !== undefined && o.status >= 200 && o.status < 300) return;
  expectError(o, { status: 404, code: 'ResourceNotFoundException' });
}

function expectNotValidationError(o: Observation): void {
  if (o.errorCode === 'ValidationException') {
    throw new RuleFailure(`${o.op}: a value at the limit was rejected by validation: Received: ValidationException (${o.message}) / Expected: no ValidationException`, 'no ValidationException', o.errorCode);
  }
}

/** The value came back where it was sent: a setting at the top level, a destination on its side (the other side empty). */
function expectEchoed(o: Observation, member: string, value: unknown): void {
  const side = sideOf(member);
  if (!side) return expectMembers(o, { [member]: value });
  expectMembers(o, {
    DestinationConfig: { OnSuccess: side === 'OnSuccess' ? { Destination: value } : {}, OnFailure: side === 'OnFailure' ? { Destination: value } : {} },
  });
}

async function checkEdge(t: RuleContext, op: EicOperation, edge: ConstraintEdge): Promise<void> {
  const fn = await subject(t, op);
  const value = edgeValue(edge, fn);
  if (edge.member === 'FunctionName' && edge.accepted) await t.refuseForeign(String(value));
  const o = await t.call(op, setMember(minimalRequest(op, fn.name), edge.member, value));
  if (!edge.accepted) return expectStatus(o, 400);
  if (NAMES_A_RESOURCE.has(edge.member)) return expectPastValidation(o);
  // A destination of the longest length names no real queue: AWS may refuse it
  // after validation (its permission check), but never as a ValidationException.
  if (sideOf(edge.member) && o.status !== 200) return expectNotValidationError(o);
  expectOk(o);
  if (edge.location === 'body') expectEchoed(o, edge.member, value);
}

/** Single faults of the operation on a fresh function: the boundary ones first, then generated ones. */
async function forEachSingleFault(t: RuleContext, op: EicOperation, check: (o: Observation, f: FaultyRequest) => void): Promise<void> {
  const fn = await subject(t, op);
  await t.forAll(singleFault(op, fn.name, fn), async (f) => check(await t.call(f.op, f.input), f), {
    examples: boundaryFaults(op, fn.name, fn),
  });
}

for (const rule of validationRules) {
  const op = EIC_OPERATIONS.find((o) => rule.operations.includes(o));
  const edge = rule.edge;
  if (op && edge) {
    s.rule(rule.id, (t) => checkEdge(t, op, edge));
  } else if (op && rule.id === `${OP_ID[op]}.validation.error-code`) {
    s.rule(rule.id, (t) => forEachSingleFault(t, op, (o) => expectError(o, { status: 400, code: 'ValidationException' })));
  } else if (op && rule.id === `${OP_ID[op]}.validation.message`) {
    s.rule(rule.id, (t) => forEachSingleFault(t, op, (o, f) => expectError(o, { message: validationMessage(f.fault) })));
  } else {
    // A rule added to the catalogue without a check here fails loudly instead of passing unnoticed.
    s.rule(rule.id, async () => {
      throw new RuleFailure(`suites/validation.test.ts has no check for ${rule.id}`);
    });
  }
}
