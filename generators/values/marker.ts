// A Marker as the contract types it: any string (opaque, no constraint). Only
// schema-valid: a target rejects markers it did not issue, so suites that need
// an accepted marker take it from a previous page instead.
import fc from 'fast-check';

export const marker = (): fc.Arbitrary<string> => fc.string();
