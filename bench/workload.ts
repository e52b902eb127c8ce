// The call mix every benchmark of bench/run.ts sends, so that the figures are
// comparable: one cycle of six EventInvokeConfig calls on one function, the
// successes and errors the suites make most (Put, Get, Update, List, a 404 and
// a 400 ValidationException). Errors are caught like targets/observe.ts does.
//
// Canned answers: the exact bytes the emulator gave for each call of the cycle,
// recorded once, so the SDK ceiling and the bare HTTP server make the SDK parse
// the very same answers (errors included) without any emulator work.
import {
  CreateFunctionCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { BuildHandlerOptions, BuildMiddleware, HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { handlerZip } from '../fixtures/zip.ts';

export const SLOT_HEADER = 'x-bench-slot';
export const CYCLE = 6;

type Send = (client: LambdaClient) => Promise<unknown>;

/** The six calls of the cycle on function `fn`; slot i is call i. */
export function cycle(fn: string): Send[] {
  const inputs = [
    { FunctionName: fn, MaximumRetryAttempts: 1 },
    { FunctionName: fn },
    { FunctionName: fn, MaximumEventAgeInSeconds: 600 },
    { FunctionName: fn },
    { FunctionName: fn, Qualifier: '7' }, // no such version: 404
    { FunctionName: fn, MaximumRetryAttempts: 9 }, // above the maximum: 400 ValidationException
  ];
  const commands = [
    () => new PutFunctionEventInvokeConfigCommand(inputs[0]!),
    () => new GetFunctionEventInvokeConfigCommand(inputs[1]!),
    () => new UpdateFunctionEventInvokeConfigCommand(inputs[2]!),
    () => new ListFunctionEventInvokeConfigsCommand(inputs[3]!),
    () => new GetFunctionEventInvokeConfigCommand(inputs[4]!),
    () => new PutFunctionEventInvokeConfigCommand(inputs[5]!),
  ];
  return commands.map((make, slot) => (client: LambdaClient) => {
    const cmd = make();
    // Marks the request with its slot (for the canned answers); every benchmark
    // carries it, so the cost is the same everywhere.
    (cmd.middlewareStack as unknown as { add(mw: BuildMiddleware<object, object>, o: BuildHandlerOptions): void }).add(
      (next) => (args) => {
        (args.request as HttpRequest).headers[SLOT_HEADER] = String(slot);
        return next(args);
      },
      { step: 'build', name: 'benchSlot' },
    );
    return client.send(cmd as never).catch((e: unknown) => e);
  });
}

/** The execution role of the bench functions: any role of the emulator's account (moto's is 123456789012). */
export const BENCH_ROLE = 'arn:aws:iam::000000000000:role/r';

export async function createBenchFunction(client: LambdaClient, name: string, role = BENCH_ROLE): Promise<void> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: role,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: handlerZip() },
    }),
  );
}

export interface Canned {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Wraps a request handler and keeps the answer of each slot. */
export class RecordingHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  readonly recorded = new Map<number, Canned>();
  constructor(private readonly inner: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>) {}
  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const out = await this.inner.handle(request, options);
    const slot = request.headers[SLOT_HEADER];
    if (slot !== undefined) {
      const r = out.response;
      this.recorded.set(Number(slot), { statusCode: r.statusCode, headers: { ...r.headers }, body: r.body as Uint8Array });
    }
    return out;
  }
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** The SDK ceiling's request handler: the recorded bytes of the slot, nothing else. */
export class CannedHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  constructor(private readonly canned: Map<number, Canned>) {}
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const c = this.canned.get(Number(request.headers[SLOT_HEADER]))!;
    return { response: { statusCode: c.statusCode, headers: { ...c.headers }, body: c.body } };
  }
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** Canned answers as JSON text (for the bare server child process). */
export const cannedToJson = (canned: Map<number, Canned>): string =>
  JSON.stringify([...canned].map(([slot, c]) => ({ slot, statusCode: c.statusCode, headers: c.headers, body: Buffer.from(c.body).toString('base64') })));

export const cannedFromJson = (text: string): Map<number, Canned> =>
  new Map(
    (JSON.parse(text) as Array<{ slot: number; statusCode: number; headers: Record<string, string>; body: string }>).map((c) => [
      c.slot,
      { statusCode: c.statusCode, headers: c.headers, body: new Uint8Array(Buffer.from(c.body, 'base64')) },
    ]),
  );
