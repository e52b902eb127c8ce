// Calls one operation through the SDK and records what came back in one shape,
// success or error: status, error code, message, body. Suites and the replay
// compare these observations, never raw SDK exceptions.
import * as sdk from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';

export const COMMANDS = {
  PutFunctionEventInvokeConfig: sdk.PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfig: sdk.UpdateFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfig: sdk.GetFunctionEventInvokeConfigCommand,
  DeleteFunctionEventInvokeConfig: sdk.DeleteFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigs: sdk.ListFunctionEventInvokeConfigsCommand,
  PublishVersion: sdk.PublishVersionCommand,
  CreateAlias: sdk.CreateAliasCommand,
  GetFunction: sdk.GetFunctionCommand,
} as const;
export type CommandName = keyof typeof COMMANDS;

export interface Observation {
  op: CommandName;
  input: Record<string, unknown>;
  /** HTTP status; undefined when no HTTP answer arrived (connection refused, timeout, unparsable answer). */
  status?: number;
  errorCode?: string;
  message?: string;
  /** Success body as the SDK parsed it, without $metadata. */
  body?: Record<string, unknown>;
  /** Set when the SDK failed without an HTTP status: a transport or parse failure. */
  transportError?: string;
  /** TooManyRequestsException's Retry-After, in seconds. */
  retryAfterSeconds?: number;
}

export interface ObserveOptions {
  /** Gives up on the request after this long (the whole request, body included). */
  timeoutMs?: number;
}

export async function observe(client: LambdaClient, op: CommandName, input: Record<string, unknown>, o: ObserveOptions = {}): Promise<Observation> {
  const Command = COMMANDS[op] as unknown as new (i: Record<string, unknown>) => Parameters<LambdaClient['send']>[0];
  try {
    const options = o.timeoutMs ? { abortSignal: AbortSignal.timeout(o.timeoutMs) } : undefined;
    const out = (await client.send(new Command(input), options as never)) as Record<string, unknown> & { $metadata: { httpStatusCode?: number } };
    const { $metadata, ...body } = out;
    return { op, input, status: $metadata.httpStatusCode, body };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number }; retryAfterSeconds?: string };
    const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
    // A body cut off mid-way arrives with its status, but it is no answer: the connection failed.
    if (status === undefined || isCutOff(err)) return { op, input, transportError: `${err.name}: ${err.message}` };
    const retryAfter = Number(err.retryAfterSeconds);
    return { op, input, status, errorCode: err.name, message: err.message, ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
  }
}

/** A body cut off mid-way: the SDK reports the status, but the connection failed. */
export function isCutOff(err: Error): boolean {
  return /Deserialization error/.test(err.message) && /\baborted\b|ECONNRESET|socket hang up|terminated|premature close/i.test(err.message);
}
