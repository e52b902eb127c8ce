// Valid UpdateFunctionEventInvokeConfig inputs: the same members as Put (Update
// merges them into an existing config instead of replacing it).
import fc from 'fast-check';
import type { Placement } from '../values/placement.ts';
import { settings } from '../values/settings.ts';
import { nameArbitrary, qualifierOption, withQualifier } from './common.ts';
import type { NameArg, RequestOptions, UpdateInput } from './types.ts';

export const updateRequest = (name: NameArg, p: Placement, opts: RequestOptions = {}): fc.Arbitrary<UpdateInput> =>
  fc
    .tuple(nameArbitrary(name), qualifierOption(opts), settings(p, opts.services))
    .map(([FunctionName, q, body]) => ({ FunctionName, ...withQualifier(q), ...body }));
