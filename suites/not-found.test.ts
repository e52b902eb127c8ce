// Not-found answers per operation: Put/Update/List on a missing function say
// "The function doesn't exist."; Get/Delete name the qualified ARN.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { expectError, expectOk } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('not-found');
const NO_FUNCTION = "The function doesn't exist.";
const noConfig = (qualifiedArn: string) => `The function ${qualifiedArn} doesn't have an EventInvokeConfig`;
const NOT_FOUND = { status: 404, code: 'ResourceNotFoundException' } as const;

/** A name no function of this run has. */
const missingName = (t: RuleContext) => `${t.config.prefix}doesnotexist`;

/** The unqualified ARN a function called `name` would have, in the account, region and partition of `ref`. */
const lambdaArn = (ref: FunctionFixture, name: string) => `arn:${ref.partition}:lambda:${ref.region}:${ref.account}:function:${name}`;

s.rule('put.missing-function.not-found', async (t) => {
  expectError(await t.put({ FunctionName: missingName(t), MaximumRetryAttempts: 1 }), NOT_FOUND);
});

s.rule('put.missing-function.arn-not-found', async (t) => {
  // An existing function only tells us the target's account, region and partition.
  const ref = await t.fn('ref');
  expectError(await t.put({ FunctionName: lambdaArn(ref, missingName(t)), MaximumRetryAttempts: 1 }), { status: 404 });
});

s.rule('put.missing-function.message', async (t) => {
  const ref = await t.fn('ref');
  expectError(await t.put({ FunctionName: missingName(t), MaximumRetryAttempts: 1 }), { message: NO_FUNCTION });
  expectError(await t.put({ FunctionName: lambdaArn(ref, missingName(t)), MaximumRetryAttempts: 1 }), { message: NO_FUNCTION });
});

s.rule('update.missing-function.not-found', async (t) => {
  expectError(await t.update({ FunctionName: missingName(t), MaximumRetryAttempts: 0 }), { status: 404 });
});

s.rule('update.missing-function.message', async (t) => {
  expectError(await t.update({ FunctionName: missingName(t), MaximumRetryAttempts: 0 }), { message: NO_FUNCTION });
});

s.rule('get.missing-function.not-found', async (t) => {
  expectError(await t.get({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('get.missing-function.message', async (t) => {
  const ref = await t.fn('ref');
  expectError(await t.get({ FunctionName: missingName(t) }), { message: noConfig(`${lambdaArn(ref, missingName(t))}:$LATEST`) });
});

s.rule('get.missing-qualifier.not-found', async (t) => {
  const fn = await t.fn();
  expectError(await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), { status: 404 });
});

s.rule('get.missing-qualifier.message', async (t) => {
  const fn = await t.fn();
  expectError(await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), { message: noConfig(t.arn(fn, 'doesnotexist')) });
});

s.rule('get.missing-config.not-found', async (t) => {
  const fn = await t.fn();
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  expectError(await t.get({ FunctionName: t.arn(fn, alias) }), { status: 404 });
});

s.rule('get.missing-config.message', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  const version = await t.publish(fn);
  expectError(await t.get({ FunctionName: fn.name, Qualifier: version }), { message: noConfig(t.arn(fn, version)) });
  const alias = await t.alias(fn, version);
  expectError(await t.get({ FunctionName: t.arn(fn, alias) }), { message: noConfig(t.arn(fn, alias)) });
});

s.rule('delete.missing-function.not-found', async (t) => {
  expectError(await t.remove({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('delete.missing-function.message', async (t) => {
  const ref = await t.fn('ref');
  expectError(await t.remove({ FunctionName: missingName(t) }), { message: noConfig(`${lambdaArn(ref, missingName(t))}:$LATEST`) });
});

s.rule('list.missing-function.not-found', async (t) => {
  expectError(await t.list({ FunctionName: missingName(t) }), { status: 404 });
});

s.rule('list.missing-function.message', async (t) => {
  expectError(await t.list({ FunctionName: missingName(t) }), { message: NO_FUNCTION });
});

s.rule('not-found.error-code', async (t) => {
  const missing = missingName(t);
  expectError(await t.put({ FunctionName: missing, MaximumRetryAttempts: 1 }), NOT_FOUND);
  expectError(await t.update({ FunctionName: missing, MaximumRetryAttempts: 0 }), NOT_FOUND);
  expectError(await t.get({ FunctionName: missing }), NOT_FOUND);
  expectError(await t.remove({ FunctionName: missing }), NOT_FOUND);
  expectError(await t.list({ FunctionName: missing }), NOT_FOUND);
  // An existing function without a config, and a missing qualifier.
  const fn = await t.fn();
  expectError(await t.get({ FunctionName: fn.name }), NOT_FOUND);
  expectError(await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), NOT_FOUND);
  expectError(await t.remove({ FunctionName: fn.name }), NOT_FOUND);
  expectError(await t.get({ FunctionName: fn.name, Qualifier: 'doesnotexist' }), NOT_FOUND);
  expectError(await t.put({ FunctionName: fn.name, Qualifier: 'doesnotexist', MaximumRetryAttempts: 1 }), NOT_FOUND);
});
