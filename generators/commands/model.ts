// The oracle of the model-based suite: what the contract says, and nothing of
// how the emulator does it. A map from qualifier to settings, with Put =
// replace and Update = merge; qualifiers exist when published or aliased.

export interface Settings {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
}

export interface Model {
  versions: string[];
  aliases: Map<string, string>;
  configs: Map<string, Settings>;
}

export const emptyModel = (): Model => ({ versions: [], aliases: new Map(), configs: new Map() });

export const qualifierExists = (m: Model, q: string): boolean => q === '$LATEST' || m.versions.includes(q) || m.aliases.has(q);

export const merge = (before: Settings, change: Settings): Settings => ({ ...before, ...change });
