// Errors and bad input on the wire: the error's JSON body (Type, message
// casing), its x-amzn-ErrorType header, and what malformed bodies, wrong JSON
// types, unknown members and unknown paths get. All requests are raw: the SDK
// would refuse to send them, or hide what came back.
import { encodeLabel } from '../targets/wire.ts';
import { expectOk, expectThat } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import {
  expectErrorBody,
  expectErrorTypeHeader,
  expectJsonError,
  expectJsonMembers,
  expectKeysAbsent,
  expectWireOk,
  expectWireStatus,
  rawCall,
  wireCall,
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
}

/**
 * The recorded errors of all five operations, sent raw: InvalidParameterValue
 * from Put (no settings, itself as destination), ResourceNotFound from each
 * operation, ValidationException from Put (destination pattern) and Update
 * (retries out of range).
 */
async function errorCases(t: RuleContext, which: Array<ErrorCase['code']> = [IPVE, RNF, VALIDATION]): Promise<ErrorCase[]> {
  const fn = await t.fn();
  const missing = `${t.config.prefix}doesnotexist-wire`;
  const cases: ErrorCase[] = [];
  const add = async (code: ErrorCase['code'], status: number, x: Promise<Exchange>) => {
    cases.push({ x: await x, status, code });
  };
  if (which.includes(IPVE)) {
    await add(IPVE, 400, wireCall(t, 'PutFunctionEventInvokeConfig', missing, { body: {} }));
    await add(IPVE, 400, wireCall(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { DestinationConfig: { OnSuccess: { Destination: fn.arn } } } }));
  }
  if (which.includes(RNF)) {
    await add(RNF, 404, wireCall(t, 'PutFunctionEventInvokeConfig', missing, { body: { MaximumRetryAttempts: 1 } }));
    await add(RNF, 404, wireCall(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 0 } }));
    await add(RNF, 404, wireCall(t, 'GetFunctionEventInvokeConfig', fn.arn, {}));
    await add(RNF, 404, wireCall(t, 'DeleteFunctionEventInvokeConfig', fn.arn, {}));
    await add(RNF, 404, wireCall(t, 'ListFunctionEventInvokeConfigs', missing, {}));
  }
  if (which.includes(VALIDATION)) {
    const badArn = `arn:${fn.partition}:_-/!lambda:${fn.region}:${fn.account}:function:${fn.name}`;
    await add(VALIDATION, 400, wireCall(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { DestinationConfig: { OnFailure: { Destination: badArn } } } }));
    await add(VALIDATION, 400, wireCall(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 3 } }));
  }
  return cases;
}

/** A function with a config, so that a write's only fault is its body. */
async function withConfig(t: RuleContext) {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  return fn;
}

s.rule('error.shape.type-user', async (t) => {
  // Status only: the code's header is error.header.error-type's business.
  for (const c of await errorCases(t, [IPVE, RNF])) {
    expectJsonMembers(`${c.x.label} (${c.code})`, expectErrorBody(c.x, { status: c.status }), { Type: 'User' });
  }
});

s.rule('error.shape.message-casing', async (t) => {
  for (const c of await errorCases(t, [IPVE, RNF])) {
    const body = expectErrorBody(c.x, c);
    const [has, hasNot] = c.code === RNF ? ['Message', 'message'] : ['message', 'Message'];
    expectThat(typeof body[has] === 'string', `${c.x.label}: ${c.code} carries its text in "${has}", as the model's shape names it`, `"${has}": <string>`, body);
    expectKeysAbsent(`${c.x.label} (${c.code})`, body, hasNot);
  }
});

s.rule('error.shape.validation-no-type', async (t) => {
  for (const c of await errorCases(t, [VALIDATION])) expectKeysAbsent(`${c.x.label} (${c.code})`, expectErrorBody(c.x, c), 'Type');
});

s.rule('error.header.error-type', async (t) => {
  for (const c of await errorCases(t)) {
    expectWireStatus(c.x, c.status);
    expectErrorTypeHeader(c.x, c.code);
  }
});

s.rule('error.content-type-json', async (t) => {
  for (const c of await errorCases(t)) expectJsonError(c.x, { status: c.status });
});

s.rule('wire.malformed-json.rejected', async (t) => {
  const fn = await withConfig(t);
  for (const op of ['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig'] as const) {
    expectJsonError(await wireCall(t, op, fn.arn, { rawBody: '{"MaximumRetryAttempts": 1' }), { status: 400 });
  }
});

s.rule('wire.wrong-json-type.rejected', async (t) => {
  const fn = await withConfig(t);
  expectJsonError(await wireCall(t, 'PutFunctionEventInvokeConfig', fn.arn, { rawBody: '{"MaximumRetryAttempts": "1"}' }), { status: 400 });
  expectJsonError(await wireCall(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { rawBody: '{"MaximumEventAgeInSeconds": "60"}' }), { status: 400 });
});

s.rule('wire.unknown-members.ignored', async (t) => {
  const fn = await t.fn();
  const UNKNOWN = 'LambdaConformanceUnknownMember';
  const put = await wireCall(t, 'PutFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 1, [UNKNOWN]: 'x' } });
  const putBody = expectWireOk(put);
  expectJsonMembers(put.label, putBody, { MaximumRetryAttempts: 1 });
  expectKeysAbsent(put.label, putBody, UNKNOWN);

  const update = await wireCall(t, 'UpdateFunctionEventInvokeConfig', fn.arn, { body: { MaximumEventAgeInSeconds: 90, [UNKNOWN]: { nested: true } } });
  const updateBody = expectWireOk(update);
  expectJsonMembers(update.label, updateBody, { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 90 });
  expectKeysAbsent(update.label, updateBody, UNKNOWN);

  const get = await wireCall(t, 'GetFunctionEventInvokeConfig', fn.arn);
  expectKeysAbsent(get.label, expectWireOk(get), UNKNOWN);
});

s.rule('wire.unknown-operation.json-error', async (t) => {
  const fn = await t.fn();
  const paths = [`/2019-09-25/functions/${encodeLabel(fn.arn)}/event-invoke-config/lambda-conformance-no-such-operation`, '/lambda-conformance-no-such-operation'];
  for (const path of paths) expectJsonError(await rawCall(t, { method: 'GET', path }), { status: '4xx' });
});
