// What the client sees for each fault: the proxy's own AWS-style error answers
// (never forwarded), and the two ways of spoiling an upstream answer after the
// upstream processed the request (truncated body, slow body).
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FaultKind, FaultPlan } from './types.ts';

/** Names this header on every answer a fault touched: `<kind>`. */
export const FAULT_HEADER = 'x-fault-proxy';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers minus hop-by-hop ones (and minus content-length, which the proxy sets from the buffered body). */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k) && k !== 'content-length') out[k] = v;
  return out;
}

export function sendJson(res: ServerResponse, status: number, errorType: string, body: unknown, extra: OutgoingHttpHeaders = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': bytes.length,
    'x-amzn-requestid': randomUUID(),
    'x-amzn-errortype': errorType,
    ...extra,
  });
  res.end(bytes);
}

/**
 * 429 / 500 / 503 as AWS Lambda words them, without asking the upstream;
 * `marked`: with the x-fault-proxy header (not on the account pace's 429s,
 * which are AWS's own behaviour rather than a fault).
 */
export function sendInjectedError(res: ServerResponse, kind: FaultKind, plan: FaultPlan, marked = true): void {
  const mark = marked ? { [FAULT_HEADER]: kind } : {};
  if (kind === 'throttle') {
    const retryAfter = String(plan.throttle?.retryAfterSeconds ?? 1);
    sendJson(
      res,
      429,
      'TooManyRequestsException',
      { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' },
      { 'retry-after': retryAfter, ...mark },
    );
  } else {
    const status = kind === 'error503' ? 503 : 500;
    sendJson(res, status, 'ServiceException', { Type: 'Service', Message: `Injected fault: the service answered ${status}.` }, mark);
  }
}

export interface UpstreamAnswer {
  status: number;
  statusMessage: string;
  /** End-to-end headers, without content-length. */
  headers: OutgoingHttpHeaders;
  /** The upstream's own Content-Length header, if it sent one. */
  upstreamLength?: string;
  body: Buffer;
}

/** Status line and headers of the upstream answer with the real Content-Length of its body. */
function head(res: ServerResponse, a: UpstreamAnswer, extra: OutgoingHttpHeaders = {}): void {
  res.writeHead(a.status, a.statusMessage, { ...a.headers, 'content-length': a.body.length, ...extra });
}

/**
 * The upstream's status and headers with the full Content-Length, part of the
 * body, then the socket destroyed: the client sees a broken answer, never a
 * short valid one. An empty body has nothing to cut: the socket goes at once.
 */
export function sendTruncated(res: ServerResponse, a: UpstreamAnswer, plan: FaultPlan): void {
  if (a.body.length === 0) {
    res.destroy();
    return;
  }
  const keep = Math.min(plan.truncate?.keepBytes ?? Math.floor(a.body.length / 2), a.body.length - 1);
  head(res, a, { [FAULT_HEADER]: 'truncate' });
  res.write(a.body.subarray(0, keep), () => res.destroy());
}

/**
 * The upstream's answer, `bytesPerChunk` bytes every `intervalMs`. The timer is
 * registered in `timers` so that closing the proxy stops it; a client that gives
 * up stops it too.
 */
export function sendSlowly(res: ServerResponse, a: UpstreamAnswer, plan: FaultPlan, timers: Set<NodeJS.Timeout>): void {
  const step = plan.slowBody?.bytesPerChunk ?? 1;
  head(res, a, { [FAULT_HEADER]: 'slowBody' });
  res.flushHeaders();
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return stop();
    const chunk = a.body.subarray(offset, offset + step);
    offset += chunk.length;
    if (offset >= a.body.length) {
      stop();
      res.end(chunk);
    } else res.write(chunk);
  }, plan.slowBody?.intervalMs ?? 200);
  timers.add(timer);
  const stop = () => {
    clearInterval(timer);
    timers.delete(timer);
  };
  res.once('close', stop);
}
