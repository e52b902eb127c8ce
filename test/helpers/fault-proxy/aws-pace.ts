// What the proxy adds to look like AWS Lambda's control plane rather than an
// emulator: the account's pace (a token bucket; beyond it 429
// TooManyRequestsException with Retry-After, as Lambda throttles) and the
// states of new functions (Pending for a while after CreateFunction:
// GetFunction says so, PublishVersion is refused with 409 meanwhile).
import type { IncomingMessage } from 'node:http';
import type { UpstreamAnswer } from './answers.ts';
import { unit } from './decide.ts';

/**
 * `perSecond` tokens a second, at most `burst` saved up; each request takes
 * one. No token: the request is refused, told to come back when the next one
 * is due (Retry-After in whole seconds, as HTTP has it: at least 1).
 */
export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    readonly perSecond: number,
    readonly burst = perSecond,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) };
  }
}

/** Lambda's words when PublishVersion meets a Pending function. */
export const PENDING_MESSAGE = 'The operation cannot be performed at this time. The function is currently in the following state: Pending';

type Route = { op: 'CreateFunction' } | { op: 'GetFunction' | 'PublishVersion' | 'DeleteFunction'; name: string };

/** The function name of a path label: a name, or (partial) ARN with or without qualifier. */
const nameOf = (label: string): string => {
  let decoded = label;
  try {
    decoded = decodeURIComponent(label);
  } catch {
    // left as sent
  }
  const tail = decoded.includes('function:') ? decoded.slice(decoded.lastIndexOf('function:') + 'function:'.length) : decoded;
  return tail.split(':')[0] ?? tail;
};

function routeOf(method: string, url: string): Route | undefined {
  const path = url.split('?')[0] ?? '';
  if (method === 'POST' && /^\/2015-03-31\/functions\/?$/.test(path)) return { op: 'CreateFunction' };
  const m = /^\/2015-03-31\/functions\/([^/]+)(\/versions)?\/?$/.exec(path);
  if (!m) return undefined;
  const name = nameOf(m[1]!);
  if (m[2]) return method === 'POST' ? { op: 'PublishVersion', name } : undefined;
  if (method === 'GET') return { op: 'GetFunction', name };
  if (method === 'DELETE') return { op: 'DeleteFunction', name };
  return undefined;
}

const PENDING_FIELDS = { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' };

/** Pending functions: created through the proxy, each Pending for a time drawn from [minMs, maxMs] with the plan's seed. */
export class FunctionStates {
  private readonly pendingUntil = new Map<string, number>();
  private created = 0;
  /** PublishVersion refused with 409 while Pending. */
  refused = 0;

  constructor(
    private readonly o: { minMs: number; maxMs: number },
    private readonly seed: number,
  ) {}

  private pending(name: string, now: number): boolean {
    const until = this.pendingUntil.get(name);
    if (until === undefined) return false;
    if (now < until) return true;
    this.pendingUntil.delete(name);
    return false;
  }

  /** The refusal a request gets without reaching the upstream: PublishVersion of a Pending function. */
  refusal(req: IncomingMessage, now = Date.now()): { status: number; errorType: string; body: unknown } | undefined {
    const r = routeOf(req.method ?? 'GET', req.url ?? '/');
    if (r?.op !== 'PublishVersion' || !this.pending(r.name, now)) return undefined;
    this.refused++;
    return { status: 409, errorType: 'ResourceConflictException', body: { Type: 'User', message: PENDING_MESSAGE } };
  }

  /** The upstream's answer as a Lambda with function states gives it: CreateFunction and GetFunction say Pending while it lasts. */
  rewrite(req: IncomingMessage, a: UpstreamAnswer, now = Date.now()): UpstreamAnswer {
    const r = routeOf(req.method ?? 'GET', req.url ?? '/');
    if (!r || a.status >= 300) return a;
    if (r.op === 'DeleteFunction') {
      this.pendingUntil.delete(r.name);
      return a;
    }
    if (r.op === 'PublishVersion') return a;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(a.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return a;
    }
    if (r.op === 'CreateFunction') {
      const name = typeof body.FunctionName === 'string' ? body.FunctionName : undefined;
      if (!name) return a;
      const n = ++this.created;
      const ms = this.o.minMs + Math.floor(unit(this.seed, n, 'pending') * (this.o.maxMs - this.o.minMs + 1));
      this.pendingUntil.set(name, now + ms);
      return { ...a, body: Buffer.from(JSON.stringify({ ...body, ...PENDING_FIELDS })) };
    }
    if (!this.pending(r.name, now)) return a;
    const configuration = (body.Configuration ?? {}) as Record<string, unknown>;
    return { ...a, body: Buffer.from(JSON.stringify({ ...body, Configuration: { ...configuration, ...PENDING_FIELDS } })) };
  }
}
