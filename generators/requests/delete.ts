// Valid DeleteFunctionEventInvokeConfig inputs: the bound function and an optional Qualifier.
import fc from 'fast-check';
import { nameArbitrary, qualifierOption, withQualifier } from './common.ts';
import type { DeleteInput, NameArg, RequestOptions } from './types.ts';

export const deleteRequest = (name: NameArg, opts: RequestOptions = {}): fc.Arbitrary<DeleteInput> =>
  fc.tuple(nameArbitrary(name), qualifierOption(opts)).map(([FunctionName, q]) => ({ FunctionName, ...withQualifier(q) }));
