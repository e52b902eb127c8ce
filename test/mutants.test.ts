// Mutation testing of the conformance suite (mutants/): the catalogue is sound
// (unique ids, killers that exist), the unmodified emulator passes every rule,
// and every mutant is killed by one of the rules its catalogue entry names,
// without crashing the run. Each mutant is served on its own port and run by
// mutants/cli.ts with --rules limited to its killers (--killers-only), the
// catalogue split over one process per core (--jobs).
import { runNode } from './helpers/cli.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { mutants } from '../mutants/index.ts';
import type { MutationReport } from '../mutants/report.ts';
import type { Results } from '../reporting/results.ts';
import { catalogue, rulesById, type RuleId } from '../specs/rules/index.ts';

const SEED = '7';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUN = fileURLToPath(new URL('../mutants/cli.ts', import.meta.url));
/** Processes to split the catalogue over: each run is a vitest of its own, so more than the cores only adds contention. */
const JOBS = Math.min(4, Math.max(2, availableParallelism()));

describe('the mutant catalogue', () => {
  test('has at least 40 mutants with unique kebab-case ids, a title, a bug and killers', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(40);
    const ids = mutants.map((m) => m.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const m of mutants) {
      expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.title.length, m.id).toBeGreaterThan(0);
      expect(m.bug, m.id).toMatch(/\.$/);
      expect(m.killers.length, m.id).toBeGreaterThan(0);
    }
  });

  test('every killer is a rule of the catalogue', () => {
    const unknown = mutants.flatMap((m) => m.killers.filter((k) => !rulesById.has(k)).map((k) => `${m.id}: ${k}`));
    expect(unknown).toEqual([]);
  });

  test('every mutant is overrides in front of the untouched reference handlers (the one seam)', () => {
    for (const m of mutants) {
      const ref = createEmulator();
      const handlers = m.mutate(ref);
      expect(handlers.length, m.id).toBeGreaterThan(ref.handlers.length);
      for (const [i, h] of handlers.slice(-ref.handlers.length).entries()) expect(h, m.id).toBe(ref.handlers[i]);
    }
  });
});

/** `npx tsx mutants/cli.ts ...` as a child process (it splits the catalogue over its own children). */
const runMutants = (args: string[]) => runNode(['--import', 'tsx', RUN, ...args], { cwd: ROOT });

describe('the suite against the mutants', () => {
  let dir: string;
  let run: { code: number | null; stdout: string; stderr: string };
  let report: MutationReport | null;
  const resultsOf = async (name: string) => JSON.parse(await readFile(join(dir, 'runs', name, 'results.json'), 'utf8').catch(() => 'null')) as Results | null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lc-mutants-'));
    run = await runMutants(['--killers-only', '--seed', SEED, '--jobs', String(JOBS), '--report-dir', dir]);
    report = JSON.parse(await readFile(join(dir, 'mutants.json'), 'utf8').catch(() => 'null')) as MutationReport | null;
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the run reports every mutant and the control, and prints its table', () => {
    expect(report, run.stderr).not.toBeNull();
    expect(report!.mutants.map((m) => m.id)).toEqual(mutants.map((m) => m.id));
    expect(run.stdout).toMatch(/^mutant\s+result\s+failing rules/m);
    expect(run.stdout).toContain(`mutation score ${report!.score.percent}%`);
    // Exit 0 exactly when the control passed and every mutant was killed by one of its killers.
    const clean = report!.control?.passed === true && report!.mutants.every((m) => m.outcome === 'killed') && report!.unexpectedKillers.length === 0;
    expect(run.code).toBe(clean ? 0 : 1);
  });

  test('the unmodified emulator passes every rule (but those needing an SQS, SNS, EventBridge or S3 it does not serve)', async () => {
    expect(report?.control, run.stderr).toMatchObject({ passed: true, notPassing: [] });
    const control = await resultsOf('control');
    expect(control?.rules.map((r) => r.id)).toEqual(catalogue.map((r) => r.id));
    const lacksService = (r: { verdict: string; reason?: string }) =>
      r.verdict === 'skip' && /^the target has no (SQS|SNS|EventBridge|S3) API/.test(r.reason ?? '');
    expect(control?.rules.filter((r) => lacksService(r)).length).toBe(4);
    expect(
      control?.rules.filter((r) => r.verdict !== 'pass' && !lacksService(r)).map((r) => `${r.id}: ${r.verdict} ${r.reason ?? r.evidence[0]?.message ?? ''}`),
    ).toEqual([]);
    expect(control?.errors).toEqual([]);
  });

  test.each(mutants.map((m) => [m.id, m] as const))('%s is killed by one of its killers, without crashing the run', async (id, m) => {
    const outcome = report?.mutants.find((x) => x.id === id);
    expect(outcome, `no outcome for ${id}: ${run.stderr}`).toBeDefined();
    // A crash: the run threw, exited 2 (nothing ran, target unusable), or reported errors outside the rules.
    expect(outcome!.crash).toBeUndefined();
    expect([0, 1]).toContain(outcome!.exitCode);
    const results = await resultsOf(id);
    expect(results, 'results.json of the run').not.toBeNull();
    expect(results!.errors).toEqual([]);
    const verdicts = results!.rules.filter((r) => m.killers.includes(r.id as RuleId)).map((r) => `${r.id}: ${r.verdict}`);
    expect(outcome!.killedBy, `survived: ${m.bug} Its killers answered ${verdicts.join(', ')}: the suite lacks a rule that catches this bug`).not.toEqual([]);
    // The evidence names what went wrong (Received / Expected, or a stated failure): never empty.
    for (const k of outcome!.killedBy) expect(outcome!.evidence[k] ?? '', k).not.toBe('');
  });
});
