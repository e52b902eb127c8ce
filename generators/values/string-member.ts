// Any string a member's schema accepts: generated from its whole-string
// pattern (ajv's non-unicode reading) and kept within its length bounds by
// filtering, so the result is valid for ajv, not just for the regex.
import fc from 'fast-check';
import { lengthRange, memberNamed, wholePattern } from '../contract/members.ts';

// Built once per member: parsing a pattern into an arbitrary is the costly part,
// and an arbitrary is immutable, so every caller can share it.
const built = new Map<string, fc.Arbitrary<string>>();

export function stringMember(member: string): fc.Arbitrary<string> {
  let arb = built.get(member);
  if (!arb) {
    arb = build(member);
    built.set(member, arb);
  }
  return arb;
}

function build(member: string): fc.Arbitrary<string> {
  const { node } = memberNamed(member);
  const re = wholePattern(node);
  const { min, max } = lengthRange(node);
  const inLength = (s: string) => s.length >= min && s.length <= max;
  return (re ? fc.stringMatching(re) : fc.string({ minLength: min, maxLength: max })).filter(inLength);
}
