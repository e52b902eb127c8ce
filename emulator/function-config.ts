// The FunctionConfiguration body of the companion operations (CreateFunction,
// GetFunction, PublishVersion, ...): enough for SDK clients and fixtures.
import { functionArn } from './names.ts';
import type { RequestContext } from './context.ts';
import type { FunctionRecord, FunctionVersion } from './state.ts';

export function functionConfiguration(ctx: RequestContext, fn: FunctionRecord, v: FunctionVersion): Record<string, unknown> {
  const ref = { ...ctx, name: fn.name };
  return {
    FunctionName: fn.name,
    FunctionArn: v.version === '$LATEST' ? functionArn(ref) : functionArn(ref, v.version),
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: v.codeSize,
    CodeSha256: v.codeSha256,
    Description: v.description,
    Timeout: 3,
    MemorySize: 128,
    LastModified: v.lastModified,
    Version: v.version,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
}

/** Lambda's own timestamp form for FunctionConfiguration.LastModified. */
export function lambdaDate(d = new Date()): string {
  return d.toISOString().replace('Z', '+0000');
}
