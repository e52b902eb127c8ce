// The suite's figures for bench/run.ts: a full default `run` on the embedded
// target, five times (requests and functions from results.json `traffic`;
// the median wall time; peak memory of its process tree), and the floor
// under it (bench/floor.ts): the same number of calls from a fresh process that
// loads only what any run must. The run's rate over the embedded rate is bounded
// by the floor's; the run's wall over the floor's is what the suite itself costs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeRssKb } from './proc.ts';
import { ROOT, median, round2 } from './common.ts';
import type { Results } from '../reporting/results.ts';

export interface SuiteFigures {
  suiteRequests: number;
  /** Functions the run created; null where the run does not report them (results.json without `traffic`). */
  suiteFunctions: number | null;
  suiteRps: number;
  suiteRatio: number;
  fullRunWallS: number;
  peakRssMB: number;
  floorWallS: number;
  floorRatio: number;
  floorOverRun: number;
}

/** One full default run on the embedded target: wall time, peak memory of its process tree, its results. */
async function fullRun(): Promise<{ wallS: number; peakKb: number; exitCode: number | null; output: string; results: Results }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  const started = performance.now();
  const run = spawn(process.execPath, [join(ROOT, 'bin/lambda-conformance.js'), 'run', '--report-dir', reportDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout!.on('data', (d: Buffer) => (output += d));
  run.stderr!.on('data', (d: Buffer) => (output += d));
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(run.pid!))), 20);
  const exitCode = await new Promise<number | null>((resolve) => run.once('exit', resolve));
  clearInterval(poll);
  const wallS = (performance.now() - started) / 1000;
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
  rmSync(reportDir, { recursive: true, force: true });
  return { wallS, peakKb, exitCode, output, results };
}

export async function suite(embeddedRps: number | undefined): Promise<SuiteFigures> {
  // Five runs, the median by wall time: one run on a noisy machine says little.
  const runs: Array<Awaited<ReturnType<typeof fullRun>>> = [];
  for (let i = 0; i < 5; i++) runs.push(await fullRun());
  const mid = median(runs.map((r) => r.wallS));
  const { wallS: fullRunWallS, exitCode, output, results } = runs.find((r) => r.wallS === mid)!;
  const peakKb = Math.max(...runs.map((r) => r.peakKb));
  if (exitCode !== 0) console.error(`bench: the run exited with ${exitCode}:\n${output}`);
  // Every request the suites sent: the rules' own and their harness's (the pool of functions, shared set-ups).
  const suiteRequests = results.traffic?.requests ?? results.rules.reduce((s, r) => s + (r.requests ?? 0), 0);
  const suiteFunctions = results.traffic?.functionsCreated ?? null;
  const ruleSeconds = results.rules.reduce((s, r) => s + (r.durationMs ?? 0), 0) / 1000;
  const suiteRps = suiteRequests / fullRunWallS;
  const ratio = (rps: number) => (embeddedRps ? round2(rps / embeddedRps) : NaN);
  const peakRssMB = Math.round(peakKb / 1024);
  console.log(
    `suite: full default run (embedded), exit ${exitCode}: ${results.rules.length} rules, ${suiteRequests} requests, ${suiteFunctions ?? '(not reported)'} functions created, ${fullRunWallS.toFixed(2)} s wall (median of ${runs.length}: ${runs.map((r) => r.wallS.toFixed(2)).join(', ')})`,
  );
  console.log(`  ${Math.round(suiteRps)} requests/s over the wall time = ${ratio(suiteRps)} of the embedded rate`);
  console.log(
    `  (inside the rules: ${ruleSeconds.toFixed(2)} s summed over rules, ${Math.round(suiteRequests / ruleSeconds)} requests/s = ${ratio(suiteRequests / ruleSeconds)} of the embedded rate)`,
  );
  console.log(`  peak memory: ${peakRssMB} MB (sum of VmRSS over the run's process tree, polled every 20 ms, the highest of the runs)`);
  const floor = await floorOf(suiteRequests);
  const floorRatio = ratio(suiteRequests / floor.wallS);
  const floorOverRun = round2(floor.wallS / fullRunWallS);
  console.log(`floor: ${suiteRequests} calls of the mix from a fresh process loading only the SDK, msw and the emulator (bench/floor.ts, median of 3):`);
  console.log(
    `  ${floor.wallS.toFixed(2)} s wall = node and tsx ${floor.startS.toFixed(2)} s + loading ${floor.loadS.toFixed(2)} s + calls ${floor.callsS.toFixed(2)} s (cold: ${Math.round(suiteRequests / floor.callsS)} calls/s)`,
  );
  console.log(
    `  ${Math.round(suiteRequests / floor.wallS)} requests/s = ${floorRatio} of the embedded rate: the most a run of ${suiteRequests} requests can reach here`,
  );
  console.log(`  the run's wall time is ${round2(fullRunWallS / floor.wallS)}x the floor's (floor/run = ${floorOverRun})`);
  return {
    suiteRequests,
    suiteFunctions,
    suiteRps,
    suiteRatio: ratio(suiteRps),
    fullRunWallS,
    peakRssMB,
    floorWallS: round2(floor.wallS),
    floorRatio,
    floorOverRun,
  };
}

/** bench/floor.ts with n calls, three times: the median by wall time, with its own split. */
async function floorOf(n: number): Promise<{ wallS: number; startS: number; loadS: number; callsS: number }> {
  const runs: Array<{ wallS: number; startS: number; loadS: number; callsS: number }> = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/floor.ts'), String(n)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const wallS = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`bench: bench/floor.ts ${n} exited with ${code}: ${out}`);
    runs.push({ wallS, ...(JSON.parse(out) as { startS: number; loadS: number; callsS: number }) });
  }
  const mid = median(runs.map((r) => r.wallS));
  return runs.find((r) => r.wallS === mid)!;
}
