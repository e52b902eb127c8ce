// Usage errors: one clear line on stderr and exit code 2, never a stack trace.
export class UsageError extends Error {}

export const USAGE = `usage:
  lambda-conformance run   [--target embedded|<http(s) URL>|aws] [--region R] [--report-dir DIR]
                           [--seed N] [--num-runs N] [--tier core|complete|strict] [--rules GLOB]
                           [--expect FILE] [--baseline FILE] [--shard i/n]
                           [--role-arn ARN] [--allow-account ID]... [--replay DIR]...
                           [--concurrency N] [--retries N] [--request-timeout MS] [--rate N]
                           [--max-requests N] [--max-functions N]
  lambda-conformance merge [--report-dir DIR] RESULTS.json...
  lambda-conformance record --out DIR [--target aws|<http(s) URL>|embedded] [--seed N] [--sequences N]
  lambda-conformance diff-recordings A B
  lambda-conformance sweep --target aws|<http(s) URL> [--older-than 2h] [--run lc-xxxxxx-]
  lambda-conformance serve [--host 127.0.0.1] [--port N]
  lambda-conformance rules [--tier core|complete|strict] [--json]`;

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got '${value}'`);
  return n;
}
