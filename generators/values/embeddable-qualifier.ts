// Qualifiers that can also be written inside a FunctionName (`name:q`, a
// qualified ARN). The Qualifier query pattern admits '$' anywhere, the name's
// qualifier group does not: the FunctionName pattern itself decides.
import type fc from 'fast-check';
import { memberNamed, wholePattern } from '../contract/members.ts';
import { qualifier } from './qualifier.ts';

const namePattern = wholePattern(memberNamed('FunctionName').node);

export const isEmbeddableQualifier = (q: string): boolean => namePattern?.test(`f:${q}`) ?? true;

export const embeddableQualifier = (): fc.Arbitrary<string> => qualifier().filter(isEmbeddableQualifier);
