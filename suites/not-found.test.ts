// Not-found answers per operation: Put/Update/List on a missing function say
// "The function doesn't exist."; Get/Delete name the qualified ARN.
//
// The status rules judge the 404; the message and code rules judge the error
// only once there is one (else they are blocked by the status rule). Where a
// qualifier or config is missing, $LATEST holds a config, so a target that
// answers any qualifier from $LATEST cannot pass.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { arnInNoEventInvokeConfig, FUNCTION_DOES_NOT_EXIST, noEventInvokeConfig } from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import { expectEqual, expectError, given, requireErrorStatus, whereIn } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import type { RuleId } from '../specs/rules/index.ts';

const s = conformanceSuite('not-found');
const NOT_FOUND = { status: 404, code: 'ResourceNotFoundException' } as const;
const MISSING_FUNCTION = 'a function that does not exist';

/** A name no function of this run has. */
const missingName = (t: RuleContext) => `${t.config.prefix}doesnotexist`;

/** The unqualified ARN a function called `name` would have, in the account, region and partition of `ref`. */
const lambdaArn = (ref: FunctionFixture, name: string) => `arn:${ref.partition}:lambda:${ref.region}:${ref.account}:function:${name}`;

/** The 404 whose message a rule judges (else it is blocked by `statusRule`), with this message. */
function expectNotFoundMessage(o: Observation, statusRule: RuleId, message: string): void {
  requireErrorStatus(o, 404, statusRule);
  expectError(o, { message });
}

/** As expectNotFoundMessage, for the "doesn't have an EventInvokeConfig" text: a message naming another ARN fails on the ARN's kind. */
function expectNoConfigMessage(o: Observation, statusRule: RuleId, qualifiedArn: string): void {
  requireErrorStatus(o, 404, statusRule);
  const named = arnInNoEventInvokeConfig(o.message ?? '');
  if (named !== undefined) expectEqual(whereIn(o, 'ARN named in the error message'), named, qualifiedArn);
  expectError(o, { message: noEventInvokeConfig(qualifiedArn) });
}

/** A function with a config on $LATEST, and a published version and an alias of it without one. */
async function latestOnly(t: RuleContext): Promise<{ fn: FunctionFixture; version: string; alias: string }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  return { fn, version, alias };
}

// ---- a function that does not exist

s.rule('put.missing-function.not-found', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectError(await t.put({ FunctionName: missingName(t), MaximumRetryAttempts: 1 }), NOT_FOUND);
});

s.rule('put.missing-function.arn-not-found', async (t) => {
  // An existing function only tells us the target's account, region and partition.
  const ref = await t.sharedFn();
  t.subject = 'the ARN of a function that does not exist';
  expectError(await t.put({ FunctionName: lambdaArn(ref, missingName(t)), MaximumRetryAttempts: 1 }), { status: 404 });
});

s.rule('put.missing-function.message', async (t) => {
  const ref = await t.sharedFn();
  t.subject = MISSING_FUNCTION;
  expectNotFoundMessage(await t.put({ FunctionName: missingName(t), MaximumRetryAttempts: 1 }), 'put.missing-function.not-found', FUNCTION_DOES_NOT_EXIST);
  t.subject = 'the ARN of a function that does not exist';
  expectNotFoundMessage(
    await t.put({ FunctionName: lambdaArn(ref, missingName(t)), MaximumRetryAttempts: 1 }),
    'put.missing-function.arn-not-found',
    FUNCTION_DOES_NOT_EXIST,
  );
});

s.rule('update.missing-function.not-found', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectError(await t.update({ FunctionName: missingName(t), MaximumRetryAttempts: 0 }), { status: 404 });
});

s.rule('update.missing-function.message', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectNotFoundMessage(
    await t.update({ FunctionName: missingName(t), MaximumRetryAttempts: 0 }),
    'update.missing-function.not-found',
    FUNCTION_DOES_NOT_EXIST,
  );
});

s.rule('get.missing-function.not-found', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectError(await t.get({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('get.missing-function.message', async (t) => {
  const ref = await t.sharedFn();
  t.subject = MISSING_FUNCTION;
  expectNoConfigMessage(await t.get({ FunctionName: missingName(t) }), 'get.missing-function.not-found', `${lambdaArn(ref, missingName(t))}:$LATEST`);
});

s.rule('delete.missing-function.not-found', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectError(await t.remove({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('delete.missing-function.message', async (t) => {
  const ref = await t.sharedFn();
  t.subject = MISSING_FUNCTION;
  expectNoConfigMessage(await t.remove({ FunctionName: missingName(t) }), 'delete.missing-function.not-found', `${lambdaArn(ref, missingName(t))}:$LATEST`);
});

s.rule('list.missing-function.not-found', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectError(await t.list({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('list.missing-function.message', async (t) => {
  t.subject = MISSING_FUNCTION;
  expectNotFoundMessage(await t.list({ FunctionName: missingName(t) }), 'list.missing-function.not-found', FUNCTION_DOES_NOT_EXIST);
});

// ---- a qualifier or config that does not exist (for the status, while $LATEST has a config)

s.rule('get.missing-qualifier.not-found', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  t.subject = 'a qualifier that does not exist';
  expectError(await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), { status: 404 });
});

s.rule('get.missing-qualifier.message', async (t) => {
  // As recorded (get_qualifier_doesnotexist): no config anywhere. A target that
  // reads $LATEST instead answers its 404, and the ARN it names shows it.
  const fn = await t.fn();
  t.subject = 'a qualifier that does not exist';
  expectNoConfigMessage(await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), 'get.missing-qualifier.not-found', t.arn(fn, 'doesnotexist'));
});

s.rule('get.missing-config.not-found', async (t) => {
  const fn = await t.fn();
  t.subject = 'a function without any config';
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
  // The version and alias were published before $LATEST got its config: neither has one, whatever PublishVersion copies.
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  t.subject = 'a version or alias without a config';
  expectError(await t.get({ FunctionName: fn.name, Qualifier: version }), { status: 404 });
  expectError(await t.get({ FunctionName: t.arn(fn, alias) }), { status: 404 });
});

s.rule('get.missing-config.message', async (t) => {
  const { fn, version, alias } = await latestOnly(t);
  t.subject = 'a version or alias without a config';
  expectNoConfigMessage(await t.get({ FunctionName: fn.name, Qualifier: version }), 'get.missing-config.not-found', t.arn(fn, version));
  expectNoConfigMessage(await t.get({ FunctionName: t.arn(fn, alias) }), 'get.missing-config.not-found', t.arn(fn, alias));
});

// ---- the error code of every not-found answer

s.rule('not-found.error-code', async (t) => {
  const missing = missingName(t);
  const fn = await t.fn();
  // [the answer, the rule that judges its status]
  const answers: Array<[Observation, RuleId]> = [
    [await t.put({ FunctionName: missing, MaximumRetryAttempts: 1 }), 'put.missing-function.not-found'],
    [await t.update({ FunctionName: missing, MaximumRetryAttempts: 0 }), 'update.missing-function.not-found'],
    [await t.get({ FunctionName: missing }), 'get.missing-function.not-found'],
    [await t.remove({ FunctionName: missing }), 'delete.missing-function.not-found'],
    [await t.list({ FunctionName: missing }), 'list.missing-function.not-found'],
    // An existing function without a config, and a missing qualifier.
    [await t.get({ FunctionName: fn.name }), 'get.missing-config.not-found'],
    [await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), 'update.no-config.not-found'],
    [await t.remove({ FunctionName: fn.name }), 'delete.twice.not-found'],
    [await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), 'get.missing-qualifier.not-found'],
    [await t.put({ FunctionName: fn.name, Qualifier: 'doesnotexist', MaximumRetryAttempts: 1 }), 'qualifier.missing-alias.put-not-found'],
  ];
  t.subject = 'a missing function, qualifier or config';
  // Every error there is carries the code; an answer without an error has no code to judge.
  for (const [o] of answers) if (o.status !== undefined && o.status >= 400 && o.status < 500) expectError(o, { code: NOT_FOUND.code });
  for (const [o, statusRule] of answers) requireErrorStatus(o, '4xx', statusRule);
});
