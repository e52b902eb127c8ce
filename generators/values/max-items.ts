// Valid MaxItems of ListFunctionEventInvokeConfigs: every value of the schema's range.
import type fc from 'fast-check';
import { integerMember } from './integer-member.ts';

export const maxItems = (): fc.Arbitrary<number> => integerMember('MaxItems');
