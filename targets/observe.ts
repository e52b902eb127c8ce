// Calls one operation through the SDK and records what came back in one shape,
// success or error: status, error code, message, body, and the raw answer as it
// arrived (status, headers, text). Suites and the replay compare these
// observations, never raw SDK exceptions.
//
// Two things here keep one divergence from failing unrelated rules and keep a
// broken target from hurting the run:
//   - a tolerant reader: when the SDK cannot parse a success answer (say,
//     LastModified as an ISO string), the body is read from the raw JSON and
//     the SDK's complaint kept in `sdkParseError`, for the rules that judge the
//     wire format; every other rule reads what it needs;
//   - a cap on every answer's size: beyond it the request ends, unanswered.
import * as sdk from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { AnswerTooLarge, readCapped } from './capped-read.ts';
import { jsonObjectOf } from './answer-kind.ts';

export { jsonObjectOf };

export const COMMANDS = {
  PutFunctionEventInvokeConfig: sdk.PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfig: sdk.UpdateFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfig: sdk.GetFunctionEventInvokeConfigCommand,
  DeleteFunctionEventInvokeConfig: sdk.DeleteFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigs: sdk.ListFunctionEventInvokeConfigsCommand,
  PublishVersion: sdk.PublishVersionCommand,
  CreateAlias: sdk.CreateAliasCommand,
  GetFunction: sdk.GetFunctionCommand,
  ListFunctions: sdk.ListFunctionsCommand,
} as const;
export type CommandName = keyof typeof COMMANDS;

/** An answer as it came over the wire. */
export interface RawAnswer {
  method: string;
  /** Path and query as sent. */
  path: string;
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  text: string;
}

export interface Observation {
  op: CommandName;
  input: Record<string, unknown>;
  /** HTTP status; undefined when no HTTP answer arrived (connection refused, timeout, unparsable answer). */
  status?: number;
  errorCode?: string;
  message?: string;
  /** Success body as the SDK parsed it (or as the tolerant reader read it), without $metadata. */
  body?: Record<string, unknown>;
  /** Set when the SDK failed without an HTTP status: a transport or parse failure. */
  transportError?: string;
  /** Set when the answer can never be judged (over MAX_ANSWER_BYTES): not worth repeating. */
  unusable?: string;
  /** The SDK could not parse this success answer; `body` comes from the raw JSON. */
  sdkParseError?: string;
  /** TooManyRequestsException's Retry-After, in seconds. */
  retryAfterSeconds?: number;
  /** The answer as it arrived, when one did. */
  raw?: RawAnswer;
}

export interface ObserveOptions {
  /** Gives up on the request after this long (the whole request, body included). */
  timeoutMs?: number;
}

const pathOf = (r: HttpRequest) => {
  const q = Object.entries(r.query ?? {}).flatMap(([k, v]) => (v === null ? [k] : (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`)));
  return `${r.path}${q.length ? `?${q.join('&')}` : ''}`;
};

/**
 * A middleware next to the transport: reads the answer (capped), keeps it as
 * raw text, and gives the SDK the same bytes to parse.
 */
function rawCapture(sink: { raw?: RawAnswer }) {
  return (next: (a: { request: unknown }) => Promise<{ response: unknown }>) => async (args: { request: unknown }) => {
    const out = await next(args);
    const response = out.response as HttpResponse;
    const request = args.request as HttpRequest;
    const bytes = await readCapped(response.body);
    response.body = bytes;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = String(v);
    sink.raw = { method: request.method, path: pathOf(request), status: response.statusCode, headers, text: Buffer.from(bytes).toString('utf8') };
    return out;
  };
}

/** LastModified as the SDK gives it (a Date) whatever form it came in: epoch seconds, an ISO string; anything else as it came. */
export function timestampOf(v: unknown): unknown {
  if (typeof v === 'number') return new Date(v * 1000);
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v);
  return v;
}

/** The body a rule reads when the SDK could not parse it: the raw JSON, LastModified read leniently. */
function tolerantBody(raw: RawAnswer): Record<string, unknown> | undefined {
  const obj = jsonObjectOf(raw.text);
  if (!obj) return undefined;
  const body: Record<string, unknown> = { ...obj };
  if ('LastModified' in body) body.LastModified = timestampOf(body.LastModified);
  if (Array.isArray(body.FunctionEventInvokeConfigs)) {
    body.FunctionEventInvokeConfigs = body.FunctionEventInvokeConfigs.map((i: unknown) =>
      i && typeof i === 'object' && 'LastModified' in i ? { ...(i as object), LastModified: timestampOf((i as { LastModified: unknown }).LastModified) } : i,
    );
  }
  return body;
}

const firstLine = (s: string) => s.split('\n')[0]!;

export async function observe(client: LambdaClient, op: CommandName, input: Record<string, unknown>, o: ObserveOptions = {}): Promise<Observation> {
  const Command = COMMANDS[op] as unknown as new (
    i: Record<string, unknown>,
  ) => Parameters<LambdaClient['send']>[0] & {
    middlewareStack: { add(mw: unknown, opts: { step: string; priority: string; name: string }): void };
  };
  const command = new Command(input);
  const sink: { raw?: RawAnswer } = {};
  // 'deserialize' at low priority runs inside the SDK's deserializer: it sees the answer first.
  command.middlewareStack.add(rawCapture(sink), { step: 'deserialize', priority: 'low', name: 'lambdaConformanceRawCapture' });
  const raw = () => (sink.raw ? { raw: sink.raw } : {});
  try {
    const options = o.timeoutMs ? { abortSignal: AbortSignal.timeout(o.timeoutMs) } : undefined;
    const out = (await client.send(command, options as never)) as Record<string, unknown> & { $metadata: { httpStatusCode?: number } };
    const { $metadata, ...body } = out;
    return { op, input, status: $metadata.httpStatusCode, body, ...raw() };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number }; retryAfterSeconds?: string };
    if (err instanceof AnswerTooLarge || err.name === 'AnswerTooLarge')
      return { op, input, unusable: err.message, transportError: `${err.name}: ${err.message}` };
    const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode ?? sink.raw?.status;
    // A body cut off mid-way arrives with its status, but it is no answer: the connection failed.
    if (status === undefined || isCutOff(err)) return { op, input, transportError: `${err.name}: ${err.message}` };
    // A success the SDK could not parse: the rules that judge the wire format see the complaint, the others the body.
    if (status >= 200 && status < 300 && sink.raw && /Deserialization error/.test(err.message)) {
      const body = tolerantBody(sink.raw);
      if (body) return { op, input, status, body, sdkParseError: `${err.name}: ${firstLine(err.message)}`, ...raw() };
    }
    const retryAfter = Number(err.retryAfterSeconds);
    return {
      op,
      input,
      status,
      errorCode: err.name,
      message: err.message,
      ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      ...raw(),
    };
  }
}

/** A body cut off mid-way: the SDK reports the status, but the connection failed. */
export function isCutOff(err: Error): boolean {
  return /Deserialization error/.test(err.message) && /\baborted\b|ECONNRESET|socket hang up|terminated|premature close/i.test(err.message);
}
