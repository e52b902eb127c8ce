// Put overwrites, Update merges, Update never creates, Put needs a setting,
// repeats are idempotent, changes move LastModified.
//
// Each rule judges its own concern: the FunctionArn's form and both
// DestinationConfig sides are the response-shape rules' (a rule here reads
// settings and destinations, and Get after a write, as evidence of what was
// stored); the set-up writes a rule builds on go through `given`, and the
// code and message rules require the error whose code or message they judge.
import { arnInNoEventInvokeConfig, NO_SETTINGS, noEventInvokeConfig } from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import {
  blockedBy,
  expectAbsent,
  expectEqual,
  expectError,
  expectMembers,
  expectOk,
  expectSameBody,
  expectThat,
  given,
  requireErrorStatus,
  whereIn,
} from './harness/expect.ts';
import { mismatch } from './harness/outcomes.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('semantics');

/** The error names `qualifiedArn` as AWS words it; a message naming another ARN fails on the ARN (its kind: unqualified, another qualifier...). */
function expectNoConfigMessage(o: Observation, qualifiedArn: string): void {
  const named = arnInNoEventInvokeConfig(o.message ?? '');
  if (named !== undefined) expectEqual(whereIn(o, 'ARN named in the error message'), named, qualifiedArn);
  expectError(o, { message: noEventInvokeConfig(qualifiedArn) });
}

/** No side of the answer's DestinationConfig names a destination (absent sides and `{}` alike: their shape is response-shape's concern). */
function expectNoDestination(o: Observation): void {
  const dc = (expectOk(o).DestinationConfig ?? {}) as Record<string, { Destination?: unknown } | undefined>;
  for (const side of ['OnSuccess', 'OnFailure']) {
    const d = dc[side]?.Destination;
    if (d !== undefined) throw mismatch(whereIn(o, `body.DestinationConfig.${side}.Destination`), '(absent)', d);
  }
}

/** The answer's DestinationConfig keeps this side as set (the other side's form is not judged here). */
function expectDestinationSide(o: Observation, side: 'OnSuccess' | 'OnFailure', destination: string): void {
  const dc = (expectOk(o).DestinationConfig ?? {}) as Record<string, unknown>;
  expectEqual(whereIn(o, `body.DestinationConfig.${side}`), dc[side] ?? '(absent)', { Destination: destination });
}

// ---- LastModified: the docs give Unix seconds; its precision is not recorded.

/** More than the docs' precision of LastModified (a second). */
const OVER_A_SECOND_MS = 1100;
/** Enough for a clock finer than a second (the embedded emulator's counts milliseconds) to tick. */
const A_FEW_MS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** LastModified in epoch milliseconds, when the answer has one that reads as a time (its wire form is response-shape's concern). */
function readTime(o: Observation): number | undefined {
  const v = o.body?.LastModified;
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.getTime() : undefined;
}

/** LastModified of a rule about LastModified: an answer without a readable one blocks it (the form is judged by response.last-modified.epoch-seconds). */
function timeOf(o: Observation): number {
  const at = readTime(o);
  if (at !== undefined) return at;
  const raw = o.body?.LastModified;
  throw blockedBy(mismatch(whereIn(o, 'body.LastModified'), 'a timestamp', raw === undefined ? '(absent)' : raw), 'response.last-modified.epoch-seconds');
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The later answer's LastModified is not before the earlier one's (what any answer must satisfy, whatever the precision). */
function expectNotEarlier(earlier: Observation, later: Observation, field: string): void {
  const [a, b] = [readTime(earlier), readTime(later)];
  if (a === undefined || b === undefined) return;
  const where = whereIn(later, field);
  expectThat(
    b >= a,
    `${where.request} ${field}: ${iso(b)} is earlier than the ${iso(a)} answered before`,
    'not earlier than the answer before',
    'earlier than the answer before',
    where,
  );
}

/**
 * A change moved LastModified forward: `changed` is the answer to a change
 * after `earlier`. Never earlier; if not later either (both in the same tick
 * of the target's clock), another change a few milliseconds on may already be
 * later (a finer clock); if not, one more change after more than a second (the
 * docs' precision) must be. `changeAgain(k)` makes the k-th further change,
 * each setting something the one before did not.
 */
async function expectAdvanced(earlier: Observation, changed: Observation, changeAgain: (k: number) => Promise<Observation>): Promise<void> {
  const a = timeOf(earlier);
  expectNotEarlier(earlier, changed, 'LastModified after a change');
  if (timeOf(changed) > a) return;
  await sleep(A_FEW_MS);
  const soon = await changeAgain(0);
  expectOk(soon);
  expectNotEarlier(earlier, soon, 'LastModified after a change');
  if (timeOf(soon) > a) return;
  await sleep(OVER_A_SECOND_MS);
  const again = await changeAgain(1);
  expectOk(again);
  const c = timeOf(again);
  const where = whereIn(again, 'LastModified after a change');
  expectThat(
    c > a,
    `${where.request} LastModified after a change: still ${iso(c)} more than a second after the write of ${iso(a)}`,
    'later than before the change',
    c === a ? 'unchanged' : 'earlier than before the change',
    where,
  );
}

// ---- Put

s.rule('put.creates-config', async (t) => {
  const fn = await t.fn();
  expectMembers(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), { MaximumRetryAttempts: 0 });
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 0 });
});

s.rule('put.overwrite.removes-omitted-settings', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  const second = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 });
  expectAbsent(second, 'MaximumEventAgeInSeconds');
  expectMembers(second, { MaximumRetryAttempts: 0 });
  const got = await t.get({ FunctionName: fn.name });
  expectAbsent(got, 'MaximumEventAgeInSeconds');
  expectMembers(got, { MaximumRetryAttempts: 0 });
});

s.rule('put.overwrite.removes-omitted-destinations', async (t) => {
  const fn = await t.fn();
  const other = await t.sharedFn();
  given(await t.put({ FunctionName: fn.name, DestinationConfig: { OnSuccess: { Destination: other.arn } } }));
  // The Put answer and what Get then shows: the destination is gone from both.
  expectNoDestination(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectNoDestination(await t.get({ FunctionName: fn.name }));
});

s.rule('put.no-settings.rejected', async (t) => {
  const fn = await t.fn();
  t.subject = 'Put without settings';
  expectError(await t.put({ FunctionName: fn.name }), { status: 400 });
});

s.rule('put.no-settings.error-code', async (t) => {
  const fn = await t.fn();
  t.subject = 'Put without settings';
  const o = await t.put({ FunctionName: fn.name });
  requireErrorStatus(o, '4xx', 'put.no-settings.rejected');
  expectError(o, { code: 'InvalidParameterValueException' });
});

s.rule('put.no-settings.message', async (t) => {
  const fn = await t.fn();
  t.subject = 'Put without settings';
  const o = await t.put({ FunctionName: fn.name });
  requireErrorStatus(o, 400, 'put.no-settings.rejected');
  expectError(o, { message: NO_SETTINGS });
});

s.rule('put.no-settings.checked-before-existence', async (t) => {
  // Which check comes first can be judged only on a target that has the settings check.
  const fn = await t.fn();
  requireErrorStatus(await t.put({ FunctionName: fn.name }), 400, 'put.no-settings.rejected');
  t.subject = 'Put without settings on a missing function';
  expectError(await t.put({ FunctionName: `${t.config.prefix}doesnotexist` }), { status: 400 });
});

s.rule('put.no-settings.empty-destination-side-counts', async (t) => {
  const fn = await t.fn();
  for (const side of ['OnSuccess', 'OnFailure']) {
    t.subject = `Put with only DestinationConfig.${side} {}`;
    expectOk(await t.put({ FunctionName: fn.name, DestinationConfig: { [side]: {} } }));
    // It made a config.
    expectOk(await t.get({ FunctionName: fn.name }));
  }
});

// ---- Update

s.rule('update.merge.keeps-untouched-settings', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  expectMembers(await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
});

s.rule('update.merge.keeps-destinations', async (t) => {
  const fn = await t.fn();
  const other = await t.sharedFn();
  given(await t.put({ FunctionName: fn.name, DestinationConfig: { OnFailure: { Destination: other.arn } } }));
  const updated = await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 120 });
  expectMembers(updated, { MaximumEventAgeInSeconds: 120 });
  expectDestinationSide(updated, 'OnFailure', other.arn);
  expectDestinationSide(await t.get({ FunctionName: fn.name }), 'OnFailure', other.arn);
});

s.rule('update.merge.changes-given-setting', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumEventAgeInSeconds: 60 }));
  expectMembers(await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 3600 }), { MaximumEventAgeInSeconds: 3600 });
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumEventAgeInSeconds: 3600 });
});

s.rule('update.no-config.not-found', async (t) => {
  const fn = await t.fn();
  t.subject = 'Update without a config';
  expectError(await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 0 }), { status: 404 });
  t.subject = 'Get after an Update without a config';
  expectError(await t.get({ FunctionName: fn.name }), { status: 404 });
  // An alias without a config, while $LATEST has one: the Update must not fall through to it.
  const alias = await t.alias(fn, await t.publish(fn));
  given(await t.put({ FunctionName: fn.name, MaximumEventAgeInSeconds: 60 }));
  t.subject = 'Update without a config';
  expectError(await t.update({ FunctionName: t.arn(fn, alias), MaximumRetryAttempts: 0 }), { status: 404 });
  t.subject = 'Get after an Update without a config';
  expectError(await t.get({ FunctionName: t.arn(fn, alias) }), { status: 404 });
});

s.rule('update.no-config.message', async (t) => {
  const fn = await t.fn();
  t.subject = 'Update without a config';
  const latest = await t.update({ FunctionName: fn.arn, MaximumRetryAttempts: 0 });
  requireErrorStatus(latest, 404, 'update.no-config.not-found');
  expectNoConfigMessage(latest, t.arn(fn, '$LATEST'));
  const alias = await t.alias(fn, await t.publish(fn));
  const aliased = await t.update({ FunctionName: t.arn(fn, alias), MaximumRetryAttempts: 0 });
  requireErrorStatus(aliased, 404, 'update.no-config.not-found');
  expectNoConfigMessage(aliased, t.arn(fn, alias));
});

// ---- Repeats: the same body, LastModified aside (whether it stays or moves on an identical write is not recorded).

s.rule('put.idempotent.identical-body', async (t) => {
  const fn = await t.fn();
  const input = { FunctionName: fn.name, MaximumRetryAttempts: 0 };
  const first = await t.put(input);
  given(first);
  const repeat = await t.put(input);
  expectSameBody(first, repeat);
  expectNotEarlier(first, repeat, 'LastModified of the repeat');
});

s.rule('update.idempotent.identical-body', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
  const input = { FunctionName: fn.name, MaximumRetryAttempts: 0 };
  const first = await t.update(input);
  given(first);
  const repeat = await t.update(input);
  expectSameBody(first, repeat);
  expectNotEarlier(first, repeat, 'LastModified of the repeat');
});

// ---- LastModified moves on a change

s.rule('put.last-modified.advances-on-change', async (t) => {
  const fn = await t.fn();
  const first = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 });
  given(first);
  const changed = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 });
  expectOk(changed);
  // 1 -> 2 -> 0: each further Put changes the setting again.
  await expectAdvanced(first, changed, (k) => t.put({ FunctionName: fn.name, MaximumRetryAttempts: k === 0 ? 2 : 0 }));
});

s.rule('update.last-modified.advances-on-change', async (t) => {
  const fn = await t.fn();
  const put = await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0 });
  given(put);
  const changed = await t.update({ FunctionName: fn.name, MaximumRetryAttempts: 1 });
  expectOk(changed);
  // 1 -> 2 -> 0: each further Update changes the setting again.
  await expectAdvanced(put, changed, (k) => t.update({ FunctionName: fn.name, MaximumRetryAttempts: k === 0 ? 2 : 0 }));
});

// ---- Get

s.rule('get.returns-current-config', async (t) => {
  const fn = await t.fn();
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  given(await t.update({ FunctionName: fn.name, MaximumEventAgeInSeconds: 300 }));
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 300 });
});

s.rule('get.explicit-latest-equals-unqualified', async (t) => {
  const fn = await t.fn();
  // A published version with other settings: Qualifier=$LATEST must not read it.
  const version = await t.publish(fn);
  given(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumRetryAttempts: 2 }));
  given(await t.put({ FunctionName: fn.name, MaximumEventAgeInSeconds: 60 }));
  const unqualified = await t.get({ FunctionName: fn.name });
  given(unqualified);
  expectSameBody(unqualified, await t.get({ FunctionName: fn.name, Qualifier: '$LATEST' }));
});
