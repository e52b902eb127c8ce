// `npm run bench`: how fast the suite and the emulator are, measured in one run
// on this machine, printed and written to reports/bench.json. Figures only:
// nothing here is ever asserted in a test.
//
// - SDK ceiling: LambdaClient with a request handler returning the canned bytes
//   of each call (no emulator, no network), sequential calls;
// - embedded: the embedded target's client (targets/msw-request-handler.ts over
//   emulator/index.ts), sequential calls; ratio to the ceiling;
// - served: emulator/serve.ts (serveHandlers) in a child process, and a bare
//   node:http server in a child process answering the same canned bytes, both
//   called by the same client: the SDK's LambdaClient over a keep-alive
//   http.Agent, signed requests, at concurrency 1 and 8 (8 loops of sequential
//   calls, each on its own function); and the CPU time each server process
//   spends per call (/proc), which the machine's load hardly skews;
// - suite: a full default `node bin/lambda-conformance.js run` (embedded
//   target), five times, the median by wall time: its total requests and
//   functions created (results.json `traffic`: the rules' own requests and
//   their harness's), requests per second over its wall time, and the ratio
//   of that rate to the embedded rate; peak memory = the highest sum of VmRSS
//   over the run's process tree (the CLI and its vitest workers), polled from
//   /proc every 20 ms. Printed too, not in bench.json: the rate inside the
//   rules (requests / the sum of the rules' durations), i.e. without the
//   run's fixed start-up cost;
// - floor (bench/suite.ts, bench/floor.ts): the same number of calls from a
//   fresh process that loads only the SDK, msw and the emulator, cold: what no
//   run of that many requests can beat (floorWallS; floorRatio: its rate over
//   the embedded rate; floorOverRun: its wall over the run's wall);
// - where users run it (bench/remote.ts): against moto, its wall over the
//   floor its own measured throughput gives (motoFloorRatio); at AWS's pace
//   (15 requests/s, functions Pending 1-3 s) against the served emulator,
//   with 429s, functions and verdicts (awsPaceRatio); and the requests and
//   functions of a default run against the served emulator, counted where
//   they arrive, by operation and by suite (runTraffic).
//
// Every call rate is the median of 5 rounds of about 0.8 s each, after a
// warm-up of 2 s (BENCH_WARM_MS), over the six-call mix of bench/workload.ts;
// the two rates of a ratio are measured in alternating rounds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createEmulator } from '../emulator/index.ts';
import { embeddedTarget, EMBEDDED_ENDPOINT } from '../targets/embedded.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { MswRequestHandler } from '../targets/msw-request-handler.ts';
import { CannedHandler, cannedToJson, createBenchFunction, cycle, RecordingHandler } from './workload.ts';
import { suite } from './suite.ts';
import { cpuMs } from './proc.ts';
import { ROOT, round2 } from './common.ts';
import { callsPerSecond, loops } from './rates.ts';
import { AWS_RATE, awsPace, moto } from './remote.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const REGION = 'us-east-1';
/** For working on one part: `BENCH_ONLY=inprocess|served|suite|moto|aws` (bench.json is then not written). */
const ONLY = process.env.BENCH_ONLY;
const part = (name: string) => ONLY === undefined || ONLY === name;

// --- canned answers: what the emulator says to each call of the mix ----------
const recorder = new RecordingHandler(new MswRequestHandler(createEmulator({ defaultRegion: REGION }).handlers));
const recordingClient = createLambdaClient({ endpoint: EMBEDDED_ENDPOINT, region: REGION, credentials: EMULATOR_CREDENTIALS, requestHandler: recorder });
await createBenchFunction(recordingClient, 'bench-canned');
for (const call of cycle('bench-canned')) await call(recordingClient);
const canned = recorder.recorded;
const statuses = [...canned.keys()].sort().map((k) => canned.get(k)!.statusCode);
if (statuses.join() !== '200,200,200,200,404,400') throw new Error(`bench: unexpected answers to the call mix: ${statuses.join()}`);

console.log(
  `lambda-conformance bench: ${availableParallelism()} cores, node ${process.version}; call mix Put, Get, Update, List, Get->404, Put->400 (statuses ${statuses.join(' ')})`,
);

// --- SDK ceiling and embedded --------------------------------------------------
async function inProcess(): Promise<{ sdkCeilingRps: number; embeddedRps: number }> {
  const ceilingClient = createLambdaClient({
    endpoint: EMBEDDED_ENDPOINT,
    region: REGION,
    credentials: EMULATOR_CREDENTIALS,
    requestHandler: new CannedHandler(canned),
  });
  const embedded = embeddedTarget({ region: REGION });
  const r = await callsPerSecond({ ceiling: await loops(ceilingClient, 'ceiling', 1, false), embedded: await loops(embedded.client, 'embedded', 1) });
  embedded.client.destroy();
  console.log(`SDK ceiling (canned bytes, no emulator):     ${Math.round(r.ceiling)} calls/s`);
  console.log(`embedded target (msw handler + emulator):    ${Math.round(r.embedded)} calls/s  = ${round2(r.embedded / r.ceiling)} of the ceiling`);
  return { sdkCeilingRps: r.ceiling, embeddedRps: r.embedded };
}

// --- served emulator vs bare node:http, over loopback ---------------------------
async function startServer(mode: 'emulator' | 'bare'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/server.ts'), mode], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_CANNED: cannedToJson(canned) },
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: ${mode} server exited with ${code}`)));
    lines.on('line', (l) => {
      const m = /^listening on (\S+)/.exec(l);
      if (m) resolve(m[1]!);
    });
  });
  return { url, child };
}

/** A batch that also adds up the CPU time the server process `pid` spends on it, per call (since reset()). */
function metered(pid: number, batch: (n: number) => Promise<void>): { batch: (n: number) => Promise<void>; msPerCall: () => number; reset: () => void } {
  let ms = 0;
  let calls = 0;
  return {
    reset: () => {
      ms = 0;
      calls = 0;
    },
    batch: async (n) => {
      const before = cpuMs(pid);
      await batch(n);
      ms += cpuMs(pid) - before;
      calls += n;
    },
    msPerCall: () => Math.round((ms / calls) * 1000) / 1000,
  };
}

type PerConcurrency = { c1: number; c8: number };
async function served(): Promise<{
  servedRps: PerConcurrency;
  bareHttpRps: PerConcurrency;
  servedRatio: PerConcurrency;
  serverCpuMsPerCall: { emulator: PerConcurrency; bare: PerConcurrency };
}> {
  const emulator = await startServer('emulator');
  const bare = await startServer('bare');
  const servedRps = { c1: 0, c8: 0 };
  const bareHttpRps = { c1: 0, c8: 0 };
  const serverCpuMsPerCall = { emulator: { c1: 0, c8: 0 }, bare: { c1: 0, c8: 0 } };
  for (const c of [1, 8] as const) {
    const agents: Agent[] = [];
    const clientFor = (url: string) => {
      const agent = new Agent({ keepAlive: true, maxSockets: c });
      agents.push(agent);
      return new LambdaClient({ region: REGION, endpoint: url, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1, requestHandler: { httpAgent: agent } });
    };
    const e = clientFor(emulator.url);
    const b = clientFor(bare.url);
    const me = metered(emulator.child.pid!, await loops(e, `served-c${c}`, c));
    const mb = metered(bare.child.pid!, await loops(b, `bare-c${c}`, c, false));
    const r = await callsPerSecond({ emulator: me.batch, bare: mb.batch }, () => {
      for (const m of [me, mb]) m.reset();
    });
    servedRps[`c${c}`] = r.emulator;
    bareHttpRps[`c${c}`] = r.bare;
    serverCpuMsPerCall.emulator[`c${c}`] = me.msPerCall();
    serverCpuMsPerCall.bare[`c${c}`] = mb.msPerCall();
    e.destroy();
    b.destroy();
    for (const a of agents) a.destroy();
  }
  for (const { child } of [emulator, bare]) {
    child.stdin!.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const servedRatio = { c1: round2(servedRps.c1 / bareHttpRps.c1), c8: round2(servedRps.c8 / bareHttpRps.c8) };
  console.log('served over loopback, SDK client with a keep-alive agent, server in its own process:');
  for (const c of ['c1', 'c8'] as const) {
    console.log(
      `  concurrency ${c.slice(1)}: emulator ${Math.round(servedRps[c])} calls/s, bare node:http ${Math.round(bareHttpRps[c])} calls/s  = ${servedRatio[c]}`,
    );
    console.log(
      `    server CPU per call: emulator ${serverCpuMsPerCall.emulator[c]} ms, bare ${serverCpuMsPerCall.bare[c]} ms (the rest of a call's time is the client's and the loopback's)`,
    );
  }
  return { servedRps, bareHttpRps, servedRatio, serverCpuMsPerCall };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before: ${load()}`);
const inproc = part('inprocess') || part('suite') ? await inProcess() : undefined;
const serve = part('served') ? await served() : undefined;
const whole = part('suite') ? await suite(inproc?.embeddedRps) : undefined;
const againstMoto = part('moto') ? await moto() : undefined;
const atAwsPace = part('aws') ? await awsPace() : undefined;
console.log(`load average after: ${load()} (other processes on this machine skew every figure)`);

if (inproc && serve && whole && atAwsPace) {
  const figures = {
    sdkCeilingRps: Math.round(inproc.sdkCeilingRps),
    embeddedRps: Math.round(inproc.embeddedRps),
    embeddedRatio: round2(inproc.embeddedRps / inproc.sdkCeilingRps),
    servedRps: { c1: Math.round(serve.servedRps.c1), c8: Math.round(serve.servedRps.c8) },
    bareHttpRps: { c1: Math.round(serve.bareHttpRps.c1), c8: Math.round(serve.bareHttpRps.c8) },
    servedRatio: serve.servedRatio,
    serverCpuMsPerCall: serve.serverCpuMsPerCall,
    suiteRequests: whole.suiteRequests,
    suiteRps: Math.round(whole.suiteRps),
    suiteRatio: whole.suiteRatio,
    fullRunWallS: round2(whole.fullRunWallS),
    peakRssMB: whole.peakRssMB,
    floorWallS: whole.floorWallS,
    floorRatio: whole.floorRatio,
    floorOverRun: whole.floorOverRun,
    suiteFunctions: whole.suiteFunctions,
    // A default run against the served emulator, counted where the requests arrive (set-up and teardown included).
    runTraffic: atAwsPace.unthrottled,
    // Against moto (null where it is not installed): wall time over the floor of its own throughput.
    moto: againstMoto ?? null,
    motoFloorRatio: againstMoto?.motoFloorRatio ?? null,
    awsPace: { rate: AWS_RATE, ...atAwsPace.paced },
    awsPaceRatio: atAwsPace.awsPaceRatio,
  };
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports/bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`reports/bench.json: ${JSON.stringify(figures)}`);
}
