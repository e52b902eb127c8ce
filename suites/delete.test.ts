// Delete: 204 with nothing in the body, the config gone from Get and List,
// the other qualifiers' configs untouched, a second Delete 404.
//
// Each Delete a rule judges has its own config, written just before it, so
// its outcome does not hang on what an earlier Delete did; a Delete a rule
// only builds on must succeed (any 2xx: its exact answer is
// delete.no-content's concern), else the rule is blocked.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { arnInNoEventInvokeConfig, noEventInvokeConfig } from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import {
  expectEqual,
  expectError,
  expectMembers,
  expectOk,
  expectSuccess,
  given,
  precondition,
  requireErrorStatus,
  SET_UP_STEP,
  whereIn,
} from './harness/expect.ts';
import { mismatch } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import { expectNoContent, wireCall } from './harness/wire-checks.ts';

const s = conformanceSuite('delete');

/** A Delete the rule builds on succeeded (any 2xx), else the rule is blocked by what it answered. */
function givenDeleted(o: Observation): void {
  precondition(() => expectSuccess(o), SET_UP_STEP);
}

/** A function with configs on $LATEST (retries 0), version 1 (age 120) and an alias of it (retries 1): each qualifier's settings differ. */
async function threeConfigs(t: RuleContext): Promise<{ fn: FunctionFixture; version: string; alias: string }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 }));
  given(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }));
  given(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 1 }));
  return { fn, version, alias };
}

/** FunctionArns of a List through the SDK (one page: a handful of configs). */
async function listedArns(t: RuleContext, fn: FunctionFixture): Promise<[Observation, string[]]> {
  const o = await t.list({ FunctionName: fn.name });
  const items = expectOk(o).FunctionEventInvokeConfigs;
  if (!Array.isArray(items)) throw mismatch(whereIn(o, 'body.FunctionEventInvokeConfigs'), 'an array', items ?? '(absent)');
  return [o, (items as Array<{ FunctionArn?: string }>).map((c) => String(c.FunctionArn)).sort()];
}

s.rule('delete.no-content', async (t) => {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  // delete_latest, delete_version, delete_alias: each 204 with an empty body,
  // each on a config written just before it (its outcome is its own).
  for (const q of ['$LATEST', version, alias]) {
    given(await t.put({ FunctionName: fn.name, Qualifier: q, MaximumRetryAttempts: 1 }));
    expectNoContent(await wireCall(t, 'DeleteFunctionEventInvokeConfig', fn.arn, { qualifier: q }));
  }
});

s.rule('delete.removes-config', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  givenDeleted(await t.remove({ FunctionName: fn.name }));
  t.subject = 'Get after Delete';
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
  const [list, arns] = await listedArns(t, fn);
  expectEqual(whereIn(list, 'FunctionArns after Delete'), arns, []);
});

s.rule('delete.only-its-qualifier', async (t) => {
  const { fn, version, alias } = await threeConfigs(t);
  givenDeleted(await t.remove({ FunctionName: fn.name, Qualifier: '$LATEST' }));
  const [afterLatest, left] = await listedArns(t, fn);
  expectEqual(whereIn(afterLatest, "FunctionArns after deleting $LATEST's config"), left, [t.arn(fn, version), t.arn(fn, alias)].sort());
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: version }), { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 120 });
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: alias }), { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });

  givenDeleted(await t.remove({ FunctionName: fn.name, Qualifier: alias }));
  const [afterAlias, last] = await listedArns(t, fn);
  expectEqual(whereIn(afterAlias, "FunctionArns after deleting the alias's config"), last, [t.arn(fn, version)]);
  expectMembers(await t.get({ FunctionName: fn.name, Qualifier: version }), { MaximumEventAgeInSeconds: 120 });
});

s.rule('delete.twice.not-found', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  givenDeleted(await t.remove({ FunctionName: fn.name }));
  t.subject = 'a second Delete';
  expectError(await t.remove({ FunctionName: fn.name }), { status: 404 });
});

s.rule('delete.twice.message', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  givenDeleted(await t.remove({ FunctionName: fn.name }));
  t.subject = 'a second Delete';
  const o = await t.remove({ FunctionName: fn.name });
  requireErrorStatus(o, 404, 'delete.twice.not-found');
  const expected = t.arn(fn, '$LATEST');
  const named = arnInNoEventInvokeConfig(o.message ?? '');
  if (named !== undefined) expectEqual(whereIn(o, 'ARN named in the error message'), named, expected);
  expectError(o, { message: noEventInvokeConfig(expected) });
});
