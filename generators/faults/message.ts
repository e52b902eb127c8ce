// AWS's wording of constraint violations (ValidationException): the message a
// single fault must get, `1 validation error detected: Value '<v>' at
// '<lowerCamelPath>' failed to satisfy constraint: Member must ...`. The
// pattern form is recorded (2025-11-25, destinationConfig.onFailure.destination);
// the others are the same framework's texts for length and range.
import type { Keyword } from '../contract/members.ts';
import { lowerCamelPath } from '../contract/members.ts';
import type { Fault } from './fault.ts';

const CONSTRAINT_TEXT: Record<Keyword, (limit: number | string) => string> = {
  minimum: (l) => `Member must have value greater than or equal to ${l}`,
  maximum: (l) => `Member must have value less than or equal to ${l}`,
  minLength: (l) => `Member must have length greater than or equal to ${l}`,
  maxLength: (l) => `Member must have length less than or equal to ${l}`,
  pattern: (l) => `Member must satisfy regular expression pattern: ${l}`,
};

export const constraintText = (keyword: Keyword, limit: number | string): string => CONSTRAINT_TEXT[keyword](limit);

/** One violation, as AWS lists it. */
export const violationText = (f: Pick<Fault, 'member' | 'keyword' | 'limit' | 'value'>): string =>
  `Value '${String(f.value)}' at '${lowerCamelPath(f.member)}' failed to satisfy constraint: ${constraintText(f.keyword, f.limit)}`;

/** The whole message of a request with exactly this one violation. */
export const validationMessage = (f: Pick<Fault, 'member' | 'keyword' | 'limit' | 'value'>): string => `1 validation error detected: ${violationText(f)}`;
