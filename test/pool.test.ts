// The pool of functions the suites lease from (fixtures/pool.ts) and what the
// rule context tells it (suites/harness/rule-context.ts): a leased function is
// clean and never leased twice at once; the reset deletes every config a
// rule's writes reached, in whatever form they named the function, and the
// aliases it made; a fresh lease is never a published function; what a rule
// cannot account for is listed and cleaned, or the function retired; and a
// pool function reads under the rule's own name in its evidence.
import { ListAliasesCommand, ListFunctionEventInvokeConfigsCommand } from '@aws-sdk/client-lambda';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { addressed, FunctionPool, qualifierOfArn } from '../fixtures/pool.ts';
import { Fixtures } from '../fixtures/provision.ts';
import { ruleById } from '../specs/rules/index.ts';
import { RuleContext } from '../suites/harness/rule-context.ts';
import type { RunConfig } from '../suites/harness/run-config.ts';
import { EMBEDDED_ENDPOINT } from '../targets/embedded.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { MswRequestHandler } from '../targets/msw-request-handler.ts';
import { connectTarget, type Target } from '../targets/target.ts';

const PREFIX = 'lc-a00100-';
const config: RunConfig = { target: { kind: 'embedded', region: 'us-east-1' }, seed: 1, numRuns: 5, tier: 'strict', prefix: PREFIX };

/** A pool on the embedded emulator (or on these handlers), and rule contexts leasing from it. */
function setUp(handlers?: HttpHandler[]) {
  const target: Target = handlers
    ? {
        ...connectTarget(config.target),
        client: createLambdaClient({
          endpoint: EMBEDDED_ENDPOINT,
          region: 'us-east-1',
          credentials: EMULATOR_CREDENTIALS,
          requestHandler: new MswRequestHandler(handlers),
        }),
      }
    : connectTarget(config.target);
  const fixtures = new Fixtures(target.client, PREFIX, target.roleArn);
  const pool = new FunctionPool(fixtures, PREFIX);
  const rule = (n = 1) => new RuleContext(ruleById('put.creates-config'), target, fixtures.scope(`semant-r000${n}`), config, undefined, pool);
  const configs = async (name: string) =>
    ((await target.client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: name }))).FunctionEventInvokeConfigs ?? [])
      .map((c) => qualifierOfArn(String(c.FunctionArn)))
      .sort();
  const aliases = async (name: string) => ((await target.client.send(new ListAliasesCommand({ FunctionName: name }))).Aliases ?? []).map((a) => a.Name);
  return { target, pool, rule, configs, aliases };
}

describe('leases', () => {
  test('rules at the same time get different functions; a released one is leased again, reset, instead of a new one', async () => {
    const { pool, rule } = setUp();
    const [a, b] = [rule(1), rule(2)];
    const [fa, fb] = await Promise.all([a.fn(), b.fn()]);
    expect(fa.name).not.toBe(fb.name);
    expect(pool.created).toBe(2);
    await a.releaseAll();
    const c = rule(3);
    expect((await c.fn()).name).toBe(fa.name);
    expect(pool.created).toBe(2);
  });

  test("the reset deletes every config the rule's writes reached, whatever form named the function, and its aliases", async () => {
    const { pool, rule, configs, aliases } = setUp();
    const t = rule();
    const fn = await t.fn();
    const version = await t.publish(fn);
    const alias = await t.alias(fn, version);
    await t.put({ FunctionName: fn.arn, MaximumRetryAttempts: 1 }); // unqualified ARN: $LATEST
    await t.put({ FunctionName: `${fn.name}:${version}`, MaximumRetryAttempts: 1 }); // name:version
    await t.put({ FunctionName: `${fn.account}:function:${fn.name}`, Qualifier: alias, MaximumRetryAttempts: 1 }); // partial ARN + Qualifier
    expect(await configs(fn.name)).toEqual(['$LATEST', '1', alias].sort());
    await t.releaseAll();
    await pool.settled();
    expect(await configs(fn.name)).toEqual([]);
    expect(await aliases(fn.name)).toEqual([]);
  });

  test('a config the rule deleted itself costs the reset nothing; after a write it cannot account for, the reset lists and cleans everything', async () => {
    // The emulator, but a Put with MaximumRetryAttempts 2 is stored and then answered 500: its effect is unknown to the rule.
    const emulator = createEmulator();
    const stored500 = http.put('*/2019-09-25/functions/:name/event-invoke-config', async ({ request }) => {
      if (((await request.clone().json()) as { MaximumRetryAttempts?: number }).MaximumRetryAttempts !== 2) return undefined;
      await getResponse(emulator.handlers, request);
      return HttpResponse.json({ Type: 'Service', Message: 'lost' }, { status: 500 });
    });
    const { pool, rule, configs } = setUp([stored500, ...emulator.handlers]);
    const t = rule();
    const fn = await t.fn();
    await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 });
    await t.remove({ FunctionName: fn.name });
    await t.put({ FunctionName: fn.name, Qualifier: '$LATEST', MaximumRetryAttempts: 2 }).catch(() => undefined);
    await t.releaseAll();
    await pool.settled();
    expect(await configs(fn.name)).toEqual([]);
    expect((await rule(2).fn()).name).toBe(fn.name);
  });
});

describe('fresh functions', () => {
  test('a function something was published on is never leased as fresh; one never published is', async () => {
    const { pool, rule } = setUp();
    const a = rule(1);
    const published = await a.fn();
    await a.publish(published);
    const b = rule(2);
    const untouched = await b.fn();
    await a.releaseAll();
    await b.releaseAll();
    await pool.settled();
    const c = rule(3);
    const fresh = await c.freshFn();
    expect(fresh.name).toBe(untouched.name);
    const d = rule(4);
    // The only free function is published: a fresh lease makes a new one.
    expect((await d.freshFn()).name).not.toBe(published.name);
    expect(pool.created).toBe(3);
  });

  test('plain leases take published functions first, keeping the others for fresh leases', async () => {
    const { pool, rule } = setUp();
    const a = rule(1);
    const [p, u] = [await a.fn(), await a.fn()];
    await a.publish(p);
    await a.releaseAll();
    await pool.settled();
    expect((await rule(2).fn()).name).toBe(p.name);
    expect((await rule(3).freshFn()).name).toBe(u.name);
  });
});

describe('what cannot be cleaned is retired', () => {
  test('a config the target will not delete retires the function: it is never leased again', async () => {
    // The emulator, but DeleteFunctionEventInvokeConfig of $LATEST fails on its side.
    const emulator = createEmulator();
    const refuse = http.delete('*/2019-09-25/functions/:name/event-invoke-config', ({ request }) =>
      new URL(request.url).searchParams.get('Qualifier') === '$LATEST' ? HttpResponse.json({ Type: 'Service', Message: 'stuck' }, { status: 500 }) : undefined,
    );
    const { pool, rule } = setUp([refuse, ...emulator.handlers]);
    const t = rule();
    const fn = await t.fn();
    await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 });
    await t.releaseAll();
    await pool.settled();
    expect((await rule(2).fn()).name).not.toBe(fn.name);
    expect(pool.created).toBe(2);
    expect(pool.names()).toContain(fn.name); // still the pool's: the run's teardown deletes it
  });
});

describe('names', () => {
  test('addressed: the function and the qualifiers a FunctionName (any form) and Qualifier may reach', () => {
    expect(addressed('f')).toEqual({ name: 'f', qualifiers: ['$LATEST'] });
    expect(addressed('f:1')).toEqual({ name: 'f', qualifiers: ['1'] });
    expect(addressed('arn:aws:lambda:us-east-1:123456789012:function:f:live', 'live')).toEqual({ name: 'f', qualifiers: ['live'] });
    expect(addressed('123456789012:function:f', '$latest')).toEqual({ name: 'f', qualifiers: ['$latest', '$LATEST'] });
    expect(addressed('f:$LATEST', '1')?.qualifiers.sort()).toEqual(['$LATEST', '1']);
    expect(addressed(undefined)).toBeUndefined();
  });

  test("a pool function reads under the rule's own name for it, whole names only", async () => {
    const { rule } = setUp();
    const t = rule();
    const fn = await t.fn();
    const text = `${fn.arn}:1 ${fn.name}-x ${fn.name}0 ${fn.name}`;
    expect(t.localise(text)).toBe(
      `arn:aws:lambda:us-east-1:000000000000:function:${PREFIX}semant-r0001-fn-1:1 ${fn.name}-x ${fn.name}0 ${PREFIX}semant-r0001-fn-1`,
    );
  });
});
