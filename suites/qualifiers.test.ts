// Qualifier forms (?Qualifier=, name:qualifier, qualified ARN, partial ARN), the
// string-equality rule for two qualifiers, and one config per qualifier.
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { Observation } from '../targets/observe.ts';
import { expectAbsent, expectEqual, expectError, expectMembers, expectOk, expectThat } from './harness/expect.ts';
import { conformanceSuite } from './harness/suite.ts';
import type { RuleContext } from './harness/rule-context.ts';

const s = conformanceSuite('qualifiers');
const MISMATCH = 'The derived qualifier from the function name does not match the specified qualifier.';
const NO_FUNCTION = "The function doesn't exist.";

/** A success answer (so a failure shows the status and error, not just an absent member) with these members. */
function expectConfig(o: Observation, members: Record<string, unknown>): void {
  expectOk(o);
  expectMembers(o, members);
}

/** A function with version 1 published and an alias pointing to it. */
async function withAlias(t: RuleContext): Promise<{ fn: FunctionFixture; version: string; alias: string }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  return { fn, version, alias };
}

/** The FunctionArns of a List answer, sorted (AWS's order is not recorded). */
function expectListArns(o: Observation, arns: string[]): void {
  const items = (expectOk(o).FunctionEventInvokeConfigs ?? []) as Array<{ FunctionArn?: string }>;
  expectEqual(`${o.op}(${JSON.stringify(o.input)}) FunctionArns (sorted)`, items.map((i) => i.FunctionArn).sort(), [...arns].sort());
}

s.rule('qualifier.latest-explicit', async (t) => {
  const fn = await t.fn();
  expectConfig(await t.put({ FunctionName: fn.name, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 1 });
  expectConfig(await t.get({ FunctionName: fn.name }), { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 1 });
});

s.rule('qualifier.version-param', async (t) => {
  const fn = await t.fn();
  const version = await t.publish(fn);
  expectConfig(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }), { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 120 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: version }), { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 120 });
});

s.rule('qualifier.alias-param', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  expectConfig(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });
  // Not resolved to the version the alias points to: that version has no config.
  expectError(await t.get({ FunctionName: fn.name, Qualifier: version }), { status: 404 });
});

s.rule('qualifier.shorthand-version', async (t) => {
  const fn = await t.fn();
  const version = await t.publish(fn);
  expectConfig(await t.put({ FunctionName: `${fn.name}:${version}`, MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, version), MaximumRetryAttempts: 1 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: version }), { MaximumRetryAttempts: 1 });
});

s.rule('qualifier.shorthand-alias', async (t) => {
  const { fn, alias } = await withAlias(t);
  expectConfig(await t.put({ FunctionName: `${fn.name}:${alias}`, MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: alias }), { MaximumRetryAttempts: 1 });
});

s.rule('qualifier.qualified-arn', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  expectConfig(await t.put({ FunctionName: t.arn(fn, alias), MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: alias }), { MaximumRetryAttempts: 1 });
  expectConfig(await t.put({ FunctionName: t.arn(fn, version), MaximumEventAgeInSeconds: 60 }), { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 60 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: version }), { MaximumEventAgeInSeconds: 60 });
});

s.rule('qualifier.unqualified-arn', async (t) => {
  const fn = await t.fn();
  expectConfig(await t.put({ FunctionName: t.arn(fn), MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 1 });
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: '$LATEST' }), { MaximumRetryAttempts: 1 });
});

s.rule('qualifier.partial-arn', async (t) => {
  const fn = await t.fn();
  const partial = `${fn.account}:function:${fn.name}`;
  expectConfig(await t.put({ FunctionName: partial, MaximumRetryAttempts: 2 }), { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 2 });
  expectConfig(await t.get({ FunctionName: partial }), { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 2 });
  expectConfig(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 2 });
});

s.rule('qualifier.arn-placement-respected', async (t) => {
  const fn = await t.fn();
  const otherRegion = fn.region === 'eu-west-1' ? 'us-west-2' : 'eu-west-1';
  const otherAccount = fn.account === '999988887777' ? '111122223333' : '999988887777';
  for (const arn of [
    `arn:${fn.partition}:lambda:${otherRegion}:${fn.account}:function:${fn.name}`,
    `arn:${fn.partition}:lambda:${fn.region}:${otherAccount}:function:${fn.name}`,
  ]) {
    const put = await t.put({ FunctionName: arn, MaximumRetryAttempts: 1 });
    expectThat(put.status !== undefined && put.status >= 400 && put.status < 500, `Put on ${arn} (another region or account) must not act on the caller's ${fn.name}: Received: ${put.status} / Expected: 4xx`, '4xx', put.status);
  }
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
});

s.rule('qualifier.same-twice-accepted', async (t) => {
  const { fn, alias } = await withAlias(t);
  expectConfig(await t.put({ FunctionName: `${fn.name}:${alias}`, Qualifier: alias, MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, alias) });
  expectConfig(await t.put({ FunctionName: t.arn(fn, alias), Qualifier: alias, MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, alias) });
  expectConfig(await t.put({ FunctionName: `${fn.name}:$LATEST`, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }), { FunctionArn: t.arn(fn, '$LATEST') });
});

/** The three recorded mismatches: version vs $LATEST both ways, alias vs a missing alias. */
async function mismatches(t: RuleContext): Promise<Observation[]> {
  const { fn, version, alias } = await withAlias(t);
  return [
    await t.put({ FunctionName: `${fn.name}:${version}`, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }),
    await t.put({ FunctionName: `${fn.name}:$LATEST`, Qualifier: version, MaximumRetryAttempts: 1 }),
    await t.put({ FunctionName: `${fn.name}:${alias}`, Qualifier: `${alias}doesnotexist`, MaximumRetryAttempts: 1 }),
  ];
}

s.rule('qualifier.mismatch.rejected', async (t) => {
  for (const o of await mismatches(t)) expectError(o, { status: 400 });
});

s.rule('qualifier.mismatch.error-code', async (t) => {
  for (const o of await mismatches(t)) expectError(o, { status: 400, code: 'InvalidParameterValueException' });
});

s.rule('qualifier.mismatch.message', async (t) => {
  for (const o of await mismatches(t)) expectError(o, { message: MISMATCH });
});

s.rule('qualifier.mismatch.compared-as-strings', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  expectError(await t.put({ FunctionName: `${fn.name}:${version}`, Qualifier: alias, MaximumRetryAttempts: 1 }), {
    status: 400,
    code: 'InvalidParameterValueException',
    message: MISMATCH,
  });
});

s.rule('qualifier.mismatch.checked-before-alias-exists', async (t) => {
  const { fn, alias } = await withAlias(t);
  expectError(await t.put({ FunctionName: t.arn(fn, alias), Qualifier: `${alias}doesnotexist`, MaximumRetryAttempts: 1 }), {
    status: 400,
    code: 'InvalidParameterValueException',
    message: MISMATCH,
  });
});

s.rule('qualifier.missing-alias.put-not-found', async (t) => {
  const { fn, alias } = await withAlias(t);
  expectError(await t.put({ FunctionName: fn.name, Qualifier: `${alias}doesnotexist`, MaximumRetryAttempts: 1 }), { status: 404 });
});

s.rule('qualifier.missing-alias.put-message', async (t) => {
  const { fn, alias } = await withAlias(t);
  expectError(await t.put({ FunctionName: fn.name, Qualifier: `${alias}doesnotexist`, MaximumRetryAttempts: 1 }), { message: NO_FUNCTION });
});

s.rule('qualifier.versions-separate', async (t) => {
  const fn = await t.fn();
  const version = await t.publish(fn);
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }));
  const latest = await t.get({ FunctionName: fn.name });
  expectConfig(latest, { FunctionArn: t.arn(fn, '$LATEST'), MaximumRetryAttempts: 0 });
  expectAbsent(latest, 'MaximumEventAgeInSeconds');
  const versioned = await t.get({ FunctionName: fn.name, Qualifier: version });
  expectConfig(versioned, { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 120 });
  expectAbsent(versioned, 'MaximumRetryAttempts');
  // Removing the $LATEST config leaves the version's.
  expectOk(await t.remove({ FunctionName: fn.name }), 204);
  expectConfig(await t.get({ FunctionName: fn.name, Qualifier: version }), { MaximumEventAgeInSeconds: 120 });
});

s.rule('qualifier.alias-separate-from-version', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 1 }));
  expectError(await t.get({ FunctionName: fn.name, Qualifier: version }), { status: 404 });
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 60 }));
  const aliased = await t.get({ FunctionName: fn.name, Qualifier: alias });
  expectConfig(aliased, { FunctionArn: t.arn(fn, alias), MaximumRetryAttempts: 1 });
  expectAbsent(aliased, 'MaximumEventAgeInSeconds');
  const versioned = await t.get({ FunctionName: fn.name, Qualifier: version });
  expectConfig(versioned, { FunctionArn: t.arn(fn, version), MaximumEventAgeInSeconds: 60 });
  expectAbsent(versioned, 'MaximumRetryAttempts');
});

s.rule('qualifier.publish-does-not-copy', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 }));
  const version = await t.publish(fn);
  expectError(await t.get({ FunctionName: fn.name, Qualifier: version }), { status: 404 });
  expectConfig(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 });
});

s.rule('qualifier.list-covers-all-qualifiers', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumRetryAttempts: 1 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 1 }));
  expectListArns(await t.list({ FunctionName: fn.name }), [t.arn(fn, '$LATEST'), t.arn(fn, version), t.arn(fn, alias)]);
});
