// Validation: every rule of specs/rules/validation.ts, which are generated from
// the contract, checked with values generated from the same contract. An edge
// rule sends one request with the edge's value in its member: one past a limit
// must be rejected (400); the limit itself must get through validation, and
// the rule checks that it really did (the value is echoed, or the named
// resource is looked up and not found) rather than trusting a status. Each
// rule's root cause names the member and the kind of fault (`t.subject`), so
// that "retries below the minimum accepted" and "retries at the minimum
// rejected" never share one. The error-code and message rules run a property
// over single-fault requests, boundary values first, and judge the code and
// text of the faults that were rejected (400): a fault that was not rejected
// is the edge rule's divergence, and blocks them only when nothing else can be
// judged. The SDK sends an empty Qualifier as `?Qualifier=`, so every case goes
// through the SDK.
import { EIC_OPERATIONS, type EicOperation } from '../specs/contract.ts';
import { CONSTRAINT_TEXT, ONE_VALIDATION_ERROR, malformedDestinationMessage, violationText } from '../specs/aws-texts.ts';
import type { ConstraintEdge } from '../specs/rules/rule.ts';
import { validationRules, validationRuleId } from '../specs/rules/validation.ts';
import type { RuleId } from '../specs/rules/index.ts';
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { Observation } from '../targets/observe.ts';
import {
  boundaryFaults,
  edgeValue,
  lowerCamelPath,
  minimalRequest,
  minimalSettings,
  setMember,
  sideOf,
  singleFault,
  type Fault,
  type FaultyRequest,
} from '../generators/index.ts';
import {
  blockedBy,
  expectEqual,
  expectError,
  expectMembers,
  expectOk,
  expectStatus,
  expectThat,
  given,
  requireErrorStatus,
  whereIn,
} from './harness/expect.ts';
import { Blocked, Inconclusive, mismatch, RuleFailure } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import { isFaultAnswer } from './harness/wire-checks.ts';

const s = conformanceSuite('validation');

const PUT = 'PutFunctionEventInvokeConfig';
const UPDATE = 'UpdateFunctionEventInvokeConfig';
const GET = 'GetFunctionEventInvokeConfig';
const DELETE = 'DeleteFunctionEventInvokeConfig';
const RNF = 'ResourceNotFoundException';
const VALIDATION = 'ValidationException';
const IPVE = 'InvalidParameterValueException';

/**
 * The settings a config holds before a request that may change it: none is an
 * edge value of its member (retries 0..2, age 60..21600), so an answer that
 * shows the edge value shows the request's, and a config that still shows
 * these was not touched.
 */
const BEFORE = { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120 } as const;

type EdgeLike = Pick<ConstraintEdge, 'member' | 'keyword'> & { accepted: boolean };

/** What about the request a rule judges, for its root cause: the member and the kind of fault (or of edge). */
function subjectOf(e: EdgeLike): string {
  const m = e.member;
  switch (e.keyword) {
    case 'minimum':
      return e.accepted ? `${m} at its minimum` : `${m} below its minimum`;
    case 'maximum':
      return e.accepted ? `${m} at its maximum` : `${m} above its maximum`;
    case 'minLength':
      return e.accepted ? `${m} at its minimum length` : `an empty ${m}`;
    case 'maxLength':
      return e.accepted ? `${m} at its maximum length` : `${m} above its maximum length`;
    case 'pattern':
      return `${m} breaking its pattern`;
  }
}

/** The rule that judges the status of a fault: its rejected edge rule. */
function statusRuleOf(op: EicOperation, f: Pick<Fault, 'member' | 'keyword'>): RuleId {
  const rule = validationRules.find(
    (r) => r.operations.includes(op) && r.edge && !r.edge.accepted && r.edge.member === f.member && r.edge.keyword === f.keyword,
  );
  return rule?.id ?? validationRuleId(op, 'error-code');
}

const withoutTime = (b: Record<string, unknown> | undefined) => b && Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'LastModified'));

/** A fresh function whose $LATEST holds BEFORE: a request that falls through to $LATEST changes it or answers it. */
async function withLatestConfig(t: RuleContext): Promise<FunctionFixture> {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, ...BEFORE }));
  return fn;
}

// ---------------------------------------------------------------- FunctionName

async function functionNameEdge(t: RuleContext, op: EicOperation, edge: ConstraintEdge): Promise<void> {
  const name = String(edgeValue(edge));
  if (!edge.accepted) return expectStatus(await t.call(op, minimalRequest(op, name)), 400);
  // No function has this name (on remote targets refuseForeign saw none; the
  // embedded one holds only the run's): past validation, the lookup finds
  // nothing, as every operation answers for a missing function (recorded).
  await t.refuseForeign(name);
  expectError(await t.call(op, minimalRequest(op, name)), { status: 404, code: RNF });
}

// ---------------------------------------------------------------- Qualifier

async function qualifierEdge(t: RuleContext, op: EicOperation, edge: ConstraintEdge): Promise<void> {
  if (edge.keyword === 'minLength' && !edge.accepted) return emptyQualifier(t, op);
  const fn = await withLatestConfig(t);
  const request = setMember(minimalRequest(op, fn.name), 'Qualifier', String(edgeValue(edge, fn)));
  if (!edge.accepted) return expectStatus(await t.call(op, request), 400);
  // The value names no alias of the function: past validation, nothing is
  // found (404, as put_alias_doesnotexist and get_qualifier_doesnotexist
  // show), and nothing else is touched: $LATEST, which holds a config, must
  // still hold the same one. Both length edges judge that one thing.
  t.subject = 'a Qualifier of a valid length that names nothing';
  const o = await t.call(op, request);
  const latest = await t.get({ FunctionName: fn.name });
  expectEqual(whereIn(o, "$LATEST's config afterwards"), latest.status === 200 ? pick(latest.body ?? {}, BEFORE) : '(absent)', { ...BEFORE });
  expectError(o, { status: 404, code: RNF });
}

/** The members of `b` named in `like`. */
const pick = (b: Record<string, unknown>, like: object) => Object.fromEntries(Object.keys(like).map((k) => [k, b[k]]));

/**
 * `?Qualifier=` (A3 of the evidence plan): the model's minimum length is 1, the
 * API reference's pattern admits the empty string, and what AWS does is not
 * recorded. Any correct answer is one of two readings: a value of length 0
 * (400 ValidationException), or no Qualifier at all (exactly what the request
 * without one gets: it acts on $LATEST). Never another qualifier.
 */
async function emptyQualifier(t: RuleContext, op: EicOperation): Promise<void> {
  const fn = await t.fn();
  // Put creates: $LATEST starts without a config, so a Get afterwards shows whether the Put went there.
  if (op !== PUT) given(await t.put({ FunctionName: fn.name, ...BEFORE }));
  const request = { ...minimalRequest(op, fn.name), Qualifier: '' };
  const sent = { MaximumRetryAttempts: minimalSettings().MaximumRetryAttempts }; // what Put and Update send (BEFORE has 1)
  const o = await t.call(op, request);
  if (o.status === 400) return expectError(o, { code: VALIDATION });
  const readings = `400 ${VALIDATION}, or the answer of the request without a Qualifier`;
  const success = op === DELETE ? 204 : 200;
  if (o.status !== success || o.errorCode !== undefined)
    throw mismatch(whereIn(o, 'status'), `${readings} (${success})`, o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status);
  const latest = await t.get({ FunctionName: fn.name });
  switch (op) {
    case PUT: {
      // The config it created is $LATEST's, and the only one.
      expectEqual(whereIn(o, "$LATEST's config afterwards"), latest.status === 200 ? pick(latest.body ?? {}, sent) : '(absent)', sent);
      return expectOnlyConfig(t, o, fn);
    }
    case UPDATE:
      // It updated the one config there is ($LATEST's) and made no other.
      expectMembers(o, sent);
      return expectOnlyConfig(t, o, fn);
    case GET:
      expectThat(latest.status === 200, `the Get without a Qualifier must answer $LATEST's config`, 200, latest.status, whereIn(o, 'Get without a Qualifier'));
      return expectEqual(whereIn(o, 'body (vs the Get without a Qualifier, LastModified aside)'), withoutTime(o.body), withoutTime(latest.body));
    case DELETE:
      expectThat(
        latest.status === 404,
        `${o.op} with an empty Qualifier answered 204, but $LATEST still holds its config`,
        '(absent)',
        withoutTime(latest.body),
        whereIn(o, "$LATEST's config afterwards"),
      );
      return;
  }
}

/** The function holds one config (no config was made for some other qualifier). */
async function expectOnlyConfig(t: RuleContext, o: Observation, fn: FunctionFixture): Promise<void> {
  const list = await t.list({ FunctionName: fn.name });
  const items = (given(list).FunctionEventInvokeConfigs ?? []) as unknown[];
  expectThat(
    items.length === 1,
    `${o.op} with an empty Qualifier: the function holds ${items.length} configs afterwards`,
    1,
    items.length,
    whereIn(o, 'number of configs afterwards'),
  );
}

// ---------------------------------------------------------------- MaxItems

async function maxItemsEdge(t: RuleContext, edge: ConstraintEdge): Promise<void> {
  const fn = await withLatestConfig(t);
  const limit = Number(edgeValue(edge, fn));
  const o = await t.list({ FunctionName: fn.name, MaxItems: limit });
  if (!edge.accepted) return expectStatus(o, 400);
  // Accepted: a page of the function's one config (not an error, not an empty answer).
  const items = expectOk(o).FunctionEventInvokeConfigs;
  const n = Array.isArray(items) ? items.length : -1;
  expectThat(
    n >= 1 && n <= limit,
    `${o.op} with MaxItems=${limit}: the page holds ${Array.isArray(items) ? `${n} items` : 'no item array'} (the function has one config)`,
    `1..${limit} items`,
    Array.isArray(items) ? n : items === undefined ? '(absent)' : items,
    whereIn(o, 'body.FunctionEventInvokeConfigs'),
  );
}

// ---------------------------------------------------------------- settings and destinations

async function bodyEdge(t: RuleContext, op: EicOperation, edge: ConstraintEdge): Promise<void> {
  const fn = await t.fn();
  // Update needs a config (it never creates one); its settings are none of the edge values.
  if (op === UPDATE) given(await t.put({ FunctionName: fn.name, ...BEFORE }));
  const value = edgeValue(edge, fn);
  const o = await t.call(op, setMember(minimalRequest(op, fn.name), edge.member, value));
  if (!edge.accepted) return expectStatus(o, 400);
  const side = sideOf(edge.member);
  if (!side) {
    // Accepted and applied: the answer shows the value sent (not the one before, not nothing).
    expectOk(o);
    return expectMembers(o, { [edge.member]: value });
  }
  // A destination of the longest length names no real resource: AWS may refuse
  // it after validation (its resource or permission check, 400
  // InvalidParameterValueException as recorded for refused destinations), never
  // as a ValidationException. Accepted, it is echoed on its side (whether the
  // other side is `{}` is the response shape's concern).
  if (o.status === 400 && o.errorCode === IPVE) return;
  if (o.status !== 200 || o.errorCode !== undefined)
    throw mismatch(whereIn(o, 'status'), `200 (or 400 ${IPVE})`, o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status);
  const dc = o.body?.DestinationConfig as Record<string, { Destination?: unknown } | undefined> | undefined;
  const echoed = dc?.[side]?.Destination;
  if (echoed !== value) throw mismatch(whereIn(o, `body.DestinationConfig.${side}.Destination`), value, echoed === undefined ? '(absent)' : echoed);
}

async function checkEdge(t: RuleContext, op: EicOperation, edge: ConstraintEdge): Promise<void> {
  t.subject = subjectOf(edge);
  if (edge.member === 'FunctionName') return functionNameEdge(t, op, edge);
  if (edge.member === 'Qualifier') return qualifierEdge(t, op, edge);
  if (edge.member === 'MaxItems') return maxItemsEdge(t, edge);
  return bodyEdge(t, op, edge);
}

// ---------------------------------------------------------------- error code and message of a violation

/**
 * The function an operation's single faults are sent to (for Update one with
 * a config), and the calls already made: the error-code and message rules of
 * an operation send the very same requests (same seed, same function) and
 * judge different parts of the answers, so each request goes once.
 */
const faultFixtures = new Map(
  EIC_OPERATIONS.map((op) => [
    op,
    s.shared(`faults-${op.replace('FunctionEventInvokeConfig', '').toLowerCase()}`, async (c) => {
      const fn = await c.fn();
      if (op === UPDATE) given(await c.put({ FunctionName: fn.name, ...BEFORE }));
      return { fn, calls: c.sharedCalls() };
    }),
  ]),
);

/**
 * Single faults of the operation (faultFixtures), the boundary ones first,
 * then generated ones. `judge` sees the answer of each; a case it cannot
 * judge (the fault was not rejected, or the answer was no AWS answer) is left
 * out, and ends the rule inconclusive only when no case could be judged at all.
 */
async function forEachSingleFault(t: RuleContext, op: EicOperation, judge: (o: Observation, f: FaultyRequest) => void): Promise<void> {
  const { fn, calls } = await faultFixtures.get(op)!(t);
  let judged = 0;
  let blocked: Blocked | undefined;
  let fault: Inconclusive | undefined;
  let failed: RuleFailure | undefined;
  const run = t.forAll(
    singleFault(op, fn.name, fn),
    async (f) => {
      t.subject = subjectOf({ ...f.fault, accepted: false });
      let o: Observation;
      try {
        o = await t.call(f.op, f.input, { shared: calls });
      } catch (e) {
        if (!isFaultAnswer(e)) throw e;
        fault ??= e as Inconclusive;
        return;
      }
      try {
        judge(o, f);
        judged++;
      } catch (e) {
        if (e instanceof RuleFailure) failed = e;
        if (!(e instanceof Blocked)) throw e;
        blocked ??= e;
      }
    },
    { examples: boundaryFaults(op, fn.name, fn) },
  );
  // The property's failure is the counterexample replayed alone (the last case
  // run): keep where it diverged, for its root cause.
  await run.catch((e: unknown) => {
    throw e instanceof RuleFailure && !e.where && failed?.where ? new RuleFailure(e.message, e.expected, e.actual, e.extra, failed.where) : e;
  });
  if (judged === 0) throw blocked ?? fault ?? new Inconclusive('no single fault could be judged');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What of a fault's message AWS's evidence pins: the recorded form up to the
 * constraint (`1 validation error detected: Value '<v>' at '<path>' failed to
 * satisfy constraint: `) for every fault; the whole text only for a malformed
 * destination (recorded) and a maximum length (analogous). Never the
 * FunctionName or Qualifier pattern text (AWS quotes one that is not the
 * model's) and never the range texts (shown nowhere).
 */
function expectedMessage(f: Fault): string | RegExp {
  const path = lowerCamelPath(f.member);
  const side = sideOf(f.member);
  if (f.keyword === 'pattern' && side) return malformedDestinationMessage(String(f.value), side === 'OnSuccess' ? 'onSuccess' : 'onFailure');
  if (f.keyword === 'maxLength') return `${ONE_VALIDATION_ERROR}${violationText(f.value, path, CONSTRAINT_TEXT.maxLength(f.limit))}`;
  return new RegExp(`^${escapeRe(`${ONE_VALIDATION_ERROR}${violationText(f.value, path, '')}`)}`);
}

function judgeCode(op: EicOperation) {
  return (o: Observation, f: FaultyRequest) => {
    requireErrorStatus(o, 400, statusRuleOf(op, f.fault));
    expectError(o, { code: VALIDATION });
  };
}

function judgeMessage(op: EicOperation) {
  return (o: Observation, f: FaultyRequest) => {
    requireErrorStatus(o, 400, statusRuleOf(op, f.fault));
    if (o.errorCode !== VALIDATION)
      throw blockedBy(mismatch(whereIn(o, 'error code'), VALIDATION, o.errorCode ?? '(none)'), validationRuleId(op, 'error-code'));
    expectError(o, { message: expectedMessage(f.fault) });
  };
}

for (const rule of validationRules) {
  const op = EIC_OPERATIONS.find((o) => rule.operations.includes(o));
  const edge = rule.edge;
  if (op && edge) {
    s.rule(rule.id, (t) => checkEdge(t, op, edge));
  } else if (op && rule.id === validationRuleId(op, 'error-code')) {
    s.rule(rule.id, (t) => forEachSingleFault(t, op, judgeCode(op)));
  } else if (op && rule.id === validationRuleId(op, 'message')) {
    s.rule(rule.id, (t) => forEachSingleFault(t, op, judgeMessage(op)));
  } else {
    // A rule added to the catalogue without a check here fails loudly instead of passing unnoticed.
    s.rule(rule.id, async () => {
      throw new RuleFailure(`suites/validation.test.ts has no check for ${rule.id}`);
    });
  }
}
