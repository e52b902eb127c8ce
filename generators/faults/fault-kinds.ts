// What can be wrong with each constrained member of an operation, one
// constraint at a time: the rejected side of every keyword the schema gives
// the member, each with generated values and its boundary values (limit +/- 1,
// length max+1, the simplest pattern breakers), boundaries being the values a
// rule runs first.
import type fc from 'fast-check';
import type { EicOperation } from '../../specs/contract.ts';
import { edgeLimit, limitOf, membersOf, type Keyword, type Member } from '../contract/members.ts';
import type { Placement } from '../values/placement.ts';
import { justPast, outOfRange } from './out-of-range.ts';
import { boundaryBreakers, patternBreaker } from './pattern-breaker.ts';
import { tooLong, tooShort } from './wrong-length.ts';

export interface FaultKind {
  member: Member;
  keyword: Keyword;
  limit: number | string;
  values: fc.Arbitrary<string | number>;
  boundary: Array<string | number>;
}

function kindsOf(m: Member, p: Placement): FaultKind[] {
  const kinds: FaultKind[] = [];
  const add = (keyword: Keyword, values: fc.Arbitrary<string | number>, boundary: Array<string | number>) =>
    kinds.push({ member: m, keyword, limit: edgeLimit(m.node, keyword), values, boundary });
  for (const keyword of ['minimum', 'maximum'] as const) {
    if (m.node[keyword] !== undefined) add(keyword, outOfRange(m.node, keyword), [justPast(limitOf(m.node, keyword), keyword)]);
  }
  const short = m.node.minLength ? tooShort(m) : undefined;
  if (short) add('minLength', short.values, [short.boundary]);
  if (m.node.maxLength !== undefined) {
    const long = tooLong(m, p);
    add('maxLength', long.values, [long.boundary]);
  }
  if (m.node.pattern !== undefined) add('pattern', patternBreaker(m, p), boundaryBreakers(m, p));
  return kinds;
}

export const faultKinds = (op: EicOperation, p: Placement): FaultKind[] => membersOf(op).flatMap((m) => kindsOf(m, p));
