// Valid Qualifiers, straight from the model's pattern: $LATEST,
// $LATEST.PUBLISHED, version numbers, alias-like names, and legal oddities
// such as '$$_' (the query's class admits '$' anywhere).
import type fc from 'fast-check';
import { stringMember } from './string-member.ts';

export const qualifier = (): fc.Arbitrary<string> => stringMember('Qualifier');
