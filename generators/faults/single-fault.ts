// Single-fault invalid requests: a valid request of the operation with exactly
// one member replaced by a value that breaks exactly one named constraint.
// singleFault generates them (any member, any constraint, random bases);
// boundaryFaults lists the boundary ones on the minimal request, to run first.
import fc from 'fast-check';
import type { EicOperation } from '../../specs/contract.ts';
import { minimalRequest } from '../requests/minimal.ts';
import type { NameArg, RequestOptions } from '../requests/types.ts';
import { validRequest } from '../requests/valid-request.ts';
import type { Placement } from '../values/placement.ts';
import { withFault, type Fault, type FaultyRequest } from './fault.ts';
import { faultKinds, type FaultKind } from './fault-kinds.ts';

const faultOf = (k: FaultKind, value: string | number): Fault => ({
  member: k.member.member,
  location: k.member.location,
  keyword: k.keyword,
  limit: k.limit,
  value,
});

export function singleFault<Op extends EicOperation>(op: Op, functionName: NameArg, p: Placement, opts: RequestOptions = {}): fc.Arbitrary<FaultyRequest<Op>> {
  const kinds = faultKinds(op, p);
  return fc.oneof(...kinds.map((k) => fc.tuple(validRequest(op, functionName, p, opts), k.values).map(([input, v]) => withFault(op, input, faultOf(k, v)))));
}

export function boundaryFaults<Op extends EicOperation>(op: Op, functionName: string, p: Placement): Array<FaultyRequest<Op>> {
  const base = minimalRequest(op, functionName);
  return faultKinds(op, p).flatMap((k) => k.boundary.map((v) => withFault(op, base, faultOf(k, v))));
}
