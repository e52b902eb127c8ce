// Shared assertions on observations: each throws a typed RuleFailure with the
// expected and actual values (`Received: 403 / Expected: 404`) and where it
// looked (operation and field: the root cause comes from them), so suites say
// what they check in one line and never repeat try/catch blocks.
//
// A rule judges its own concern only. What it builds on is a precondition:
// `given` (a set-up step must succeed) and `requireErrorStatus` (the error
// whose code or message the rule judges must be there) end the rule as
// Blocked (inconclusive, with the divergence that blocked it), not failed.
import { isDeepStrictEqual } from 'node:util';
import type { Observation } from '../../targets/observe.ts';
import type { RuleId } from '../../specs/rules/index.ts';
import { Blocked, mismatch, RuleFailure, type Where } from './outcomes.ts';

const at = (o: Observation, field: string): Where => ({ op: o.op, request: `${o.op}(${JSON.stringify(o.input)})`, field });

const answered = (o: Observation) => (o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status);

export function expectStatus(o: Observation, status: number): void {
  if (o.status !== status) throw mismatch(at(o, 'status'), status, answered(o));
}

/** A success answer: body checks on an error answer would only confuse the evidence. */
export function expectSuccess(o: Observation): void {
  if (o.errorCode !== undefined || o.status === undefined || o.status >= 300) throw mismatch(at(o, 'status'), '2xx', answered(o));
}

/** 2xx (exactly `status`) with a body the SDK (or the tolerant reader) could read. */
export function expectOk(o: Observation, status = 200): Record<string, unknown> {
  expectStatus(o, status);
  expectSuccess(o);
  return o.body ?? {};
}

/** A divergence this rule builds on but does not judge: the rule ends blocked by it. */
export function blockedBy(failure: RuleFailure, by?: string): Blocked {
  return new Blocked(`${by ? `${by}: ` : ''}${failure.rootCause ?? failure.message}`, failure);
}

/** `check` as a precondition: what it finds wrong blocks the rule (by `by`) instead of failing it. */
export function precondition<T>(check: () => T, by?: string): T {
  try {
    return check();
  } catch (e) {
    throw e instanceof RuleFailure ? blockedBy(e, by) : e;
  }
}

/** How set-up steps block a rule: by the step, not by a rule that judges it. */
export const SET_UP_STEP = 'a set-up step';

/**
 * A set-up step the rule needs (the config it then checks, say) succeeded:
 * its body; otherwise the rule is blocked by what the step answered.
 */
export function given(o: Observation, status = 200): Record<string, unknown> {
  return precondition(() => expectOk(o, status), SET_UP_STEP);
}

/**
 * The answer is an error with this status (or any 4xx): the precondition of
 * rules about an error's code, message or shape. Anything else blocks the
 * rule, naming the rule that judges the status.
 */
export function requireErrorStatus(o: Observation, status: number | '4xx', judgedBy: RuleId): void {
  const ok = status === '4xx' ? o.status !== undefined && o.status >= 400 && o.status < 500 : o.status === status;
  if (!ok) throw blockedBy(mismatch(at(o, 'status'), status, answered(o)), judgedBy);
}

export function expectError(o: Observation, e: { status?: number; code?: string; message?: string | RegExp }): void {
  if (e.status !== undefined) expectStatus(o, e.status);
  if (e.code !== undefined && o.errorCode !== e.code) throw mismatch(at(o, 'error code'), e.code, o.errorCode ?? `(success ${o.status})`, o.message);
  if (e.message !== undefined) {
    const ok = typeof e.message === 'string' ? o.message === e.message : e.message.test(o.message ?? '');
    if (!ok) throw mismatch(at(o, 'error message'), String(e.message), o.message ?? `(no error: status ${o.status})`);
  }
}

/** The body has these members with exactly these values. */
export function expectMembers(o: Observation, members: Record<string, unknown>): void {
  expectSuccess(o);
  const body = o.body ?? {};
  for (const [k, v] of Object.entries(members)) {
    if (!isDeepStrictEqual(body[k], v)) throw mismatch(at(o, `body.${k}`), v, body[k] === undefined ? '(absent)' : body[k]);
  }
}

/** The members are absent from the body: not null, not defaulted, not there. */
export function expectAbsent(o: Observation, ...keys: string[]): void {
  expectSuccess(o);
  const body = o.body ?? {};
  for (const k of keys) if (k in body) throw mismatch(at(o, `body.${k}`), '(absent)', body[k] === undefined ? 'undefined' : body[k]);
}

/** Two values must be equal; `where` names the operation and field for the root cause. */
export function expectEqual(where: Where, actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) throw mismatch(where, expected, actual);
}

/** Where an assertion over an observation looked, for expectEqual and expectThat. */
export const whereIn = at;

export function expectThat(condition: boolean, message: string, expected?: unknown, actual?: unknown, where?: Where): void {
  if (!condition) throw new RuleFailure(message, expected, actual, where ? { field: where.field } : {}, where);
}

/**
 * The same body twice, LastModified aside: what AWS was recorded repeating is
 * the settings, ARN and destinations; whether LastModified stays or moves on an
 * identical write is not recorded (the recordings normalise it away), so an
 * implementation that stamps every write is not wrong (response-shape rules
 * judge LastModified's form).
 */
export function expectSameBody(first: Observation, second: Observation): void {
  expectSuccess(second);
  expectEqual(at(second, 'repeated body (LastModified aside)'), withoutTime(second.body), withoutTime(first.body));
}

const withoutTime = (b: Record<string, unknown> | undefined) => b && Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'LastModified'));
