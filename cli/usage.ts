// The top-level help, and what every command shares: usage errors are one line
// and a pointer to the command's --help (exit 2), never a stack trace.
import { UsageError } from '../run/errors.ts';

export { UsageError };

/** Each command and what it does, for the top-level help (each command's --help has its flags). */
export const COMMANDS_HELP: ReadonlyArray<[string, string]> = [
  ['run', 'run the conformance rules against a target; write results.json, junit.xml, report.html, summary.md'],
  ['rules [ID]', 'list the rules (id, tier, evidence class, statement), or print one rule with its evidence'],
  ['serve', 'serve the reference emulator over HTTP'],
  ['record', 'record what a reference target (AWS, an emulator) answers, as a replayable transcript'],
  ['diff-recordings A B', 'list the steps whose answers differ between two recordings'],
  ['merge', 'combine the results.json of shards into one report'],
  ['sweep', 'find and remove what earlier runs left on a target'],
];

export function topLevelHelp(version: string): string {
  const width = Math.max(...COMMANDS_HELP.map(([c]) => c.length));
  return [
    `lambda-conformance ${version}: does an endpoint behave like AWS Lambda's EventInvokeConfig API?`,
    '',
    'usage: lambda-conformance <command> [options]      (lambda-conformance <command> --help for its options)',
    '',
    'commands:',
    ...COMMANDS_HELP.map(([c, d]) => `  ${c.padEnd(width)}  ${d}`),
    '',
    'options:',
    '  -h, --help     this help',
    '  -V, --version  print the version',
    '',
    'environment:',
    '  AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL   the target of `run` when --target is not given (an emulator URL)',
    '  AWS_REGION, AWS_DEFAULT_REGION             the region (default us-east-1)',
    '  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE   credentials (emulators: any; never written out)',
    '  LAMBDA_CONFORMANCE_ROLE_ARN                the execution role of created functions (--role-arn)',
    '  LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS        AWS accounts a run may touch, comma-separated (--allow-account)',
    "  LAMBDA_CONFORMANCE_CACHE_DIR               where the suites' module cache goes (off: none)",
    '  NO_COLOR                                   no terminal control sequences (live progress line) in the output',
    '',
    'exit codes: 0 conforms (every selected rule passed or is expected-fail); 1 a rule failed, or the run has problems',
    '            (a leak, an error, coverage below --min-coverage, a stale --expect entry); 2 bad usage, unusable target,',
    '            or nothing judged; 130/143 interrupted by SIGINT/SIGTERM (after clean-up)',
  ].join('\n');
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got '${value}'`);
  return n;
}
