// Errors and bad input on the wire: the error's JSON body (Type, message
// casing), its x-amzn-ErrorType header, and what malformed bodies, wrong JSON
// types, unknown members and unknown paths get. All requests are raw: the SDK
// would refuse to send them, or hide what came back.
import { jsonObjectOf } from '../targets/observe.ts';
import { encodeLabel } from '../targets/wire.ts';
import { blockedBy, expectThat, given } from './harness/expect.ts';
import { Blocked, mismatch } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import {
  errorCodeOf,
  expectErrorTypeHeader,
  expectJsonError,
  expectJsonMembers,
  expectKeysAbsent,
  expectWireOk,
  jsonObject,
  listItems,
  on,
  rawCallJudgingFaults,
  requireWireError,
  wireCall,
  wireCallJudgingFaults,
  type Exchange,
} from './harness/wire-checks.ts';

const s = conformanceSuite('wire');

const IPVE = 'InvalidParameterValueException';
const RNF = 'ResourceNotFoundException';
const VALIDATION = 'ValidationException';

interface ErrorCase {
  x: Exchange;
  status: number;
  code: typeof IPVE | typeof RNF | typeof VALIDATION;
  /** The rule that judges whether this request gets an error at all (and which). */
  judgedBy: string;
}

/**
 * The recorded errors of all five operations, sent raw: InvalidParameterValue
 * from Put (no settings, itself as destination), ResourceNotFound from each
 * operation, ValidationException from Put (destination pattern) and Update
 * (retries out of range).
 */
async function errorCases(t: RuleContext, which: Array<ErrorCase['code']> = [IPVE, RNF, VALIDATION], o: { judgeFaults?: boolean } = {}): Promise<ErrorCase[]> {
  const fn = await t.fn();
  const missing = `${t.config.prefix}doesnotexist-wire`;
  const cases: ErrorCase[] = [];
  // For error.content-type-json an HTML error page is the divergence it judges, not a fault that ends it.
  const call = o.judgeFaults ? wireCallJudgingFaults : wireCall;
  const add = async (code: ErrorCase['code'], status: number, judgedBy: string, x: Promise<Exchange>) => {
    cases.push({ x: await x, status, code, judgedBy });
  };
  if (which.includes(IPVE)) {
    await add(IPVE, 400, 'put.no-settings.checked-before-existence', call(t, 'PutFunctionEventInvokeConfig', missing, { body: {} }));
    await add(
      IPVE,
      400,
      'destination.self-rejected',
      call(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { DestinationConfig: { OnSuccess: { Destination: fn.arn } } } }),
    );
  }
  if (which.includes(RNF)) {
    await add(RNF, 404, 'put.missing-function.not-found', call(t, 'PutFunctionEventInvokeConfig', missing, { body: { MaximumRetryAttempts: 1 } }));
    await add(RNF, 404, 'update.no-config.not-found', call(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 0 } }));
    await add(RNF, 404, 'get.missing-config.not-found', call(t, 'GetFunctionEventInvokeConfig', fn.arn, {}));
    await add(RNF, 404, 'not-found.error-code', call(t, 'DeleteFunctionEventInvokeConfig', fn.arn, {}));
    await add(RNF, 404, 'list.missing-function.not-found', call(t, 'ListFunctionEventInvokeConfigs', missing, {}));
  }
  if (which.includes(VALIDATION)) {
    const badArn = `arn:${fn.partition}:_-/!lambda:${fn.region}:${fn.account}:function:${fn.name}`;
    await add(
      VALIDATION,
      400,
      'destination.malformed-arn.validation-exception',
      call(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { DestinationConfig: { OnFailure: { Destination: badArn } } } }),
    );
    await add(
      VALIDATION,
      400,
      'update.validation.maximum-retry-attempts.above-max',
      call(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 3 } }),
    );
  }
  return cases;
}

/** A function with a config, so that a write's only fault is its body (set-up: a failure blocks the rule). */
async function withConfig(t: RuleContext) {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  return fn;
}

/**
 * Runs `judge` over the error cases whose answer it can judge: an error of the
 * client (4xx) whose code is one of `codes` (the code actually answered, as the
 * SDK reads it: which code a case must get is not these rules' concern). A case
 * answered otherwise is left out; the rule is blocked when no case is left.
 */
function judgeErrors(
  cases: ErrorCase[],
  codes: ReadonlyArray<ErrorCase['code']> | 'any',
  judge: (c: ErrorCase, body: Record<string, unknown>, code: string) => void,
): void {
  let blocked: Blocked | undefined;
  let judged = 0;
  for (const c of cases) {
    try {
      requireWireError(c.x, '4xx', c.judgedBy);
      // With 'any' code the body is the judge's business (error.content-type-json judges a body that is no JSON).
      const body = codes === 'any' ? (jsonObjectOf(c.x.text) ?? {}) : jsonObject(c.x);
      const code = errorCodeOf(c.x, body) ?? '(none)';
      if (codes !== 'any' && !codes.includes(code as ErrorCase['code'])) throw blockedBy(mismatch(on(c.x, 'error code'), c.code, code), c.judgedBy);
      judge(c, body, code);
      judged++;
    } catch (e) {
      if (!(e instanceof Blocked)) throw e;
      blocked ??= e;
    }
  }
  if (judged === 0 && blocked) throw blocked;
}

s.rule('error.shape.type-user', async (t) => {
  // The modelled errors carry Type: "User": judged on every 4xx that is one of them, whatever status it came with.
  judgeErrors(await errorCases(t, [IPVE, RNF]), [IPVE, RNF], (c, body, code) => {
    expectJsonMembers(on(c.x, `${code} body`), body, { Type: 'User' });
  });
});

s.rule('error.shape.message-casing', async (t) => {
  judgeErrors(await errorCases(t, [IPVE, RNF]), [IPVE, RNF], (c, body, code) => {
    const [has, hasNot] = code === RNF ? ['Message', 'message'] : ['message', 'Message'];
    expectThat(
      typeof body[has] === 'string',
      `${c.x.label}: ${code} carries its text in "${has}", as the model's shape names it`,
      `a string`,
      has in body ? body[has] : '(absent)',
      on(c.x, `${code} body.${has}`),
    );
    expectKeysAbsent(on(c.x, `${code} body`), body, hasNot);
  });
});

s.rule('error.shape.validation-no-type', async (t) => {
  judgeErrors(await errorCases(t, [VALIDATION]), [VALIDATION], (c, body, code) => {
    expectKeysAbsent(on(c.x, `${code} body`), body, 'Type');
  });
});

s.rule('error.header.error-type', async (t) => {
  // The header names the error's code; which code a case must get is the error-code rules' concern.
  judgeErrors(await errorCases(t), 'any', (c, body) => {
    // The code the body names, if it names one (`__type` / `code`), must be the header's; else any code the header names will do.
    const named = errorCodeOf({ ...c.x, headers: {} }, body);
    const header = c.x.headers['x-amzn-errortype'];
    expectErrorTypeHeader(c.x, named ?? header?.split(':')[0] ?? c.code);
  });
});

s.rule('error.content-type-json', async (t) => {
  // Every error of a client's request (4xx) is a JSON object sent as
  // application/json: an HTML page is judged here, not left inconclusive. The
  // status and code each case must get are other rules' concern.
  judgeErrors(await errorCases(t, [IPVE, RNF, VALIDATION], { judgeFaults: true }), 'any', (c) => expectJsonError(c.x, { status: '4xx' }));
});

s.rule('wire.malformed-json.rejected', async (t) => {
  const fn = await withConfig(t);
  t.subject = 'a body that is not JSON';
  for (const op of ['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig'] as const) {
    expectJsonError(await wireCallJudgingFaults(t, op, fn.arn, { rawBody: '{"MaximumRetryAttempts": 1' }, { serverErrors: true }), { status: '4xx' });
  }
});

s.rule('wire.wrong-json-type.rejected', async (t) => {
  const fn = await withConfig(t);
  t.subject = 'a string where an integer belongs';
  expectJsonError(
    await wireCallJudgingFaults(t, 'PutFunctionEventInvokeConfig', fn.arn, { rawBody: '{"MaximumRetryAttempts": "1"}' }, { serverErrors: true }),
    { status: '4xx' },
  );
  expectJsonError(
    await wireCallJudgingFaults(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { rawBody: '{"MaximumEventAgeInSeconds": "60"}' }, { serverErrors: true }),
    { status: '4xx' },
  );
});

s.rule('wire.unknown-members.ignored', async (t) => {
  // The unknown member is neither an error nor echoed nor stored; the known
  // ones are applied. (Whether Update keeps the retries it did not send is the
  // merge rules' concern: only the age it sent is checked.)
  const fn = await t.fn();
  const UNKNOWN = 'LambdaConformanceUnknownMember';
  const put = await wireCall(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 1, [UNKNOWN]: 'x' } });
  const putBody = expectWireOk(put);
  expectJsonMembers(on(put, 'body'), putBody, { MaximumRetryAttempts: 1 });
  expectKeysAbsent(on(put, 'body'), putBody, UNKNOWN);

  const update = await wireCall(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumEventAgeInSeconds: 90, [UNKNOWN]: { nested: true } } });
  const updateBody = expectWireOk(update);
  expectJsonMembers(on(update, 'body'), updateBody, { MaximumEventAgeInSeconds: 90 });
  expectKeysAbsent(on(update, 'body'), updateBody, UNKNOWN);

  const get = await wireCall(t, 'GetFunctionEventInvokeConfig', fn.arn);
  expectKeysAbsent(on(get, 'body'), expectWireOk(get), UNKNOWN);
  const list = await wireCall(t, 'ListFunctionEventInvokeConfigs', fn.arn);
  for (const item of listItems(list, expectWireOk(list))) expectKeysAbsent(on(list, 'body.FunctionEventInvokeConfigs[]'), item, UNKNOWN);
});

s.rule('wire.unknown-operation.json-error', async (t) => {
  // An HTML page (or a 5xx) is what this rule judges: it is not left inconclusive.
  const fn = await t.fn();
  t.subject = 'a path no operation routes';
  const paths = [
    `/2019-09-25/functions/${encodeLabel(fn.arn)}/event-invoke-config/lambda-conformance-no-such-operation`,
    '/lambda-conformance-no-such-operation',
  ];
  for (const [i, path] of paths.entries()) {
    const op = i === 0 ? 'GET <an unknown operation under a function>' : 'GET <an unknown path>';
    expectJsonError(await rawCallJudgingFaults(t, { method: 'GET', path }, { serverErrors: true }, op), { status: '4xx' });
  }
});
