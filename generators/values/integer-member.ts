// The integers a member accepts: its whole [minimum, maximum] range from the
// schema. fast-check biases integers towards the bounds, so the edges (0 and 2,
// 60 and 21600, ...) come up in every run without being listed here.
import fc from 'fast-check';
import { limitOf, memberNamed } from '../contract/members.ts';

export function integerMember(member: string): fc.Arbitrary<number> {
  const { node } = memberNamed(member);
  return fc.integer({ min: limitOf(node, 'minimum'), max: limitOf(node, 'maximum') });
}
