// The situations users run the suite in, for bench/run.ts: a full default run
// against moto (a slow emulator), and against the served reference emulator at
// AWS's pace (the fault proxy's token bucket of 15 requests a second and
// functions Pending for 1-3 s after CreateFunction). Every request of a run is
// counted where it arrives (the proxy's onExchange), set-up and teardown
// included: the figures are the target's, not the run's own account.
//
// - moto: its own throughput measured in the same bench (the call mix of
//   bench/workload.ts through the same counting proxy, at concurrency 1 and at
//   the run's), then one default `run --target <moto>`: its wall time over the
//   floor, the run's request count at moto's rate for the run's concurrency
//   (motoFloorRatio = floor / wall);
// - AWS's pace: one default run against the served emulator through a
//   transparent counting proxy (the unthrottled run: requests and functions
//   per run and per suite, its verdicts), then the same run through the proxy
//   with the pace and the Pending states: wall time, requests, 429s, functions
//   created, and whether its verdicts are the unthrottled run's
//   (awsPaceRatio = (requests / 15) / wall, requests being those the bucket let
//   through; the 429s are counted apart).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import { defaultConcurrency } from '../run/options.ts';
import type { Results } from '../reporting/results.ts';
import { COMPANIONS } from '../fixtures/companions.ts';
import { EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { serviceClients } from '../targets/service-clients.ts';
import { startFaultProxy, type Exchanged, type FaultPlan, type FaultProxy } from '../test/helpers/fault-proxy/proxy.ts';
import { motoMissing, startMoto } from '../test/helpers/moto.ts';
import { ROOT, round2 } from './common.ts';
import { callsPerSecond, loops } from './rates.ts';

/** AWS Lambda's control-plane pace per account and region, for all these operations together. */
export const AWS_RATE = 15;

/** Requests as they reached a target, by operation. */
export class Count {
  readonly byOp: Record<string, number> = {};
  requests = 0;
  functionsCreated = 0;
  throttled = 0;
  pendingRefused = 0;

  readonly onExchange = (e: Exchanged): void => {
    if (e.by === 'rateLimit') {
      this.throttled++;
      return;
    }
    if (e.by === 'pending') this.pendingRefused++;
    this.requests++;
    const op = operationOf(e.method, e.path);
    this.byOp[op] = (this.byOp[op] ?? 0) + 1;
    if (op === 'CreateFunction' && e.status !== undefined && e.status < 300) this.functionsCreated++;
  };

  reset(): void {
    for (const k of Object.keys(this.byOp)) delete this.byOp[k];
    this.requests = this.functionsCreated = this.throttled = this.pendingRefused = 0;
  }
}

/** The operation of a Lambda request by its method and path (the others by path alone). */
function operationOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/2019-09-25/functions/')) {
    if (path.endsWith('/event-invoke-config/list')) return 'ListFunctionEventInvokeConfigs';
    const verb = { PUT: 'Put', POST: 'Update', GET: 'Get', DELETE: 'Delete' }[method];
    return path.endsWith('/event-invoke-config') && verb ? `${verb}FunctionEventInvokeConfig` : `${method} (other EventInvokeConfig path)`;
  }
  if (/^\/2015-03-31\/functions\/?$/.test(path)) return method === 'POST' ? 'CreateFunction' : 'ListFunctions';
  if (/^\/2015-03-31\/functions\/[^/]+\/versions$/.test(path)) return method === 'POST' ? 'PublishVersion' : 'ListVersionsByFunction';
  if (/^\/2015-03-31\/functions\/[^/]+\/aliases(\/[^/]+)?$/.test(path)) return { POST: 'CreateAlias', DELETE: 'DeleteAlias' }[method] ?? `${method} alias`;
  if (/^\/2015-03-31\/functions\/[^/]+$/.test(path)) return { GET: 'GetFunction', DELETE: 'DeleteFunction' }[method] ?? `${method} function`;
  return 'other services (STS, IAM, SQS, SNS, EventBridge, S3, unknown paths)';
}

interface RunOutcome {
  wallS: number;
  exitCode: number | null;
  results: Results;
  verdicts: Record<string, string>;
}

/** A default `run --target <url> --seed 1`, timed from spawn to exit. */
async function runAgainst(url: string, extra: string[] = []): Promise<RunOutcome> {
  const reportDir = mkdtempSync(join(tmpdir(), 'lc-bench-remote-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/lambda-conformance.js'), 'run', '--target', url, '--seed', '1', '--report-dir', reportDir, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallS = (performance.now() - started) / 1000;
  let results: Results;
  try {
    results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
  } catch {
    throw new Error(`bench: the run against ${url} wrote no results (exit ${exitCode}):\n${stderr.slice(-3000)}`);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
  return { wallS, exitCode, results, verdicts: Object.fromEntries(results.rules.map((r) => [r.id, r.verdict])) };
}

const counted = (upstream: string, count: Count, plan: FaultPlan = {}): Promise<FaultProxy> =>
  startFaultProxy({ upstream, plan, maxRequests: 1_000_000, onExchange: count.onExchange });

/** Requests and functions of a run, in all and per suite (results.json `traffic`: the suites' own, set-up and teardown aside). */
export interface RunTraffic {
  requests: number;
  functionsCreated: number;
  byOperation: Record<string, number>;
  perSuite: Record<string, { requests: number; functionsCreated: number }>;
}

const trafficOf = (count: Count, results: Results): RunTraffic => ({
  requests: count.requests,
  functionsCreated: count.functionsCreated,
  byOperation: Object.fromEntries(Object.entries(count.byOp).sort(([a], [b]) => a.localeCompare(b))),
  perSuite: Object.fromEntries(
    Object.entries(results.traffic?.suites ?? {}).map(([name, t]) => [name, { requests: t.requests, functionsCreated: t.functionsCreated }]),
  ),
});

export interface MotoFigures {
  motoRps: { c1: number; run: number };
  concurrency: number;
  requests: number;
  functionsCreated: number;
  wallS: number;
  floorS: number;
  motoFloorRatio: number;
  exitCode: number | null;
}

/** Against moto: undefined, with the reason printed, where moto is not installed. */
export async function moto(): Promise<MotoFigures | undefined> {
  let missing: string | undefined;
  try {
    missing = motoMissing();
  } catch (e) {
    missing = (e as Error).message;
  }
  if (missing) {
    console.log(`moto: not measured: ${missing}`);
    return undefined;
  }
  const server = await startMoto();
  const count = new Count();
  const proxy = await counted(server.url, count);
  try {
    const concurrency = defaultConcurrency('url');
    // moto creates functions only with a role its IAM has.
    const clients = serviceClients({ endpoint: server.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, timeoutMs: 10_000 });
    const role = (await COMPANIONS.role.create(clients, 'lambda-conformance-bench', {}, 'us-east-1')).arn;
    clients.destroy();
    const rps = { c1: 0, run: 0 };
    for (const [key, c] of [
      ['c1', 1],
      ['run', concurrency],
    ] as const) {
      const agent = new Agent({ keepAlive: true, maxSockets: c });
      const client = new LambdaClient({
        region: 'us-east-1',
        endpoint: proxy.url,
        credentials: EMULATOR_CREDENTIALS,
        maxAttempts: 1,
        requestHandler: { httpAgent: agent },
      });
      rps[key] = (await callsPerSecond({ moto: await loops(client, `moto-${key}`, c, true, role) })).moto;
      client.destroy();
      agent.destroy();
    }
    await server.reset();
    count.reset();
    const run = await runAgainst(proxy.url);
    const floorS = count.requests / rps.run;
    const figures: MotoFigures = {
      motoRps: { c1: Math.round(rps.c1), run: Math.round(rps.run) },
      concurrency,
      requests: count.requests,
      functionsCreated: count.functionsCreated,
      wallS: round2(run.wallS),
      floorS: round2(floorS),
      motoFloorRatio: round2(floorS / run.wallS),
      exitCode: run.exitCode,
    };
    console.log(`moto: ${figures.motoRps.c1} calls/s at concurrency 1, ${figures.motoRps.run} at ${concurrency} (the run's), through the counting proxy`);
    console.log(
      `  full default run: ${count.requests} requests, ${count.functionsCreated} functions, ${figures.wallS} s wall (exit ${run.exitCode}); floor ${figures.floorS} s: floor/wall = ${figures.motoFloorRatio}`,
    );
    console.log(`  by operation: ${JSON.stringify(count.byOp)}`);
    return figures;
  } finally {
    await proxy.close();
    await server.stop();
  }
}

export interface AwsPaceFigures {
  unthrottled: RunTraffic & { wallS: number };
  paced: {
    wallS: number;
    requests: number;
    throttled: number;
    pendingRefused: number;
    functionsCreated: number;
    verdictsMatch: boolean;
    differences: string[];
  };
  awsPaceRatio: number;
}

/** The served emulator: unthrottled, then at AWS's pace with Pending functions. */
export async function awsPace(): Promise<AwsPaceFigures> {
  const served = await serveHandlers(createEmulator().handlers, '127.0.0.1', 0);
  const count = new Count();
  try {
    const plain = await counted(served.url, count);
    const reference = await runAgainst(plain.url);
    await plain.close();
    const unthrottled = { ...trafficOf(count, reference.results), wallS: round2(reference.wallS) };
    console.log(
      `served emulator, unthrottled (counting proxy): ${unthrottled.requests} requests, ${unthrottled.functionsCreated} functions, ${unthrottled.wallS} s wall`,
    );
    console.log(`  by operation: ${JSON.stringify(unthrottled.byOperation)}`);
    console.log(
      `  per suite (requests/functions): ${Object.entries(unthrottled.perSuite)
        .map(([n, t]) => `${n} ${t.requests}/${t.functionsCreated}`)
        .join(', ')}`,
    );

    count.reset();
    const plan: FaultPlan = { seed: 1, rateLimit: { perSecond: AWS_RATE }, pending: { minMs: 1_000, maxMs: 3_000 } };
    const paced = await counted(served.url, count, plan);
    const run = await runAgainst(paced.url);
    await paced.close();
    const differences = Object.keys(reference.verdicts)
      .filter((id) => reference.verdicts[id] !== run.verdicts[id])
      .map((id) => `${id}: ${reference.verdicts[id]} unthrottled, ${run.verdicts[id]} at AWS's pace`);
    const figures: AwsPaceFigures = {
      unthrottled,
      paced: {
        wallS: round2(run.wallS),
        requests: count.requests,
        throttled: count.throttled,
        pendingRefused: count.pendingRefused,
        functionsCreated: count.functionsCreated,
        verdictsMatch: differences.length === 0,
        differences,
      },
      awsPaceRatio: round2(count.requests / AWS_RATE / run.wallS),
    };
    console.log(
      `AWS's pace (${AWS_RATE} requests/s token bucket, functions Pending 1-3 s): ${count.requests} requests in ${figures.paced.wallS} s, ${count.throttled} answered 429, ${count.pendingRefused} PublishVersion refused while Pending, ${count.functionsCreated} functions`,
    );
    console.log(
      `  (requests / ${AWS_RATE}) / wall = ${figures.awsPaceRatio}; verdicts ${differences.length ? `DIFFER from the unthrottled run: ${differences.join('; ')}` : 'identical to the unthrottled run'}`,
    );
    return figures;
  } finally {
    await served.close();
  }
}
