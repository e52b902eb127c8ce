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

/**
 * The functions of one account and region. The region's state is held by the
 * emulator only while it has a function: a region that was only read (any
 * region in a credential scope or an ARN) is never stored, and the last
 * function deleted frees it. So state is bounded by what was created, not by
 * how many distinct regions were asked about.
 */
class RegionFunctions extends Map<string, FunctionRecord> {
  private owner: Map<string, RegionState> | undefined;
  private key = '';
  private state: RegionState | undefined;

  attachTo(owner: Map<string, RegionState>, key: string, state: RegionState): this {
    this.owner = owner;
    this.key = key;
    this.state = state;
    return this;
  }

  override set(name: string, fn: FunctionRecord): this {
    const owner = this.owner;
    if (owner && this.state) {
      const held = owner.get(this.key);
      if (held === undefined) owner.set(this.key, this.state);
      // Handlers look a region up and write to it in one synchronous step, so two
      // unheld views of one region cannot both write; if one ever did, the write
      // goes to the held one rather than being lost.
      else if (held !== this.state) {
        held.functions.set(name, fn);
        return this;
      }
    }
    return super.set(name, fn);
  }

  override delete(name: string): boolean {
    const deleted = super.delete(name);
    if (this.size === 0) this.release();
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.release();
  }

  private release(): void {
    if (this.owner && this.state && this.owner.get(this.key) === this.state) this.owner.delete(this.key);
  }
}

export class EmulatorState {
  private readonly regions = new Map<string, RegionState>();

  /** The region's state; one that holds nothing yet is a view, stored only when a function is added to it. */
  region(account: string, region: string): RegionState {
    const key = `${account}/${region}`;
    const held = this.regions.get(key);
    if (held) return held;
    const functions = new RegionFunctions();
    const state: RegionState = { functions };
    functions.attachTo(this.regions, key, state);
    return state;
  }

  /** How many account/region states are held (each with at least one function). */
  get regionCount(): number {
    return this.regions.size;
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

let lastIssued = 0;

/**
 * Epoch seconds with millisecond precision from one process-wide monotonic
 * clock: max(now, the last value issued). It never goes backwards (not even
 * across a Delete and a new Put, or a wall clock stepped back) and never runs
 * ahead of the clock: writes within one millisecond share it, rather than each
 * adding a millisecond (18,728 writes in 5 s once left LastModified 13.7 s in
 * the future that way).
 */
export function nextTimestamp(): number {
  const now = Date.now() / 1000;
  if (now > lastIssued) lastIssued = now;
  return lastIssued;
}
