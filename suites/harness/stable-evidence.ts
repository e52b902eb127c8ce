// Evidence that reads the same when the same target, SDK and seed are run
// twice, so that a --baseline comparison shows what really changed: the run's
// random prefix becomes `lc-RUNID-`, and what the target stamps on every
// answer (timestamps, request ids) becomes a placeholder. Fixture names are
// already stable: each rule names its own fixtures (Fixtures.scope), a
// function it leased from the pool reading under that name too
// (RuleContext.localise: which member served it depends on timing), and the
// reproduction still uses valid names (of the reader's own, never the run's,
// which are deleted at its end).
import type { Evidence } from '../../specs/verdicts.ts';

const REPLACEMENTS: Array<[RegExp, string]> = [
  // ISO timestamps, with or without fractions and zone (GetFunction's 2026-12-01T15:04:19.508+0000 too).
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '<timestamp>'],
  // LastModified as epoch seconds: in raw JSON text quoted in a string, then in parsed bodies.
  [/(LastModified\\"\s*:\s*)\d{9,}(\.\d+)?/g, '$1<epoch>'],
  [/(LastModified"\s*:\s*)\d{9,}(\.\d+)?/g, '$1"<epoch>"'],
  // Request ids and other UUIDs.
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'],
];

export function stableEvidence(e: Evidence, prefix: string): Evidence {
  let text = JSON.stringify(e);
  const runPrefix = /^lc-[0-9a-f]{6}-/.exec(prefix)?.[0];
  if (runPrefix) text = text.split(runPrefix).join('lc-RUNID-');
  for (const [re, by] of REPLACEMENTS) text = text.replace(re, by);
  return JSON.parse(text) as Evidence;
}
