// The programmatic API: `import { runConformance } from 'lambda-conformance'`.
// Options mirror the CLI's `run` flags one for one (camelCase, checked by the
// same parser); the result is the results.json object plus the exit code the
// CLI would give. Bad options throw UsageError, and a replay a bad recording
// (InputFileError) or an unusable target (TargetError): the CLI's exit 2,
// nothing run. A run of the suites that could not start
// (an unusable target, an unreadable --expect or --baseline file) resolves
// with `aborted` saying why and exit code 2, as the CLI reports it.
import { tmpdir } from 'node:os';
import { parseRunOptions } from './run/options.ts';
import { runConformance as runSuites } from './run/engine.ts';
import { UsageError } from './run/errors.ts';
import { writeReports } from './reporting/writers.ts';
import type { Results } from './reporting/results.ts';
import type { EvidenceClass, Tier } from './specs/rules/index.ts';

export type { Results, RuleResult, Verdict } from './reporting/results.ts';
export type { EvidenceClass, Tier } from './specs/rules/index.ts';
export { UsageError, TargetError, InputFileError } from './run/errors.ts';
export { catalogue } from './specs/rules/index.ts';
export { createEmulator } from './emulator/index.ts';
export { serveHandlers } from './emulator/serve.ts';

export interface ConformanceOptions {
  /** `--target`: 'embedded' (default), 'aws', or an emulator's http(s) URL. */
  target?: 'embedded' | 'aws' | (string & {});
  /** `--endpoint-url`: an emulator's URL, the AWS spelling of a URL target (default: AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL when no target is given). */
  endpointUrl?: string;
  /** `--region` (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1). */
  region?: string;
  /** `--report-dir`: write results.json and the other reports here too (the API writes none without it). */
  reportDir?: string;
  /** `--seed`: 0 to 2^31-1 (default: random; the results say which). */
  seed?: number;
  /** `--num-runs`: property-based cases per rule. */
  numRuns?: number;
  /** `--tier`: core, complete or strict (default). */
  tier?: Tier;
  /** `--rules`: rule id globs, `!glob` to exclude (a comma-separated string or a list). */
  rules?: string | readonly string[];
  /** `--evidence`: only rules resting on these evidence classes (a comma-separated string or a list). */
  evidence?: string | readonly EvidenceClass[];
  /** `--role-arn`: the execution role of the functions a run creates (needed for 'aws'). */
  roleArn?: string;
  /** `--allow-account`: the AWS accounts the run may create functions in. */
  allowAccounts?: readonly string[];
  /** `--expect`: known-divergences file (YAML or JSON). */
  expect?: string;
  /** `--baseline`: an earlier results.json; only regressions against it fail the run. */
  baseline?: string;
  /** `--shard`: 'i/n', or { index, count }. */
  shard?: string | { index: number; count: number };
  /** `--replay`: recording directories to replay instead of running the suites. */
  replay?: string | readonly string[];
  /** `--retries`: retries of a throttled or failed request (0 to 50). */
  retries?: number;
  /** `--request-timeout`: one request's timeout, in milliseconds. */
  requestTimeout?: number;
  /** `--rate`: requests per second for the whole run. */
  rate?: number;
  /** `--max-requests`: the run's request budget. */
  maxRequests?: number;
  /** `--max-functions`: the run's budget of functions created. */
  maxFunctions?: number;
  /** `--concurrency`: rules in flight at once (default by target kind: cores - 1 embedded, 8 URL, 4 AWS). */
  concurrency?: number;
  /** `--min-coverage`: a percentage, 0 to 100 (80 or '80%'). */
  minCoverage?: number | `${number}%`;
  /** `--max-duration`: the whole run's deadline, as the flag takes it ('45s', '30m', '2h', '1d'). */
  maxDuration?: string;
  /** Progress lines (one per finished suite); the CLI prints them on stderr. */
  onProgress?: (line: string) => void;
}

type Flagged = Exclude<keyof ConformanceOptions, 'onProgress'>;

/** Each option's flag: the one table that keeps the API and the CLI's `run` alike (test/package.test.ts checks it against run/options.ts). */
export const RUN_FLAGS: Readonly<Record<Flagged, string>> = {
  target: 'target',
  endpointUrl: 'endpoint-url',
  region: 'region',
  reportDir: 'report-dir',
  seed: 'seed',
  numRuns: 'num-runs',
  tier: 'tier',
  rules: 'rules',
  evidence: 'evidence',
  roleArn: 'role-arn',
  allowAccounts: 'allow-account',
  expect: 'expect',
  baseline: 'baseline',
  shard: 'shard',
  replay: 'replay',
  retries: 'retries',
  requestTimeout: 'request-timeout',
  rate: 'rate',
  maxRequests: 'max-requests',
  maxFunctions: 'max-functions',
  concurrency: 'concurrency',
  minCoverage: 'min-coverage',
  maxDuration: 'max-duration',
};

/** Options that a flag takes more than once. */
const REPEATED: ReadonlySet<Flagged> = new Set(['allowAccounts', 'replay']);

/** The options as the flags the CLI would be given; an unknown option or a value of the wrong kind is a UsageError. */
function toRunArgs(options: ConformanceOptions): string[] {
  const args: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (key === 'onProgress' || value === undefined) continue;
    if (!Object.hasOwn(RUN_FLAGS, key)) throw new UsageError(`unknown option '${key}' (the options are ${Object.keys(RUN_FLAGS).join(', ')}, onProgress)`);
    const flag = RUN_FLAGS[key as Flagged];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    const text = values.map((v) => {
      if (key === 'shard' && v && typeof v === 'object') return `${(v as { index: unknown }).index}/${(v as { count: unknown }).count}`;
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new UsageError(
          `option '${key}' takes ${REPEATED.has(key as Flagged) || key === 'rules' || key === 'evidence' ? 'a string or a list of strings' : 'a string or a number'}`,
        );
      return String(v);
    });
    if (REPEATED.has(key as Flagged)) args.push(...text.map((t) => `--${flag}=${t}`));
    else args.push(`--${flag}=${text.join(',')}`);
  }
  return args;
}

/** Runs the conformance suites (or replays recordings): the results and the CLI's exit code (see the top of this file for errors). */
export async function runConformance(options: ConformanceOptions = {}): Promise<Results & { exitCode: number }> {
  // Without reportDir nothing is written: the parser's check of the default report dir does not apply.
  const opts = parseRunOptions([...toRunArgs(options), ...(options.reportDir === undefined ? [`--report-dir=${tmpdir()}`] : [])]);
  const log = options.onProgress ?? (() => {});
  const { results, exitCode } = opts.replay
    ? await (await import('./run/replay.ts')).runReplay({ ...opts, replay: opts.replay }, log)
    : await runSuites(opts, log, { line: log });
  if (options.reportDir) await writeReports(opts.reportDir, results);
  return { ...results, exitCode };
}
