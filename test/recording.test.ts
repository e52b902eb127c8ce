// Record and replay: a recording of `serve` replays clean against `serve`, and
// against a broken emulator the diff names the broken behaviour (classified
// against the reference emulator); recordings are stable for a seed; the
// shipped real-AWS corpus replays clean; diff-recordings shows what changed;
// disagreeing recordings of different dates are classified as AWS changes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { CORPUS_DIR, observedCorpus } from '../recording/export-observed.ts';
import { putMergesEmulator } from './helpers/broken-emulators.ts';
import { runCli } from './helpers/cli.ts';
import { run, servers } from './helpers/run.ts';

const serve = servers();
const tmp = () => mkdtemp(join(tmpdir(), 'lc-rec-'));

async function record(url: string, dir: string, seed = '21'): Promise<void> {
  const r = await runCli(['record', '--target', url, '--out', dir, '--seed', seed]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^recorded 7 scenarios, \d+ steps \(seed \d+\)/);
}

describe('record and replay', () => {
  test('a recording of serve replays with every step matching against serve', async () => {
    const dir = join(await tmp(), 'rec');
    await record(await serve(createEmulator().handlers), dir);
    const provenance = JSON.parse(await readFile(join(dir, 'provenance.json'), 'utf8'));
    expect(provenance).toMatchObject({ region: 'us-east-1', seed: 21, sdk: expect.any(String), recordedAt: expect.any(String) });
    const r = await run('--target', await serve(createEmulator().handlers), '--replay', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.results.summary.fail).toBe(0);
    expect(r.results.rules.length).toBeGreaterThan(66);
    expect(r.results.rules.every((x) => x.id.startsWith('replay.'))).toBe(true);
  });

  test('replayed against a broken emulator, the diff names the broken behaviour, classified against the reference', async () => {
    const dir = join(await tmp(), 'rec');
    await record(await serve(createEmulator().handlers), dir);
    const r = await run('--target', await serve(putMergesEmulator()), '--replay', dir);
    expect(r.code).toBe(1);
    const failed = r.results.rules.filter((x) => x.verdict === 'fail');
    const overwrite = failed.find((x) => x.id.endsWith('put-invokeconfig-eventage-60'))!;
    expect(overwrite).toBeDefined();
    expect(overwrite.evidence[0]!.message).toMatch(/^target-diverges: .*body\.MaximumRetryAttempts: expected undefined|^target-diverges: body keys/);
    expect(overwrite.evidence[0]!.message).toContain('MaximumRetryAttempts');
    expect(failed.every((x) => x.reason?.startsWith('target-diverges'))).toBe(true);
  });

  test('recording twice with the same seed gives identical transcripts', async () => {
    const base = await tmp();
    const url = await serve(createEmulator().handlers);
    await record(url, join(base, 'a'), '33');
    await record(url, join(base, 'b'), '33');
    const [a, b] = await Promise.all(['a', 'b'].map((d) => readFile(join(base, d, 'transcript.json'), 'utf8')));
    expect(a).toBe(b);
    expect(a).not.toMatch(/lc-[0-9a-f]{6}-|000000000000|us-east-1|LastModified":\s*\d/);
  });
});

describe('the shipped corpus of real-AWS facts', () => {
  test('is what `npm run gen` exports from fixtures/aws-observed (no drift)', async () => {
    const shipped = JSON.parse(await readFile(join(CORPUS_DIR, 'transcript.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(observedCorpus().transcript)));
  });

  test('replays clean against the reference emulator', async () => {
    const r = await run('--replay', CORPUS_DIR);
    expect(r.code, r.stderr).toBe(0);
    expect(r.results.summary).toMatchObject({ pass: 66, fail: 0 });
  });
});

describe('comparing recordings', () => {
  test('diff-recordings lists the changed steps and exits 1; identical recordings exit 0', async () => {
    const base = await tmp();
    await record(await serve(createEmulator().handlers), join(base, 'good'));
    await record(await serve(putMergesEmulator()), join(base, 'bad'));
    const same = await runCli(['diff-recordings', join(base, 'good'), join(base, 'good')]);
    expect([same.code, same.stdout.trim().split('\n').at(-1)]).toEqual([0, 'no differences']);
    const d = await runCli(['diff-recordings', join(base, 'good'), join(base, 'bad')]);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/put_invokeconfig_eventage_60: bodyKeys .*-> .*MaximumRetryAttempts/);
    expect(d.stdout).toMatch(/\d+ steps differ/);
  });

  test('recordings of different dates that disagree: the step is classified as an AWS change', async () => {
    const base = await tmp();
    await record(await serve(createEmulator().handlers), join(base, 'new'));
    await record(await serve(createEmulator().handlers), join(base, 'old'));
    const oldT = JSON.parse(await readFile(join(base, 'old', 'transcript.json'), 'utf8'));
    oldT.scenarios[0].steps[0].expect.status = 201; // AWS answered otherwise back then
    await writeFile(join(base, 'old', 'transcript.json'), JSON.stringify(oldT));
    const prov = JSON.parse(await readFile(join(base, 'old', 'provenance.json'), 'utf8'));
    await writeFile(join(base, 'old', 'provenance.json'), JSON.stringify({ ...prov, recordedAt: '2024-04-10T00:00:00Z' }));
    const r = await run('--replay', join(base, 'new'), '--replay', join(base, 'old'));
    expect(r.code, r.stderr).toBe(0);
    const first = r.results.rules.find((x) => x.id.endsWith('put-invokeconfig-retries-0'))!;
    expect(first.reason).toMatch(/^aws-changed: AWS changed since 2024-04-10/);
  });

  test('a directory that is not a recording is a usage error, exit 2', async () => {
    const r = await run('--replay', await tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a recording made by lambda-conformance record?');
  });
});
