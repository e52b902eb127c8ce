// A single fault: one member of an otherwise valid request holding a value
// that breaks exactly one named constraint (member + keyword), as ajv and the
// service see it. The descriptor is shaped like a rule's ConstraintEdge.
import type { EicOperation } from '../../specs/contract.ts';
import type { Keyword, Location } from '../contract/members.ts';
import { setMember } from '../contract/parts.ts';
import type { InputOf } from '../requests/types.ts';

export interface Fault {
  member: string;
  location: Location;
  keyword: Keyword;
  /** The limit broken: a number, or the pattern as AWS quotes it. */
  limit: number | string;
  value: string | number;
}

export interface FaultyRequest<Op extends EicOperation = EicOperation> {
  op: Op;
  /** SDK input, ready for t.call(op, input). */
  input: InputOf<Op>;
  fault: Fault;
}

export function withFault<Op extends EicOperation>(op: Op, input: InputOf<Op>, fault: Fault): FaultyRequest<Op> {
  return { op, input: setMember(input, fault.member, fault.value), fault };
}
