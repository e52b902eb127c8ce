// Valid MaximumRetryAttempts: every value of the schema's range.
import type fc from 'fast-check';
import { integerMember } from './integer-member.ts';

export const retryAttempts = (): fc.Arbitrary<number> => integerMember('MaximumRetryAttempts');
