// SDK input <-> the contract's request shape. The schema describes a request as
// {path, query, body} (how it travels); the SDK takes one flat object. Which
// top-level member goes where is read from `<Op>Request` itself.
import { deref, requestDef, type EicOperation } from '../../specs/contract.ts';
import type { Location } from './members.ts';

export interface ContractParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Top-level member name -> the part of the request it travels in, for one operation. */
export function partOfMembers(op: EicOperation): Map<string, Location> {
  const parts = new Map<string, Location>();
  for (const [part, node] of Object.entries(requestDef(op).properties ?? {})) {
    for (const member of Object.keys(deref(node).properties ?? {})) parts.set(member, part as Location);
  }
  return parts;
}

/** Splits an SDK input into the parts `<Op>Request` validates. Members the operation does not define are an error. */
export function toContractParts(op: EicOperation, input: Record<string, unknown>): ContractParts {
  const where = partOfMembers(op);
  const parts: ContractParts = { path: {}, query: {}, ...(hasBody(op) ? { body: {} } : {}) };
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue; // the SDK does not send undefined members
    const part = where.get(k);
    if (!part) throw new Error(`generators: ${op} has no member ${k}`);
    (parts[part] as Record<string, unknown>)[k] = v;
  }
  return parts;
}

/** A copy of `input` with the member at a dotted path set (objects along the path are copied, never shared). */
export function setMember<T extends Record<string, unknown>>(input: T, member: string, value: unknown): T {
  const [head, ...rest] = member.split('.');
  if (head === undefined) return input;
  if (rest.length === 0) return { ...input, [head]: value };
  const child = input[head];
  const childObj = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {};
  return { ...input, [head]: setMember(childObj, rest.join('.'), value) };
}

/** The value at a dotted member path, or undefined. */
export function getMember(input: Record<string, unknown>, member: string): unknown {
  let cur: unknown = input;
  for (const k of member.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

/** Whether the operation's request has a JSON body (Put and Update). */
export const hasBody = (op: EicOperation): boolean => 'body' in (requestDef(op).properties ?? {});
