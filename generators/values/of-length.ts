// Deterministic strings of an exact length that still match a member's
// pattern: the values of the length edges. A member's stem (nothing, or for a
// destination the SQS queue ARN prefix in the placement) is grown with a filler
// character the pattern takes. '_' comes first: a one-character FunctionName
// '_' is an unlikely name for somebody's real function, which matters when an
// accepted edge is sent to a real account.
import { lengthRange, memberNamed, wholePattern } from '../contract/members.ts';
import { destinationArn } from './destination.ts';
import { SYNTHETIC_PLACEMENT, type Placement } from './placement.ts';

const FILLERS = ['_', 'a', '0'];

/** `stem` grown to n characters with the first filler that keeps it matching `re`; undefined if none does. */
export function grownTo(stem: string, n: number, re?: RegExp): string | undefined {
  if (stem.length > n) return undefined;
  for (const f of FILLERS) {
    const s = stem + f.repeat(n - stem.length);
    if (!re || re.test(s)) return s;
  }
  return undefined;
}

/** The prefix a member's values are grown from. */
function stemOf(member: string, p: Placement): string {
  return memberNamed(member).shape === 'DestinationArn' ? destinationArn('sqs', p, '') : '';
}

/**
 * A string of exactly n characters for the member, matching its pattern when
 * any such string exists (n = 0 gives '' whatever the pattern says).
 */
export function ofLength(member: string, n: number, p: Placement = SYNTHETIC_PLACEMENT): string {
  if (n === 0) return '';
  const re = wholePattern(memberNamed(member).node);
  for (const stem of [stemOf(member, p), '']) {
    const s = grownTo(stem, n, re);
    if (s !== undefined) return s;
  }
  throw new Error(`generators: no ${member} of length ${n} matches its pattern`);
}

/** The simplest valid value of a member: its stem and one filler, at least minLength long. */
export function canonicalValue(member: string, p: Placement = SYNTHETIC_PLACEMENT): string {
  const { min } = lengthRange(memberNamed(member).node);
  return ofLength(member, Math.max(min, stemOf(member, p).length + 1), p);
}
