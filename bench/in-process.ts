// Measures the two ways of wiring the SDK to the emulator in-process, on the
// same machine in one run: msw's Node interception (setupServer) and a custom
// SDK request handler (MswRequestHandler, what the embedded target uses: msw's
// getResponse semantics, dispatched directly for the emulator's own handlers,
// see emulator/dispatch.ts). Prints calls per second and the ratio.
// bench/run.ts (`npm run bench`) has the figures of the issue.
import { CreateFunctionCommand, GetFunctionEventInvokeConfigCommand, PutFunctionEventInvokeConfigCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { setupServer } from 'msw/node';
import { createEmulator } from '../emulator/index.ts';
import { handlerZip } from '../fixtures/zip.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { MswRequestHandler } from '../targets/msw-request-handler.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const CALLS = Number(process.env.BENCH_CALLS ?? 3000);

async function callsPerSecond(client: LambdaClient, label: string): Promise<number> {
  const name = `bench-${label}`;
  await client.send(new CreateFunctionCommand({ FunctionName: name, Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }));
  const once = async (i: number) =>
    i % 2
      ? client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }))
      : client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: i % 3 }));
  for (let i = 0; i < 200; i++) await once(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await once(i);
  return CALLS / ((performance.now() - start) / 1000);
}

const direct = createEmulator();
const directRps = await callsPerSecond(
  createLambdaClient({
    endpoint: 'http://embedded.invalid',
    region: 'us-east-1',
    credentials: EMULATOR_CREDENTIALS,
    requestHandler: new MswRequestHandler(direct.handlers),
  }),
  'getresponse',
);

const intercepted = createEmulator();
const server = setupServer(...intercepted.handlers);
server.listen({ onUnhandledRequest: 'error' });
const interceptRps = await callsPerSecond(
  createLambdaClient({ endpoint: 'http://embedded.invalid', region: 'us-east-1', credentials: EMULATOR_CREDENTIALS }),
  'setupserver',
);
server.close();

const figures = {
  calls: CALLS,
  getResponseRps: Math.round(directRps),
  setupServerRps: Math.round(interceptRps),
  ratio: +(directRps / interceptRps).toFixed(2),
};
console.log(`in-process wiring, ${CALLS} sequential Put/Get calls each:`);
console.log(`  custom SDK request handler (MswRequestHandler): ${figures.getResponseRps} calls/s`);
console.log(`  msw setupServer (Node http interception):       ${figures.setupServerRps} calls/s`);
console.log(`  MswRequestHandler / setupServer: ${figures.ratio}`);
console.log(JSON.stringify(figures));
