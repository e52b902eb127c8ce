// Success bodies as they travel on the wire: schema-valid, FunctionArn always
// qualified, both destination sides present, retries and age only when set,
// LastModified a JSON number of epoch seconds, application/json. Every rule
// runs the same raw tour of Put, Update, Get and List over $LATEST, a version
// and an alias (fresh fixtures per rule), then checks its one property on
// every answer.
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { EicOperation } from '../specs/contract.ts';
import { expectEqual, expectThat } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import {
  expectEpochSeconds,
  expectJsonContentType,
  expectJsonMembers,
  expectKeysAbsent,
  expectSchema,
  expectWireOk,
  listItems,
  wireCall,
  type EicCallOptions,
  type Exchange,
} from './harness/wire-checks.ts';

const s = conformanceSuite('response-shape');

type Side = Record<string, string>;
interface Expected {
  FunctionArn: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig: { OnSuccess: Side; OnFailure: Side };
}
/** One config body on the wire (a Put/Update/Get answer or a List item) and what it must hold. */
interface Sample {
  label: string;
  body: Record<string, unknown>;
  /** Undefined for a List item whose FunctionArn names none of the configs (nothing to pair it with). */
  expected?: Expected;
  fromList: boolean;
}
interface Tour {
  /** Every raw answer, List included. */
  exchanges: Exchange[];
  /** Put, Update and Get bodies, and each List item. */
  samples: Sample[];
  /** Raw List bodies (full, first page of MaxItems=1, and an empty list). */
  lists: Array<{ label: string; body: Record<string, unknown> }>;
  /** FunctionArns of the full List, and of the configs that exist. */
  listed: unknown[];
  configs: string[];
}

const SETTINGS = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'] as const;

async function tour(t: RuleContext): Promise<Tour> {
  const fn = await t.fn();
  const dest = await t.fn('dest');
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  const exchanges: Exchange[] = [];
  const samples: Sample[] = [];
  const lists: Tour['lists'] = [];
  const both = (OnSuccess: Side = {}, OnFailure: Side = {}) => ({ OnSuccess, OnFailure });

  const call = async (op: EicOperation, name: string, o: EicCallOptions, expected: Expected) => {
    const x = await wireCall(t, op, name, o);
    exchanges.push(x);
    samples.push({ label: x.label, body: expectWireOk(x), expected, fromList: false });
  };
  const latest = t.arn(fn, '$LATEST');
  const v1 = t.arn(fn, version);
  const aliasArn = t.arn(fn, alias);
  // The FunctionName forms vary: unqualified ARN, ARN + Qualifier, qualified ARN.
  await call('PutFunctionEventInvokeConfig', fn.arn, { body: { MaximumRetryAttempts: 0 } }, { FunctionArn: latest, MaximumRetryAttempts: 0, DestinationConfig: both() });
  await call('UpdateFunctionEventInvokeConfig', fn.arn, { qualifier: '$LATEST', body: { MaximumEventAgeInSeconds: 60 } }, { FunctionArn: latest, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60, DestinationConfig: both() });
  await call('PutFunctionEventInvokeConfig', fn.arn, { qualifier: version, body: { DestinationConfig: { OnSuccess: { Destination: dest.arn } } } }, { FunctionArn: v1, DestinationConfig: both({ Destination: dest.arn }) });
  await call('PutFunctionEventInvokeConfig', aliasArn, { body: { MaximumEventAgeInSeconds: 120, DestinationConfig: { OnFailure: {} } } }, { FunctionArn: aliasArn, MaximumEventAgeInSeconds: 120, DestinationConfig: both() });
  await call('UpdateFunctionEventInvokeConfig', aliasArn, { body: { DestinationConfig: { OnFailure: { Destination: dest.arn } } } }, { FunctionArn: aliasArn, MaximumEventAgeInSeconds: 120, DestinationConfig: both({}, { Destination: dest.arn }) });

  const final: Expected[] = [
    { FunctionArn: latest, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60, DestinationConfig: both() },
    { FunctionArn: v1, DestinationConfig: both({ Destination: dest.arn }) },
    { FunctionArn: aliasArn, MaximumEventAgeInSeconds: 120, DestinationConfig: both({}, { Destination: dest.arn }) },
  ];
  await call('GetFunctionEventInvokeConfig', fn.arn, {}, final[0]!);
  await call('GetFunctionEventInvokeConfig', fn.arn, { qualifier: version }, final[1]!);
  await call('GetFunctionEventInvokeConfig', aliasArn, {}, final[2]!);

  const list = async (f: FunctionFixture, query: Record<string, string>) => {
    const x = await wireCall(t, 'ListFunctionEventInvokeConfigs', f.arn, { query });
    exchanges.push(x);
    const body = expectWireOk(x);
    lists.push({ label: x.label, body });
    return { x, body };
  };
  const full = await list(fn, {});
  const items = listItems(full.x, full.body);
  for (const item of items) {
    const expected = final.find((e) => e.FunctionArn === item.FunctionArn);
    samples.push({ label: `${full.x.label} item ${String(item.FunctionArn)}`, body: item, expected, fromList: true });
  }
  // Only validated as a whole (response.schema), so that one bad List does not fail every rule.
  await list(fn, { MaxItems: '1' }); // a page with a NextMarker
  await list(dest, {}); // an empty list
  return { exchanges, samples, lists, listed: items.map((i) => i.FunctionArn), configs: final.map((e) => e.FunctionArn) };
}

/** What a sample must hold; a List item that names none of the configs cannot be judged. */
function expectedOf(x: Sample): Expected {
  expectThat(x.expected !== undefined, `${x.label}: the FunctionArn of this List item is none of the function's configs`, 'a qualified ARN of $LATEST, the version or the alias', x.body.FunctionArn);
  return x.expected!;
}

s.rule('response.schema', async (t) => {
  const { samples, lists } = await tour(t);
  for (const x of samples.filter((x) => !x.fromList)) expectSchema('FunctionEventInvokeConfig', x.body, x.label);
  for (const l of lists) expectSchema('ListFunctionEventInvokeConfigsResponse', l.body, l.label);
});

s.rule('response.function-arn.qualified', async (t) => {
  const { samples, listed, configs } = await tour(t);
  for (const x of samples) expectJsonMembers(x.label, x.body, { FunctionArn: expectedOf(x).FunctionArn });
  expectEqual('List: FunctionArns of the items', [...listed].sort(), [...configs].sort());
});

s.rule('response.destination-config.both-sides', async (t) => {
  const { samples } = await tour(t);
  for (const x of samples) expectJsonMembers(x.label, x.body, { DestinationConfig: expectedOf(x).DestinationConfig });
});

s.rule('response.settings.absent-not-null', async (t) => {
  const { samples } = await tour(t);
  for (const x of samples) {
    const expected = expectedOf(x);
    for (const k of SETTINGS) {
      if (expected[k] === undefined) expectKeysAbsent(x.label, x.body, k);
      else expectJsonMembers(x.label, x.body, { [k]: expected[k] });
    }
  }
});

s.rule('response.last-modified.epoch-seconds', async (t) => {
  const { samples } = await tour(t);
  for (const x of samples) expectEpochSeconds(x.label, x.body.LastModified);
});

s.rule('response.content-type-json', async (t) => {
  const { exchanges } = await tour(t);
  for (const x of exchanges) expectJsonContentType(x);
});
