// Faults are evidence, never failures: requests are retried with backoff when
// the target throttles (honouring Retry-After), fails on its side (5xx) or the
// connection breaks; a rule whose requests still get no answer within the
// budget is inconclusive. Requests run at a pace (a token bucket) and within a
// run-wide request budget.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { appendFileSync, statSync, truncateSync } from 'node:fs';
import { observe, type CommandName, type Observation } from './observe.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whole-request deadline; none when undefined. */
  timeoutMs?: number;
}

/** Repeating these gives the same answer as doing them once. */
const IDEMPOTENT = new Set<CommandName>([
  'PutFunctionEventInvokeConfig',
  'UpdateFunctionEventInvokeConfig',
  'GetFunctionEventInvokeConfig',
  'ListFunctionEventInvokeConfigs',
  'GetFunction',
  'PublishVersion',
]);

export interface ResilientObservation extends Observation {
  attempts: number;
  /** Why no answer could be had (throttled or no connection to the end). */
  gaveUp?: string;
  /** A non-idempotent request was repeated after a failure the target may have processed. */
  ambiguous?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A token bucket: at most `perSecond` requests a second from this process. */
export class Pace {
  private next = 0;
  constructor(private readonly perSecond: number | undefined) {}
  async take(): Promise<void> {
    if (!this.perSecond) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await sleep(at - now);
  }
}

export class BudgetExhausted extends Error {
  override name = 'BudgetExhausted';
}

/** A run-wide count shared by every worker process: one byte per unit appended to a file. */
export class Budget {
  constructor(
    private readonly file: string | undefined,
    private readonly limit: number | undefined,
    private readonly what: string,
  ) {}
  spend(): void {
    if (!this.file || !this.limit) return;
    appendFileSync(this.file, '.');
    if (statSync(this.file).size > this.limit)
      throw new BudgetExhausted(`the run's ${this.what} budget of ${this.limit} is spent: stopping with the verdicts so far`);
  }
}

/** The target stopped answering: many requests in a row got no answer at all. */
export class TargetStoppedAnswering extends BudgetExhausted {
  override name = 'TargetStoppedAnswering';
}

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Requests in a row that got no answer at all (after their retries), across
 * every worker: a file shared like the budgets, one byte per miss, emptied by
 * any answer. Past the limit every further request stops at once, so a target
 * that died mid-run costs one deadline per request up to the limit, not one
 * per remaining request; the run then ends with exit 2 and that finding.
 */
export class NoAnswerStreak {
  constructor(
    private readonly file: string | undefined,
    readonly limit = 20,
  ) {}
  get broken(): boolean {
    return !!this.file && sizeOf(this.file) >= this.limit;
  }
  check(): void {
    if (this.broken) throw new TargetStoppedAnswering(`the target stopped answering: ${this.limit} requests in a row got no answer`);
  }
  miss(): void {
    if (this.file) appendFileSync(this.file, '.');
  }
  hit(): void {
    if (this.file && sizeOf(this.file) > 0) truncateSync(this.file, 0);
  }
}

/** What an attempt got: an answer, a throttle, a server fault, no answer, or an answer no retry can mend (too large). */
export type Kind = 'answer' | 'throttled' | 'server' | 'lost' | 'unusable';

export interface Pacing {
  retry: RetryPolicy;
  pace: Pace;
  requests: Budget;
  /** No answers in a row, run-wide; none on the embedded target. */
  streak?: NoAnswerStreak;
}

export interface Tried<T> {
  value: T;
  attempts: number;
  gaveUp?: string;
  ambiguous?: boolean;
}

/**
 * The retry loop every request goes through. `kind` says what an attempt's
 * result is; a server error that persists is the target's answer, throttling
 * or a lost connection that persists is no answer (gaveUp).
 */
export async function withRetries<T>(
  p: Pacing,
  idempotent: boolean,
  attempt: () => Promise<T>,
  kind: (v: T) => Kind,
  retryAfterSeconds: (v: T) => number | undefined,
  describe: (v: T) => string,
  budgeted = true,
): Promise<Tried<T>> {
  let failedBefore = false;
  for (let n = 1; ; n++) {
    p.streak?.check();
    if (budgeted) p.requests.spend();
    await p.pace.take();
    const value = await attempt();
    const k = kind(value);
    const ambiguous = failedBefore && !idempotent ? { ambiguous: true } : {};
    if (k !== 'lost') p.streak?.hit();
    if (k === 'answer' || (k === 'server' && n >= p.retry.attempts)) return { value, attempts: n, ...ambiguous };
    if (k === 'unusable') return { value, attempts: n, gaveUp: describe(value) };
    if (n >= p.retry.attempts) {
      if (k === 'lost') p.streak?.miss();
      return { value, attempts: n, gaveUp: `${k === 'throttled' ? 'throttled' : 'no answer'} after ${n} attempts (${describe(value)})` };
    }
    failedBefore = true;
    const backoff = Math.min(p.retry.maxDelayMs, p.retry.baseDelayMs * 2 ** (n - 1));
    await sleep(Math.min(p.retry.maxDelayMs, Math.max(backoff, (retryAfterSeconds(value) ?? 0) * 1000)));
  }
}

const kindOf = (o: Observation): Kind =>
  o.unusable !== undefined
    ? 'unusable'
    : o.transportError !== undefined
      ? 'lost'
      : o.status === 429
        ? 'throttled'
        : (o.status ?? 0) >= 500
          ? 'server'
          : 'answer';

export async function observeResilient(client: LambdaClient, op: CommandName, input: Record<string, unknown>, p: Pacing): Promise<ResilientObservation> {
  const t = await withRetries(
    p,
    IDEMPOTENT.has(op),
    () => observe(client, op, input, p.retry.timeoutMs ? { timeoutMs: p.retry.timeoutMs } : {}),
    kindOf,
    (o) => o.retryAfterSeconds,
    (o) => o.transportError ?? `${o.status} ${o.errorCode ?? ''}`,
  );
  return { ...t.value, attempts: t.attempts, ...(t.gaveUp ? { gaveUp: t.gaveUp } : {}), ...(t.ambiguous ? { ambiguous: true } : {}) };
}

/** No pacing, no budget, one attempt: the embedded target needs none. */
export const DIRECT: Pacing = {
  retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  pace: new Pace(undefined),
  requests: new Budget(undefined, undefined, 'request'),
};
