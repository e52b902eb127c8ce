// The concrete value of a generated validation rule's edge (specs/rules:
// ConstraintEdge). Accepted: the limit itself, or a string of exactly the
// limit's length that matches the pattern. Rejected: one past the limit, or
// the simplest pattern breaker. A length edge of a destination is an SQS queue
// ARN in the placement, grown to the length.
import type { ConstraintEdge } from '../../specs/rules/rule.ts';
import { memberNamed } from '../contract/members.ts';
import { canonicalValue, ofLength } from '../values/of-length.ts';
import { SYNTHETIC_PLACEMENT, type Placement } from '../values/placement.ts';
import { justPast } from './out-of-range.ts';
import { boundaryBreakers } from './pattern-breaker.ts';

function numericLimit(edge: ConstraintEdge): number {
  if (typeof edge.limit !== 'number') throw new Error(`generators: the ${edge.keyword} edge of ${edge.member} has no numeric limit`);
  return edge.limit;
}

export function edgeValue(edge: ConstraintEdge, p: Placement = SYNTHETIC_PLACEMENT): string | number {
  switch (edge.keyword) {
    case 'minimum':
    case 'maximum':
      return edge.accepted ? numericLimit(edge) : justPast(numericLimit(edge), edge.keyword);
    case 'minLength':
      return ofLength(edge.member, edge.accepted ? numericLimit(edge) : numericLimit(edge) - 1, p);
    case 'maxLength':
      return ofLength(edge.member, edge.accepted ? numericLimit(edge) : numericLimit(edge) + 1, p);
    case 'pattern': {
      if (edge.accepted) return canonicalValue(edge.member, p);
      const [breaker] = boundaryBreakers(memberNamed(edge.member), p);
      if (breaker === undefined) throw new Error(`generators: no pattern breaker for ${edge.member}`);
      return breaker;
    }
  }
}
