// Wrong JSON types, for the raw wire (the SDK cannot send them): one member of
// a valid request given a value of another JSON type. Body members of every
// type (integers, strings, the DestinationConfig objects) and integer query
// members (a query value is text: only an integer can be "not one"). null is
// never used: AWS's JSON protocols read null as "absent", not as a wrong type.
// What a target answers is a wire rule's business; ajv reports exactly one
// `type` error at the member.
import fc from 'fast-check';
import { deref, httpBinding, requestDef, type EicOperation, type SchemaNode } from '../../specs/contract.ts';
import { encodeLabel, type WireRequest } from '../../targets/wire.ts';
import { setMember, toContractParts, type ContractParts } from '../contract/parts.ts';
import { minimalRequest } from '../requests/minimal.ts';
import type { RequestOptions } from '../requests/types.ts';
import { validRequest } from '../requests/valid-request.ts';
import type { Placement } from '../values/placement.ts';

export interface TypedMember {
  member: string;
  location: 'body' | 'query';
  type: string;
  node: SchemaNode;
}

export interface WireTypeFault {
  op: EicOperation;
  member: string;
  location: 'body' | 'query';
  keyword: 'type';
  /** The JSON type the schema asks for. */
  expected: string;
  value: unknown;
  /** The request as the contract describes it (query values still as the SDK input held them, the faulty one as sent). */
  parts: ContractParts;
  request: WireRequest;
}

/** Every typed member of the body, and the integer members of the query. */
export function typedMembers(op: EicOperation): TypedMember[] {
  const out: TypedMember[] = [];
  const walk = (node: SchemaNode, path: string[], location: 'body' | 'query') => {
    const def = deref(node);
    if (path.length > 0 && def.type && (location === 'body' || def.type === 'integer')) {
      out.push({ member: path.join('.'), location, type: def.type, node: def });
    }
    for (const [k, child] of Object.entries(def.properties ?? {})) walk(child, [...path, k], location);
  };
  const props = requestDef(op).properties ?? {};
  for (const location of ['body', 'query'] as const) if (props[location]) walk(props[location], [], location);
  return out;
}

/** Values of other JSON types than the member's: a numeric string for a number, a number for a string, and so on. */
function wrongValues(m: TypedMember): unknown[] {
  const n = m.node.minimum ?? 1;
  if (m.location === 'query') return ['lots', `${n}.5`];
  switch (m.type) {
    case 'integer':
    case 'number':
      return [String(n), true, [n], { value: n }];
    case 'string':
      return [n, true, ['x'], { value: 'x' }];
    case 'object':
      return ['x', n, true, []];
    default:
      return [];
  }
}

function wireRequest(op: EicOperation, parts: ContractParts): WireRequest {
  const { method, uri } = httpBinding(op);
  const name = String(parts.path.FunctionName ?? '');
  const query = Object.fromEntries(Object.entries(parts.query).map(([k, v]) => [k, String(v)]));
  return {
    method,
    path: uri.replace('{FunctionName}', encodeLabel(name)),
    ...(Object.keys(query).length ? { query } : {}),
    ...(parts.body ? { body: JSON.stringify(parts.body) } : {}),
  };
}

function withWrongType(op: EicOperation, input: Record<string, unknown>, m: TypedMember, value: unknown): WireTypeFault {
  const parts = toContractParts(op, input);
  const part = m.location === 'body' ? (parts.body ?? {}) : parts.query;
  const faulty: ContractParts = { ...parts, [m.location]: setMember(part, m.member, value) };
  return { op, member: m.member, location: m.location, keyword: 'type', expected: m.type, value, parts: faulty, request: wireRequest(op, faulty) };
}

const cases = (op: EicOperation) => typedMembers(op).flatMap((m) => wrongValues(m).map((value) => ({ m, value })));

/** Every member with every wrong value, on the minimal request: the boundary list. */
export function wireTypeFaults(op: EicOperation, functionName: string): WireTypeFault[] {
  const base = minimalRequest(op, functionName) as Record<string, unknown>;
  return cases(op).map(({ m, value }) => withWrongType(op, base, m, value));
}

/** One wrong type written into a random valid request. */
export function wireTypeFault(op: EicOperation, functionName: string, p: Placement, opts: RequestOptions = {}): fc.Arbitrary<WireTypeFault> {
  const all = cases(op);
  if (all.length === 0) throw new Error(`generators: ${op} has no member a wrong JSON type can be sent for`);
  return fc
    .tuple(validRequest(op, functionName, p, opts), fc.constantFrom(...all))
    .map(([input, { m, value }]) => withWrongType(op, input as Record<string, unknown>, m, value));
}
