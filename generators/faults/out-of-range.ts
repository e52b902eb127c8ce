// Integers just outside a member's range, on one side. The span is ten widths
// of the range, so every value stays a small 32-bit integer: AWS reads these
// members as Java Integers, and a value past int32 is a different fault (the
// body does not deserialize) from the constraint under test.
import fc from 'fast-check';
import type { SchemaNode } from '../../specs/contract.ts';
import { limitOf } from '../contract/members.ts';

export function outOfRange(node: SchemaNode, keyword: 'minimum' | 'maximum'): fc.Arbitrary<number> {
  const width = node.minimum !== undefined && node.maximum !== undefined ? node.maximum - node.minimum + 1 : 1;
  const span = width * 10;
  const limit = limitOf(node, keyword);
  return keyword === 'minimum' ? fc.integer({ min: limit - span, max: limit - 1 }) : fc.integer({ min: limit + 1, max: limit + span });
}

/** The boundary value just past the limit. */
export const justPast = (limit: number, keyword: 'minimum' | 'maximum'): number => (keyword === 'minimum' ? limit - 1 : limit + 1);
