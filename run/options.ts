// A run's options, from flag-style arguments (the CLI's, the API's and the
// mutants' alike): parsed and checked up front, so a typo is one clear line
// and exit 2 before anything touches a target.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { EVIDENCE_CLASSES, TIERS, type EvidenceClass, type Tier } from '../specs/rules/index.ts';
import type { TargetConfig } from '../targets/target.ts';
import { DEFAULT_NUM_RUNS } from '../suites/harness/run-config.ts';
import { UsageError } from './errors.ts';
import { parseFlags, type CommandSpec, type Parsed } from './flags.ts';
import { parseDuration } from './duration.ts';

export function parseTier(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  if (!(TIERS as readonly string[]).includes(value)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}, got '${value}'`);
  return value as Tier;
}

export interface RunOptions {
  target: TargetConfig;
  reportDir: string;
  seed: number;
  numRuns: number;
  tier: Tier;
  rules?: string;
  /** Only rules resting on these evidence classes. */
  evidence?: EvidenceClass[];
  allowAccounts: string[];
  /** Known-divergences file (JSON or YAML). */
  expect?: string;
  /** An earlier results.json to compare with. */
  baseline?: string;
  shard?: { index: number; count: number };
  /** Recordings to replay instead of running the suites. */
  replay?: string[];
  resilience: ResilienceOptions;
  /** How many rules run at the same time (see run/engine.ts parallelism). */
  concurrency: number;
  /** Exit 1 when fewer than this fraction (0..1) of the selected rules got a pass or fail. */
  minCoverage: number;
  /** Where the target came from (the first line of a run says it). */
  targetSource?: TargetSource;
  /** How the CLI prints the run's summary: text on stderr and a line on stdout, or one JSON document on stdout. */
  format?: 'text' | 'json';
  /** --help was asked for: print it, run nothing. */
  help?: boolean;
  /** The whole run's deadline: past it the run stops, cleans up and reports what it judged. */
  maxDurationMs?: number;
}

/** The default --max-duration: generous for any emulator or AWS's pace, and a bound on a target that misbehaves. */
export function defaultMaxDuration(kind: TargetConfig['kind']): number | undefined {
  if (kind === 'aws') return 2 * 3600_000;
  if (kind === 'url') return 30 * 60_000;
  return undefined;
}

/**
 * The default --min-coverage: on a remote target a run that judged little is
 * not evidence of conformance, whatever its pass rate. The few rules a
 * typical emulator cannot host (a destination service it lacks) stay well
 * inside 20%; the embedded target judges every rule or has a bug.
 */
export function defaultMinCoverage(kind: TargetConfig['kind']): number {
  return kind === 'embedded' ? 0 : 0.8;
}

/** A percentage from 0 to 100, `%` optional (`80`, `80%`, `62.5`), as a fraction. */
export function parsePercent(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(value.trim());
  const n = Number(m?.[1]);
  if (!m || n < 0 || n > 100) throw new UsageError(`${flag} takes a percentage from 0 to 100 (e.g. 80 or 80%), got '${value}'`);
  return n / 100;
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

/**
 * The report dir, checked before anything runs (a run whose reports cannot be
 * written would be lost), without creating anything: the dir itself if it
 * exists, else its nearest existing ancestor, must be a writable directory.
 */
export function usableReportDir(dir: string): string {
  const fail = (why: string) => new UsageError(`--report-dir ${dir} cannot be used (${why}): give a directory you can write to`);
  let at = resolve(dir);
  for (;;) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(at, { throwIfNoEntry: false });
    } catch (e) {
      throw fail((e as NodeJS.ErrnoException).code === 'ENOTDIR' ? `a part of ${at} is not a directory` : (e as Error).message);
    }
    if (st) {
      if (!st.isDirectory()) throw fail(`${at} is not a directory`);
      try {
        accessSync(at, constants.W_OK);
      } catch {
        throw fail(`${at} is not writable`);
      }
      return dir;
    }
    const up = dirname(at);
    if (up === at) throw fail('no part of the path exists');
    at = up;
  }
}

const optional = <K extends string, V>(key: K, v: V | undefined) => (v === undefined ? {} : ({ [key]: v } as Record<K, V>));

/** `90s`, `30m`, `2h`: a duration flag in milliseconds. */
function durationFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new UsageError(`${flag} takes a duration like 90s, 30m or 2h, got '${value}'`);
  return ms;
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

export function parseTargetFlag(value: string, region: string, roleArn: string | undefined, source: TargetSource = '--target'): TargetConfig {
  const flag = source.startsWith('--') ? source : `${source} (the environment)`;
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
    throw new UsageError(
      source === '--target' ? `--target must be embedded, aws or an http(s) URL, got '${value}'` : `${flag} must be an http(s) URL, got '${value}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} must be an http or https URL, got '${value}'`);
  return { kind: 'url', endpoint: value.replace(/\/$/, ''), region, ...(roleArn ? { roleArn } : {}) };
}

/** `run`'s flags, declared once: the parser's configuration and `run --help`. */
export const RUN_COMMAND: CommandSpec = {
  name: 'run',
  synopsis: 'run [options]',
  summary: 'Runs every rule of the catalogue against a target and writes results.json, junit.xml, report.html and summary.md.',
  flags: [
    {
      name: 'target',
      value: 'embedded|aws|URL',
      default: 'embedded, or the endpoint of --endpoint-url / AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL',
      help: 'what to test: the embedded reference emulator, real AWS, or an emulator by http(s) URL',
    },
    {
      name: 'endpoint-url',
      value: 'URL',
      env: ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL'],
      help: "an emulator's URL, the AWS CLI's spelling of --target URL (the variables count only without --target)",
    },
    { name: 'region', value: 'REGION', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'], default: 'us-east-1', help: 'the region requests are signed for' },
    { name: 'report-dir', value: 'DIR', default: 'reports/latest', help: 'where the reports go (checked before the run starts)' },
    { name: 'format', value: 'text|json', default: 'text', help: 'json: the run summary as one JSON document on stdout' },
    { name: 'json', help: 'same as --format json' },
    { name: 'seed', value: 'N', default: 'random, printed', help: 'seed of the generated requests: the same seed replays them' },
    { name: 'num-runs', value: 'N', default: String(DEFAULT_NUM_RUNS), help: 'property runs per property rule' },
    { name: 'tier', value: 'core|complete|strict', default: 'strict (all rules)', help: 'run rules up to this tier' },
    { name: 'rules', value: 'GLOBS', help: "rule ids, comma-separated globs (* any text); !glob excludes: '!put.*' runs all but the Put rules" },
    {
      name: 'evidence',
      value: 'CLASSES',
      help: 'only rules resting on these evidence classes, comma-separated: recorded, analogous, modelled, documented, inferred',
    },
    { name: 'expect', value: 'FILE', help: 'known divergences (JSON or YAML): matching failures become expected-fail' },
    { name: 'baseline', value: 'FILE', help: 'an earlier results.json: exit 1 only on new failures; lists changes' },
    { name: 'shard', value: 'i/n', help: 'run one slice of the suites (combine with lambda-conformance merge)' },
    { name: 'replay', value: 'DIR', multiple: true, help: 'replay recordings (from lambda-conformance record) instead of the suites' },
    {
      name: 'role-arn',
      value: 'ARN',
      env: ['LAMBDA_CONFORMANCE_ROLE_ARN'],
      default: "on emulators, a role made through the target's IAM",
      help: 'execution role of the functions the run creates (required on AWS)',
    },
    {
      name: 'allow-account',
      value: 'ID',
      multiple: true,
      env: ['LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS'],
      help: 'AWS accounts the run may touch (required on AWS; comma-separated in the variable)',
    },
    { name: 'concurrency', value: 'N', default: 'cores - 1 embedded, 8 URL, 4 AWS', help: 'rules in flight at once' },
    { name: 'retries', value: 'N', default: '0 embedded, 9 URL, 7 AWS', help: 'retries of a request on throttling, 5xx and lost connections' },
    { name: 'request-timeout', value: 'MS', default: '10000 URL, 30000 AWS', help: "one request's deadline, its whole answer included" },
    {
      name: 'rate',
      value: 'N',
      default: '10 on AWS, unlimited elsewhere',
      help: 'at most N requests a second for the whole run; slower while the target throttles (429)',
    },
    { name: 'max-requests', value: 'N', default: '5000 on AWS', help: 'request budget: the run stops cleanly when it is spent' },
    { name: 'max-functions', value: 'N', default: '300 on AWS', help: 'budget of functions created' },
    {
      name: 'max-duration',
      value: 'DURATION',
      default: '30m URL, 2h AWS, none embedded',
      help: "the whole run's deadline (90s, 30m, 2h): then it stops, cleans up and reports",
    },
    {
      name: 'min-coverage',
      value: 'PERCENT',
      default: '80 on URL and AWS targets, 0 embedded',
      help: 'exit 1 when fewer selected rules than this got a pass or fail',
    },
  ],
  notes: [
    'exit codes: 0 every selected rule passed (or is expected-fail); 1 a rule failed (with --baseline: newly failed), a leak, an error,',
    '            coverage below --min-coverage, or a stale --expect entry; 2 bad usage, unusable target, or nothing judged;',
    '            130/143 interrupted by SIGINT/SIGTERM (after clean-up)',
  ],
};

/** Where the target came from, for the run's first line. */
export type TargetSource = '--target' | '--endpoint-url' | 'AWS_ENDPOINT_URL_LAMBDA' | 'AWS_ENDPOINT_URL' | 'default';

function chooseTarget(parsed: Parsed): { value: string; source: TargetSource } {
  const target = parsed.values.target;
  if (typeof target === 'string') {
    if (typeof parsed.values['endpoint-url'] === 'string' && !parsed.fromEnv['endpoint-url'])
      throw new UsageError('give either --target or --endpoint-url, not both');
    return { value: target, source: '--target' };
  }
  const endpoint = parsed.values['endpoint-url'];
  if (typeof endpoint === 'string') return { value: endpoint, source: (parsed.fromEnv['endpoint-url'] as TargetSource | undefined) ?? '--endpoint-url' };
  return { value: 'embedded', source: 'default' };
}

/** The accounts of --allow-account (repeatable, comma-separated), each a 12-digit id: run and record read them alike. */
export function allowedAccounts(values: readonly string[] | undefined): string[] {
  const allow = (values ?? [])
    .flatMap((a) => a.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of allow) if (!/^\d{12}$/.test(a)) throw new UsageError(`--allow-account takes 12-digit account ids, got '${a}'`);
  return allow;
}

export function parseRunOptions(args: string[]): RunOptions {
  const parsed = parseFlags(RUN_COMMAND, args);
  const values = parsed.values as Record<string, string | undefined> & { 'allow-account'?: string[]; replay?: string[]; json?: boolean };
  const region = values.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region must look like us-east-1, got '${region}'`);
  const roleArn = values['role-arn'];
  const allow = allowedAccounts(values['allow-account']);
  const chosen = chooseTarget(parsed);
  const target = parseTargetFlag(chosen.value, region, roleArn, chosen.source);
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
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got '${format}'`);
  return {
    target,
    targetSource: chosen.source,
    resilience,
    format,
    help: parsed.help,
    concurrency: wholeNumber('--concurrency', values.concurrency, 1, 64) ?? defaultConcurrency(target.kind),
    minCoverage: parsePercent('--min-coverage', values['min-coverage']) ?? defaultMinCoverage(target.kind),
    ...optional('maxDurationMs', durationFlag('--max-duration', values['max-duration']) ?? defaultMaxDuration(target.kind)),
    reportDir: parsed.help ? (values['report-dir'] ?? 'reports/latest') : usableReportDir(values['report-dir'] ?? 'reports/latest'),
    seed: wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1) ?? randomInt(2 ** 31 - 1),
    numRuns: wholeNumber('--num-runs', values['num-runs'], 1, 100_000) ?? DEFAULT_NUM_RUNS,
    tier: parseTier(values.tier) ?? 'strict',
    ...(values.rules ? { rules: checkedRules(values.rules) } : {}),
    ...(values.evidence ? { evidence: parseEvidenceClasses(values.evidence) } : {}),
    allowAccounts: allow,
    ...(values.expect ? { expect: values.expect } : {}),
    ...(values.baseline ? { baseline: values.baseline } : {}),
    ...(values.shard ? { shard: parseShard(values.shard) } : {}),
    ...(values.replay?.length ? { replay: values.replay } : {}),
  };
}

/** --evidence: comma-separated evidence classes. */
function parseEvidenceClasses(value: string): EvidenceClass[] {
  const classes = value
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = classes.filter((c) => !(EVIDENCE_CLASSES as readonly string[]).includes(c));
  if (!classes.length || unknown.length) throw new UsageError(`--evidence takes classes among ${EVIDENCE_CLASSES.join(', ')}, got '${value}'`);
  return classes as EvidenceClass[];
}

/** --rules: comma-separated globs, `!glob` to exclude; at least one non-empty glob. */
function checkedRules(rules: string): string {
  const parts = rules
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || parts.some((p) => p === '!')) throw new UsageError(`--rules takes comma-separated id globs (!glob to exclude), got '${rules}'`);
  return rules;
}
