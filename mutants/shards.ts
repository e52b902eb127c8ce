// Splits the mutants over child processes (one per core by default): each
// child is `mutants/cli.ts --jobs 1 --no-control` on its share of the
// catalogue, in-process as mutants/run-mutants.ts does it. Their outcomes are
// merged in catalogue order, and their runs/ moved into the report dir.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from './index.ts';
import type { MutantOutcome, MutationReport } from './report.ts';
import type { MutationOptions } from './run-mutants.ts';

const RUN = fileURLToPath(new URL('./cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `mutants/cli.ts` on one share; its progress lines go to this process's stderr. */
function child(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', RUN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => {
      stderr += d;
      process.stderr.write(d);
    });
    p.on('error', (e) => resolve({ code: null, stderr: `${stderr}\n${e.message}` }));
    p.on('close', (code) => resolve({ code, stderr }));
  });
}

const crashed = (m: Entry, why: string): MutantOutcome => ({
  id: m.id,
  area: m.area,
  title: m.title,
  bug: m.bug,
  killers: m.killers,
  outcome: 'crashed',
  failed: [],
  killedBy: [],
  evidence: {},
  exitCode: null,
  seconds: 0,
  crash: why,
});

export async function runShards(o: MutationOptions, selected: readonly Entry[], jobs: number): Promise<MutantOutcome[]> {
  const count = Math.max(1, Math.min(jobs, selected.length));
  const shares = Array.from({ length: count }, (_, k) => selected.filter((_m, i) => i % count === k));
  const reports = await Promise.all(
    shares.map(async (share, n) => {
      const dir = join(o.reportDir, 'shards', String(n));
      const args = [
        '--jobs',
        '1',
        '--report-dir',
        dir,
        '--seed',
        String(o.seed),
        '--num-runs',
        String(o.numRuns),
        ...(o.killersOnly ? ['--killers-only'] : []),
        '--no-control',
      ];
      const r = await child([...args, '--mutants', share.map((m) => m.id).join(',')]);
      const got = JSON.parse(await readFile(join(dir, 'mutants.json'), 'utf8').catch(() => 'null')) as MutationReport | null;
      const why = `the shard process exited ${r.code} without a report: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`;
      return { got, dir, share, why };
    }),
  );
  await mkdir(join(o.reportDir, 'runs'), { recursive: true });
  const outcomes = new Map<string, MutantOutcome>();
  for (const { got, dir, share, why } of reports) {
    for (const m of share) outcomes.set(m.id, got?.mutants.find((x) => x.id === m.id) ?? crashed(m, why));
    const runs = await readdir(join(dir, 'runs')).catch(() => [] as string[]);
    for (const name of runs) {
      await rm(join(o.reportDir, 'runs', name), { recursive: true, force: true });
      await rename(join(dir, 'runs', name), join(o.reportDir, 'runs', name));
    }
  }
  await rm(join(o.reportDir, 'shards'), { recursive: true, force: true });
  return selected.map((m) => outcomes.get(m.id)!);
}
