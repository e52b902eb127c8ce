// The emulator's state: per account and region, the functions with their
// versions, aliases and one EventInvokeConfig per qualifier ($LATEST, a
// version number or an alias name; an alias is never resolved to its version).

export interface StoredConfig {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  OnSuccess?: string;
  OnFailure?: string;
  /** Epoch seconds; changes only when a setting changes. */
  lastModified: number;
}

export interface FunctionVersion {
  version: string;
  description: string;
  codeSha256: string;
  codeSize: number;
  lastModified: string;
  /** Changes with every configuration update of $LATEST; equal when nothing changed since publishing. */
  configRevision: number;
}

export interface FunctionRecord {
  name: string;
  runtime?: string;
  handler?: string;
  role: string;
  description: string;
  tags: Record<string, string>;
  latest: FunctionVersion;
  versions: Map<string, FunctionVersion>;
  nextVersion: number;
  aliases: Map<string, { version: string; description: string; revisionId: string }>;
  configs: Map<string, StoredConfig>;
}

export interface RegionState {
  functions: Map<string, FunctionRecord>;
}

export class EmulatorState {
  private readonly regions = new Map<string, RegionState>();

  region(account: string, region: string): RegionState {
    const key = `${account}/${region}`;
    let state = this.regions.get(key);
    if (!state) {
      state = { functions: new Map() };
      this.regions.set(key, state);
    }
    return state;
  }

  /** Drops everything: for tests that want a fresh emulator without rebuilding handlers. */
  reset(): void {
    this.regions.clear();
  }
}

/** True when the qualifier names something that exists on the function. */
export function qualifierExists(fn: FunctionRecord, qualifier: string): boolean {
  return qualifier === '$LATEST' || fn.versions.has(qualifier) || fn.aliases.has(qualifier);
}

/** Epoch seconds with millisecond precision, strictly after `previous`. */
export function nextTimestamp(previous?: number): number {
  const now = Math.round(Date.now()) / 1000;
  return previous !== undefined && now <= previous ? Math.round((previous + 0.001) * 1000) / 1000 : now;
}
