// What a rule's run produces, as plain data: the verdict, the evidence behind
// it and the root cause of a failure. The suites write it (in the vitest
// workers), the reporting reads it: it lives here, below both, so that neither
// imports the other.

export type Verdict = 'pass' | 'fail' | 'skip' | 'inconclusive' | 'expected-fail';

/** One request a rule made and the answer it got, as it went over the wire (redacted, body cut). */
export interface ExchangeEvidence {
  /** The operation, when the request is one (`PutFunctionEventInvokeConfig`), else the method and path. */
  op: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The request body as sent (redacted, cut), when there was one. */
  request?: string;
  /** Undefined when no answer came. */
  status?: number;
  /** The headers that say what the answer is (content type, error type, retry-after). */
  headers?: Record<string, string>;
  /** The answer's body, redacted before it was cut. */
  body?: string;
  /** Why there is no usable answer (no connection, too large). */
  fault?: string;
}

export interface Evidence {
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** The part of the answer at fault: `status`, `error code`, `body.FunctionArn`, `content-type`, ... */
  field?: string;
  /** What about the request the rule judged (a value below its minimum, Put without settings). */
  about?: string;
  counterexample?: unknown;
  seed?: number;
  /** fast-check's path to replay the shrunk counterexample. */
  path?: string;
  /** The requests behind this evidence, as they went over the wire. */
  exchanges?: ExchangeEvidence[];
  repro?: { cli: string; sdk: string };
}

/** What a rule's test hands to the run's reporter (vitest's task.meta). */
export interface RuleMeta {
  ruleId: string;
  /** Set for outcomes vitest cannot express: a skip that is really inconclusive. */
  verdict?: 'skip' | 'inconclusive';
  reason?: string;
  /** A failure's root cause, or what blocked an inconclusive rule. */
  rootCause?: string;
  /** The requests the rule itself sent: its calls, and its PublishVersion and CreateAlias (not the shared fixtures'). */
  requests: number;
  evidence: Evidence[];
}

/**
 * What a suite file's harness sent outside its rules' own requests: leased
 * functions created, their resets, shared set-ups. A suite's traffic is its
 * rules' requests plus these.
 */
export interface SuiteTraffic {
  requests: number;
  functionsCreated: number;
}

/** An expected or actual value as evidence text: strings as they are, anything else as JSON. */
export const evidenceText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
