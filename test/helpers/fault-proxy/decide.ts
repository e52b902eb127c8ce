// Which fault a request gets. Deterministic: request n under a plan gets a
// fault that depends only on (plan, n) and, for 429 bursts, on the requests
// before it; so the same plan and the same sequence of requests inject the
// same faults in the same order, run after run.
//
// The "PRNG" is a hash, not a stream: the draw for request n is
//   unit(seed, n, purpose) = first 48 bits of SHA-256("<seed>:<n>:<purpose>") / 2^48
// in [0, 1). Purpose "kind" picks the fault: the kinds are walked in FAULT_KINDS
// order with cumulative rates, and the first whose cumulative rate exceeds the
// draw wins (none if the draw is >= the sum). Purpose "latency" picks the delay
// in [min, max]. n counts requests in arrival order from 1 since the plan was
// set, so concurrent clients get reproducible faults only if their requests
// arrive in the same order; sequential clients always do.
import { createHash } from 'node:crypto';
import { FAULT_FORWARDS, FAULT_KINDS, type FaultKind, type FaultPlan } from './types.ts';

export function unit(seed: number, n: number, purpose: string): number {
  const digest = createHash('sha256').update(`${seed}:${n}:${purpose}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export interface Decision {
  kind: FaultKind;
  forwarded: boolean;
  latencyMs?: number;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(`fault plan: ${what}`);
}

const isCount = (v: number | undefined, min: number) => v === undefined || (Number.isInteger(v) && v >= min);

export function validatePlan(plan: FaultPlan): void {
  check(plan.seed === undefined || Number.isFinite(plan.seed), 'seed must be a finite number');
  let sum = 0;
  for (const [kind, rate] of Object.entries(plan.rates ?? {})) {
    check((FAULT_KINDS as readonly string[]).includes(kind), `unknown fault kind ${kind}`);
    check(typeof rate === 'number' && rate >= 0 && rate <= 1, `rate of ${kind} must be in [0, 1]`);
    sum += rate;
  }
  check(sum <= 1 + 1e-9, `rates sum to ${sum}, more than 1`);
  for (const s of plan.schedule ?? []) {
    check((FAULT_KINDS as readonly string[]).includes(s.kind), `unknown fault kind ${s.kind}`);
    check(isCount(s.from, 1) && isCount(s.to, s.from), `schedule ${s.from}..${s.to ?? s.from} must be 1-based with from <= to`);
  }
  const l = plan.latencyMs;
  check(!l || (isCount(l.min, 0) && isCount(l.max, l.min)), 'latencyMs needs integers 0 <= min <= max');
  check(isCount(plan.throttle?.burst, 1) && isCount(plan.throttle?.retryAfterSeconds, 0), 'throttle burst >= 1, retryAfterSeconds >= 0');
  check(isCount(plan.truncate?.keepBytes, 0), 'truncate.keepBytes must be an integer >= 0');
  check(isCount(plan.slowBody?.bytesPerChunk, 1) && isCount(plan.slowBody?.intervalMs, 1), 'slowBody needs bytesPerChunk >= 1 and intervalMs >= 1');
  const r = plan.rateLimit;
  check(!r || (r.perSecond > 0 && Number.isFinite(r.perSecond) && (r.burst === undefined || r.burst >= 1)), 'rateLimit needs perSecond > 0 and burst >= 1');
  const p = plan.pending;
  check(!p || (isCount(p.minMs, 0) && isCount(p.maxMs, p.minMs)), 'pending needs integers 0 <= minMs <= maxMs');
}

export class Decider {
  private n = 0;
  private burstLeft = 0;

  constructor(readonly plan: FaultPlan) {
    validatePlan(plan);
  }

  /** Numbers the next request and decides its fault (undefined: forward it untouched). */
  next(): { request: number; decision?: Decision } {
    const n = ++this.n;
    const kind = this.pick(n);
    if (!kind) return { request: n };
    const decision: Decision = { kind, forwarded: FAULT_FORWARDS[kind] };
    if (kind === 'latency') {
      const { min, max } = this.plan.latencyMs ?? { min: 100, max: 100 };
      decision.latencyMs = min + Math.floor(unit(this.seed, n, 'latency') * (max - min + 1));
    }
    return { request: n, decision };
  }

  private get seed(): number {
    return this.plan.seed ?? 0;
  }

  private pick(n: number): FaultKind | undefined {
    const scheduled = this.plan.schedule?.find((s) => s.from <= n && n <= (s.to ?? s.from));
    if (scheduled) return scheduled.kind;
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return 'throttle';
    }
    const rates = this.plan.rates ?? {};
    const u = unit(this.seed, n, 'kind');
    let cumulative = 0;
    for (const kind of FAULT_KINDS) {
      cumulative += rates[kind] ?? 0;
      if (u < cumulative) {
        if (kind === 'throttle') this.burstLeft = (this.plan.throttle?.burst ?? 1) - 1;
        return kind;
      }
    }
    return undefined;
  }
}
