// Put replaces the whole config; Update merges into the existing one. The only
// difference between the two lives here.
import type { EventInvokeConfigSettings } from '../specs/generated/types.ts';
import { sameSettings } from './config-body.ts';
import { destinationOf } from './destinations.ts';
import { nextTimestamp, type StoredConfig } from './state.ts';

type Settings = Omit<StoredConfig, 'lastModified'>;

function fromBody(body: EventInvokeConfigSettings): Settings {
  const s: Settings = {};
  if (body.MaximumRetryAttempts !== undefined) s.MaximumRetryAttempts = body.MaximumRetryAttempts;
  if (body.MaximumEventAgeInSeconds !== undefined) s.MaximumEventAgeInSeconds = body.MaximumEventAgeInSeconds;
  const onSuccess = destinationOf(body.DestinationConfig, 'OnSuccess');
  const onFailure = destinationOf(body.DestinationConfig, 'OnFailure');
  if (onSuccess !== undefined) s.OnSuccess = onSuccess;
  if (onFailure !== undefined) s.OnFailure = onFailure;
  return s;
}

/** Put: settings left out are removed. */
export function replaced(body: EventInvokeConfigSettings): Settings {
  return fromBody(body);
}

/**
 * Update: untouched settings stay. A DestinationConfig in the request replaces
 * both sides (AWS's per-side behaviour is not recorded; this is LocalStack's too).
 */
export function merged(previous: StoredConfig, body: EventInvokeConfigSettings): Settings {
  const { lastModified: _, ...kept } = previous;
  const next: Settings = { ...kept, ...fromBody(body) };
  if (body.DestinationConfig !== undefined) {
    if (destinationOf(body.DestinationConfig, 'OnSuccess') === undefined) delete next.OnSuccess;
    if (destinationOf(body.DestinationConfig, 'OnFailure') === undefined) delete next.OnFailure;
  }
  return next;
}

/**
 * Stores settings; LastModified moves only when a setting changed. Keeping it
 * on an identical repeat is this emulator's choice, not a requirement: AWS's
 * recordings normalise LastModified away, and stamping every write is as correct.
 */
export function store(configs: Map<string, StoredConfig>, qualifier: string, settings: Settings): StoredConfig {
  const previous = configs.get(qualifier);
  const candidate: StoredConfig = { ...settings, lastModified: previous?.lastModified ?? 0 };
  if (previous && sameSettings(previous, candidate)) return previous;
  const stored: StoredConfig = { ...settings, lastModified: nextTimestamp() };
  configs.set(qualifier, stored);
  return stored;
}
