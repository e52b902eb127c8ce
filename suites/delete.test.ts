// Delete: 204 with nothing in the body, the config gone from Get and List,
// the other qualifiers' configs untouched, a second Delete 404.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { expectEqual, expectError, expectMembers, expectOk, expectStatus, expectThat } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import { expectNoContent, wireCall } from './harness/wire-checks.ts';

const s = conformanceSuite('delete');
const noConfig = (arn: string) => `The function ${arn} doesn't have an EventInvokeConfig`;

/** A function with configs on $LATEST (retries 0), version 1 (age 120) and an alias of it (retries 1). */
async function threeConfigs(t: RuleContext): Promise<{ fn: FunctionFixture; version: string; alias: string }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 1 }));
  return { fn, version, alias };
}

/** FunctionArns of a List through the SDK (one page: a handful of configs). */
async function listedArns(t: RuleContext, fn: FunctionFixture): Promise<string[]> {
  const o = await t.list({ FunctionName: fn.name });
  const items = expectOk(o).FunctionEventInvokeConfigs;
  expectThat(Array.isArray(items), `ListFunctionEventInvokeConfigs(${fn.name}): no FunctionEventInvokeConfigs list in the answer${o.errorCode ? ` (${o.errorCode}: ${o.message})` : ''}`, 'an array', items ?? '(absent)');
  return (items as Array<{ FunctionArn?: string }>).map((c) => String(c.FunctionArn)).sort();
}

s.rule('delete.no-content', async (t) => {
  const { fn, version, alias } = await threeConfigs(t);
  // delete_latest, delete_version, delete_alias: each 204 with an empty body.
  for (const q of ['$LATEST', version, alias]) expectNoContent(await wireCall(t, 'DeleteFunctionEventInvokeConfig', fn.arn, { qualifier: q }));
});

s.rule('delete.removes-config', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectStatus(await t.remove({ FunctionName: fn.name }), 204);
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
  expectEqual(`ListFunctionEventInvokeConfigs(${fn.name}) after Delete: FunctionArns`, await listedArns(t, fn), []);
});

s.rule('delete.only-its-qualifier', async (t) => {
  const { fn, version, alias } = await threeConfigs(t);
  expectStatus(await t.remove({ FunctionName: fn.name, Qualifier: '$LATEST' }), 204);
  expectEqual(`List after deleting $LATEST's config: FunctionArns`, await listedArns(t, fn), [t.arn(fn, version), t.arn(fn, alias)].sort());
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: version }), { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 120 });
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: alias }), { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });

  expectStatus(await t.remove({ FunctionName: fn.name, Qualifier: alias }), 204);
  expectEqual(`List after deleting ${alias}'s config: FunctionArns`, await listedArns(t, fn), [t.arn(fn, version)]);
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: version }), { MaximumEventAgeInSeconds: 120 });
});

s.rule('delete.twice.not-found', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectStatus(await t.remove({ FunctionName: fn.name }), 204);
  expectError(await t.remove({ FunctionName: fn.name }), { status: 404 });
});

s.rule('delete.twice.message', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectStatus(await t.remove({ FunctionName: fn.name }), 204);
  expectError(await t.remove({ FunctionName: fn.name }), { message: noConfig(t.arn(fn, '$LATEST')) });
});
