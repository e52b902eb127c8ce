// Valid MaximumEventAgeInSeconds: every value of the schema's range.
import type fc from 'fast-check';
import { integerMember } from './integer-member.ts';

export const eventAge = (): fc.Arbitrary<number> => integerMember('MaximumEventAgeInSeconds');
