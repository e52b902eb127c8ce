// How a rule ends other than passing: a typed failure with expected/actual and
// the place it diverged (operation and field, from which the root cause is
// derived), or an inconclusive outcome (throttled, timed out, fixture not set
// up, blocked by an earlier divergence) that is evidence but never a failure.
import { evidenceText, type Evidence } from '../../specs/verdicts.ts';
import { describeDifference } from './root-cause.ts';

export type { Evidence };

/** Where an assertion looked: the operation (or a raw request's label) and the part of the answer. */
export interface Where {
  /** The operation, e.g. `PutFunctionEventInvokeConfig`; for raw requests the operation their path routes to, else `METHOD path`. */
  op: string;
  /** How the request reads in a message: `PutFunctionEventInvokeConfig({...})` or `PUT /2019-09-25/...`. */
  request: string;
  /** The part of the answer: `status`, `error code`, `error message`, `body.FunctionArn`, `content-type`, ... */
  field: string;
}

/** A rule's assertion failed: `Received: 403 / Expected: 404`. */
export class RuleFailure extends Error {
  override name = 'RuleFailure';
  constructor(
    message: string,
    readonly expected?: unknown,
    readonly actual?: unknown,
    readonly extra: Partial<Evidence> = {},
    /** Where it diverged; undefined for failures that name no single answer (a property's summary). */
    readonly where?: Where,
  ) {
    super(message);
  }

  /** `<operation> <field>: <kind of difference>`: the same divergence in many rules gives the same key. */
  get rootCause(): string | undefined {
    return rootCauseOf(this);
  }
}

/**
 * A failure's root cause: `<operation> <field>: <kind of difference>`, what
 * diverged and where, the same for every rule it fails ("Put status: 200
 * instead of 400" for each request Put accepts that AWS rejects). What each
 * rule asked (its subject: a value below its minimum, a missing setting) goes
 * with the rule's own evidence, not into the key, so that one divergence is
 * one cause.
 */
export function rootCauseOf(f: RuleFailure): string | undefined {
  if (!f.where) return undefined;
  return `${f.where.op} ${f.where.field}: ${describeDifference(f.where.field, f.expected, f.actual)}`;
}

/** The target could not give an answer to judge (no HTTP answer, throttled, fixture failed). */
export class Inconclusive extends Error {
  override name = 'Inconclusive';
}

/**
 * A step the rule builds on did not answer as it must (the config it needs
 * could not be created, the request it judges the error of was accepted): the
 * rule cannot judge its own concern. The cause is the divergence that blocked
 * it, keyed like a failure's root cause.
 */
export class Blocked extends Inconclusive {
  override name = 'Blocked';
  constructor(
    /** The divergence that blocked it (a root-cause key, perhaps with the rule that judges it). */
    readonly blocker: string,
    readonly failure: RuleFailure,
  ) {
    super(`blocked by ${blocker}`);
  }
}

/** The target lacks an operation the rule needs. */
export class Unsupported extends Error {
  override name = 'Unsupported';
}

const show = evidenceText;

export function mismatch(where: Where, expected: unknown, actual: unknown, detail = ''): RuleFailure {
  return new RuleFailure(
    `${where.request} ${where.field}: Received: ${show(actual)} / Expected: ${show(expected)}${detail ? ` (${detail})` : ''}`,
    expected,
    actual,
    { field: where.field },
    where,
  );
}
