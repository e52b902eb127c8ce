// Qualifier forms (?Qualifier=, name:qualifier, qualified ARN, partial ARN), the
// string-equality rule for two qualifiers, and one config per qualifier.
//
// Which config a request addressed is judged by reading the configs back (Get
// per qualifier), never by the FunctionArn of the answer: whether that ARN is
// qualified is response.function-arn.qualified's concern. Every config a rule
// puts carries both settings, with values unique in the fixture, so a Get
// tells whose config it shows without depending on how absent settings are
// answered, and a failure names it ("the settings put on $LATEST instead of
// the settings put on the version"). Neighbouring qualifiers hold other
// settings (or none), so a write that lands on the wrong one shows.
//
// The subject of a rule (what about its request is judged) is set for the
// status of the request it judges; the read-backs name the config they read
// in their field, so the same divergence ("the version's config reads as
// $LATEST's") groups the rules it fails under one root cause.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { FUNCTION_DOES_NOT_EXIST, QUALIFIER_MISMATCH } from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import { expectEqual, expectError, expectOk, expectThat, given, precondition, requireErrorStatus, whereIn } from './harness/expect.ts';
import { Inconclusive, mismatch } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('qualifiers');
const INVALID_PARAMETER = 'InvalidParameterValueException';

// ---------------------------------------------------------------- fixtures

type Settings = { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
/** One config per qualifier of a fixture, each with its own settings. */
const ON_LATEST: Settings = { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 };
const ON_VERSION: Settings = { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120 };
const ON_ALIAS: Settings = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 180 };
/** What a rule writes to $LATEST when $LATEST is the qualifier it judges. */
const WRITTEN: Settings = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 };

/** A qualifier of the fixture: how requests name it (undefined: unqualified, i.e. $LATEST) and how failures call it. */
type Slot = { label: string; qualifier?: string };
const LATEST: Slot = { label: '$LATEST' };
const versionSlot = (version: string): Slot => ({ label: 'the version', qualifier: version });
const aliasSlot = (alias: string): Slot => ({ label: 'the alias', qualifier: alias });
const addressing = (fn: FunctionFixture, slot: Slot) => ({ FunctionName: fn.name, ...(slot.qualifier !== undefined ? { Qualifier: slot.qualifier } : {}) });

/** A function with version 1 published. */
async function withVersion(t: RuleContext): Promise<{ fn: FunctionFixture; version: string }> {
  const fn = await t.fn();
  return { fn, version: await t.publish(fn) };
}

/** A function with version 1 published and an alias pointing to it. */
async function withAlias(t: RuleContext): Promise<{ fn: FunctionFixture; version: string; alias: string }> {
  const { fn, version } = await withVersion(t);
  return { fn, version, alias: await t.alias(fn, version) };
}

// ---------------------------------------------------------------- reading configs back

/** What a fixture holds: per qualifier, the settings put there, or undefined for none. */
type Holding = Array<[Slot, Settings | undefined]>;

/** The two settings the rules put, in one order (a body's other members aside). */
const settingsOf = (b: { MaximumRetryAttempts?: unknown; MaximumEventAgeInSeconds?: unknown } | undefined) => ({
  MaximumRetryAttempts: b?.MaximumRetryAttempts,
  MaximumEventAgeInSeconds: b?.MaximumEventAgeInSeconds,
});
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Whose config a body shows, among the configs put in the fixture; else the settings themselves. */
function whose(body: Record<string, unknown> | undefined, holding: Holding): string {
  const seen = settingsOf(body);
  const owner = holding.find(([, put]) => put && same(settingsOf(put), seen));
  return owner ? `the settings put on ${owner[0].label}` : `settings ${JSON.stringify(seen)}`;
}

/** A Get shows the config `holding` says `slot` has: its settings, or none (404). */
function expectHolds(o: Observation, slot: Slot, holding: Holding): void {
  const expected = holding.find(([x]) => x === slot)?.[1];
  if (expected === undefined) {
    if (o.status === 200) throw mismatch(whereIn(o, `config of ${slot.label}`), 'no config', whose(o.body, holding));
    expectError(o, { status: 404 });
    return;
  }
  expectOk(o);
  const shown = whose(o.body, holding);
  const wanted = `the settings put on ${slot.label}`;
  if (shown !== wanted) throw mismatch(whereIn(o, `config of ${slot.label}`), wanted, shown);
}

/** The write a rule judges was accepted: its status is judged under `form`, the read-backs after it under their own fields. */
function judged(t: RuleContext, form: string, o: Observation): void {
  t.subject = form;
  expectOk(o);
  t.subject = undefined;
}

/** Reads every qualifier of `holding` back (Get per qualifier) and checks each shows its own config. */
async function expectHolding(t: RuleContext, fn: FunctionFixture, holding: Holding): Promise<void> {
  for (const [slot] of holding) expectHolds(await t.get(addressing(fn, slot)), slot, holding);
}

/** Which rule judges that a config put on this qualifier is kept and read back on its own. */
const KEPT_BY: Record<string, string> = {
  $LATEST: 'put.creates-config',
  'the version': 'qualifier.versions-separate',
  'the alias': 'qualifier.alias-separate-from-version',
};

/**
 * Set-up: `writes` put (each a set-up step), then everything read back: each
 * written qualifier shows its own settings, each of `empty` none. A target
 * that cannot keep them apart gives this rule nothing to judge: it is blocked
 * by the rule that judges that (`judgedBy`, else the one of the qualifier read).
 */
async function givenHolding(t: RuleContext, fn: FunctionFixture, writes: Array<[Slot, Settings]>, empty: Slot[] = [], judgedBy?: string): Promise<void> {
  for (const [slot, settings] of writes) given(await t.put({ ...addressing(fn, slot), ...settings }));
  const holding: Holding = [...writes, ...empty.map((slot): [Slot, undefined] => [slot, undefined])];
  for (const [slot] of holding) {
    const o = await t.get(addressing(fn, slot));
    precondition(() => expectHolds(o, slot, holding), judgedBy ?? KEPT_BY[slot.label]);
  }
}

// ---------------------------------------------------------------- addressing $LATEST

// The rules whose write goes to $LATEST: the version holds a config beforehand
// (and $LATEST none), so a write that also or instead lands on the version shows.

/** `write` (addressing $LATEST in some form) acts on $LATEST only. */
async function expectWritesLatest(t: RuleContext, form: string, write: (fn: FunctionFixture) => Record<string, unknown>): Promise<void> {
  const { fn, version } = await withVersion(t);
  const v = versionSlot(version);
  await givenHolding(t, fn, [[v, ON_VERSION]], [LATEST], 'qualifier.versions-separate');
  judged(t, form, await t.put({ ...write(fn), ...WRITTEN }));
  await expectHolding(t, fn, [
    [LATEST, WRITTEN],
    [v, ON_VERSION],
  ]);
}

s.rule('qualifier.latest-explicit', async (t) => {
  await expectWritesLatest(t, 'Put with Qualifier=$LATEST', (fn) => ({ FunctionName: fn.name, Qualifier: '$LATEST' }));
});

s.rule('qualifier.shorthand-latest', async (t) => {
  await expectWritesLatest(t, 'Put on <name>:$LATEST', (fn) => ({ FunctionName: `${fn.name}:$LATEST` }));
});

s.rule('qualifier.unqualified-arn', async (t) => {
  await expectWritesLatest(t, 'Put on the unqualified function ARN', (fn) => ({ FunctionName: t.arn(fn) }));
});

s.rule('qualifier.partial-arn', async (t) => {
  const fn = await t.fn();
  const partial = `${fn.account}:function:${fn.name}`;
  const holding: Holding = [[LATEST, WRITTEN]];
  // $LATEST has no config before: a Get by name that shows these settings saw the partial ARN's write.
  judged(t, 'Put on a partial ARN', await t.put({ FunctionName: partial, ...WRITTEN }));
  expectHolds(await t.get({ FunctionName: fn.name }), LATEST, holding);
  t.subject = 'Get on a partial ARN';
  expectHolds(await t.get({ FunctionName: partial }), LATEST, holding);
});

// ---------------------------------------------------------------- addressing a version or an alias

// $LATEST holds a config beforehand (read back once, so a target that loses it
// blocks the rule instead of failing it); the version an alias points to none.

s.rule('qualifier.version-param', async (t) => {
  const { fn, version } = await withVersion(t);
  const v = versionSlot(version);
  await givenHolding(t, fn, [[LATEST, ON_LATEST]]);
  judged(t, 'Put with Qualifier=<version>', await t.put({ FunctionName: fn.name, Qualifier: version, ...ON_VERSION }));
  await expectHolding(t, fn, [
    [v, ON_VERSION],
    [LATEST, ON_LATEST],
  ]);
});

s.rule('qualifier.shorthand-version', async (t) => {
  const { fn, version } = await withVersion(t);
  const v = versionSlot(version);
  await givenHolding(t, fn, [[LATEST, ON_LATEST]]);
  judged(t, 'Put on <name>:<version>', await t.put({ FunctionName: `${fn.name}:${version}`, ...ON_VERSION }));
  await expectHolding(t, fn, [
    [v, ON_VERSION],
    [LATEST, ON_LATEST],
  ]);
});

/** `write` (addressing the alias in some form) acts on the alias only: not on the version it points to, not on $LATEST. */
async function expectWritesAlias(t: RuleContext, form: string, write: (fn: FunctionFixture, alias: string) => Record<string, unknown>): Promise<void> {
  const { fn, version, alias } = await withAlias(t);
  await givenHolding(t, fn, [[LATEST, ON_LATEST]]);
  judged(t, form, await t.put({ ...write(fn, alias), ...ON_ALIAS }));
  await expectHolding(t, fn, [
    [aliasSlot(alias), ON_ALIAS],
    [versionSlot(version), undefined],
    [LATEST, ON_LATEST],
  ]);
}

s.rule('qualifier.alias-param', async (t) => {
  await expectWritesAlias(t, 'Put with Qualifier=<alias>', (fn, alias) => ({ FunctionName: fn.name, Qualifier: alias }));
});

s.rule('qualifier.shorthand-alias', async (t) => {
  await expectWritesAlias(t, 'Put on <name>:<alias>', (fn, alias) => ({ FunctionName: `${fn.name}:${alias}` }));
});

s.rule('qualifier.qualified-arn', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  const [v, a] = [versionSlot(version), aliasSlot(alias)];
  await givenHolding(t, fn, [[LATEST, ON_LATEST]]);
  judged(t, 'Put on an alias ARN', await t.put({ FunctionName: t.arn(fn, alias), ...ON_ALIAS }));
  await expectHolding(t, fn, [
    [a, ON_ALIAS],
    [v, undefined],
    [LATEST, ON_LATEST],
  ]);
  judged(t, 'Put on a version ARN', await t.put({ FunctionName: t.arn(fn, version), ...ON_VERSION }));
  await expectHolding(t, fn, [
    [v, ON_VERSION],
    [a, ON_ALIAS],
    [LATEST, ON_LATEST],
  ]);
});

// ---------------------------------------------------------------- another account

s.rule('qualifier.arn-placement-respected', async (t) => {
  t.subject = 'a function ARN naming another account';
  const fn = await t.fn();
  const otherAccount = fn.account === '999988887777' ? '111122223333' : '999988887777';
  const put = await t.put({ FunctionName: `arn:${fn.partition}:lambda:${fn.region}:${otherAccount}:function:${fn.name}`, MaximumRetryAttempts: 1 });
  // Which 4xx AWS answers for another account is not recorded; a throttle says nothing either way.
  if (put.status === 429) throw new Inconclusive(`PutFunctionEventInvokeConfig on another account's ARN was throttled (429): no answer to judge`);
  const answered = `${put.status}${put.errorCode ? ` ${put.errorCode}: ${put.message}` : ''}`;
  expectThat(
    put.status !== undefined && put.status >= 400 && put.status < 500,
    `Put on another account's ARN must not act on the caller's ${fn.name}: Received: ${answered} / Expected: 4xx`,
    '4xx',
    answered,
    whereIn(put, 'status'),
  );
  // $LATEST had no config: a Put that acted on the caller's function would have made one.
  t.subject = undefined;
  expectHolds(await t.get({ FunctionName: fn.name }), LATEST, [[LATEST, undefined]]);
});

// ---------------------------------------------------------------- a qualifier given twice

s.rule('qualifier.same-twice-accepted', async (t) => {
  // Only the acceptance is judged here: which config each write reaches is the shorthand and qualified-ARN rules' concern.
  const { fn, alias } = await withAlias(t);
  t.subject = '<name>:<alias> with Qualifier=<alias>';
  expectOk(await t.put({ FunctionName: `${fn.name}:${alias}`, Qualifier: alias, MaximumRetryAttempts: 1 }));
  t.subject = 'an alias ARN with Qualifier=<alias>';
  expectOk(await t.put({ FunctionName: t.arn(fn, alias), Qualifier: alias, MaximumRetryAttempts: 1 }));
  t.subject = '<name>:$LATEST with Qualifier=$LATEST';
  expectOk(await t.put({ FunctionName: `${fn.name}:$LATEST`, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }));
});

/** The three recorded mismatches, each judged as soon as it is answered: version vs $LATEST both ways, alias vs a missing alias. */
async function eachMismatch(t: RuleContext, judge: (o: Observation) => void): Promise<void> {
  const { fn, version, alias } = await withAlias(t);
  const cases: Array<[string, Record<string, unknown>]> = [
    ['<name>:<version> with Qualifier=$LATEST', { FunctionName: `${fn.name}:${version}`, Qualifier: '$LATEST' }],
    ['<name>:$LATEST with Qualifier=<version>', { FunctionName: `${fn.name}:$LATEST`, Qualifier: version }],
    ['<name>:<alias> with Qualifier=<missing alias>', { FunctionName: `${fn.name}:${alias}`, Qualifier: `${alias}doesnotexist` }],
  ];
  for (const [subject, input] of cases) {
    t.subject = subject;
    judge(await t.put({ ...input, MaximumRetryAttempts: 1 }));
  }
}

s.rule('qualifier.mismatch.rejected', async (t) => {
  await eachMismatch(t, (o) => expectError(o, { status: 400 }));
});

s.rule('qualifier.mismatch.error-code', async (t) => {
  await eachMismatch(t, (o) => {
    requireErrorStatus(o, 400, 'qualifier.mismatch.rejected');
    expectError(o, { code: INVALID_PARAMETER });
  });
});

s.rule('qualifier.mismatch.message', async (t) => {
  await eachMismatch(t, (o) => {
    requireErrorStatus(o, 400, 'qualifier.mismatch.rejected');
    expectError(o, { message: QUALIFIER_MISMATCH });
  });
});

/**
 * The answer to a plain mismatch (<name>:<version> with Qualifier=$LATEST):
 * the rules about which mismatches there are and in what order they are
 * checked need a target that detects one at all (else they are blocked by
 * qualifier.mismatch.rejected), and expect the same answer.
 */
async function plainMismatch(t: RuleContext, fn: FunctionFixture, version: string): Promise<Observation> {
  const o = await t.put({ FunctionName: `${fn.name}:${version}`, Qualifier: '$LATEST', MaximumRetryAttempts: 1 });
  requireErrorStatus(o, 400, 'qualifier.mismatch.rejected');
  return o;
}
const sameAnswerAs = (o: Observation) => ({
  status: o.status!,
  ...(o.errorCode ? { code: o.errorCode } : {}),
  ...(o.message !== undefined ? { message: o.message } : {}),
});

s.rule('qualifier.mismatch.compared-as-strings', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  const reference = await plainMismatch(t, fn, version);
  t.subject = '<name>:<version> with Qualifier=<alias of that version>';
  expectError(await t.put({ FunctionName: `${fn.name}:${version}`, Qualifier: alias, MaximumRetryAttempts: 1 }), sameAnswerAs(reference));
});

s.rule('qualifier.mismatch.checked-before-alias-exists', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  const reference = await plainMismatch(t, fn, version);
  t.subject = 'an alias ARN with Qualifier=<missing alias>';
  expectError(await t.put({ FunctionName: t.arn(fn, alias), Qualifier: `${alias}doesnotexist`, MaximumRetryAttempts: 1 }), sameAnswerAs(reference));
});

// ---------------------------------------------------------------- a missing alias

/** Put on an alias that does not exist, $LATEST holding a config (so a Put that falls through to it would succeed). */
async function putMissingAlias(t: RuleContext): Promise<Observation> {
  const { fn, alias } = await withAlias(t);
  given(await t.put({ FunctionName: fn.name, ...ON_LATEST }));
  t.subject = 'Put with Qualifier=<missing alias>';
  return t.put({ FunctionName: fn.name, Qualifier: `${alias}doesnotexist`, ...WRITTEN });
}

s.rule('qualifier.missing-alias.put-not-found', async (t) => {
  expectError(await putMissingAlias(t), { status: 404 });
});

s.rule('qualifier.missing-alias.put-message', async (t) => {
  const o = await putMissingAlias(t);
  requireErrorStatus(o, 404, 'qualifier.missing-alias.put-not-found');
  expectError(o, { message: FUNCTION_DOES_NOT_EXIST });
});

// ---------------------------------------------------------------- one config per qualifier

s.rule('qualifier.versions-separate', async (t) => {
  const { fn, version } = await withVersion(t);
  const v = versionSlot(version);
  given(await t.put({ FunctionName: fn.name, ...ON_LATEST }));
  given(await t.put({ FunctionName: fn.name, Qualifier: version, ...ON_VERSION }));
  await expectHolding(t, fn, [
    [LATEST, ON_LATEST],
    [v, ON_VERSION],
  ]);
  // Removing the $LATEST config leaves the version's (the Delete itself is judged by the delete rules).
  const removed = await t.remove({ FunctionName: fn.name });
  if (removed.status !== 200) given(removed, 204);
  expectHolds(await t.get(addressing(fn, v)), v, [[v, ON_VERSION]]);
});

s.rule('qualifier.alias-separate-from-version', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  const [v, a] = [versionSlot(version), aliasSlot(alias)];
  given(await t.put({ FunctionName: fn.name, Qualifier: alias, ...ON_ALIAS }));
  await expectHolding(t, fn, [
    [v, undefined],
    [a, ON_ALIAS],
  ]);
  given(await t.put({ FunctionName: fn.name, Qualifier: version, ...ON_VERSION }));
  await expectHolding(t, fn, [
    [a, ON_ALIAS],
    [v, ON_VERSION],
  ]);
});

s.rule('qualifier.publish-does-not-copy', async (t) => {
  // Never published: the PublishVersion judged creates the version (one published before would only be answered again).
  const fn = await t.freshFn();
  given(await t.put({ FunctionName: fn.name, ...ON_LATEST }));
  const v = versionSlot(await t.publish(fn));
  await expectHolding(t, fn, [
    [v, undefined],
    [LATEST, ON_LATEST],
  ]);
});

s.rule('qualifier.list-covers-all-qualifiers', async (t) => {
  const { fn, version, alias } = await withAlias(t);
  const holding: Holding = [
    [LATEST, ON_LATEST],
    [versionSlot(version), ON_VERSION],
    [aliasSlot(alias), ON_ALIAS],
  ];
  await givenHolding(t, fn, holding as Array<[Slot, Settings]>);
  // Items are told apart by their settings: the form of their FunctionArns is response-shape's concern.
  const o = await t.list({ FunctionName: fn.name });
  const items = (expectOk(o).FunctionEventInvokeConfigs ?? []) as Array<Record<string, unknown>>;
  expectEqual(
    whereIn(o, 'configs listed (told apart by their settings)'),
    items.map((i) => whose(i, holding)).sort(),
    holding.map(([slot]) => `the settings put on ${slot.label}`).sort(),
  );
});
