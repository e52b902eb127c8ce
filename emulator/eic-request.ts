// What every EventInvokeConfig handler does first, in AWS's order: parse the
// body, validate against the contract, then resolve the name and the qualifier
// (mismatch error before anything is looked up).
import type { EicOperation } from '../specs/contract.ts';
import type { EventInvokeConfigSettings } from '../specs/generated/types.ts';
import { errors } from './errors.ts';
import { effectiveQualifier, functionArn, parseFunctionName, type FunctionRef } from './names.ts';
import { qualifierExists, type FunctionRecord, type RegionState } from './state.ts';
import { readJsonBody, validateRequest } from './validation.ts';
import type { ResolverArgs } from './route.ts';

export interface EicRequest {
  ref: FunctionRef;
  qualifier: string;
  qualifiedArn: string;
  body: EventInvokeConfigSettings;
  query: Record<string, unknown>;
  region: RegionState;
}

const WITH_BODY = new Set<EicOperation>(['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig']);

export async function readEicRequest(op: EicOperation, a: ResolverArgs): Promise<EicRequest> {
  const body = WITH_BODY.has(op) ? await readJsonBody(a.request) : undefined;
  const query: Record<string, unknown> = Object.fromEntries(a.query);
  validateRequest(op, { path: { FunctionName: a.params.FunctionName ?? '' }, query, ...(body ? { body } : {}) });
  const ref = parseFunctionName(a.params.FunctionName ?? '', a.ctx);
  const qualifier = effectiveQualifier(ref, query.Qualifier as string | undefined);
  return {
    ref,
    qualifier,
    qualifiedArn: functionArn(ref, qualifier),
    body: (body ?? {}) as EventInvokeConfigSettings,
    query,
    region: a.env.state.region(ref.account, ref.region),
  };
}

/** Put and Update need at least one setting; `{"OnSuccess": {}}` counts. */
export function requireSettings(body: EventInvokeConfigSettings): void {
  if (body.MaximumRetryAttempts === undefined && body.MaximumEventAgeInSeconds === undefined && body.DestinationConfig === undefined) {
    throw errors.noSettings();
  }
}

/** The function and qualifier a write acts on; 404 "The function doesn't exist." otherwise. */
export function existingTarget(req: EicRequest): FunctionRecord {
  const fn = req.region.functions.get(req.ref.name);
  if (!fn || !qualifierExists(fn, req.qualifier)) throw errors.functionNotFound();
  return fn;
}
