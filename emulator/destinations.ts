// Destination checks after validation and the function lookup, in AWS's words:
// unsupported service -> "The provided destination config ... is invalid." (with
// Java's toString of the config, as recorded); a Lambda destination that does
// not exist -> "The destination ARN <arn> is invalid."; the function itself ->
// "You can't specify the function as a destination for itself.". S3 buckets are
// accepted on OnFailure only (documented). SQS, SNS and EventBridge ARNs are not
// looked up: the emulator has no such resources, and AWS's own check there is
// a permission check of the execution role (not pinned by the recordings).
// The texts (and Java's toString of the config) are AWS's, from specs/aws-texts.ts.
import { SELF_DESTINATION, invalidDestinationArn, invalidDestinationConfig } from '../specs/aws-texts.ts';
import { errors } from './errors.ts';
import type { FunctionRef } from './names.ts';
import type { RegionState } from './state.ts';

type Side = 'OnSuccess' | 'OnFailure';
export type DestinationInput = Partial<Record<Side, { Destination?: string }>>;

const SERVICES: Record<Side, Set<string>> = {
  OnSuccess: new Set(['lambda', 'sqs', 'sns', 'events']),
  OnFailure: new Set(['lambda', 'sqs', 'sns', 'events', 's3']),
};

const ARN = /^arn:([^:]*):([^:]+):([^:]*):([^:]*):(.*)$/;
const LAMBDA_RESOURCE = /^function:([a-zA-Z0-9-_]+)(?::[a-zA-Z0-9-_$.]+)?$/;

/** A side's destination, with '' treated as "no destination" (the pattern admits it). */
export function destinationOf(dc: DestinationInput | undefined, side: Side): string | undefined {
  const d = dc?.[side]?.Destination;
  return d === undefined || d === '' ? undefined : d;
}

export function checkDestinations(dc: DestinationInput | undefined, self: FunctionRef, lookup: (account: string, region: string) => RegionState): void {
  if (!dc) return;
  const sides: Side[] = ['OnSuccess', 'OnFailure'];
  for (const side of sides) {
    const arn = destinationOf(dc, side);
    if (arn === undefined) continue;
    const service = ARN.exec(arn)?.[2];
    if (!service || !SERVICES[side].has(service)) throw errors.invalidParameter(invalidDestinationConfig(dc));
  }
  for (const side of sides) {
    const arn = destinationOf(dc, side);
    const m = arn === undefined ? null : ARN.exec(arn);
    if (!arn || !m || m[2] !== 'lambda') continue;
    const [, , , region = '', account = '', resource = ''] = m;
    const target = LAMBDA_RESOURCE.exec(resource)?.[1];
    if (target === self.name && account === self.account && region === self.region) {
      throw errors.invalidParameter(SELF_DESTINATION);
    }
    if (!target || !lookup(account, region).functions.has(target)) {
      throw errors.invalidParameter(invalidDestinationArn(arn));
    }
  }
}
