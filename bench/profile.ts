// `npm run bench:profile`: where the wall time of a full default run goes. One
// `lambda-conformance run` on the embedded target with V8's CPU profiler on in
// the CLI's process and in each vitest worker; prints, for each process, its
// time by part of the stack (bench/cpu-profile.ts) and a timeline in slices.
// Profiling slows a run by a tenth or so: the shares matter, not the seconds.
// `PROFILE_KEEP=dir` keeps the .cpuprofile files there (for Chrome DevTools).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breakdown, readProfile, topParts, type Breakdown } from './cpu-profile.ts';
import { ROOT } from './common.ts';

const SLICE_MS = Number(process.env.PROFILE_SLICE_MS ?? 250);
const keep = process.env.PROFILE_KEEP;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'lc-profile-'));
const reportDir = join(dir, 'reports');
for (const d of ['main', 'workers', 'reports']) mkdirSync(join(dir, d), { recursive: true });

const started = performance.now();
const run = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'main')}`, join(ROOT, 'bin/lambda-conformance.js'), 'run', '--report-dir', reportDir],
  {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LAMBDA_CONFORMANCE_WORKER_CPU_PROF: join(dir, 'workers') },
  },
);
let stderr = '';
run.stderr!.on('data', (d: Buffer) => (stderr += d));
const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
const wallS = (performance.now() - started) / 1000;
if (code !== 0) {
  console.error(`bench:profile: the run exited with ${code}:\n${stderr}`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { rules: Array<{ requests?: number }> };
const requests = results.rules.reduce((s, r) => s + (r.requests ?? 0), 0);

// The CLI's main thread is thread 0 of its pid; other threads (tsx's loader) are left out.
const profiles = (sub: string) =>
  readdirSync(join(dir, sub))
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ f, p: readProfile(join(dir, sub, f)) }));
const main = profiles('main').filter(({ f }) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
const workers = profiles('workers').sort((a, b) => a.p.startTime - b.p.startTime);
if (main.length !== 1 || workers.length === 0) {
  console.error(`bench:profile: expected one CLI profile and at least one worker profile, found ${main.length} and ${workers.length} in ${dir}`);
  process.exit(1);
}
const origin = main[0]!.p.startTime;
const at = (t: number) => `${((t - origin) / 1e6).toFixed(2)} s`;

function print(name: string, b: Breakdown): void {
  console.log(`\n${name}: from ${at(b.startTime)} to ${at(b.endTime)} (${(b.wallMs / 1000).toFixed(2)} s)`);
  for (const line of topParts(b.total, b.wallMs)) console.log(`  ${line}`);
  console.log(`  timeline, ${SLICE_MS} ms slices from its start (the three largest parts of each):`);
  b.slices.forEach((slice, k) => {
    const parts = topParts(slice, SLICE_MS, 3).map((l) => l.replace(/ \(\d+%\)$/, ''));
    console.log(`    ${((k * SLICE_MS) / 1000).toFixed(2).padStart(5)} s  ${parts.join(' | ')}`);
  });
}

console.log(`lambda-conformance bench:profile: a full default run (embedded), ${requests} requests, ${wallS.toFixed(2)} s wall with the profiler on`);
console.log('times from the start of the CLI process; node and tsx start before its profile does');
print('CLI process (vitest main: config, module transforms for the workers, reporting)', breakdown(main[0]!.p, SLICE_MS));
for (const [i, w] of workers.entries()) print(`vitest worker ${i + 1} (the suites: rules, SDK, emulator)`, breakdown(w.p, SLICE_MS));
if (keep) console.log(`\nprofiles kept in ${keep} (open them in Chrome DevTools, Performance tab)`);
else rmSync(dir, { recursive: true, force: true });
