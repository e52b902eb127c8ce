// A valid value of any constrained member, chosen by the $def it refers to:
// the stems that faults are made from (a pattern breaker is a valid value with
// one character inserted, a too-long string is a valid one grown). A member the
// schema gains later still gets values from its own pattern or range.
import type fc from 'fast-check';
import { memberNamed, sideOf } from '../contract/members.ts';
import { destination } from './destination.ts';
import { namespacedFunctionName } from './function-name.ts';
import { integerMember } from './integer-member.ts';
import type { Placement } from './placement.ts';
import { qualifier } from './qualifier.ts';
import { stringMember } from './string-member.ts';

export function memberValue(member: string, p: Placement): fc.Arbitrary<string | number> {
  const { node, shape } = memberNamed(member);
  if (node.type === 'integer') return integerMember(member);
  const side = sideOf(member);
  if (shape === 'DestinationArn' && side) return destination(p, side);
  if (shape === 'NamespacedFunctionName') return namespacedFunctionName();
  if (shape === 'Qualifier') return qualifier();
  return stringMember(member);
}
