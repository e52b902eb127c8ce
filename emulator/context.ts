// Who is asking and where: the account and region a request acts in, read from
// its SigV4 Authorization header (credential scope) the way emulators commonly
// do; a 12-digit access key id names the account.

export interface EmulatorOptions {
  /** Account used when the access key id is not a 12-digit account number. */
  defaultAccount?: string;
  /** Region used when the request is not signed. */
  defaultRegion?: string;
}

export interface RequestContext {
  account: string;
  region: string;
  partition: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\//;

export function requestContext(request: { headers: { get(name: string): string | null } }, opts: EmulatorOptions): RequestContext {
  const auth = request.headers.get('authorization') ?? '';
  const m = CREDENTIAL.exec(auth);
  const accessKey = m?.[1] ?? '';
  const region = m?.[2] ?? opts.defaultRegion ?? 'us-east-1';
  const account = /^\d{12}$/.test(accessKey) ? accessKey : (opts.defaultAccount ?? '000000000000');
  return { account, region, partition: partitionOf(region) };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}
