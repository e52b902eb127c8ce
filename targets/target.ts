// What a run talks to: one connected target, whatever its kind. Suites see only
// this (a Lambda client, a raw wire client, the endpoint and region) and never
// care whether the other side is in-process, an emulator by URL, or AWS.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsCredentialIdentity } from '@smithy/types';
import { embeddedTarget, EMBEDDED_ENDPOINT } from './embedded.ts';
import { createLambdaClient } from './lambda-client.ts';
import { inProcessWire, signedWire, type WireClient } from './wire.ts';
import { DeadlineHandler } from './deadline-handler.ts';

export type TargetKind = 'embedded' | 'url' | 'aws';

export interface TargetConfig {
  kind: TargetKind;
  /** The endpoint URL for `url` targets (and an override for `aws`, for tests). */
  endpoint?: string;
  region: string;
  /** Execution role for created functions (required on AWS). */
  roleArn?: string;
  /** Deadline of every request to a remote target. */
  timeoutMs?: number;
}

export interface Target {
  kind: TargetKind;
  endpoint: string;
  region: string;
  client: LambdaClient;
  wire: WireClient;
  roleArn: string;
  close(): void;
}

/** Emulators accept any credentials; these are used when the environment has none. */
const EMULATOR_DEFAULT: AwsCredentialIdentity = { accessKeyId: 'test', secretAccessKey: 'test' };

function envCredentials(): AwsCredentialIdentity | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
}

/** The credentials a remote target is called with: the environment's (else any, for emulators); on AWS undefined, the SDK's default chain. */
/** How long one request to the target may take: --timeout, else 30 s on AWS and 10 s on an emulator. */
export function requestTimeoutMs(cfg: TargetConfig): number {
  return cfg.timeoutMs ?? (cfg.kind === 'aws' ? 30_000 : 10_000);
}

export function credentialsFor(cfg: TargetConfig): AwsCredentialIdentity | undefined {
  return cfg.kind === 'url' ? (envCredentials() ?? EMULATOR_DEFAULT) : undefined;
}

export function connectTarget(cfg: TargetConfig): Target {
  if (cfg.kind === 'embedded') {
    const t = embeddedTarget({ region: cfg.region });
    return {
      kind: 'embedded',
      endpoint: EMBEDDED_ENDPOINT,
      region: cfg.region,
      client: t.client,
      wire: inProcessWire(t.emulator.handlers),
      roleArn: 'arn:aws:iam::000000000000:role/lambda-conformance',
      close: () => t.client.destroy(),
    };
  }
  if (cfg.kind === 'url') {
    if (!cfg.endpoint) throw new Error('a url target needs an endpoint');
    const credentials = credentialsFor(cfg)!;
    const client = createLambdaClient({
      endpoint: cfg.endpoint,
      region: cfg.region,
      credentials,
      requestHandler: new DeadlineHandler(requestTimeoutMs(cfg)),
    });
    return {
      kind: 'url',
      endpoint: cfg.endpoint,
      region: cfg.region,
      client,
      wire: signedWire(cfg.endpoint, cfg.region, credentials, requestTimeoutMs(cfg)),
      roleArn: cfg.roleArn ?? 'arn:aws:iam::000000000000:role/lambda-conformance',
      close: () => client.destroy(),
    };
  }
  if (!cfg.roleArn) throw new Error('the aws target needs an execution role ARN');
  // Retries are the run's own (targets/resilience.ts): the SDK makes one attempt.
  const client = createLambdaClient({
    region: cfg.region,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    requestHandler: new DeadlineHandler(requestTimeoutMs(cfg)),
  });
  const endpoint = cfg.endpoint ?? `https://lambda.${cfg.region}.amazonaws.com`;
  return {
    kind: 'aws',
    endpoint,
    region: cfg.region,
    client,
    wire: signedWire(endpoint, cfg.region, client.config.credentials, requestTimeoutMs(cfg)),
    roleArn: cfg.roleArn,
    close: () => client.destroy(),
  };
}
