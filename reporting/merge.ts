// Combines the results of shards (`run --shard i/n`) into the results of one
// run: every rule's verdict comes from the shard that ran it. Shards must come
// from the same target, seed and catalogue, and together cover every rule.
import { isAnotherShard } from '../suites/harness/run-config.ts';
import { exitCodeOf, summarise, type Results, type RuleResult } from './results.ts';
import type { Traffic } from './results-types.ts';

export class MergeError extends Error {}

const ranIn = (r: RuleResult) => !(r.verdict === 'skip' && isAnotherShard(r.reason));

/** The shards' traffic added up, suite by suite. */
function mergeTraffic(traffics: readonly Traffic[]): Traffic {
  const suites: Traffic['suites'] = {};
  for (const t of traffics)
    for (const [name, x] of Object.entries(t.suites)) {
      const m = suites[name] ?? { requests: 0, ruleRequests: 0, functionsCreated: 0 };
      suites[name] = m;
      m.requests += x.requests;
      m.ruleRequests += x.ruleRequests;
      m.functionsCreated += x.functionsCreated;
    }
  return {
    requests: traffics.reduce((n, t) => n + t.requests, 0),
    functionsCreated: traffics.reduce((n, t) => n + t.functionsCreated, 0),
    suites,
  };
}

export function mergeShards(shards: readonly Results[]): { results: Results; exitCode: 0 | 1 | 2 } {
  const [first] = shards;
  if (!first) throw new MergeError('merge needs at least one results.json');
  for (const s of shards) {
    if (s.seed !== first.seed) throw new MergeError(`shards ran with different seeds (${first.seed} and ${s.seed}): run every shard with the same --seed`);
    if (s.target.endpoint !== first.target.endpoint || s.target.region !== first.target.region) {
      throw new MergeError(`shards ran against different targets (${first.target.endpoint} and ${s.target.endpoint})`);
    }
    if (s.rules.map((r) => r.id).join() !== first.rules.map((r) => r.id).join())
      throw new MergeError('shards come from different rule catalogues (different tool versions?)');
  }
  const rules = first.rules.map((r, i) => {
    const ran = shards.map((s) => s.rules[i]!).filter(ranIn);
    if (ran.length > 1) throw new MergeError(`rule ${r.id} ran in more than one shard: pass each shard's results.json once`);
    if (ran.length === 0) return { ...r, reason: 'not run by any of the merged shards' };
    return ran[0]!;
  });
  const missing = rules.filter((r) => r.reason === 'not run by any of the merged shards').length;
  const results: Results = {
    ...first,
    startedAt: shards.map((s) => s.startedAt).sort()[0]!,
    finishedAt: shards
      .map((s) => s.finishedAt)
      .sort()
      .at(-1)!,
    rules,
    summary: summarise(rules),
    errors: [...shards.flatMap((s) => s.errors), ...(missing ? [`${missing} rules were run by none of the merged shards: is a shard missing?`] : [])],
    leaks: shards.flatMap((s) => s.leaks),
  };
  delete results.shard;
  const traffics = shards.flatMap((s) => (s.traffic ? [s.traffic] : []));
  if (traffics.length) results.traffic = mergeTraffic(traffics);
  else delete results.traffic;
  return { results, exitCode: exitCodeOf(results) };
}
