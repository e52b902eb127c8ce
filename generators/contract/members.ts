// Where the generators read the contract. Every limit and pattern they use comes
// from here, i.e. from specs/schemas through specs/contract.ts, never from a
// number typed into a generator: change the schema and the values follow.
import { EIC_OPERATIONS, type EicOperation, type SchemaNode } from '../../specs/contract.ts';
import type { ConstraintEdge } from '../../specs/rules/rule.ts';
import { constrainedMembers } from '../../specs/rules/validation.ts';

/** A constrained leaf of a request: the same walk of the schema the validation rules are generated from. */
export type Member = ReturnType<typeof constrainedMembers>[number];
export type Location = ConstraintEdge['location'];
export type Keyword = ConstraintEdge['keyword'];

/** The constrained members of one operation's request, in schema order. */
export const membersOf = (op: EicOperation): Member[] => constrainedMembers(op);

/** A member by its SDK path (`DestinationConfig.OnFailure.Destination`); the same $def in every operation that has it. */
export function memberNamed(member: string): Member {
  for (const op of EIC_OPERATIONS) {
    const found = membersOf(op).find((m) => m.member === member);
    if (found) return found;
  }
  throw new Error(`generators: no constrained member ${member} in any request of the contract`);
}

/** A numeric limit the schema must define; a generator asking for a missing one is a bug. */
export function limitOf(node: SchemaNode, keyword: 'minimum' | 'maximum' | 'minLength' | 'maxLength'): number {
  const v = node[keyword];
  if (typeof v !== 'number') throw new Error(`generators: the schema gives no ${keyword} for ${node.title ?? 'this member'}`);
  return v;
}

/** Length bounds of a string member; the schema's minLength defaults to 0 as in JSON Schema. */
export const lengthRange = (node: SchemaNode) => ({ min: node.minLength ?? 0, max: limitOf(node, 'maxLength') });

/**
 * The whole-string pattern as ajv compiles it: without the u flag (the model's
 * classes like `[a-zA-Z0-9-_]` are only meant in the legacy syntax).
 */
export function wholePattern(node: SchemaNode): RegExp | undefined {
  return node.pattern === undefined ? undefined : new RegExp(node.pattern);
}

/** The pattern as AWS quotes it in messages (unanchored model text). */
export const awsPattern = (node: SchemaNode): string | undefined => node['x-aws-pattern'] ?? node.pattern;

/** The limit a ConstraintEdge carries for this keyword: a number, or the AWS pattern text. */
export function edgeLimit(node: SchemaNode, keyword: Keyword): number | string {
  if (keyword === 'pattern') {
    const p = awsPattern(node);
    if (p === undefined) throw new Error(`generators: ${node.title ?? 'member'} has no pattern`);
    return p;
  }
  return limitOf(node, keyword);
}

const lowerCamel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** AWS's name for a member in ValidationException messages: `destinationConfig.onFailure.destination`. */
export const lowerCamelPath = (member: string): string => member.split('.').map(lowerCamel).join('.');

/** ajv's instancePath of a member in a split request: `/body/DestinationConfig/OnFailure/Destination`. */
export const instancePath = (location: Location, member: string): string => `/${location}/${member.split('.').join('/')}`;

export type Side = 'OnSuccess' | 'OnFailure';
/** The destination side a member path names, if any. */
export function sideOf(member: string): Side | undefined {
  const side = member.split('.')[1];
  return side === 'OnSuccess' || side === 'OnFailure' ? side : undefined;
}
