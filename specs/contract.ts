// The contract as data, loaded once: the JSON Schema of specs/schemas and its
// HTTP bindings (its validators: specs/validators.ts). Everything else
// (emulator, generators, suites) reads constraints from here instead of
// restating them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const contractSchema = require('./schemas/event-invoke-config.schema.json') as ContractSchema;

export const EIC_OPERATIONS = [
  'PutFunctionEventInvokeConfig',
  'UpdateFunctionEventInvokeConfig',
  'GetFunctionEventInvokeConfig',
  'DeleteFunctionEventInvokeConfig',
  'ListFunctionEventInvokeConfigs',
] as const;
export type EicOperation = (typeof EIC_OPERATIONS)[number];

export interface HttpBinding {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  uri: string;
  successStatus: number;
}

export interface SchemaNode {
  type?: string;
  title?: string;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  'x-aws-pattern'?: string;
  'x-http'?: HttpBinding & { status?: number };
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  [k: string]: unknown;
}
interface ContractSchema extends SchemaNode {
  $defs: Record<string, SchemaNode>;
}

/** The request definition of an operation: `<Op>Request`. */
export function requestDef(op: EicOperation): SchemaNode {
  const def = contractSchema.$defs[`${op}Request`];
  if (!def) throw new Error(`specs: no $defs/${op}Request in the contract schema`);
  return def;
}

export function httpBinding(op: EicOperation): HttpBinding {
  const http = requestDef(op)['x-http'];
  if (!http) throw new Error(`specs: ${op}Request has no x-http binding`);
  return http;
}

/** Follows a local `$ref` (`#/$defs/X`) to its definition. */
export function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/$defs/', '');
  const def = contractSchema.$defs[name];
  if (!def) throw new Error(`specs: dangling $ref ${node.$ref}`);
  return def;
}

/** HTTP status of a modelled error (ValidationException included). */
export function errorStatus(code: string): number | undefined {
  return contractSchema.$defs[code]?.['x-http']?.status;
}
