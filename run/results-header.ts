// What every results.json starts with, for runs and replays alike: tool,
// target, SDK, seed, times, then the rules and their summary.
import { createRequire } from 'node:module';
import { summarise, type Results } from '../reporting/results.ts';

const require = createRequire(import.meta.url);

export function versions(): { tool: string; sdk: string } {
  return {
    tool: (require('../package.json') as { version: string }).version,
    sdk: (require('@aws-sdk/client-lambda/package.json') as { version: string }).version,
  };
}

export function resultsOf(target: { kind: string; endpoint: string; region: string }, seed: number, startedAt: string, rules: Results['rules']): Results {
  const v = versions();
  return {
    tool: { name: 'lambda-conformance', version: v.tool },
    target: { kind: target.kind, endpoint: target.endpoint, region: target.region },
    sdk: { '@aws-sdk/client-lambda': v.sdk },
    seed,
    startedAt,
    finishedAt: new Date().toISOString(),
    summary: summarise(rules),
    rules,
    errors: [],
    leaks: [],
  };
}
