// A valid request of any of the five operations, for code that loops over them
// (the single-fault generator writes its one fault into one of these).
import type fc from 'fast-check';
import type { EicOperation } from '../../specs/contract.ts';
import type { Placement } from '../values/placement.ts';
import { deleteRequest } from './delete.ts';
import { getRequest } from './get.ts';
import { listRequest } from './list.ts';
import { putRequest } from './put.ts';
import type { InputOf, NameArg, RequestOptions } from './types.ts';
import { updateRequest } from './update.ts';

export function validRequest<Op extends EicOperation>(op: Op, name: NameArg, p: Placement, opts: RequestOptions = {}): fc.Arbitrary<InputOf<Op>> {
  const byOp: { [K in EicOperation]: () => fc.Arbitrary<InputOf<K>> } = {
    PutFunctionEventInvokeConfig: () => putRequest(name, p, opts),
    UpdateFunctionEventInvokeConfig: () => updateRequest(name, p, opts),
    GetFunctionEventInvokeConfig: () => getRequest(name, opts),
    DeleteFunctionEventInvokeConfig: () => deleteRequest(name, opts),
    ListFunctionEventInvokeConfigs: () => listRequest(name, opts),
  };
  return byOp[op]() as fc.Arbitrary<InputOf<Op>>;
}
