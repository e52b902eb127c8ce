// The suite against a real emulator nobody here wrote: the pinned moto server
// (scripts/ensure-moto.sh installs it, test/helpers/moto.ts runs it). With no
// flag but --target, fixtures must be made (account from STS, a role through
// moto's IAM, real SQS/SNS/EventBridge/S3 destinations), each failure comes
// under a root cause and nothing is left behind; with the expect file, moto's
// known divergences (examples/moto.expect.yaml, each resting on AWS evidence)
// are the only failures. The log shows the run's counts and
// wall time. Where moto is not installed these tests are skipped with the
// reason; in CI (CI=true) that is a failure.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectTarget } from '../targets/target.ts';
import { serviceClients } from '../targets/service-clients.ts';
import { COMPANIONS, type CompanionKind } from '../fixtures/companions.ts';
import { Fixtures } from '../fixtures/provision.ts';
import type { Results } from '../reporting/results.ts';
import { MOTO_PIN, motoMissing, startMoto, type Moto } from './helpers/moto.ts';
import { DESTINATION_RULES, leftovers } from './helpers/run-leftovers.ts';
import { run, runIn } from './helpers/run.ts';
import { runCli } from './helpers/cli.ts';

const missing = motoMissing();
const EXPECT = 'examples/moto.expect.yaml';
/** The rules that rest on AWS evidence: an inferred rule is no ground to call moto divergent. */
const EVIDENCE_BACKED = 'recorded,analogous,modelled,documented';
const REGION = 'us-east-1';
const summaryLine = (r: Results, seconds: number) =>
  `moto ${MOTO_PIN}: ${r.summary.pass} pass, ${r.summary.fail} fail, ${r.summary.expectedFail} expected-fail, ${r.summary.inconclusive} inconclusive, ${r.summary.skip} skip; ` +
  `${r.rootCauses?.length ?? 0} root causes; ${r.coverage?.judged}/${r.coverage?.selected} rules judged; ${seconds.toFixed(1)} s`;

/** What every run against moto must show: fixtures made, destination rules judged on real ARNs, each failure under a root cause. */
function expectMadeFixturesAndCauses(results: Results, stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  // No rule is inconclusive because a fixture could not be made.
  const noFixture = results.rules.filter((x) => x.verdict === 'inconclusive' && /fixture|set-up/.test(x.reason ?? ''));
  expect(noFixture.map((x) => `${x.id}: ${x.reason}`)).toEqual([]);
  expect(results.setupProblems?.filter((p) => p.blocking) ?? []).toEqual([]);
  // The destination rules judge real resources: a verdict, never skip or inconclusive.
  for (const id of DESTINATION_RULES) expect(['pass', 'fail', 'expected-fail'], id).toContain(results.rules.find((x) => x.id === id)?.verdict);
  // Each failure has a root cause, and each cause lists its rules.
  const causes = new Map((results.rootCauses ?? []).map((c) => [c.key, c.rules]));
  for (const x of results.rules.filter((x) => x.verdict === 'fail' || x.verdict === 'expected-fail')) {
    expect(x.rootCause, x.id).toBeDefined();
    expect(causes.get(x.rootCause!), x.id).toContain(x.id);
  }
}

describe.skipIf(missing !== undefined)(`against moto ${MOTO_PIN} (a real emulator)${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);
  afterAll(() => moto?.stop());

  test('with no flag but --target: fixtures and real destinations are made, every failure has its root cause, nothing is left', async () => {
    // Literally no other flag: the report goes to the default reports/latest, here under a scratch directory.
    const cwd = await mkdtemp(join(tmpdir(), 'lc-moto-'));
    const started = Date.now();
    const r = await runCli(['run', '--target', moto.url], { cwd });
    const seconds = (Date.now() - started) / 1000;
    const results = JSON.parse(await readFile(join(cwd, 'reports', 'latest', 'results.json'), 'utf8')) as Results;
    console.log(`${summaryLine(results, seconds)}; exit ${r.code}`);
    expectMadeFixturesAndCauses(results, r.stderr);
    // moto diverges from AWS in known ways (examples/moto.expect.yaml): failures, each under its root cause, exit 1.
    expect(results.summary.fail).toBeGreaterThan(0);
    const console_ = r.stdout + r.stderr;
    expect((results.rootCauses ?? []).filter((c) => console_.includes(c.title)).length).toBeGreaterThan(0);
    expect(r.code, r.stderr.slice(-3000)).toBe(1);
    expect(await leftovers(moto.url)).toEqual([]);
  }, 600_000);

  test('with the expect file (rules resting on AWS evidence): only the known divergences fail, exit 0, nothing is left', async () => {
    await moto.reset();
    const started = Date.now();
    // moto's router answers HTML pages to some names (no verdict): the coverage floor is lowered for it, as the expect file says.
    const r = await run('--target', moto.url, '--seed', '1', '--expect', EXPECT, '--evidence', EVIDENCE_BACKED, '--min-coverage', '70');
    console.log(summaryLine(r.results, (Date.now() - started) / 1000));
    expectMadeFixturesAndCauses(r.results, r.stderr);
    // Every failure is a known, evidenced divergence: nothing new, nothing fixed.
    expect(r.results.rules.filter((x) => x.verdict === 'fail').map((x) => `${x.id}: ${x.evidence[0]?.message}`)).toEqual([]);
    expect(r.results.summary.expectedFail).toBeGreaterThan(0);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(await leftovers(moto.url)).toEqual([]);
  }, 600_000);

  test('the same seed twice against a freshly reset moto: no changed evidence, exit 0', async () => {
    await moto.reset();
    const first = await run('--target', moto.url, '--seed', '7', '--rules', 'semantics*,put.*,update.*,qualifier.*,destination.*');
    await moto.reset();
    const second = await run(
      '--target',
      moto.url,
      '--seed',
      '7',
      '--rules',
      'semantics*,put.*,update.*,qualifier.*,destination.*',
      '--baseline',
      join(first.dir, 'results.json'),
    );
    const b = second.results.baseline!;
    expect(first.results.summary.fail).toBeGreaterThan(0); // a comparison of failures, not of nothing
    expect({ newFailures: b.newFailures, newPasses: b.newPasses, changedEvidence: b.changedEvidence, sdkChange: b.sdkChange }).toEqual({
      newFailures: [],
      newPasses: [],
      changedEvidence: [],
      sdkChange: undefined,
    });
    expect(second.code).toBe(0);
  }, 600_000);

  test('record and run --replay of the shipped AWS corpus work with no other flag', async () => {
    await moto.reset();
    const dir = join(await mkdtemp(join(tmpdir(), 'lc-moto-record-')), 'recording');
    const recorded = await runCli(['record', '--target', moto.url, '--out', dir, '--seed', '3', '--sequences', '1']);
    expect(recorded.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'transcript.json'), 'utf8')).scenarios.length).toBeGreaterThan(2);

    const replay = await runIn(undefined, '--target', moto.url, '--replay', 'fixtures/recordings/aws-2025-11-25');
    expect(replay.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(replay.results.rules.length).toBeGreaterThan(50);
    // moto diverges from AWS in many steps: the replay says so, step by step, and judges every one.
    expect(replay.results.rules.filter((x) => x.verdict === 'inconclusive')).toEqual([]);
    expect(replay.results.summary.fail).toBeGreaterThan(0);
    expect(replay.code).toBe(1);
    expect(await leftovers(moto.url)).toEqual([]);
  }, 600_000);

  test('sweep finds what a run left on moto (a function, a role and each destination) and removes only that', async () => {
    await moto.reset();
    const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
    const clients = serviceClients({ endpoint: moto.url, region: REGION, credentials, timeoutMs: 10_000 });
    const prefix = 'lc-5eed00-';
    const tags = {
      'lambda-conformance:prefix': prefix,
      'lambda-conformance:run': prefix,
      'lambda-conformance:tool': 'lambda-conformance',
      'lambda-conformance:created': '2026-01-01T00:00:00.000Z',
    };
    const target = connectTarget({ kind: 'url', endpoint: moto.url, region: REGION });
    try {
      const made = new Map<CompanionKind, string>();
      for (const kind of Object.keys(COMPANIONS) as CompanionKind[])
        made.set(kind, (await COMPANIONS[kind].create(clients, COMPANIONS[kind].name(prefix), tags, REGION)).arn);
      // A function as a crashed run leaves it: its name and tags (Fixtures tags every function it makes).
      await new Fixtures(target.client, prefix, made.get('role')).createFunction('left');
      // Not ours: the right name without the tags.
      await COMPANIONS.sqs.create(clients, 'lc-0ther0-queue', {}, REGION);
    } finally {
      clients.destroy();
      target.close();
    }
    const swept = await runCli(['sweep', '--target', moto.url, '--run', prefix]);
    expect(swept.code, swept.stderr).toBe(0);
    expect(swept.stdout).toMatch(new RegExp(`removed ${prefix}left-1`));
    for (const kind of Object.keys(COMPANIONS)) expect(swept.stdout).toMatch(new RegExp(`removed ${kind} ${prefix}`));
    expect(await leftovers(moto.url)).toEqual(['sqs lc-0ther0-queue']);
  }, 120_000);
});
