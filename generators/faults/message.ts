// AWS's wording of constraint violations (ValidationException) for a single
// fault: `1 validation error detected: Value '<v>' at '<lowerCamelPath>'
// failed to satisfy constraint: Member must ...`. The texts themselves are
// defined once, in specs/aws-texts.ts (with their evidence: the form and the
// destination pattern are recorded, the length text analogous, the range texts
// inferred); this module only applies them to a generated Fault. Which part of
// such a message a rule may pin is the suite's business (suites/validation.test.ts).
import { constraintText, validationMessage as messageOf, violationText as violationOf } from '../../specs/aws-texts.ts';
import { lowerCamelPath } from '../contract/members.ts';
import type { Fault } from './fault.ts';

export { constraintText } from '../../specs/aws-texts.ts';

type FaultText = Pick<Fault, 'member' | 'keyword' | 'limit' | 'value'>;

/** One violation, as AWS lists it. */
export const violationText = (f: FaultText): string => violationOf(f.value, lowerCamelPath(f.member), constraintText(f.keyword, f.limit));

/** The whole message of a request with exactly this one violation. */
export const validationMessage = (f: FaultText): string => messageOf([violationText(f)]);
