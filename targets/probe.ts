// What a target can do, asked once before the suites run, quickly and out
// loud: is it reachable at all, and which operations does it lack? Every probe
// is one attempt with a short deadline: a target that hangs costs seconds, not
// minutes. An operation is lacking when the target answers with an
// unknown-operation or not-implemented error, the way emulators say "I don't
// do that" (LocalStack: 501 / "not yet implemented"). A target that answers
// nothing but faults (no answer, 5xx, HTML, oversized bodies) is no Lambda API:
// the run stops there with that finding.
import { notAnAwsAnswer } from './answer-kind.ts';
import { observe, type CommandName, type Observation } from './observe.ts';
import type { Target } from './target.ts';

const PROBES: Array<[CommandName, Record<string, unknown>]> = [
  ['PutFunctionEventInvokeConfig', { MaximumRetryAttempts: 0 }],
  ['UpdateFunctionEventInvokeConfig', { MaximumRetryAttempts: 0 }],
  ['GetFunctionEventInvokeConfig', {}],
  ['DeleteFunctionEventInvokeConfig', {}],
  ['ListFunctionEventInvokeConfigs', {}],
  ['PublishVersion', {}],
  ['CreateAlias', { Name: 'probe', FunctionVersion: '1' }],
];

/** A probe's deadline: an emulator answers a lookup of a missing name in milliseconds. */
export const PROBE_TIMEOUT_MS = 5_000;
/** Probes in a row with no answer at all before the target counts as not answering. */
const NO_ANSWERS_IN_A_ROW = 3;

export function saysUnsupported(o: Observation): boolean {
  if (o.status === 501) return true;
  if (o.errorCode === 'UnknownOperationException' || o.errorCode === 'NotImplementedException' || o.errorCode === 'NotImplemented') return true;
  return /not (yet )?implemented/i.test(o.message ?? '');
}

/** Why an observation is a fault and no answer of the API, or undefined for an answer. */
export function faultOf(o: Observation): string | undefined {
  if (o.unusable) return o.unusable;
  if (o.transportError) return `no answer (${o.transportError.split('\n')[0]})`;
  if (o.raw) return notAnAwsAnswer(o.raw.status, o.raw.headers, o.raw.text);
  return o.status !== undefined && o.status >= 500 ? `the target failed on its side (${o.status})` : undefined;
}

export interface ProbeOptions {
  signal?: AbortSignal;
  log?: (line: string) => void;
  timeoutMs?: number;
}

const stopped = (o: ProbeOptions) => {
  if (o.signal?.aborted) throw o.signal.reason instanceof Error ? o.signal.reason : new Error('interrupted');
};

/** undefined when reachable (any HTTP answer, even an error); otherwise the cause, in one line. */
export async function unreachable(target: Target, o: ProbeOptions & { attempts?: number } = {}): Promise<string | undefined> {
  let cause = '';
  const attempts = o.attempts ?? 2;
  for (let n = 1; n <= attempts; n++) {
    stopped(o);
    const r = await observe(target.client, 'ListFunctions', { MaxItems: 1 }, { timeoutMs: o.timeoutMs ?? PROBE_TIMEOUT_MS });
    if (r.status !== undefined || r.unusable) return undefined; // it answered, whatever it answered
    cause = r.transportError ?? 'no answer';
    // A refused connection is final; anything else may be a passing fault.
    if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(cause)) return cause;
    await new Promise((r) => setTimeout(r, 200 * n));
  }
  return cause;
}

export interface ProbeResult {
  /** Operations the target says it does not implement. */
  lacking: string[];
  /** Set when every probe got a fault: the target is no Lambda API (the faults, one per probe). */
  onlyFaults?: string[];
}

/** One attempt per operation, on a name that does not exist; says what it is doing. */
export async function probeOperations(target: Target, missingName: string, o: ProbeOptions = {}): Promise<ProbeResult> {
  const lacking: string[] = [];
  const faults: string[] = [];
  let noAnswerInARow = 0;
  for (const [op, extra] of PROBES) {
    stopped(o);
    o.log?.(`  probing ${op}...`);
    const r = await observe(target.client, op, { FunctionName: missingName, ...extra }, { timeoutMs: o.timeoutMs ?? PROBE_TIMEOUT_MS });
    // "Not implemented" (a 501 among them) is the target's answer about itself, not a fault.
    if (r.status !== undefined && saysUnsupported(r)) {
      noAnswerInARow = 0;
      lacking.push(op);
      continue;
    }
    const fault = faultOf(r);
    if (fault) {
      faults.push(`${op}: ${fault}`);
      noAnswerInARow = r.transportError && !r.unusable ? noAnswerInARow + 1 : 0;
      // A target that stops answering is not probed to the end: each probe would cost its whole deadline.
      if (noAnswerInARow >= NO_ANSWERS_IN_A_ROW) return { lacking, onlyFaults: faults };
      continue;
    }
    noAnswerInARow = 0;
  }
  return { lacking, ...(faults.length === PROBES.length ? { onlyFaults: faults } : {}) };
}
