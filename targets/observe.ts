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
}

export async function observe(client: LambdaClient, op: CommandName, input: Record<string, unknown>): Promise<Observation> {
  const Command = COMMANDS[op] as unknown as new (i: Record<string, unknown>) => Parameters<LambdaClient['send']>[0];
  try {
    const out = (await client.send(new Command(input))) as Record<string, unknown> & { $metadata: { httpStatusCode?: number } };
    const { $metadata, ...body } = out;
    return { op, input, status: $metadata.httpStatusCode, body };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
    const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
    if (status === undefined) return { op, input, transportError: `${err.name}: ${err.message}` };
    return { op, input, status, errorCode: err.name, message: err.message };
  }
}
