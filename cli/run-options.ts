// `run`'s options: parsed and checked up front, so a typo is one clear line and
// exit 2 before anything touches a target.
import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Tier } from '../specs/rules/index.ts';
import type { TargetConfig } from '../targets/target.ts';
import { DEFAULT_NUM_RUNS } from '../suites/harness/run-config.ts';
import { parseTier } from './rules.ts';
import { UsageError } from './usage.ts';

export interface RunOptions {
  target: TargetConfig;
  reportDir: string;
  seed: number;
  numRuns: number;
  tier: Tier;
  rules?: string;
  allowAccounts: string[];
  /** Known-divergences file (JSON or YAML). */
  expect?: string;
  /** An earlier results.json to compare with. */
  baseline?: string;
  shard?: { index: number; count: number };
  /** Recordings to replay instead of running the suites. */
  replay?: string[];
  resilience: ResilienceOptions;
  /** How many rules run at the same time (see cli/run-conformance.ts parallelism). */
  concurrency: number;
}

/**
 * Rules at the same time, by target kind. Embedded: the rules are CPU work in
 * the worker processes, so one per core but the one the CLI and vitest use.
 * URL: an emulator's latency, not our CPU, is what a rule waits for. AWS: the
 * control plane's pace (--rate) is the limit; a few in flight reach it.
 */
export function defaultConcurrency(kind: TargetConfig['kind']): number {
  if (kind === 'url') return 8;
  if (kind === 'aws') return 4;
  return Math.max(1, availableParallelism() - 1);
}

/** Retries, timeouts, pace and budgets; defaults by target kind (see defaultsFor). */
export interface ResilienceOptions {
  attempts: number;
  timeoutMs?: number;
  /** Requests per second for the whole run; undefined: unlimited. */
  rate?: number;
  maxRequests?: number;
  maxFunctions?: number;
}

/**
 * AWS: Lambda's control plane throttles around 10-15 requests a second per
 * account, so the run stays under it, retries patiently and has budgets.
 * Emulators: no pace, quicker retries. Embedded: nothing can fail in transit.
 */
export function defaultsFor(kind: TargetConfig['kind']): ResilienceOptions {
  if (kind === 'aws') return { attempts: 8, timeoutMs: 30_000, rate: 10, maxRequests: 5_000, maxFunctions: 300 };
  if (kind === 'url') return { attempts: 10, timeoutMs: 10_000 };
  return { attempts: 1 };
}

export function parseShard(value: string | undefined): RunOptions['shard'] {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 <= i <= n, got '${value}'`);
  return { index, count };
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

export function parseTargetFlag(value: string, region: string, roleArn: string | undefined): TargetConfig {
  if (value === 'embedded') return { kind: 'embedded', region };
  if (value === 'aws') {
    if (!roleArn) throw new UsageError('--target aws needs an execution role for the functions it creates: --role-arn ARN or LAMBDA_CONFORMANCE_ROLE_ARN');
    // The SDK's endpoint overrides (service-specific first) apply to the raw wire client too.
    const endpoint = process.env.AWS_ENDPOINT_URL_LAMBDA ?? process.env.AWS_ENDPOINT_URL;
    return { kind: 'aws', region, roleArn, ...(endpoint ? { endpoint } : {}) };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--target must be embedded, aws or an http(s) URL, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target URL must be http or https, got '${value}'`);
  return { kind: 'url', endpoint: value.replace(/\/$/, ''), region, ...(roleArn ? { roleArn } : {}) };
}

export function parseRunOptions(args: string[]): RunOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      target: { type: 'string' },
      region: { type: 'string' },
      'report-dir': { type: 'string' },
      seed: { type: 'string' },
      'num-runs': { type: 'string' },
      tier: { type: 'string' },
      rules: { type: 'string' },
      'role-arn': { type: 'string' },
      'allow-account': { type: 'string', multiple: true },
      expect: { type: 'string' },
      baseline: { type: 'string' },
      shard: { type: 'string' },
      replay: { type: 'string', multiple: true },
      retries: { type: 'string' },
      'request-timeout': { type: 'string' },
      rate: { type: 'string' },
      'max-requests': { type: 'string' },
      'max-functions': { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region must look like us-east-1, got '${region}'`);
  const roleArn = values['role-arn'] ?? process.env.LAMBDA_CONFORMANCE_ROLE_ARN;
  const allow = [...(values['allow-account'] ?? []), ...(process.env.LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS ?? '').split(',')]
    .flatMap((a) => a.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of allow) if (!/^\d{12}$/.test(a)) throw new UsageError(`--allow-account takes 12-digit account ids, got '${a}'`);
  const target = parseTargetFlag(values.target ?? 'embedded', region, roleArn);
  const d = defaultsFor(target.kind);
  const retries = wholeNumber('--retries', values.retries, 0, 50);
  const resilience: ResilienceOptions = {
    attempts: retries === undefined ? d.attempts : retries + 1,
    timeoutMs: wholeNumber('--request-timeout', values['request-timeout'], 100, 600_000) ?? d.timeoutMs,
    rate: wholeNumber('--rate', values.rate, 1, 100_000) ?? d.rate,
    maxRequests: wholeNumber('--max-requests', values['max-requests'], 1, 10_000_000) ?? d.maxRequests,
    maxFunctions: wholeNumber('--max-functions', values['max-functions'], 1, 100_000) ?? d.maxFunctions,
  };
  if (resilience.timeoutMs) target.timeoutMs = resilience.timeoutMs;
  return {
    target,
    resilience,
    concurrency: wholeNumber('--concurrency', values.concurrency, 1, 64) ?? defaultConcurrency(target.kind),
    reportDir: values['report-dir'] ?? 'reports/latest',
    seed: wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1) ?? randomInt(2 ** 31 - 1),
    numRuns: wholeNumber('--num-runs', values['num-runs'], 1, 100_000) ?? DEFAULT_NUM_RUNS,
    tier: parseTier(values.tier) ?? 'strict',
    ...(values.rules ? { rules: values.rules } : {}),
    allowAccounts: allow,
    ...(values.expect ? { expect: values.expect } : {}),
    ...(values.baseline ? { baseline: values.baseline } : {}),
    ...(values.shard ? { shard: parseShard(values.shard) } : {}),
    ...(values.replay?.length ? { replay: values.replay } : {}),
  };
}
