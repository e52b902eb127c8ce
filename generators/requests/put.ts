// Valid PutFunctionEventInvokeConfig inputs for a bound function: an optional
// Qualifier and a non-empty settings body (Put replaces the whole config).
import fc from 'fast-check';
import type { Placement } from '../values/placement.ts';
import { settings } from '../values/settings.ts';
import { nameArbitrary, qualifierOption, withQualifier } from './common.ts';
import type { NameArg, PutInput, RequestOptions } from './types.ts';

export const putRequest = (name: NameArg, p: Placement, opts: RequestOptions = {}): fc.Arbitrary<PutInput> =>
  fc
    .tuple(nameArbitrary(name), qualifierOption(opts), settings(p, opts.services))
    .map(([FunctionName, q, body]) => ({ FunctionName, ...withQualifier(q), ...body }));
