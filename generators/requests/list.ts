// Valid ListFunctionEventInvokeConfigs inputs: the bound function, an optional
// MaxItems in the schema's range, and a Marker only when the caller supplies
// markers (one the target did not issue is rejected, by design of the API).
import fc from 'fast-check';
import { maxItems } from '../values/max-items.ts';
import { nameArbitrary } from './common.ts';
import type { ListInput, NameArg, RequestOptions } from './types.ts';

export const listRequest = (name: NameArg, opts: RequestOptions = {}): fc.Arbitrary<ListInput> =>
  fc.tuple(nameArbitrary(name), fc.option(maxItems(), { nil: undefined }), opts.marker ?? fc.constant(undefined)).map(([FunctionName, MaxItems, Marker]) => ({
    FunctionName,
    ...(MaxItems === undefined ? {} : { MaxItems }),
    ...(Marker === undefined ? {} : { Marker }),
  }));
