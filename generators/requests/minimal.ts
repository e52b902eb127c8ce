// The smallest valid request of each operation: the base a boundary fault is
// written into (nothing else in it can be wrong), and the first Put that
// Update rules need. Its one setting is retries at the schema's minimum.
import type { EicOperation } from '../../specs/contract.ts';
import { limitOf, memberNamed } from '../contract/members.ts';
import { hasBody } from '../contract/parts.ts';
import type { InputOf } from './types.ts';

export const minimalSettings = (): { MaximumRetryAttempts: number } => ({
  MaximumRetryAttempts: limitOf(memberNamed('MaximumRetryAttempts').node, 'minimum'),
});

export function minimalRequest<Op extends EicOperation>(op: Op, functionName: string): InputOf<Op> {
  return (hasBody(op) ? { FunctionName: functionName, ...minimalSettings() } : { FunctionName: functionName }) as InputOf<Op>;
}
