// One place that builds Lambda clients, whatever the target: endpoint, region,
// credentials and request handler vary; retries are the caller's choice.
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

export interface ClientOptions {
  endpoint?: string;
  region: string;
  credentials?: AwsCredentialIdentity;
  requestHandler?: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;
  maxAttempts?: number;
}

/** Credentials for emulators: not secret, and recognisable if they ever show up in a report. */
export const EMULATOR_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIDLAMBDACONFORMANCE',
  secretAccessKey: 'lambda-conformance-not-a-secret',
};

export function createLambdaClient(o: ClientOptions): LambdaClient {
  return new LambdaClient({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
    ...(o.requestHandler ? { requestHandler: o.requestHandler } : {}),
    maxAttempts: o.maxAttempts ?? 1,
  });
}
