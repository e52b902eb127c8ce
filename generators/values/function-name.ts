// Valid FunctionNames that name no fixture: every form the model's pattern
// admits (bare, name:qualifier, partial and full ARNs, with region-only and
// account-only prefixes), 1..256 characters. '.' and '..' match the pattern but
// are URL dot-segments: a client or server resolves them away, so they could
// never arrive as the path label and are left out.
import type fc from 'fast-check';
import { stringMember } from './string-member.ts';

const DOT_SEGMENTS = new Set(['.', '..']);

export const namespacedFunctionName = (): fc.Arbitrary<string> => stringMember('FunctionName').filter((s) => !DOT_SEGMENTS.has(s));
