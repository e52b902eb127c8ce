// Shared assertions on observations: each throws a typed RuleFailure with the
// expected and actual values (`Received: 403 / Expected: 404`), so suites say
// what they check in one line and never repeat try/catch blocks.
import { isDeepStrictEqual } from 'node:util';
import type { Observation } from '../../targets/observe.ts';
import { mismatch, RuleFailure } from './outcomes.ts';

const what = (o: Observation) => `${o.op}(${JSON.stringify(o.input)})`;

export function expectStatus(o: Observation, status: number): void {
  if (o.status !== status) {
    const got = o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status;
    throw mismatch(`${what(o)} status`, status, got);
  }
}

/** 2xx with a body the SDK could parse. */
export function expectOk(o: Observation, status = 200): Record<string, unknown> {
  expectStatus(o, status);
  expectSuccess(o);
  return o.body ?? {};
}

export function expectError(o: Observation, e: { status?: number; code?: string; message?: string | RegExp }): void {
  if (e.status !== undefined) expectStatus(o, e.status);
  if (e.code !== undefined && o.errorCode !== e.code) throw mismatch(`${what(o)} error code`, e.code, o.errorCode ?? `(success ${o.status})`, o.message);
  if (e.message !== undefined) {
    const ok = typeof e.message === 'string' ? o.message === e.message : e.message.test(o.message ?? '');
    if (!ok) throw mismatch(`${what(o)} error message`, String(e.message), o.message ?? `(no error: status ${o.status})`);
  }
}

/** A success answer: body checks on an error answer would only confuse the evidence. */
function expectSuccess(o: Observation): void {
  if (o.errorCode !== undefined || o.status === undefined || o.status >= 300) {
    throw mismatch(`${what(o)} status`, '2xx', o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status);
  }
}

/** The body has these members with exactly these values. */
export function expectMembers(o: Observation, members: Record<string, unknown>): void {
  expectSuccess(o);
  const body = o.body ?? {};
  for (const [k, v] of Object.entries(members)) {
    if (!isDeepStrictEqual(body[k], v)) throw mismatch(`${what(o)} body.${k}`, v, body[k] === undefined ? '(absent)' : body[k]);
  }
}

/** The members are absent from the body: not null, not defaulted, not there. */
export function expectAbsent(o: Observation, ...keys: string[]): void {
  expectSuccess(o);
  const body = o.body ?? {};
  for (const k of keys) if (k in body) throw mismatch(`${what(o)} body.${k}`, '(absent)', body[k] === undefined ? 'undefined' : body[k]);
}

export function expectEqual(label: string, actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) throw mismatch(label, expected, actual);
}

export function expectThat(condition: boolean, message: string, expected?: unknown, actual?: unknown): void {
  if (!condition) throw new RuleFailure(message, expected, actual);
}

/** The same body twice, LastModified included. */
export function expectSameBody(first: Observation, second: Observation): void {
  expectEqual(`${what(second)} repeated body`, normalised(second.body), normalised(first.body));
}

const normalised = (b: Record<string, unknown> | undefined) =>
  b && Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
