// Strings that still match a member's pattern but have a wrong length: grown
// from random valid values to between max+1 and twice the maximum (the content
// varies, only the length is wrong), or, below a minimum, the shorter strings
// that still match the pattern (none exist when the pattern needs a character:
// then an empty value is two faults at once, and no single fault is offered).
import fc from 'fast-check';
import { lengthRange, wholePattern, type Member } from '../contract/members.ts';
import type { Placement } from '../values/placement.ts';
import { memberValue } from '../values/member-value.ts';
import { grownTo, ofLength } from '../values/of-length.ts';

export interface LengthFault {
  values: fc.Arbitrary<string>;
  /** The value one past the limit. */
  boundary: string;
}

export function tooLong(m: Member, p: Placement): LengthFault {
  const re = wholePattern(m.node);
  const { max } = lengthRange(m.node);
  const values = fc
    .tuple(memberValue(m.member, p), fc.integer({ min: max + 1, max: 2 * max }))
    .map(([v, n]) => grownTo(String(v), n, re))
    .filter((s): s is string => s !== undefined);
  return { values, boundary: ofLength(m.member, max + 1, p) };
}

export function tooShort(m: Member): LengthFault | undefined {
  const re = wholePattern(m.node);
  const { min } = lengthRange(m.node);
  const matching = Array.from({ length: min }, (_, n) => grownTo('', n, re)).filter((s): s is string => s !== undefined);
  const boundary = matching.at(-1);
  if (boundary === undefined) return undefined;
  return { values: fc.constantFrom(...matching), boundary };
}
