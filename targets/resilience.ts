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
  protected next = 0;
  constructor(protected perSecond: number | undefined) {}
  async take(): Promise<void> {
    if (!this.perSecond) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await sleep(at - now);
  }
  /** The target throttled a request (429), saying when to try again (Retry-After, seconds) if it did. */
  throttled(_retryAfterSeconds?: number): void {}
  /** The target answered a request (not a throttle). */
  answered(): void {}
  /** Requests a second now; undefined: no limit. */
  get rate(): number | undefined {
    return this.perSecond;
  }
}

/**
 * A pace that follows the target's own answers: no limit (or `ceiling`) until
 * the target throttles (a 429 telling it to wait: one with `Retry-After: 0`
 * asks for nothing but a retry); then a little under the rate of answers this process
 * got over the last second (what the target let through), cut by a fifth for
 * each later throttle (at most one cut a second: the throttles of one burst
 * are one signal), and raised by one request a second for every second of
 * answers while the pace is what holds requests back: the additive increase
 * and multiplicative decrease of TCP's congestion control, so that the
 * processes sharing one account settle on their shares of its limit. Never
 * below `floor`, never above `ceiling`.
 */
export class AdaptivePace extends Pace {
  private readonly answers: number[] = [];
  private lastCut = 0;
  private limited = false;
  constructor(
    private readonly ceiling: number | undefined,
    private readonly floor = 1,
  ) {
    super(ceiling);
  }

  override async take(): Promise<void> {
    if (!this.perSecond) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    this.limited = at > now;
    if (at > now) await sleep(at - now);
  }

  override throttled(retryAfterSeconds?: number): void {
    // "Retry-After: 0": try again at once; a passing refusal, not a limit to keep under.
    if (retryAfterSeconds === 0) return;
    const now = Date.now();
    if (now - this.lastCut < 1000) return;
    this.lastCut = now;
    while (this.answers.length && this.answers[0]! < now - 1000) this.answers.shift();
    const next = this.perSecond === this.ceiling || this.perSecond === undefined ? this.answers.length * 0.9 : this.perSecond * 0.8;
    this.perSecond = Math.max(this.floor, Math.min(this.perSecond ?? Number.POSITIVE_INFINITY, next));
  }

  override answered(): void {
    const now = Date.now();
    this.answers.push(now);
    if (this.answers.length > 256) this.answers.splice(0, this.answers.length - 256);
    if (!this.perSecond || !this.limited) return;
    this.perSecond = Math.min(this.ceiling ?? Number.POSITIVE_INFINITY, this.perSecond + 1 / this.perSecond);
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
 * or a lost connection that persists is no answer (gaveUp). A server error
 * answered the same way (`describe`) on half the attempts in a row is the
 * target's answer too: an emulator that fails on an input fails the same way
 * every time, and waiting out the whole backoff for it (seconds per request)
 * changes nothing but the run's length.
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
  let sameServerError = 0;
  let lastServerError: string | undefined;
  const settled = Math.max(2, Math.ceil(p.retry.attempts / 2));
  for (let n = 1; ; n++) {
    p.streak?.check();
    if (budgeted) p.requests.spend();
    await p.pace.take();
    const value = await attempt();
    const k = kind(value);
    if (k === 'throttled') p.pace.throttled(retryAfterSeconds(value));
    else if (k !== 'lost') p.pace.answered();
    const ambiguous = failedBefore && !idempotent ? { ambiguous: true } : {};
    if (k !== 'lost') p.streak?.hit();
    if (k === 'server') {
      const said = describe(value);
      sameServerError = said === lastServerError ? sameServerError + 1 : 1;
      lastServerError = said;
    } else sameServerError = 0;
    if (k === 'answer' || (k === 'server' && (n >= p.retry.attempts || sameServerError >= settled))) return { value, attempts: n, ...ambiguous };
    if (k === 'unusable') return { value, attempts: n, gaveUp: describe(value) };
    if (n >= p.retry.attempts) {
      if (k === 'lost') p.streak?.miss();
      return { value, attempts: n, gaveUp: `${k === 'throttled' ? 'throttled' : 'no answer'} after ${n} attempts (${describe(value)})` };
    }
    // A throttled request was refused before it was processed: repeating it cannot meet its own effect.
    if (k !== 'throttled') failedBefore = true;
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
