// Measuring call rates, for bench/run.ts and bench/remote.ts: batches of the
// call mix (bench/workload.ts) from loops of sequential calls, rounds taken in
// turns, the median of each.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { median } from './common.ts';
import { createBenchFunction, cycle, CYCLE } from './workload.ts';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 800);
const ROUNDS = 5;
const WARM_MS = Number(process.env.BENCH_WARM_MS ?? 2000);

/**
 * Calls per second of each `batch(n)` (n calls): warm-up until WARM_MS have
 * passed (V8 takes a few thousand calls to optimise a server's code: a short
 * warm-up measured the JIT, not the server), calibration, then ROUNDS rounds
 * taking turns between the batches (so that a change of load on the machine
 * hits all of them alike), the median round of each. `beforeRounds` runs
 * between calibration and the rounds.
 */
export async function callsPerSecond<K extends string>(
  batches: Record<K, (n: number) => Promise<void>>,
  beforeRounds: () => void = () => {},
): Promise<Record<K, number>> {
  const names = Object.keys(batches) as K[];
  const sizes = {} as Record<K, number>;
  for (const k of names) {
    const warm = performance.now();
    do await batches[k](CYCLE * 100);
    while (performance.now() - warm < WARM_MS);
    const t = performance.now();
    await batches[k](CYCLE * 100);
    const perCall = (performance.now() - t) / (CYCLE * 100);
    sizes[k] = Math.max(CYCLE * 8, Math.ceil(ROUND_MS / perCall / (CYCLE * 8)) * CYCLE * 8);
  }
  beforeRounds();
  const rates = Object.fromEntries(names.map((k) => [k, [] as number[]])) as unknown as Record<K, number[]>;
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of names) {
      const t = performance.now();
      await batches[k](sizes[k]);
      rates[k].push(sizes[k] / ((performance.now() - t) / 1000));
    }
  }
  return Object.fromEntries(names.map((k) => [k, median(rates[k])])) as Record<K, number>;
}

/** `concurrency` loops of sequential calls, each on its own function, n calls in all. */
export async function loops(client: LambdaClient, label: string, concurrency: number, create = true, role?: string): Promise<(n: number) => Promise<void>> {
  const cycles: Array<ReturnType<typeof cycle>> = [];
  for (let w = 0; w < concurrency; w++) {
    const fn = `bench-${label}-${w}`;
    if (create) await createBenchFunction(client, fn, role);
    cycles.push(cycle(fn));
  }
  return async (n) => {
    const per = Math.ceil(n / concurrency);
    await Promise.all(
      cycles.map(async (calls) => {
        for (let i = 0; i < per; i++) await calls[i % CYCLE]!(client);
      }),
    );
  };
}
