// Valid GetFunctionEventInvokeConfig inputs: the bound function and an optional Qualifier.
import fc from 'fast-check';
import { nameArbitrary, qualifierOption, withQualifier } from './common.ts';
import type { GetInput, NameArg, RequestOptions } from './types.ts';

export const getRequest = (name: NameArg, opts: RequestOptions = {}): fc.Arbitrary<GetInput> =>
  fc.tuple(nameArbitrary(name), qualifierOption(opts)).map(([FunctionName, q]) => ({ FunctionName, ...withQualifier(q) }));
