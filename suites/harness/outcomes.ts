// How a rule ends other than passing: a typed failure with expected/actual, or
// an inconclusive outcome (throttled, timed out, fixture not set up) that is
// evidence but never a failure. Both carry what the results need.

export interface Evidence {
  message: string;
  expected?: unknown;
  actual?: unknown;
  counterexample?: unknown;
  seed?: number;
  /** fast-check's path to replay the shrunk counterexample. */
  path?: string;
  repro?: { cli: string; sdk: string };
}

/** A rule's assertion failed: `Received: 403 / Expected: 404`. */
export class RuleFailure extends Error {
  override name = 'RuleFailure';
  constructor(
    message: string,
    readonly expected?: unknown,
    readonly actual?: unknown,
    readonly extra: Partial<Evidence> = {},
  ) {
    super(message);
  }
}

/** The target could not give an answer to judge (no HTTP answer, throttled, fixture failed). */
export class Inconclusive extends Error {
  override name = 'Inconclusive';
}

/** The target lacks an operation the rule needs. */
export class Unsupported extends Error {
  override name = 'Unsupported';
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function mismatch(what: string, expected: unknown, actual: unknown, detail = ''): RuleFailure {
  return new RuleFailure(`${what}: Received: ${show(actual)} / Expected: ${show(expected)}${detail ? ` (${detail})` : ''}`, expected, actual);
}
