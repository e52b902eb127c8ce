// The shapes of results.json and of what feeds it, as types only: the run's
// results, a rule's result, the groups the reports lead with, and what the
// comparisons with --expect and --baseline add. Every part of reporting (and
// the run engine) reads them from here; the functions live beside them
// (results.ts, baseline.ts, expectations.ts) and import nothing from each other.
import type { RuleEvidence, Tier, Operation } from '../specs/rules/index.ts';
import type { Evidence, Verdict } from '../specs/verdicts.ts';

export type { Verdict };

export interface RuleResult {
  id: string;
  title: string;
  tier: Tier;
  operations: Operation[];
  verdict: Verdict;
  durationMs: number;
  requests: number;
  /** Why a rule was skipped or inconclusive. */
  reason?: string;
  /** A failing rule's root cause (a key of results.rootCauses); for a blocked rule, what blocked it. */
  rootCause?: string;
  /**
   * What the rule rests on: its evidence class (recorded, analogous, modelled,
   * documented, inferred) and references, as the catalogue gives them (`rules
   * --json` calls it `evidence`). Named `basis` here because `evidence` is the
   * verdict's evidence of the CLI contract. Absent on results not built from
   * the catalogue (the replay of recordings).
   */
  basis?: RuleBasis;
  evidence: Evidence[];
}

/** A catalogue rule's evidence class and references, carried into results.json. */
export type RuleBasis = RuleEvidence;

export interface Results {
  tool: { name: string; version: string };
  target: { kind: string; endpoint: string; region: string };
  sdk: { '@aws-sdk/client-lambda': string };
  seed: number;
  startedAt: string;
  finishedAt: string;
  summary: { pass: number; fail: number; skip: number; inconclusive: number; expectedFail: number };
  rules: RuleResult[];
  /** Errors outside any rule (a suite that could not load, a cleanup that failed). */
  errors: string[];
  /** Resources the run created and could not delete. */
  leaks: string[];
  /** With --shard i/n: which slice of the rules this run holds. */
  shard?: { index: number; count: number };
  /** With --expect: what became of each known-divergence entry. */
  expectations?: ExpectationOutcome[];
  /** With --baseline: the comparison with the earlier run. */
  baseline?: BaselineComparison;
  /** Set when a signal stopped the run: verdicts are those reached before it. */
  interrupted?: 'SIGINT' | 'SIGTERM';
  /** Set when the run reached --max-duration: verdicts are those reached before it. */
  stoppedAt?: 'max-duration';
  /** Why nothing could be judged (an unreachable target, one answering only faults, a bad input file): exit 2. */
  aborted?: string;
  /** Why rules got no verdict, grouped, blocking causes first, each with its fix when known. */
  setupProblems?: SetupProblemGroup[];
  /** How much of the selection was judged (pass, fail or expected-fail) against --min-coverage. */
  coverage?: Coverage;
  /** The divergences behind the failing rules, the cause of most rules first. */
  rootCauses?: RootCauseGroup[];
  /** What the suites sent to the target (the run's set-up and teardown aside). */
  traffic?: Traffic;
}

/**
 * Requests and functions, per suite file and in all: a suite's requests are
 * its rules' own (each rule's `requests`) and its harness's (functions it
 * had to create for the pool and their resets, shared set-ups).
 */
export interface Traffic {
  requests: number;
  functionsCreated: number;
  suites: Record<string, SuiteTrafficResult>;
}

export interface SuiteTrafficResult {
  requests: number;
  /** Of which the rules' own. */
  ruleRequests: number;
  functionsCreated: number;
}

/** A reason rules got no verdict, once, with what to do (reporting/setup-problems.ts groups them). */
export interface SetupProblemGroup {
  /** What went wrong, once. */
  cause: string;
  /** What to do about it, when known. */
  fix?: string;
  /** The run stopped before any rule because of it. */
  blocking?: boolean;
  /** The rules left without a verdict by it (inconclusive or skipped). */
  rules: string[];
}

export interface Coverage {
  /** Rules the run was asked to judge (after --tier, --rules and --shard). */
  selected: number;
  /** Of those, rules with a pass, fail or expected-fail. */
  judged: number;
  /** --min-coverage as a fraction (0..1). */
  minimum: number;
}

/** One divergence and the failing rules it explains. */
export interface RootCauseGroup {
  /** `<operation> <field>: <kind of difference>`. */
  key: string;
  title: string;
  rules: string[];
}

/** What one rule's test reported; absent when no test ran for it. */
export interface ReportedRule {
  verdict: Exclude<Verdict, 'expected-fail'>;
  durationMs: number;
  requests: number;
  reason?: string;
  rootCause?: string;
  evidence: Evidence[];
}

/** What `--baseline` adds: the comparison with an earlier results.json. */
export interface BaselineComparison {
  file: string;
  baselineSeed: number;
  newFailures: string[];
  newPasses: string[];
  changedEvidence: string[];
  /** Rules in one run and not the other (the catalogue changed between them). */
  added: string[];
  removed: string[];
  /** Set when the SDK (@aws-sdk/client-lambda) differs between the baseline and this run: changes may be the SDK's. */
  sdkChange?: { from: string; to: string };
  /** Set when the target differs: the comparison is across targets. */
  targetChange?: { from: string; to: string };
}

/** A known divergence of an `--expect` file. */
export interface Expectation {
  /** A rule id or glob (`put.validation.*`). */
  rule: string;
  /** Optional: applies only when the target's kind or endpoint matches this glob. */
  target?: string;
  reason: string;
  link?: string;
  /** YYYY-MM-DD: after this day the entry fails the run. */
  expires: string;
}

export type ExpectationStatus = 'matched' | 'fixed' | 'expired' | 'unverified' | 'not-for-this-target';

/** What became of an `--expect` entry in a run. */
export interface ExpectationOutcome extends Expectation {
  status: ExpectationStatus;
  rules: string[];
}
