// Values that break only a member's pattern: a valid value with one character
// the pattern cannot take inserted somewhere, kept within the length bounds
// (so the pattern is the one constraint broken). The characters arrive intact
// in a URL path or query after percent-encoding, so the server judges exactly
// the value the rule sent, and the message can quote it back.
import fc from 'fast-check';
import { lengthRange, wholePattern, type Member } from '../contract/members.ts';
import type { Placement } from '../values/placement.ts';
import { memberValue } from '../values/member-value.ts';
import { canonicalValue } from '../values/of-length.ts';

export const BREAK_CHARS = ['!', ' ', '*', '@', '+', '~', '=', '^', '|', ','] as const;

const insertAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i);

/** True when the string fails the pattern and nothing else of the member's schema. */
export function breaksOnlyPattern(m: Member, s: string): boolean {
  const re = wholePattern(m.node);
  const { min, max } = lengthRange(m.node);
  return re !== undefined && !re.test(s) && s.length >= min && s.length <= max;
}

export function patternBreaker(m: Member, p: Placement): fc.Arbitrary<string> {
  return fc
    .tuple(memberValue(m.member, p), fc.constantFrom(...BREAK_CHARS), fc.nat())
    .map(([v, c, i]) => insertAt(String(v), i % (String(v).length + 1), c))
    .filter((s) => breaksOnlyPattern(m, s));
}

/** The simplest breakers: the first break character at the start, middle and end of the member's canonical value. */
export function boundaryBreakers(m: Member, p: Placement): string[] {
  const v = canonicalValue(m.member, p);
  const c = BREAK_CHARS[0];
  const candidates = [insertAt(v, 0, c), insertAt(v, Math.floor(v.length / 2), c), insertAt(v, v.length, c)];
  return [...new Set(candidates)].filter((s) => breaksOnlyPattern(m, s));
}
