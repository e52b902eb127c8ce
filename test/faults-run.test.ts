// Robustness: with faults injected in front of the correct emulator (429 bursts
// with Retry-After, 500/503, resets, truncated and slow bodies, latency) at a
// combined rate of 30%, no rule fails: each passes or is inconclusive with the
// evidence. With faults off, the proxy is transparent and a broken emulator
// still fails its rules. Retry-After is honoured; retries and the pace follow
// what the target answers.
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { startFaultProxy, type FaultPlan, type FaultProxy } from './helpers/fault-proxy/proxy.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { AdaptivePace, observeResilient, Budget, Pace } from '../targets/resilience.ts';
import { putMergesEmulator } from './helpers/broken-emulators.ts';
import { ruleIn, run, servers } from './helpers/run.ts';
import { afterAll } from 'vitest';

const serve = servers();
const proxies: FaultProxy[] = [];
afterAll(async () => Promise.all(proxies.map((p) => p.close())));

async function proxied(handlers = createEmulator().handlers, plan: FaultPlan = {}): Promise<FaultProxy> {
  const p = await startFaultProxy({ upstream: await serve(handlers), plan, maxRequests: 200_000 });
  proxies.push(p);
  return p;
}

describe('faults injected at 30%', () => {
  test('every rule passes or is inconclusive against the correct emulator; the run completes', { timeout: 600_000 }, async () => {
    const plan: FaultPlan = {
      seed: 17,
      rates: { throttle: 0.05, error500: 0.05, error503: 0.05, reset: 0.05, truncate: 0.05, slowBody: 0.02, latency: 0.03 },
      throttle: { burst: 2, retryAfterSeconds: 0 },
      latencyMs: { min: 1, max: 20 },
      slowBody: { bytesPerChunk: 1, intervalMs: 500 },
    };
    const proxy = await proxied(createEmulator().handlers, plan);
    const r = await run('--seed', '4', '--target', proxy.url, '--num-runs', '10', '--retries', '14', '--request-timeout', '1500');
    const stats = proxy.stats();
    expect(stats.total - stats.clean).toBeGreaterThan(100); // faults really were injected
    const failed = r.results.rules.filter((x) => x.verdict === 'fail').map((x) => `${x.id}: ${x.evidence[0]?.message}`);
    expect(failed).toEqual([]);
    expect(r.results.errors).toEqual([]);
    expect([0]).toContain(r.code);
    for (const x of r.results.rules.filter((y) => y.verdict === 'inconclusive'))
      expect(x.evidence[0]?.message, x.id).toMatch(/no answer|throttled|repeated after a lost answer|fixture/);
  });
});

describe('faults off', () => {
  test('the proxy is transparent: a broken emulator behind it still fails its rules', async () => {
    const proxy = await proxied(putMergesEmulator(), {});
    const r = await run('--seed', '4', '--target', proxy.url, '--rules', 'put.overwrite.*,put.creates-config');
    expect(r.code).toBe(1);
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').verdict).toBe('fail');
    expect(ruleIn(r.results, 'put.creates-config').verdict).toBe('pass');
  });
});

describe('throttling', () => {
  test('Retry-After is honoured before the next attempt, and a persistent 429 gives up as no answer', async () => {
    const proxy = await proxied(createEmulator().handlers, { schedule: [{ kind: 'throttle', from: 1 }], throttle: { retryAfterSeconds: 1 } });
    const client = createLambdaClient({ endpoint: proxy.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const pacing = {
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5_000 },
      pace: new Pace(undefined),
      requests: new Budget(undefined, undefined, 'request'),
    };
    const started = Date.now();
    const o = await observeResilient(client, 'GetFunctionEventInvokeConfig', { FunctionName: 'nothing-here' }, pacing);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(o.attempts).toBe(2);
    expect(o.status).toBe(404); // the second attempt got the real answer

    proxy.setPlan({ schedule: [{ kind: 'throttle', from: 1, to: 10 }], throttle: { retryAfterSeconds: 0 } });
    const stuck = await observeResilient(client, 'GetFunctionEventInvokeConfig', { FunctionName: 'nothing-here' }, pacing);
    expect(stuck.gaveUp).toMatch(/^throttled after 3 attempts/);
    client.destroy();
  });
});

describe('retries that follow the answers', () => {
  const pacing = (attempts: number) => ({
    retry: { attempts, baseDelayMs: 1, maxDelayMs: 50 },
    pace: new Pace(undefined),
    requests: new Budget(undefined, undefined, 'request'),
  });

  test('a throttled request was refused, not processed: a Delete repeated after a 429 is no ambiguous answer', async () => {
    const proxy = await proxied(createEmulator().handlers, { schedule: [{ kind: 'throttle', from: 1 }], throttle: { retryAfterSeconds: 0 } });
    const client = createLambdaClient({ endpoint: proxy.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const o = await observeResilient(client, 'DeleteFunctionEventInvokeConfig', { FunctionName: 'nothing-here' }, pacing(3));
    expect([o.attempts, o.status, o.ambiguous]).toEqual([2, 404, undefined]);
    client.destroy();
  });

  test("the same server error on half the attempts in a row is the target's answer: no more retries for it", async () => {
    const proxy = await proxied(createEmulator().handlers, { schedule: [{ kind: 'error500', from: 1, to: 100 }] });
    const client = createLambdaClient({ endpoint: proxy.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const o = await observeResilient(client, 'GetFunctionEventInvokeConfig', { FunctionName: 'nothing-here' }, pacing(10));
    expect([o.attempts, o.status, o.gaveUp]).toEqual([5, 500, undefined]);
    // Different server errors in a row are passing faults: retried to the end.
    proxy.setPlan({ schedule: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ kind: n % 2 ? ('error500' as const) : ('error503' as const), from: n })) });
    const mixed = await observeResilient(client, 'GetFunctionEventInvokeConfig', { FunctionName: 'nothing-here' }, pacing(10));
    expect([mixed.attempts, mixed.status]).toEqual([8, 404]);
    client.destroy();
  });

  test("the adaptive pace: no limit until a throttle that asks for a wait, then a little under the answers' rate, raised again while it holds requests back", async () => {
    const pace = new AdaptivePace(undefined);
    expect(pace.rate).toBeUndefined();
    for (let i = 0; i < 20; i++) {
      await pace.take();
      pace.answered();
    }
    pace.throttled(0); // "Retry-After: 0": try again at once, no limit to keep under
    expect(pace.rate).toBeUndefined();
    pace.throttled(1);
    expect(pace.rate).toBe(18); // 0.9 of the 20 answers of the last second
    pace.throttled(1); // the same burst: one cut a second
    expect(pace.rate).toBe(18);
    const before = pace.rate!;
    for (let i = 0; i < 5; i++) {
      await pace.take();
      pace.answered();
    }
    expect(pace.rate!).toBeGreaterThan(before);
    const capped = new AdaptivePace(10);
    expect(capped.rate).toBe(10);
    for (let i = 0; i < 12; i++) {
      await capped.take();
      capped.answered();
    }
    expect(capped.rate).toBe(10); // never above the ceiling
  });
});

describe('budgets', () => {
  test('a request budget stops the run cleanly with the verdicts so far', async () => {
    const url = await serve(createEmulator().handlers);
    const r = await run('--seed', '4', '--target', url, '--max-requests', '60');
    expect(r.results.summary.pass).toBeGreaterThan(0);
    expect(r.results.summary.inconclusive).toBeGreaterThan(0);
    expect(r.results.summary.fail).toBe(0);
    const spent = r.results.rules.find((x) => x.verdict === 'inconclusive')!;
    expect(spent.evidence[0]!.message).toContain('request budget of 60 is spent');
  });

  test('a budget of created functions stops the run cleanly too, and nothing is left behind', async () => {
    const url = await serve(createEmulator().handlers);
    const r = await run('--seed', '4', '--target', url, '--max-functions', '5');
    expect(r.results.summary.fail).toBe(0);
    expect(r.results.leaks).toEqual([]);
    const spent = r.results.rules.filter((x) => x.verdict === 'inconclusive');
    expect(spent.length).toBeGreaterThan(0);
    expect(spent[0]!.evidence[0]!.message).toContain('function budget of 5 is spent');
  });
});
