// The contract as data, loaded once: the JSON Schema of specs/schemas, its HTTP
// bindings, and compiled ajv validators. Everything else (emulator, generators,
// suites) reads constraints from here instead of restating them.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { JSONSchemaType } from 'ajv';

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

// Ajv instances, strict about the schema except for our annotation keywords.
// Patterns from the model use classes like [a-zA-Z0-9-_], legal only without the u flag.
// `verbose` keeps the failing schema on each error, so messages can quote x-aws-pattern.
export interface ValidatorOptions {
  /** Query strings arrive as text: MaxItems=5 must validate as the integer 5. */
  coerce?: boolean;
  /** Remove members the schema does not define (the emulator ignores unknown members). */
  strip?: boolean;
}

const ajvs = new Map<string, Ajv2020>();
function ajvFor(opts: ValidatorOptions): Ajv2020 {
  const key = `${opts.coerce ? 'c' : ''}${opts.strip ? 's' : ''}`;
  let ajv = ajvs.get(key);
  if (!ajv) {
    // Loaded on first use: the rule catalogue reads this module too, and the
    // CLI's own process (which lists rules but validates nothing) need not load ajv.
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    ajv = new Ajv({
      allErrors: true,
      verbose: true,
      unicodeRegExp: false,
      strict: true,
      coerceTypes: opts.coerce ?? false,
      removeAdditional: opts.strip ? 'all' : false,
    });
    ajv.addVocabulary(['x-aws-pattern', 'x-variants', 'x-used-by', 'x-observed', 'x-http']);
    ajv.addSchema(contractSchema as unknown as JSONSchemaType<unknown>);
    ajvs.set(key, ajv);
  }
  return ajv;
}

const cache = new Map<string, ValidateFunction>();
/** A compiled validator for `$defs/<pointer>` (a def name, or a JSON pointer below one), compiled once. */
export function validatorFor(pointer: string, opts: ValidatorOptions = {}): ValidateFunction {
  const key = `${opts.coerce ? 'c' : ''}${opts.strip ? 's' : ''}:${pointer}`;
  let fn = cache.get(key);
  if (!fn) {
    const ref = `${contractSchema.$id as string}#/$defs/${pointer}`;
    fn = ajvFor(opts).getSchema(ref);
    if (!fn) throw new Error(`specs: no schema at ${ref}`);
    cache.set(key, fn);
  }
  return fn;
}
