// What differs between two recordings (two nightly runs, two regions, AWS and
// an emulator): per scenario and step, the expectations that are not equal.
import { isDeepStrictEqual } from 'node:util';
import type { ObservedStep } from '../fixtures/aws-observed/types.ts';
import type { Transcript } from './transcript.ts';

export interface StepDifference {
  scenario: string;
  step: string;
  kind: 'changed' | 'only-in-a' | 'only-in-b';
  a?: ObservedStep['expect'];
  b?: ObservedStep['expect'];
}

const key = (scenario: string, step: string) => `${scenario}\u0000${step}`;

function index(t: Transcript): Map<string, { scenario: string; step: string; expect: ObservedStep['expect'] }> {
  return new Map(t.scenarios.flatMap((s) => s.steps.map((st) => [key(s.id, st.step), { scenario: s.id, step: st.step, expect: st.expect }] as const)));
}

export function diffTranscripts(a: Transcript, b: Transcript): StepDifference[] {
  const ia = index(a);
  const ib = index(b);
  const out: StepDifference[] = [];
  for (const [k, x] of ia) {
    const y = ib.get(k);
    if (!y) out.push({ scenario: x.scenario, step: x.step, kind: 'only-in-a', a: x.expect });
    else if (!isDeepStrictEqual(x.expect, y.expect)) out.push({ scenario: x.scenario, step: x.step, kind: 'changed', a: x.expect, b: y.expect });
  }
  for (const [k, y] of ib) if (!ia.has(k)) out.push({ scenario: y.scenario, step: y.step, kind: 'only-in-b', b: y.expect });
  return out;
}

/** One line per difference, naming the members that changed. */
export function describeDifference(d: StepDifference): string {
  if (d.kind !== 'changed') return `${d.scenario} ${d.step}: only in ${d.kind === 'only-in-a' ? 'A' : 'B'}`;
  const members = [...new Set([...Object.keys(d.a ?? {}), ...Object.keys(d.b ?? {})])].filter(
    (m) => !isDeepStrictEqual((d.a as Record<string, unknown>)[m], (d.b as Record<string, unknown>)[m]),
  );
  const show = (e: ObservedStep['expect'] | undefined, m: string) => JSON.stringify((e as Record<string, unknown> | undefined)?.[m]);
  return `${d.scenario} ${d.step}: ${members.map((m) => `${m} ${show(d.a, m)} -> ${show(d.b, m)}`).join('; ')}`;
}
