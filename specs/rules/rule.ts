// A rule of the catalogue: one behaviour the suite asserts, under a stable id
// that is the same in specs, the vitest test name, JUnit and the reports.
import type { EicOperation } from '../contract.ts';

/** core: status codes and semantics; complete: error codes, shapes, wire format; strict: exact messages, headers, validation order. */
export type Tier = 'core' | 'complete' | 'strict';
export const TIERS: readonly Tier[] = ['core', 'complete', 'strict'];

export type Operation = EicOperation | 'PublishVersion' | 'CreateAlias' | 'DeleteAlias';

export type Concern =
  | 'validation'
  | 'semantics'
  | 'idempotence'
  | 'qualifiers'
  | 'not-found'
  | 'destinations'
  | 'response-shape'
  | 'error-shape'
  | 'wire'
  | 'paging'
  | 'delete';

/** Where a rule's expectation comes from. */
export type Source =
  | { kind: 'recording'; step: string }
  | { kind: 'model'; shape: string }
  | { kind: 'doc'; doc: 'api-reference' | 'sdk-js-v3' | 'boto3' | 'sdk-dart' }
  | { kind: 'design'; note: string };

/** A single-member constraint edge, for generated validation rules. */
export interface ConstraintEdge {
  /** Member path as the SDK input names it, e.g. `DestinationConfig.OnFailure.Destination`. */
  member: string;
  /** Where it travels on the wire. */
  location: 'path' | 'query' | 'body';
  keyword: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern';
  /** The constraint's limit (a number) or the model pattern. */
  limit: number | string;
  /** true: the edge value must pass validation; false: it must be rejected. */
  accepted: boolean;
}

export interface Rule {
  id: string;
  title: string;
  tier: Tier;
  concern: Concern;
  operations: Operation[];
  sources: Source[];
  /**
   * Set when AWS's behaviour here is not pinned by the recordings or the model:
   * the reason. The assertion follows the docs or the emulator's documented choice.
   */
  documentedOnly?: string;
  edge?: ConstraintEdge;
}

export const rec = (step: string): Source => ({ kind: 'recording', step });
export const model = (shape: string): Source => ({ kind: 'model', shape });
export const doc = (d: Extract<Source, { kind: 'doc' }>['doc']): Source => ({ kind: 'doc', doc: d });
export const design = (note: string): Source => ({ kind: 'design', note });

/** Short operation names used in rule ids. */
export const OP_ID: Record<EicOperation, string> = {
  PutFunctionEventInvokeConfig: 'put',
  UpdateFunctionEventInvokeConfig: 'update',
  GetFunctionEventInvokeConfig: 'get',
  DeleteFunctionEventInvokeConfig: 'delete',
  ListFunctionEventInvokeConfigs: 'list',
};

// The five operations, for rule definitions.
export const PUT = 'PutFunctionEventInvokeConfig' as const;
export const UPDATE = 'UpdateFunctionEventInvokeConfig' as const;
export const GET = 'GetFunctionEventInvokeConfig' as const;
export const DELETE = 'DeleteFunctionEventInvokeConfig' as const;
export const LIST = 'ListFunctionEventInvokeConfigs' as const;
