// The run's settings as the suites see them: passed by `lambda-conformance run`
// through one environment variable, with defaults that make `vitest` on the
// suites alone run against the embedded target.
import { TIERS, type EvidenceClass, type Rule, type Tier } from '../../specs/rules/index.ts';
import { ruleSelector } from '../../specs/rule-selection.ts';
import type { TargetConfig } from '../../targets/target.ts';
import type { RunEnvironment } from '../../fixtures/environment.ts';

export const RUN_CONFIG_ENV = 'LAMBDA_CONFORMANCE_RUN';

export interface RunConfig {
  target: TargetConfig;
  seed: number;
  numRuns: number;
  /** Highest tier to run: core < complete < strict. */
  tier: Tier;
  /** Comma-separated id globs (`*` matches anything, `!glob` excludes); empty: all rules. */
  rules?: string;
  /** Only rules resting on these evidence classes; empty: all. */
  evidence?: EvidenceClass[];
  /** Name prefix of every resource this run creates. */
  prefix: string;
  /** Operations the target was found to lack (probed once by the CLI). */
  lackingOperations?: string[];
  /** Retries, timeouts, pace and budgets; none for the embedded target. */
  resilience?: ResilienceConfig;
  /** What set-up made on a remote target: account, role, real destinations (none on the embedded target). */
  environment?: RunEnvironment;
}

export interface ResilienceConfig {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs?: number;
  /** Requests per second for each worker process (the run's rate divided among them). */
  ratePerWorker?: number;
  maxRequests?: number;
  maxFunctions?: number;
  /** Where the run-wide budget counters live (files shared by the workers). */
  budgetDir?: string;
}

export const DEFAULT_NUM_RUNS = 25;

/** The file in budgetDir that counts requests in a row with no answer (targets/resilience.ts NoAnswerStreak). */
export const NO_ANSWERS_FILE = 'no-answers';

/** The file in budgetDir that names the functions of the workers' pools (fixtures/pool.ts), one a line, for the run's teardown. */
export const POOL_FILE = 'pool';

export function loadRunConfig(): RunConfig {
  const raw = process.env[RUN_CONFIG_ENV];
  if (raw) return JSON.parse(raw) as RunConfig;
  return { target: { kind: 'embedded', region: 'us-east-1' }, seed: 42, numRuns: DEFAULT_NUM_RUNS, tier: 'strict', prefix: `lc-dev${process.pid}-` };
}

/** The --rules selector, compiled once per value: filteredOut is asked for every rule of the catalogue. */
const selectors = new Map<string, (id: string) => boolean>();
function selectorOf(globs: string): (id: string) => boolean {
  const known = selectors.get(globs);
  if (known) return known;
  const made = ruleSelector(globs);
  selectors.set(globs, made);
  return made;
}

/** Why a rule is filtered out of this run, or undefined when it is selected. */
export function filteredOut(rule: Rule, cfg: Pick<RunConfig, 'tier' | 'rules' | 'evidence'>): string | undefined {
  if (cfg.evidence?.length && !cfg.evidence.includes(rule.evidence.class))
    return `evidence class ${rule.evidence.class} not selected by --evidence ${cfg.evidence.join(',')}`;
  if (TIERS.indexOf(rule.tier) > TIERS.indexOf(cfg.tier)) return `tier ${rule.tier} is above the selected tier ${cfg.tier}`;
  if (cfg.rules && !selectorOf(cfg.rules)(rule.id)) return `not selected by --rules ${cfg.rules}`;
  return undefined;
}

const ANOTHER_SHARD = 'in another shard';

/** Why a rule has no verdict in the results of shard `shard` (`i/n`): another shard runs it. */
export const inAnotherShard = (shard: string) => `${ANOTHER_SHARD} than ${shard}`;

/** The reason is inAnotherShard's. */
export const isAnotherShard = (reason: string | undefined) => reason?.startsWith(ANOTHER_SHARD) ?? false;

/** The reason is filteredOut's or inAnotherShard's: the run left the rule out on purpose (a filter, not a problem). */
const FILTERED = /^(evidence class \S+ not selected by --evidence|tier \S+ is above the selected tier|not selected by --rules)/;
export const isFilterReason = (reason: string | undefined) => reason !== undefined && (FILTERED.test(reason) || isAnotherShard(reason));
