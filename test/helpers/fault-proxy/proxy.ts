// A fault-injecting HTTP reverse proxy for tests: listens on 127.0.0.1 only, in
// front of a loopback upstream (e.g. the served reference emulator), forwards
// method, path+query, headers and body, and injects faults by rate (seeded,
// reproducible: see decide.ts) or by schedule (see types.ts for the plan).
//
//   const proxy = await startFaultProxy({ upstream: served.url, plan: { seed: 7, rates: { throttle: 0.1 } } });
//   ... point a client at proxy.url ...; proxy.stats(); proxy.setPlan({}); await proxy.close();
//
// Each fault says whether the request reached the upstream (FAULT_FORWARDS,
// FaultEvent.forwarded): 429, 500, 503 and reset never forward; latency,
// truncated and slow bodies do. Answers a fault touched carry `x-fault-proxy: <kind>`.
// A plan can also make the upstream look like AWS Lambda's control plane
// (aws-pace.ts): the account's pace (a token bucket, 429 with Retry-After
// beyond it) and functions Pending for a while after CreateFunction; and
// onExchange sees every request with its answer (bench/remote.ts counts them).
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAULT_HEADER, sendInjectedError, sendJson, sendSlowly, sendTruncated, type UpstreamAnswer } from './answers.ts';
import { Decider } from './decide.ts';
import { FunctionStates, TokenBucket } from './aws-pace.ts';
import { FAULT_KINDS, type Exchanged, type FaultKind, type FaultPlan, type FaultProxy, type FaultProxyOptions, type FaultStats } from './types.ts';
import { BodyTooLarge, forward, loopbackOrigin, readBody } from './upstream.ts';

export * from './types.ts';
export { FAULT_HEADER } from './answers.ts';

const freshStats = (): FaultStats => ({
  total: 0,
  forwarded: 0,
  clean: 0,
  injected: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  upstreamErrors: 0,
  refused: 0,
  rateLimited: 0,
  pendingRefused: 0,
  events: [],
});

/** What a plan adds beyond the per-request faults: the account's pace and the functions' states. */
const paceOf = (plan: FaultPlan) => ({
  bucket: plan.rateLimit ? new TokenBucket(plan.rateLimit.perSecond, plan.rateLimit.burst) : undefined,
  states: plan.pending ? new FunctionStates(plan.pending, plan.seed ?? 0) : undefined,
});

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const origin = loopbackOrigin(options.upstream);
  const maxRequests = options.maxRequests ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const agent = new Agent({ keepAlive: true });
  const timers = new Set<NodeJS.Timeout>();
  const waiting = new Set<() => void>();
  let decider = new Decider(options.plan ?? {});
  let aws = paceOf(decider.plan);
  let stats = freshStats();
  let refused = 0;
  let received = 0;
  let closing = false;
  let closed: Promise<void> | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        timers.delete(timer);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timers.add(timer);
      waiting.add(done);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closing || ++received > maxRequests) {
      // Past the budget the proxy has stopped listening; a request on a kept-alive connection is dropped.
      refused++;
      res.destroy();
      return;
    }
    const seen: Exchanged = { method: req.method ?? 'GET', path: req.url ?? '/', body: Buffer.alloc(0) };
    if (options.onExchange) {
      res.once('close', () => {
        const answered = res.headersSent && seen.by !== 'reset' && seen.by !== 'truncate' && res.writableFinished;
        options.onExchange?.({ ...seen, ...(answered ? { status: res.statusCode } : {}) });
      });
    }
    const plan = decider.plan;
    const { bucket, states } = aws;
    const paced = bucket?.take();
    if (paced && !paced.ok) {
      stats.rateLimited++;
      seen.by = 'rateLimit';
      seen.body = await readBody(req, maxBodyBytes).catch(() => Buffer.alloc(0));
      return sendInjectedError(res, 'throttle', { ...plan, throttle: { retryAfterSeconds: paced.retryAfterSeconds } }, false);
    }
    const { request, decision } = decider.next();
    stats.total++;
    if (decision) {
      const event = { request, ...decision, method: req.method ?? 'GET', path: req.url ?? '/' };
      stats.injected[decision.kind]++;
      stats.events.push(event);
      options.onFault?.(event);
      seen.by = decision.kind;
    } else stats.clean++;
    if (received === maxRequests) void stopListening();

    const kind = decision?.kind;
    if (kind === 'reset') {
      // Before reading anything more of the request: the upstream never sees it.
      req.socket.resetAndDestroy();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
      seen.body = body;
    } catch (e) {
      if (e instanceof BodyTooLarge) sendJson(res, 413, 'RequestTooLargeException', { Type: 'User', message: e.message });
      else res.destroy();
      return;
    }
    if (kind === 'throttle' || kind === 'error500' || kind === 'error503') return sendInjectedError(res, kind, plan);
    const refusal = states?.refusal(req);
    if (refusal) {
      stats.pendingRefused++;
      seen.by = 'pending';
      return sendJson(res, refusal.status, refusal.errorType, refusal.body);
    }
    if (decision?.latencyMs !== undefined) await sleep(decision.latencyMs);
    if (closing || res.destroyed) return;

    let answer: UpstreamAnswer;
    try {
      stats.forwarded++;
      answer = await forward(origin, agent, req, body, upstreamTimeoutMs);
    } catch (e) {
      stats.upstreamErrors++;
      if (!res.destroyed && !res.headersSent)
        sendJson(res, 502, 'ServiceException', { Type: 'Service', Message: `fault proxy: upstream failed: ${(e as Error).message}` });
      return;
    }
    if (res.destroyed) return;
    if (states) answer = states.rewrite(req, answer);
    if (kind === 'truncate') return sendTruncated(res, answer, plan);
    if (kind === 'slowBody') return sendSlowly(res, answer, plan, timers);
    const bodyless = answer.status === 204 || answer.status === 304 || req.method === 'HEAD';
    const length = bodyless ? answer.upstreamLength : answer.body.length;
    res.writeHead(answer.status, answer.statusMessage, {
      ...answer.headers,
      ...(length !== undefined ? { 'content-length': length } : {}),
      ...(kind ? { [FAULT_HEADER]: kind } : {}),
    });
    res.end(bodyless ? undefined : answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let serverClosed: Promise<void> | undefined;
  /** No new connections (idle ones close); requests in flight finish. */
  function stopListening(): Promise<void> {
    serverClosed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return serverClosed;
  }

  function close(): Promise<void> {
    closed ??= (async () => {
      closing = true;
      const stopped = stopListening();
      server.closeAllConnections();
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      for (const wake of [...waiting]) wake();
      agent.destroy();
      await stopped;
    })();
    return closed;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats, injected: { ...stats.injected }, events: stats.events.map((e) => ({ ...e })), refused }),
    setPlan(plan: FaultPlan) {
      decider = new Decider(plan);
      aws = paceOf(plan);
      stats = freshStats();
    },
    close,
  };
}
