// The settings body of Put and Update: any non-empty subset of retries, age and
// DestinationConfig. Never empty: both operations answer an empty body with
// InvalidParameterValueException, a semantic rule that must not mask the member
// a request is about.
import fc from 'fast-check';
import { destinationConfig, type DestinationConfigValue, type ServicesBySide } from './destination-config.ts';
import { eventAge } from './event-age.ts';
import type { Placement } from './placement.ts';
import { retryAttempts } from './retry-attempts.ts';

export type SettingsValue = {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfigValue;
};

export const settings = (p: Placement, services: ServicesBySide = {}): fc.Arbitrary<SettingsValue> =>
  fc
    .record(
      { MaximumRetryAttempts: retryAttempts(), MaximumEventAgeInSeconds: eventAge(), DestinationConfig: destinationConfig(p, services) },
      { requiredKeys: [] },
    )
    .filter((s) => Object.keys(s).length > 0);
