// The success body of Put, Update, Get and each List item: FunctionArn always
// qualified, LastModified as epoch seconds, both destination sides present
// ({} when unset), retries and age only when set.
import type { FunctionEventInvokeConfig } from '../specs/generated/types.ts';
import type { StoredConfig } from './state.ts';

export function renderConfig(qualifiedArn: string, c: StoredConfig): FunctionEventInvokeConfig {
  return {
    ...(c.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: c.MaximumRetryAttempts } : {}),
    ...(c.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: c.MaximumEventAgeInSeconds } : {}),
    FunctionArn: qualifiedArn,
    LastModified: c.lastModified,
    DestinationConfig: {
      OnSuccess: c.OnSuccess !== undefined ? { Destination: c.OnSuccess } : {},
      OnFailure: c.OnFailure !== undefined ? { Destination: c.OnFailure } : {},
    },
  };
}

/** True when two stored configs hold the same settings (timestamps aside). */
export function sameSettings(a: StoredConfig, b: StoredConfig): boolean {
  return (
    a.MaximumRetryAttempts === b.MaximumRetryAttempts &&
    a.MaximumEventAgeInSeconds === b.MaximumEventAgeInSeconds &&
    a.OnSuccess === b.OnSuccess &&
    a.OnFailure === b.OnFailure
  );
}
