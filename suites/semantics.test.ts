// Put overwrites, Update merges, Update never creates, Put needs a setting,
// repeats are idempotent.
import { expectAbsent, expectError, expectMembers, expectOk, expectSameBody, expectThat } from './harness/expect.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('semantics');
const NO_SETTINGS = 'You must specify at least one of error handling or destination setting.';
const noConfig = (arn: string) => `The function ${arn} doesn't have an EventInvokeConfig`;

s.rule('put.creates-config', async (t) => {
  const fn = await t.fn();
  const put = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 });
  expectMembers(put, { MaximumRetryAttempts: 0, FunctionArn: t.arn(fn, '$LATEST') });
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 0 });
});

s.rule('put.overwrite.removes-omitted-settings', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  const second = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 });
  expectMembers(second, { MaximumRetryAttempts: 0 });
  expectAbsent(second, 'MaximumEventAgeInSeconds');
  expectAbsent(await t.get({ FunctionName: fn.name }), 'MaximumEventAgeInSeconds');
});

s.rule('put.overwrite.removes-omitted-destinations', async (t) => {
  const fn = await t.fn();
  const other = await t.fn('dest');
  expectOk(await t.put({ FunctionName: fn.name, DestinationConfig: { OnSuccess: { Destination: other.arn } } }));
  const second = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 });
  expectMembers(second, { DestinationConfig: { OnSuccess: {}, OnFailure: {} } });
});

s.rule('put.no-settings.rejected', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name }), { status: 400 });
});

s.rule('put.no-settings.error-code', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name }), { status: 400, code: 'InvalidParameterValueException' });
});

s.rule('put.no-settings.message', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name }), { message: NO_SETTINGS });
});

s.rule('put.no-settings.checked-before-existence', async (t) => {
  expectError(await t.put({ FunctionName: `${t.config.prefix}doesnotexist` }), { status: 400, code: 'InvalidParameterValueException', message: NO_SETTINGS });
});

s.rule('put.no-settings.empty-destination-side-counts', async (t) => {
  const fn = await t.fn();
  for (const side of ['OnSuccess', 'OnFailure']) {
    const put = await t.put({ FunctionName: fn.name, DestinationConfig: { [side]: {} } });
    expectMembers(put, { DestinationConfig: { OnSuccess: {}, OnFailure: {} } });
    expectAbsent(put, 'MaximumRetryAttempts', 'MaximumEventAgeInSeconds');
  }
});

s.rule('update.merge.keeps-untouched-settings', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  expectMembers(await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
});

s.rule('update.merge.keeps-destinations', async (t) => {
  const fn = await t.fn();
  const other = await t.fn('dest');
  expectOk(await t.put({ FunctionName: fn.name, DestinationConfig: { OnFailure: { Destination: other.arn } } }));
  const updated = await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 120 });
  expectMembers(updated, { MaximumEventAgeInSeconds: 120, DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: other.arn } } });
});

s.rule('update.merge.changes-given-setting', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumEventAgeInSeconds: 60 }));
  expectMembers(await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 3600 }), { MaximumEventAgeInSeconds: 3600 });
});

s.rule('update.no-config.not-found', async (t) => {
  const fn = await t.fn();
  expectError(await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), { status: 404 });
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
});

s.rule('update.no-config.message', async (t) => {
  const fn = await t.fn();
  expectError(await t.update({ FunctionName: fn.arn, MaximumRetryAttempts: 0 }), { message: noConfig(t.arn(fn, '$LATEST')) });
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  expectError(await t.update({ FunctionName: t.arn(fn, alias), MaximumRetryAttempts: 0 }), { message: noConfig(t.arn(fn, alias)) });
});

s.rule('put.idempotent.identical-body', async (t) => {
  const fn = await t.fn();
  const input = { FunctionName: fn.name, MaximumRetryAttempts: 0 };
  const first = await t.put(input);
  expectOk(first);
  expectSameBody(first, await t.put(input));
});

s.rule('update.idempotent.identical-body', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  const input = { FunctionName: fn.name, MaximumRetryAttempts: 0 };
  const first = await t.update(input);
  expectOk(first);
  expectSameBody(first, await t.update(input));
});

s.rule('put.last-modified.advances-on-change', async (t) => {
  const fn = await t.fn();
  const first = expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 }));
  // LastModified has millisecond precision: make sure the clock moved past it.
  await new Promise((r) => setTimeout(r, 20));
  const second = expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  const [a, b] = [first.LastModified, second.LastModified] as Date[];
  expectThat(a instanceof Date && b instanceof Date && b.getTime() > a.getTime(), `LastModified did not advance after a change: ${a?.toISOString()} then ${b?.toISOString()}`, 'later than the first', b?.toISOString());
});

s.rule('get.returns-current-config', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectOk(await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 300 }));
  const got = await t.get({ FunctionName: fn.name });
  expectMembers(got, { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 300, FunctionArn: t.arn(fn, '$LATEST') });
});

s.rule('get.explicit-latest-equals-unqualified', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumEventAgeInSeconds: 60 }));
  expectSameBody(await t.get({ FunctionName: fn.name }), await t.get({ FunctionName: fn.name, Qualifier: '$LATEST' }));
});
