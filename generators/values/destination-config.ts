// A valid DestinationConfig: each side absent, {} (a setting without a
// destination, which the API accepts), or {Destination: <ARN of a service that
// side takes>}.
import fc from 'fast-check';
import type { Side } from '../contract/members.ts';
import { destination, type DestinationService } from './destination.ts';
import type { Placement } from './placement.ts';

export type DestinationSideValue = { Destination?: string };
export type DestinationConfigValue = Partial<Record<Side, DestinationSideValue>>;
export type ServicesBySide = Partial<Record<Side, readonly DestinationService[]>>;

const sideValue = (p: Placement, side: Side, services?: readonly DestinationService[]): fc.Arbitrary<DestinationSideValue> =>
  fc.option(destination(p, side, services), { nil: undefined }).map((d) => (d === undefined ? {} : { Destination: d }));

export const destinationConfig = (p: Placement, services: ServicesBySide = {}): fc.Arbitrary<DestinationConfigValue> =>
  fc.record({ OnSuccess: sideValue(p, 'OnSuccess', services.OnSuccess), OnFailure: sideValue(p, 'OnFailure', services.OnFailure) }, { requiredKeys: [] });
