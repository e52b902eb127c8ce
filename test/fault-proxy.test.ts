// The fault proxy in front of the served reference emulator: every fault kind
// shown with real requests (fetch and the SDK), rate 0 transparent byte for byte,
// seeded rates reproducible, schedules exact, AWS's pace (a token bucket) and
// Pending functions, and nothing left open.
// Timing assertions are lower bounds only ("not before N ms"), never upper bounds.
import { Readable } from 'node:stream';
import {
  CreateFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  ListFunctionsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { HttpResponse } from '@smithy/types';
import { getResponse, http, type HttpHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers, type RunningServer } from '../emulator/serve.ts';
import { handlerZip } from '../fixtures/zip.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { observe } from '../targets/observe.ts';
import { FAULT_FORWARDS, startFaultProxy, type Exchanged, type FaultPlan, type FaultProxy } from './helpers/fault-proxy/proxy.ts';
import { PENDING_MESSAGE } from './helpers/fault-proxy/aws-pace.ts';
import { Fixtures } from '../fixtures/provision.ts';

interface Wire {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// The upstream records every answer it sends, so the test can tell what reached
// it and compare it with what the client got through the proxy.
const emulator = createEmulator();
const sentByUpstream: Wire[] = [];
const recorder = http.all('*', async ({ request }) => {
  const response = (await getResponse(emulator.handlers, request))!;
  const copy = response.clone();
  const headers: Record<string, string> = {};
  copy.headers.forEach((v, k) => {
    headers[k] = v;
  });
  sentByUpstream.push({ status: copy.status, headers, body: await copy.text() });
  return response;
}) as HttpHandler;

let upstream: RunningServer;
let proxy: FaultProxy;
const LIST = '/2015-03-31/functions/';
const get = (path = LIST, init?: RequestInit) => fetch(`${proxy.url}${path}`, init);
/** What a plain client ends up with: the status and full body, or the error that stopped it. */
const outcome = (path = LIST) =>
  get(path)
    .then(async (r) => `${r.status}:${(await r.text()).length > 0}`)
    .catch((e: Error) => `error:${e.name}`);
const sdk = (url: string): LambdaClient => createLambdaClient({ endpoint: url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });

beforeAll(async () => {
  upstream = await serveHandlers([recorder], '127.0.0.1', 0);
  proxy = await startFaultProxy({ upstream: upstream.url });
  // A function, so that ListFunctions answers a body worth cutting.
  await sdk(upstream.url).send(
    new CreateFunctionCommand({ FunctionName: 'proxied', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }),
  );
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe('faults that never reach the upstream', () => {
  test('429 with Retry-After and the AWS JSON body, for the scheduled requests only', async () => {
    proxy.setPlan({ schedule: [{ kind: 'throttle', from: 1 }], throttle: { retryAfterSeconds: 7 } });
    const before = sentByUpstream.length;
    const r = await get();
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual({ Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' });
    expect(sentByUpstream.length).toBe(before);
    expect((await get()).status).toBe(200);
    expect(proxy.stats()).toMatchObject({
      total: 2,
      forwarded: 1,
      clean: 1,
      injected: { throttle: 1 },
      events: [{ request: 1, kind: 'throttle', forwarded: false, method: 'GET', path: LIST }],
    });
  });

  test('the SDK reads the injected 429 as TooManyRequestsException', async () => {
    proxy.setPlan({ schedule: [{ kind: 'throttle', from: 1 }] });
    const o = await observe(sdk(proxy.url), 'GetFunction', { FunctionName: 'proxied' });
    expect([o.status, o.errorCode, o.message]).toEqual([429, 'TooManyRequestsException', 'Rate exceeded']);
  });

  test('a rate-drawn 429 starts a burst of `burst` consecutive 429s', async () => {
    proxy.setPlan({ seed: 3, rates: { throttle: 0.15 }, throttle: { burst: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await get()).status);
    const runs: number[] = [];
    let current = 0;
    for (const s of [...statuses, 200]) {
      if (s === 429) current++;
      else if (current > 0) {
        runs.push(current);
        current = 0;
      }
    }
    expect(runs.length).toBeGreaterThan(0);
    // Every run of 429s is at least a burst long, except one cut by the end of the sequence.
    const lastCut = statuses.at(-1) === 429 ? runs.slice(0, -1) : runs;
    for (const len of lastCut) expect(len).toBeGreaterThanOrEqual(3);
    expect(proxy.stats().injected.throttle).toBe(statuses.filter((s) => s === 429).length);
  });

  test('500 and 503 answer ServiceException JSON without forwarding', async () => {
    proxy.setPlan({
      schedule: [
        { kind: 'error500', from: 1 },
        { kind: 'error503', from: 2 },
        { kind: 'error500', from: 3 },
      ],
    });
    const before = sentByUpstream.length;
    for (const status of [500, 503]) {
      const r = await get();
      expect(r.status).toBe(status);
      expect(r.headers.get('x-amzn-errortype')).toBe('ServiceException');
      expect(await r.json()).toMatchObject({ Type: 'Service', Message: expect.stringContaining(String(status)) });
    }
    const o = await observe(sdk(proxy.url), 'GetFunction', { FunctionName: 'proxied' });
    expect([o.status, o.errorCode]).toEqual([500, 'ServiceException']);
    expect(sentByUpstream.length).toBe(before);
    expect(proxy.stats().events.map((e) => [e.kind, e.forwarded])).toEqual([
      ['error500', false],
      ['error503', false],
      ['error500', false],
    ]);
  });

  test('a connection reset before forwarding: the client gets an error, the upstream nothing', async () => {
    proxy.setPlan({ schedule: [{ kind: 'reset', from: 1, to: 2 }] });
    const before = sentByUpstream.length;
    const err = await get().then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect(err?.cause?.code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    const o = await observe(sdk(proxy.url), 'GetFunction', { FunctionName: 'proxied' });
    expect(o.status).toBeUndefined();
    expect(o.transportError).toBeDefined();
    expect(sentByUpstream.length).toBe(before);
    expect(proxy.stats()).toMatchObject({ total: 2, forwarded: 0, injected: { reset: 2 } });
  });
});

describe('faults after the upstream answered', () => {
  test('a truncated body is an error for the client, never a short valid body', async () => {
    proxy.setPlan({ schedule: [{ kind: 'truncate', from: 1, to: 2 }] });
    const before = sentByUpstream.length;
    const r = await get();
    const full = sentByUpstream.at(-1)!;
    expect(sentByUpstream.length).toBe(before + 1);
    expect(r.status).toBe(full.status);
    expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(full.body));
    await expect(r.text()).rejects.toThrow();
    const o = await observe(sdk(proxy.url), 'GetFunction', { FunctionName: 'proxied' });
    expect(o.body).toBeUndefined();
    expect(o.transportError ?? o.errorCode).toBeDefined();
    expect(sentByUpstream.length).toBe(before + 2);
    expect(proxy.stats().events.map((e) => e.forwarded)).toEqual([true, true]);
  });

  test('a slow body makes a client with a per-request timeout give up', async () => {
    proxy.setPlan({ schedule: [{ kind: 'slowBody', from: 1, to: 2 }], slowBody: { bytesPerChunk: 1, intervalMs: 1_000 } });
    const before = sentByUpstream.length;
    const err = await get(LIST, { signal: AbortSignal.timeout(300) })
      .then((r) => r.text())
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err?.name).toBe('TimeoutError');
    const sdkErr = await sdk(proxy.url)
      .send(new ListFunctionsCommand({}), { abortSignal: AbortSignal.timeout(300) })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    // The SDK gives up as an AbortError, or (smithy since 4.x) a deserialization error saying the body was aborted.
    expect(`${sdkErr?.name}: ${sdkErr?.message}`).toMatch(/AbortError|TimeoutError|\baborted\b/);
    expect(sentByUpstream.length).toBe(before + 2);
    expect(proxy.stats().injected.slowBody).toBe(2);
  });

  test('a slow body still arrives whole for a patient client', async () => {
    proxy.setPlan({ schedule: [{ kind: 'slowBody', from: 1 }], slowBody: { bytesPerChunk: 64, intervalMs: 5 } });
    const r = await get();
    expect(await r.text()).toBe(sentByUpstream.at(-1)!.body);
    expect(r.headers.get('x-fault-proxy')).toBe('slowBody');
  });

  test('latency: the answer comes not before the drawn delay', async () => {
    proxy.setPlan({ schedule: [{ kind: 'latency', from: 1 }], latencyMs: { min: 250, max: 250 } });
    let t0 = performance.now();
    expect((await get()).status).toBe(200);
    // 1 ms of slack: Node timers may round a delay down by up to 1 ms.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(249);

    proxy.setPlan({ seed: 9, rates: { latency: 1 }, latencyMs: { min: 100, max: 200 } });
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      await (await get()).text();
      const drawn = proxy.stats().events[i]!.latencyMs!;
      expect(drawn).toBeGreaterThanOrEqual(100);
      expect(drawn).toBeLessThanOrEqual(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(drawn - 1);
    }
    expect(proxy.stats()).toMatchObject({ total: 3, forwarded: 3, injected: { latency: 3 } });
  });
});

describe('rate 0 is transparent', () => {
  test('a Put/Get sequence through the SDK gets exactly what the upstream sent', async () => {
    const zero = Object.fromEntries(Object.keys(FAULT_FORWARDS).map((k) => [k, 0]));
    proxy.setPlan({ seed: 1, rates: zero });
    const client = sdk(proxy.url);
    const received: Wire[] = [];
    // Innermost in the deserialize step: the raw answer before the SDK parses it.
    client.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        const response = out.response as HttpResponse;
        // A stream from the SDK's own handler; bytes when the run's capture (targets/observe.ts) read it first.
        let body: Buffer;
        if (response.body instanceof Uint8Array) body = Buffer.from(response.body);
        else {
          const chunks: Buffer[] = [];
          for await (const c of response.body as Readable) chunks.push(c as Buffer);
          body = Buffer.concat(chunks);
        }
        received.push({ status: response.statusCode, headers: { ...response.headers }, body: body.toString() });
        response.body = Readable.from([body]);
        return out;
      },
      { step: 'deserialize', priority: 'low', name: 'captureRawAnswer' },
    );
    sentByUpstream.length = 0;
    const FunctionName = 'proxied';
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }));
    const got = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, Qualifier: '$LATEST' }));
    expect(got.MaximumRetryAttempts).toBe(1);
    await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, Qualifier: '$LATEST', MaximumEventAgeInSeconds: 120 }));
    await client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName, MaxItems: 5 }));
    await client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName, Qualifier: '$LATEST' }));
    const gone = await observe(client, 'GetFunctionEventInvokeConfig', { FunctionName, Qualifier: '$LATEST' });
    expect(gone.status).toBe(404);

    expect(received).toHaveLength(6);
    expect(sentByUpstream).toHaveLength(6);
    received.forEach((r, i) => {
      const sent = sentByUpstream[i]!;
      expect(r.status).toBe(sent.status);
      expect(r.body).toBe(sent.body);
      // Every header the upstream sent arrives unchanged (Node adds only its own Date/Connection/Keep-Alive).
      for (const [k, v] of Object.entries(sent.headers)) expect(r.headers[k], k).toBe(v);
      expect(r.headers['x-fault-proxy']).toBeUndefined();
    });
    expect(received.map((r) => r.status)).toEqual([200, 200, 200, 200, 204, 404]);
    expect(proxy.stats()).toMatchObject({ total: 6, forwarded: 6, clean: 6, events: [] });
  });
});

describe('reproducible rates and exact schedules', () => {
  const plan: FaultPlan = {
    seed: 42,
    rates: { latency: 0.05, throttle: 0.1, error500: 0.05, error503: 0.05, reset: 0.05, truncate: 0.05 },
    latencyMs: { min: 1, max: 5 },
  };
  const runOnce = async (p: FaultPlan) => {
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) outcomes.push(await outcome());
    const events = proxy.stats().events.map((e) => ({ request: e.request, kind: e.kind, forwarded: e.forwarded, latencyMs: e.latencyMs }));
    return { outcomes, events, plan: p };
  };

  test('a rate with a fixed seed injects the same faults in the same order twice', async () => {
    proxy.setPlan(plan);
    const first = await runOnce(plan);
    proxy.setPlan(plan);
    const second = await runOnce(plan);
    expect(second.events).toEqual(first.events);
    expect(second.outcomes).toEqual(first.outcomes);
    expect(new Set(first.events.map((e) => e.kind)).size).toBeGreaterThanOrEqual(3);
    // What the client saw matches what the proxy says it injected.
    for (const e of first.events) {
      const seen = first.outcomes[e.request - 1];
      if (e.kind === 'throttle') expect(seen).toBe('429:true');
      if (e.kind === 'error500' || e.kind === 'error503') expect(seen).toBe(`${e.kind.slice(5)}:true`);
      if (e.kind === 'reset' || e.kind === 'truncate') expect(seen).toMatch(/^error:/);
      expect(e.forwarded).toBe(FAULT_FORWARDS[e.kind]);
    }

    // A new proxy with the same plan: the same faults again; another seed: others.
    const other = await startFaultProxy({ upstream: upstream.url, plan });
    const main = proxy;
    try {
      proxy = other;
      expect((await runOnce(plan)).events).toEqual(first.events);
      proxy.setPlan({ ...plan, seed: 43 });
      expect((await runOnce(plan)).events).not.toEqual(first.events);
    } finally {
      proxy = main;
      await other.close();
    }
  });

  test('a schedule targets exactly the requests it names', async () => {
    proxy.setPlan({
      schedule: [
        { kind: 'throttle', from: 3, to: 5 },
        { kind: 'error503', from: 7 },
      ],
    });
    const before = sentByUpstream.length;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429, 200, 503, 200]);
    expect(proxy.stats().events.map((e) => e.request)).toEqual([3, 4, 5, 7]);
    expect(sentByUpstream.length - before).toBe(4);
  });
});

describe("AWS's pace and function states", () => {
  test('a token bucket: beyond its rate a 429 TooManyRequestsException with Retry-After, never forwarded, not numbered as a fault', async () => {
    proxy.setPlan({ rateLimit: { perSecond: 2, burst: 2 }, schedule: [{ kind: 'error500', from: 3 }] });
    const before = sentByUpstream.length;
    const answers: Response[] = [];
    for (let i = 0; i < 3; i++) answers.push(await get());
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
    const throttled = answers[2]!;
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.headers.get('x-fault-proxy')).toBeNull(); // the account's pace, not an injected fault
    expect(sentByUpstream.length - before).toBe(2);
    expect(proxy.stats()).toMatchObject({ total: 2, rateLimited: 1, injected: { error500: 0 } });
    // A token is back after half a second: the next request is request 3 of the plan, and gets its scheduled fault.
    await new Promise((r) => setTimeout(r, 600));
    expect((await get()).status).toBe(500);
  });

  test('a new function is Pending for the drawn time: CreateFunction and GetFunction say so, PublishVersion is refused with 409 meanwhile', async () => {
    proxy.setPlan({ pending: { minMs: 400, maxMs: 400 } });
    const client = sdk(proxy.url);
    const created = await client.send(
      new CreateFunctionCommand({ FunctionName: 'pending-one', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }),
    );
    const startedAt = Date.now();
    expect(created.State).toBe('Pending');
    expect((await observe(client, 'GetFunction', { FunctionName: 'pending-one' })).body?.Configuration).toMatchObject({ State: 'Pending' });
    const refused = await observe(client, 'PublishVersion', { FunctionName: 'pending-one' });
    expect([refused.status, refused.errorCode, refused.message]).toEqual([409, 'ResourceConflictException', PENDING_MESSAGE]);
    await new Promise((r) => setTimeout(r, 450 - (Date.now() - startedAt)));
    expect((await observe(client, 'GetFunction', { FunctionName: 'pending-one' })).body?.Configuration).toMatchObject({ State: 'Active' });
    expect((await observe(client, 'PublishVersion', { FunctionName: 'pending-one' })).status).toBe(201);
    expect(proxy.stats().pendingRefused).toBe(1);
  });

  test('Fixtures wait a Pending function out: createFunction returns it Active, publishVersion retries its 409', async () => {
    proxy.setPlan({ pending: { minMs: 300, maxMs: 300 } });
    const client = sdk(proxy.url);
    const fixtures = new Fixtures(client, 'lc-f00000-');
    const started = Date.now();
    const fn = await fixtures.createFunction('waited');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await observe(client, 'GetFunction', { FunctionName: fn.name })).body?.Configuration).toMatchObject({ State: 'Active' });
    // One created behind its back, still Pending: publishVersion waits for it rather than failing.
    await client.send(new CreateFunctionCommand({ FunctionName: 'pending-two', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }));
    expect(await fixtures.publishVersion({ ...fn, name: 'pending-two' })).toBe('1');
    expect(proxy.stats().pendingRefused).toBeGreaterThan(0);
    await fixtures.cleanup();
  });

  test('onExchange sees every request with the status its client got, and who answered it', async () => {
    const seen: Exchanged[] = [];
    const counting = await startFaultProxy({ upstream: upstream.url, plan: { rateLimit: { perSecond: 1, burst: 1 } }, onExchange: (e) => seen.push(e) });
    try {
      for (let i = 0; i < 2; i++) await fetch(`${counting.url}${LIST}?n=${i}`);
      await new Promise((r) => setTimeout(r, 20));
      expect(seen.map((e) => [e.method, e.path, e.status, e.by])).toEqual([
        ['GET', `${LIST}?n=0`, 200, undefined],
        ['GET', `${LIST}?n=1`, 429, 'rateLimit'],
      ]);
    } finally {
      await counting.close();
    }
  });
});

describe('bounds', () => {
  test('refuses an upstream off loopback and invalid plans', async () => {
    await expect(startFaultProxy({ upstream: 'http://example.com' })).rejects.toThrow(/loopback/);
    await expect(startFaultProxy({ upstream: 'http://10.0.0.1:4010' })).rejects.toThrow(/loopback/);
    await expect(startFaultProxy({ upstream: 'https://127.0.0.1:4010' })).rejects.toThrow(/loopback/);
    await expect(startFaultProxy({ upstream: upstream.url, plan: { rates: { throttle: 0.6, reset: 0.6 } } })).rejects.toThrow(RangeError);
    expect(() => proxy.setPlan({ schedule: [{ kind: 'reset', from: 0 }] })).toThrow(RangeError);
  });

  test('listens on 127.0.0.1 and stops itself after maxRequests', async () => {
    const bounded = await startFaultProxy({ upstream: upstream.url, maxRequests: 2 });
    try {
      expect(bounded.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (let i = 0; i < 2; i++) expect((await fetch(`${bounded.url}${LIST}`)).status).toBe(200);
      await expect(fetch(`${bounded.url}${LIST}`)).rejects.toThrow();
      expect(bounded.stats()).toMatchObject({ total: 2, forwarded: 2 });
    } finally {
      await bounded.close();
    }
  });

  test('close() shuts the proxy and the upstream: nothing answers afterwards', async () => {
    proxy.setPlan({ schedule: [{ kind: 'slowBody', from: 1 }], slowBody: { bytesPerChunk: 1, intervalMs: 1_000 } });
    const dripping = await get();
    const reading = dripping.text().then(
      () => 'done',
      () => 'cut',
    );
    await proxy.close();
    await proxy.close(); // idempotent
    expect(await reading).toBe('cut');
    await upstream.close();
    await expect(fetch(`${proxy.url}${LIST}`)).rejects.toThrow();
    await expect(fetch(`${upstream.url}${LIST}`)).rejects.toThrow();
    expect(upstream.server.listening).toBe(false);
    // No server or socket handle left once the close callbacks have run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'))).toEqual([]);
  });
});
