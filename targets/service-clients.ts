// Clients for the services a run needs beside Lambda, on the same target: STS
// (whose account is this?), IAM (an execution role for the fixtures), and
// SQS, SNS, EventBridge and S3 (real destinations). An emulator serves them
// all on its one endpoint (moto, LocalStack); on AWS each has its own, which
// the SDK finds from the region. Loaded only for remote targets.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { DeadlineHandler } from './deadline-handler.ts';
import { credentialsFor, requestTimeoutMs, type TargetConfig } from './target.ts';

export interface ServiceClients {
  sts: STSClient;
  iam: IAMClient;
  sqs: SQSClient;
  sns: SNSClient;
  events: EventBridgeClient;
  s3: S3Client;
  destroy(): void;
}

export interface ServiceTarget {
  /** An emulator's endpoint; undefined on AWS (each service's own endpoint). */
  endpoint?: string;
  region: string;
  /** Explicit credentials (emulators); undefined: the SDK's default chain. */
  credentials?: AwsCredentialIdentity;
  timeoutMs: number;
}

export function serviceClients(t: ServiceTarget): ServiceClients {
  const common = {
    region: t.region,
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    ...(t.credentials ? { credentials: t.credentials } : {}),
    // Retries are the caller's (fixtures/environment.ts): one attempt each.
    maxAttempts: 1,
    requestHandler: new DeadlineHandler(t.timeoutMs),
  };
  const clients = {
    sts: new STSClient(common),
    // IAM is global: its one endpoint is us-east-1's (the emulator's own URL overrides it).
    iam: new IAMClient({ ...common, region: t.endpoint ? t.region : 'us-east-1' }),
    sqs: new SQSClient(common),
    sns: new SNSClient(common),
    events: new EventBridgeClient(common),
    // Emulators serve buckets by path (http://host:port/bucket), not as subdomains.
    s3: new S3Client({ ...common, ...(t.endpoint ? { forcePathStyle: true } : {}) }),
  };
  return {
    ...clients,
    destroy: () => {
      for (const c of Object.values(clients)) c.destroy();
    },
  };
}

/** The service clients of a URL or AWS target: its endpoint (an emulator's), credentials and request timeout. */
export function serviceClientsFor(cfg: TargetConfig): ServiceClients {
  return serviceClients({
    ...(cfg.kind === 'url' ? { endpoint: cfg.endpoint } : {}),
    region: cfg.region,
    credentials: credentialsFor(cfg),
    timeoutMs: requestTimeoutMs(cfg),
  });
}
