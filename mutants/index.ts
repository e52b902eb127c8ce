// The mutant catalogue: faulty variants of the reference emulator, each one
// small named bug applied through one seam (mutants/rewrite.ts: msw overrides
// in front of the reference handlers), with the rules expected to catch it.
// `npm run mutants` (mutants/cli.ts) runs the conformance suite against each;
// test/mutants.test.ts checks every mutant is killed by one of its killers.
import type { HttpHandler } from 'msw';
import { createEmulator } from '../emulator/index.ts';
import { nameFormMutants } from './name-forms.ts';
import { pagingMutants } from './paging.ts';
import { qualifierMutants } from './qualifiers.ts';
import type { Mutant } from './rewrite.ts';
import { semanticsMutants } from './semantics.ts';
import { validationMutants } from './validation.ts';
import { wireMutants } from './wire.ts';

export type { Mutant } from './rewrite.ts';

export const AREAS = {
  semantics: semanticsMutants,
  qualifiers: qualifierMutants,
  validation: validationMutants,
  wire: wireMutants,
  paging: pagingMutants,
  'name-forms': nameFormMutants,
} as const;
export type Area = keyof typeof AREAS;
/** A mutant with the area it belongs to. */
export type Entry = Mutant & { area: Area };

export const mutants: readonly Entry[] = Object.entries(AREAS).flatMap(([area, list]) => list.map((m) => ({ ...m, area: area as Area })));

export function mutantById(id: string): Entry {
  const m = mutants.find((x) => x.id === id);
  if (!m) throw new Error(`mutants: no mutant ${id}`);
  return m;
}

/** A fresh reference emulator with the mutant applied: its handlers, ready to serve. */
export function mutantHandlers(m: Mutant): HttpHandler[] {
  const { handlers, state } = createEmulator();
  return m.mutate({ handlers, state });
}
