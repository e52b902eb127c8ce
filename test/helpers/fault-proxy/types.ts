// The fault proxy's vocabulary: fault kinds, the plan that says which request
// gets which fault, what the proxy reports back.

/** Every fault the proxy can inject, in the fixed order used by rate draws. */
export const FAULT_KINDS = ['latency', 'throttle', 'error500', 'error503', 'reset', 'truncate', 'slowBody'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Whether a request hit by this fault reaches the upstream. `false` (429, 500,
 * 503, reset before forwarding): the upstream never saw it, so retrying is safe
 * for any operation. `true` (latency, truncated or slow body): the upstream
 * processed the request before the client saw the fault.
 */
export const FAULT_FORWARDS: Readonly<Record<FaultKind, boolean>> = {
  latency: true,
  throttle: false,
  error500: false,
  error503: false,
  reset: false,
  truncate: true,
  slowBody: true,
};

/** Requests `from`..`to` (1-based, inclusive; `to` defaults to `from`) get `kind`. */
export interface ScheduledFault {
  kind: FaultKind;
  from: number;
  to?: number;
}

export interface FaultPlan {
  /** Seed of the per-request draws (default 0). */
  seed?: number;
  /** Probability per request of each kind, each in [0, 1], sum at most 1; missing = 0. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Requests named here get exactly this fault, whatever the rates say. */
  schedule?: readonly ScheduledFault[];
  /** Delay before forwarding, drawn per request in [min, max] ms (default 100..100). */
  latencyMs?: { min: number; max: number };
  /**
   * 429 answers: `burst` consecutive requests are throttled when a rate draw picks
   * `throttle` (default 1; a schedule names its requests itself and never bursts);
   * `retryAfterSeconds` goes in the Retry-After header (default 1).
   */
  throttle?: { burst?: number; retryAfterSeconds?: number };
  /** Truncated body: bytes of the upstream body sent before the reset (default half, always < the full length). */
  truncate?: { keepBytes?: number };
  /** Slow body: `bytesPerChunk` bytes every `intervalMs` ms (default 1 byte every 200 ms). */
  slowBody?: { bytesPerChunk?: number; intervalMs?: number };
  /**
   * The account's pace, as AWS keeps it: a token bucket of `perSecond`
   * requests a second (`burst` at most at once, default `perSecond`). A
   * request beyond it is answered 429 TooManyRequestsException with
   * Retry-After (whole seconds until the next token), never forwarded, and is
   * not numbered for the other faults.
   */
  rateLimit?: { perSecond: number; burst?: number };
  /**
   * Lambda's function states: each function created through the proxy is
   * Pending for a time drawn in [minMs, maxMs] (from the seed): CreateFunction
   * and GetFunction answer State Pending meanwhile, PublishVersion 409
   * ResourceConflictException (not forwarded).
   */
  pending?: { minMs: number; maxMs: number };
}

export interface FaultEvent {
  /** The request's number under the current plan (1-based, in arrival order). */
  request: number;
  kind: FaultKind;
  /** See FAULT_FORWARDS. */
  forwarded: boolean;
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  /** The drawn delay, for `latency`. */
  latencyMs?: number;
}

export interface FaultStats {
  /** Requests received under the current plan, faulted or not (refused ones excluded). */
  total: number;
  /** Requests actually sent to the upstream. */
  forwarded: number;
  /** Requests that got no fault. */
  clean: number;
  /** Injected faults per kind. */
  injected: Record<FaultKind, number>;
  /** Upstream failures answered 502 (not injected faults). */
  upstreamErrors: number;
  /** Requests refused because the proxy's maxRequests was reached (lifetime count). */
  refused: number;
  /** Requests answered 429 by the plan's rateLimit (not counted in `total`). */
  rateLimited: number;
  /** PublishVersion answered 409 because the function was still Pending (plan.pending). */
  pendingRefused: number;
  /** Every injected fault under the current plan, in order. */
  events: FaultEvent[];
}

export interface FaultProxyOptions {
  /** Origin to forward to; must be a loopback http URL (127.0.0.0/8, [::1] or localhost). */
  upstream: string;
  /** Port on 127.0.0.1 (default 0: an ephemeral port). */
  port?: number;
  /** Initial plan (default {}: transparent). */
  plan?: FaultPlan;
  /** Requests accepted over the proxy's life (setPlan does not reset it): at the last one the proxy stops listening, and later requests on open connections are dropped (default 10 000). */
  maxRequests?: number;
  /** Request bodies larger than this are answered 413 without forwarding (default 10 MiB). */
  maxBodyBytes?: number;
  /** The upstream may stay silent this long; past it, or on a connection failure, the client gets a 502 (default 30 000 ms). */
  upstreamTimeoutMs?: number;
  /** Called for every injected fault, when it is decided. */
  onFault?: (event: FaultEvent) => void;
  /** Called for every request once it is answered (or given up): what it was and the status it got (undefined: no answer). */
  onExchange?: (exchange: Exchanged) => void;
}

/** One request through the proxy, as onExchange sees it. */
export interface Exchanged {
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  /** The request's body as sent. */
  body: Buffer;
  /** The status the client got; undefined when it got no answer (reset, truncated). */
  status?: number;
  /** Answered by the proxy itself: `rateLimit`, `pending`, or the fault kind. */
  by?: FaultKind | 'rateLimit' | 'pending';
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stats(): FaultStats;
  /** Replace the plan: request numbering, an ongoing 429 burst and stats start over. */
  setPlan(plan: FaultPlan): void;
  /** Stop listening, drop every connection and pending timer, release upstream sockets. Idempotent. */
  close(): Promise<void>;
}
