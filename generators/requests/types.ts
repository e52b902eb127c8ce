// The SDK input shape of each operation (what t.put/t.get/... take), as plain
// object types: the SDK's own interfaces, flattened so they are also ordinary
// records (Record<string, unknown>) a suite can pass on unchanged.
import type {
  DeleteFunctionEventInvokeConfigRequest,
  GetFunctionEventInvokeConfigRequest,
  ListFunctionEventInvokeConfigsRequest,
  PutFunctionEventInvokeConfigRequest,
  UpdateFunctionEventInvokeConfigRequest,
} from '@aws-sdk/client-lambda';
import type fc from 'fast-check';
import type { EicOperation } from '../../specs/contract.ts';
import type { ServicesBySide } from '../values/destination-config.ts';

type Plain<T> = { [K in keyof T]: T[K] };

export type PutInput = Plain<PutFunctionEventInvokeConfigRequest> & { FunctionName: string };
export type UpdateInput = Plain<UpdateFunctionEventInvokeConfigRequest> & { FunctionName: string };
export type GetInput = Plain<GetFunctionEventInvokeConfigRequest> & { FunctionName: string };
export type DeleteInput = Plain<DeleteFunctionEventInvokeConfigRequest> & { FunctionName: string };
export type ListInput = Plain<ListFunctionEventInvokeConfigsRequest> & { FunctionName: string };

export interface InputByOperation {
  PutFunctionEventInvokeConfig: PutInput;
  UpdateFunctionEventInvokeConfig: UpdateInput;
  GetFunctionEventInvokeConfig: GetInput;
  DeleteFunctionEventInvokeConfig: DeleteInput;
  ListFunctionEventInvokeConfigs: ListInput;
}
export type InputOf<Op extends EicOperation> = InputByOperation[Op];

/** A function name bound by the caller (a fixture's name or form), or an arbitrary of them. */
export type NameArg = string | fc.Arbitrary<string>;

export interface RequestOptions {
  /** Qualifier to send; default: absent or any valid qualifier. An arbitrary of undefined leaves it out. */
  qualifier?: fc.Arbitrary<string | undefined>;
  /** Destination services per side; default: every service the side takes. */
  services?: ServicesBySide;
  /** List only: markers to send; default: none (a marker must come from a previous page to be accepted). */
  marker?: fc.Arbitrary<string | undefined>;
}
