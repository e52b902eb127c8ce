// What the five request generators share: the bound function name, and the
// optional Qualifier (left out as often as sent: leaving it out means $LATEST).
import fc from 'fast-check';
import { qualifier } from '../values/qualifier.ts';
import type { NameArg, RequestOptions } from './types.ts';

export const nameArbitrary = (name: NameArg): fc.Arbitrary<string> => (typeof name === 'string' ? fc.constant(name) : name);

export const qualifierOption = (opts: RequestOptions): fc.Arbitrary<string | undefined> => opts.qualifier ?? fc.option(qualifier(), { nil: undefined });

/** `{Qualifier}` when there is one, `{}` otherwise: the SDK would send an undefined member as absent anyway. */
export const withQualifier = (q: string | undefined): { Qualifier?: string } => (q === undefined ? {} : { Qualifier: q });
