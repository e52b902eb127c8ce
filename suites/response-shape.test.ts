// Success bodies as they travel on the wire: schema-valid, FunctionArn always
// qualified, both destination sides present, retries and age only when set,
// LastModified a JSON number of epoch seconds, application/json. Every rule
// judges the same raw tour of Put, Update, Get and List over $LATEST, a
// version and an alias, made once for them all (s.shared: its answers are
// every rule's evidence), and checks its one property on every answer, and
// nothing else: not which configs the List shows, not whether an Update
// merges or replaces what it did not send.
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { EicOperation } from '../specs/contract.ts';
import { expectThat } from './harness/expect.ts';
import type { Where } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import {
  expectEpochSeconds,
  expectJsonContentType,
  expectJsonMembers,
  expectKeysAbsent,
  expectKeysPresent,
  expectSchema,
  givenWire,
  listItems,
  on,
  wireCall,
  type EicCallOptions,
  type Exchange,
} from './harness/wire-checks.ts';

const s = conformanceSuite('response-shape');

type SideName = 'OnSuccess' | 'OnFailure';
type Setting = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
const SETTINGS: readonly Setting[] = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'];
const SIDES: readonly SideName[] = ['OnSuccess', 'OnFailure'];

/**
 * What a config body must hold, as far as no rule of semantics decides it:
 * after an Update, whether the settings the Update did not send stay (merge)
 * or go (replace) is the merge rules' concern, so the response rules judge only
 * what holds either way.
 */
interface Expected {
  FunctionArn: string;
  /** Settings the request (or the last write to this config) sent: present with this value. */
  sure: Partial<Record<Setting, number>>;
  /** Settings no request ever sent to this config: absent. */
  never: Setting[];
  /** Destination sides no request ever gave a destination: `{}`. */
  unsetSides: SideName[];
}
/** One config body on the wire (a Put/Update/Get answer or a List item) and what it must hold. */
interface Sample {
  where: Where;
  body: Record<string, unknown>;
  /** The FunctionArn the answer must carry: the config the request addressed (undefined for a List item: any config's). */
  arn?: string;
  /**
   * What the body must hold as that config. A Put or Update answer is the
   * config its request wrote. A Get answer or List item is paired by its
   * FunctionArn (undefined when that names none of the configs), and its
   * `sure` is empty: whether it shows the latest write is the semantics
   * rules' concern, not the shape's.
   */
  expected?: Expected;
  fromList: boolean;
}
interface Tour {
  /** Every raw answer, List included. */
  exchanges: Exchange[];
  /** Put, Update and Get bodies, and each List item. */
  samples: Sample[];
  /** Raw List bodies (full, first page of MaxItems=1, and an empty list). */
  lists: Array<{ where: Where; body: Record<string, unknown> }>;
}

/**
 * The tour: Put, Update, Get and List over $LATEST, a version and an alias.
 * Its requests are what every response rule judges the answers of; one that
 * does not succeed leaves nothing to judge, and blocks the rule.
 */
async function tour(t: RuleContext): Promise<Tour> {
  const fn = await t.fn();
  const dest = await t.sharedFn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  const exchanges: Exchange[] = [];
  const samples: Sample[] = [];
  const lists: Tour['lists'] = [];

  const call = async (op: EicOperation, name: string, o: EicCallOptions, expected: Expected) => {
    const x = await wireCall(t, op, name, o);
    exchanges.push(x);
    const body = givenWire(x);
    const read = op === 'GetFunctionEventInvokeConfig';
    samples.push({ where: on(x, 'body'), body, arn: expected.FunctionArn, expected: read ? pairedWith(body, [expected]) : expected, fromList: false });
  };
  const latest = t.arn(fn, '$LATEST');
  const v1 = t.arn(fn, version);
  const aliasArn = t.arn(fn, alias);
  // The FunctionName forms vary: unqualified ARN, ARN + Qualifier, qualified ARN.
  await call(
    'PutFunctionEventInvokeConfig',
    fn.arn,
    { body: { MaximumRetryAttempts: 0 } },
    { FunctionArn: latest, sure: { MaximumRetryAttempts: 0 }, never: ['MaximumEventAgeInSeconds'], unsetSides: ['OnSuccess', 'OnFailure'] },
  );
  await call(
    'UpdateFunctionEventInvokeConfig',
    fn.arn,
    { qualifier: '$LATEST', body: { MaximumEventAgeInSeconds: 60 } },
    { FunctionArn: latest, sure: { MaximumEventAgeInSeconds: 60 }, never: [], unsetSides: ['OnSuccess', 'OnFailure'] },
  );
  await call(
    'PutFunctionEventInvokeConfig',
    fn.arn,
    { qualifier: version, body: { DestinationConfig: { OnSuccess: { Destination: dest.arn } } } },
    { FunctionArn: v1, sure: {}, never: ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'], unsetSides: ['OnFailure'] },
  );
  await call(
    'PutFunctionEventInvokeConfig',
    aliasArn,
    { body: { MaximumEventAgeInSeconds: 120, DestinationConfig: { OnFailure: {} } } },
    { FunctionArn: aliasArn, sure: { MaximumEventAgeInSeconds: 120 }, never: ['MaximumRetryAttempts'], unsetSides: ['OnSuccess', 'OnFailure'] },
  );
  // The alias's OnSuccess never had a destination: `{}` whether Update merges or replaces the other side.
  await call(
    'UpdateFunctionEventInvokeConfig',
    aliasArn,
    { body: { DestinationConfig: { OnFailure: { Destination: dest.arn } } } },
    { FunctionArn: aliasArn, sure: {}, never: ['MaximumRetryAttempts'], unsetSides: ['OnSuccess'] },
  );

  const final: Expected[] = [
    { FunctionArn: latest, sure: {}, never: [], unsetSides: ['OnSuccess', 'OnFailure'] },
    { FunctionArn: v1, sure: {}, never: ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'], unsetSides: ['OnFailure'] },
    { FunctionArn: aliasArn, sure: {}, never: ['MaximumRetryAttempts'], unsetSides: ['OnSuccess'] },
  ];
  await call('GetFunctionEventInvokeConfig', fn.arn, {}, final[0]!);
  await call('GetFunctionEventInvokeConfig', fn.arn, { qualifier: version }, final[1]!);
  await call('GetFunctionEventInvokeConfig', aliasArn, {}, final[2]!);

  const list = async (f: FunctionFixture, query: Record<string, string>) => {
    const x = await wireCall(t, 'ListFunctionEventInvokeConfigs', f.arn, { query });
    exchanges.push(x);
    const body = givenWire(x);
    lists.push({ where: on(x, 'body'), body });
    return { x, body };
  };
  const full = await list(fn, {});
  // Which configs the List shows is the coverage rule's concern: each item is paired with the config its FunctionArn names, if any.
  for (const item of listItems(full.x, full.body)) {
    samples.push({ where: on(full.x, 'body.FunctionEventInvokeConfigs[]'), body: item, expected: pairedWith(item, final), fromList: true });
  }
  // Only validated as a whole (response.schema), so that one bad List does not fail every rule.
  await list(fn, { MaxItems: '1' }); // a page with a NextMarker
  await list(dest, {}); // an empty list: the shared function holds no config
  return { exchanges, samples, lists };
}

/** The tour, made once for every rule of this file: each judges its own property of the same answers. */
const sharedTour = s.shared('tour', tour);

/** The config a body read back (Get, List) is, by its FunctionArn; undefined when it names none of them. */
const pairedWith = (body: Record<string, unknown>, configs: Expected[]): Expected | undefined => configs.find((e) => e.FunctionArn === body.FunctionArn);

const member = (where: Where, k: string): Where => ({ ...where, field: `${where.field}.${k}` });

s.rule('response.schema', async (t) => {
  const { samples, lists } = await sharedTour(t);
  for (const x of samples.filter((x) => !x.fromList)) expectSchema('FunctionEventInvokeConfig', x.body, x.where);
  for (const l of lists) expectSchema('ListFunctionEventInvokeConfigsResponse', l.body, l.where);
});

s.rule('response.function-arn.qualified', async (t) => {
  // Every body names the config it is (a List item whose FunctionArn names none of them fails here).
  const { samples } = await sharedTour(t);
  for (const x of samples) {
    if (x.arn !== undefined) expectJsonMembers(x.where, x.body, { FunctionArn: x.arn });
    else
      expectThat(
        x.expected !== undefined,
        `${x.where.request}: the FunctionArn of this List item is none of the function's configs`,
        'a qualified ARN of $LATEST, the version or the alias',
        x.body.FunctionArn ?? '(absent)',
        member(x.where, 'FunctionArn'),
      );
  }
});

s.rule('response.destination-config.both-sides', async (t) => {
  const { samples } = await sharedTour(t);
  for (const x of samples) {
    // Both sides, each an object; which destination a side holds is the destination rules' concern.
    const dc = x.body.DestinationConfig;
    const where = member(x.where, 'DestinationConfig');
    expectThat(
      dc !== null && typeof dc === 'object' && !Array.isArray(dc),
      `${x.where.request}: DestinationConfig is ${dc === undefined ? 'absent' : JSON.stringify(dc)}`,
      { OnSuccess: {}, OnFailure: {} },
      dc === undefined ? '(absent)' : dc,
      where,
    );
    const sides = dc as Record<string, unknown>;
    expectKeysPresent(where, sides, ...SIDES);
    for (const side of SIDES) {
      const v = sides[side];
      expectThat(
        v !== null && typeof v === 'object' && !Array.isArray(v),
        `${x.where.request}: DestinationConfig.${side} is ${JSON.stringify(v)}`,
        'an object',
        v,
        member(where, side),
      );
    }
    // A side that never had a destination is `{}` (a List item that names no config is not paired: only its form is judged).
    if (x.expected) for (const side of x.expected.unsetSides) expectJsonMembers(where, sides, { [side]: {} });
  }
});

s.rule('response.settings.absent-not-null', async (t) => {
  const { samples } = await sharedTour(t);
  for (const x of samples) {
    for (const k of SETTINGS) {
      if (k in x.body)
        expectThat(
          typeof x.body[k] === 'number',
          `${x.where.request}: ${k} is ${JSON.stringify(x.body[k])}`,
          'a number, or the key absent',
          x.body[k] === null ? 'null' : x.body[k],
          member(x.where, k),
        );
    }
    if (!x.expected) continue;
    expectKeysAbsent(x.where, x.body, ...x.expected.never);
    expectJsonMembers(x.where, x.body, x.expected.sure);
  }
});

s.rule('response.last-modified.epoch-seconds', async (t) => {
  const { samples } = await sharedTour(t);
  for (const x of samples) expectEpochSeconds({ ...x.where, field: `${x.where.field}.LastModified` }, x.body.LastModified);
});

s.rule('response.content-type-json', async (t) => {
  const { exchanges } = await sharedTour(t);
  for (const x of exchanges) expectJsonContentType(x);
});
