// What a target can do, asked once before the suites run: is it reachable at
// all, and which operations does it lack? An operation is lacking when the
// target answers with an unknown-operation or not-implemented error, the way
// emulators say "I don't do that" (LocalStack: 501 / "not yet implemented").
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { type CommandName, type Observation } from './observe.ts';
import { DIRECT, observeResilient, type Pacing } from './resilience.ts';
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

export function saysUnsupported(o: Observation): boolean {
  if (o.status === 501) return true;
  if (o.errorCode === 'UnknownOperationException' || o.errorCode === 'NotImplementedException' || o.errorCode === 'NotImplemented') return true;
  return /not (yet )?implemented/i.test(o.message ?? '');
}

/** undefined when reachable; otherwise the cause, in one line. */
export async function unreachable(target: Target, attempts = 3): Promise<string | undefined> {
  let cause = '';
  for (let n = 1; n <= attempts; n++) {
    try {
      await target.client.send(new ListFunctionsCommand({ MaxItems: 1 }));
      return undefined;
    } catch (e) {
      const err = e as Error & { $metadata?: { httpStatusCode?: number } };
      if (err.$metadata?.httpStatusCode !== undefined) return undefined; // it answered, even if with an error
      cause = `${(err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code ?? err.name}: ${err.message}`;
      // A refused connection is final; anything else may be a passing fault.
      if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(cause)) return cause;
      await new Promise((r) => setTimeout(r, 200 * n));
    }
  }
  return cause;
}

export async function lackingOperations(target: Target, missingName: string, pacing: Pacing = DIRECT): Promise<string[]> {
  const lacking: string[] = [];
  for (const [op, extra] of PROBES) {
    const o = await observeResilient(target.client, op, { FunctionName: missingName, ...extra }, pacing);
    if (!o.gaveUp && saysUnsupported(o)) lacking.push(op);
  }
  return lacking;
}
