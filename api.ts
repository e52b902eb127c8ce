// The programmatic API: `import { runConformance } from 'lambda-conformance'`.
// Options mirror the CLI flags (and are checked by the same parser); the result
// is the results.json object plus the exit code the CLI would give.
import { parseRunOptions } from './cli/run-options.ts';
import { runConformance as runSuites } from './cli/run-conformance.ts';
import { writeReports } from './reporting/writers.ts';
import type { Results } from './reporting/results.ts';
import type { Tier } from './specs/rules/index.ts';

export type { Results, RuleResult, Verdict } from './reporting/results.ts';
export { catalogue } from './specs/rules/index.ts';
export { createEmulator } from './emulator/index.ts';
export { serveHandlers } from './emulator/serve.ts';

export interface ConformanceOptions {
  /** 'embedded' (default), 'aws', or an http(s) URL. */
  target?: string;
  region?: string;
  seed?: number;
  numRuns?: number;
  tier?: Tier;
  /** Comma-separated rule id globs. */
  rules?: string;
  expect?: string;
  baseline?: string;
  shard?: string;
  roleArn?: string;
  allowAccounts?: string[];
  /** Rules in flight at once (default by target kind: cores - 1 embedded, 8 URL, 4 AWS). */
  concurrency?: number;
  /** Write results.json and the other reports here too. */
  reportDir?: string;
  /** Progress lines (one per finished suite). */
  onProgress?: (line: string) => void;
}

function toArgs(o: ConformanceOptions): string[] {
  const flag = (name: string, v: string | number | undefined) => (v === undefined ? [] : [`--${name}=${v}`]);
  return [
    ...flag('target', o.target),
    ...flag('region', o.region),
    ...flag('seed', o.seed),
    ...flag('num-runs', o.numRuns),
    ...flag('tier', o.tier),
    ...flag('rules', o.rules),
    ...flag('expect', o.expect),
    ...flag('baseline', o.baseline),
    ...flag('shard', o.shard),
    ...flag('role-arn', o.roleArn),
    ...flag('concurrency', o.concurrency),
    ...(o.allowAccounts ?? []).flatMap((a) => flag('allow-account', a)),
  ];
}

/** Runs the conformance suites; throws on bad options or an unusable target (the CLI's exit 2). */
export async function runConformance(options: ConformanceOptions = {}): Promise<Results & { exitCode: number }> {
  const opts = parseRunOptions(toArgs(options));
  const log = options.onProgress ?? (() => {});
  const { results, exitCode } = await runSuites(opts, log, { line: log });
  if (options.reportDir) await writeReports(options.reportDir, results);
  return { ...results, exitCode };
}
