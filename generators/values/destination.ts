// Well-formed synthetic destination ARNs, per service and per side. Which
// services a side takes is not a constraint of the schema (it is a semantic
// check made after validation): the API reference lists Lambda functions, SQS
// queues, SNS topics and EventBridge buses for both sides, and S3 buckets for
// OnFailure only. Every ARN also matches DestinationArn's pattern and length.
import fc from 'fast-check';
import { lengthRange, memberNamed, wholePattern, type Side } from '../contract/members.ts';
import type { Placement } from './placement.ts';

export type DestinationService = 'lambda' | 'sqs' | 'sns' | 'events' | 's3';

export const DESTINATION_SERVICES: Readonly<Record<Side, readonly DestinationService[]>> = {
  OnSuccess: ['lambda', 'sqs', 'sns', 'events'],
  OnFailure: ['lambda', 'sqs', 'sns', 'events', 's3'],
};

/** The ARN of a resource of a service, in a placement. S3 bucket ARNs carry no region and no account. */
export function destinationArn(service: DestinationService, p: Placement, resource: string): string {
  switch (service) {
    case 'lambda':
      return `arn:${p.partition}:lambda:${p.region}:${p.account}:function:${resource}`;
    case 'events':
      return `arn:${p.partition}:events:${p.region}:${p.account}:event-bus/${resource}`;
    case 's3':
      return `arn:${p.partition}:s3:::${resource}`;
    default:
      return `arn:${p.partition}:${service}:${p.region}:${p.account}:${resource}`;
  }
}

/** The service an ARN names (its third field), e.g. `sqs`. */
export const serviceOf = (arn: string): string | undefined => arn.split(':')[2];

// One resource-name generator for all five services: the intersection of their
// naming rules (lowercase letter first, then lowercase letters, digits, '-';
// no trailing '-'), which S3 bucket names, the strictest, also accept.
const resourceName = fc.stringMatching(/^[a-z][a-z0-9-]*[a-z0-9]$/);

const destinationNode = memberNamed('DestinationConfig.OnFailure.Destination').node;
const destinationPattern = wholePattern(destinationNode);
const { max: destinationMax } = lengthRange(destinationNode);
export const isValidDestination = (arn: string): boolean => arn.length <= destinationMax && (destinationPattern?.test(arn) ?? true);

/** A destination ARN for a side: any service that side takes (or the given subset), in the placement. */
export function destination(p: Placement, side: Side, services: readonly DestinationService[] = DESTINATION_SERVICES[side]): fc.Arbitrary<string> {
  const allowed = services.filter((s) => DESTINATION_SERVICES[side].includes(s));
  if (allowed.length === 0) throw new Error(`generators: none of ${services.join(', ')} is a destination service for ${side}`);
  return fc
    .tuple(fc.constantFrom(...allowed), resourceName)
    .map(([service, resource]) => destinationArn(service, p, resource))
    .filter(isValidDestination);
}
