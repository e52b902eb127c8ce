// The CLI entry: dispatches to a command. Usage errors exit 2 with one line
// and a pointer to --help; the run's own failures are its exit codes.
import { createRequire } from 'node:module';
import { topLevelHelp, UsageError } from './usage.ts';
import { InputFileError, TargetError } from '../run/errors.ts';
import { redact, registerEnvironmentSecrets } from '../targets/redact.ts';

type Command = (args: string[]) => Promise<number>;

// Each command is loaded when it is asked for: `--help` or `rules` need not load
// the SDK, vitest or the emulator, which cost the start of every command.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.ts')).runCommand,
  merge: async () => (await import('./merge.ts')).mergeCommand,
  record: async () => (await import('./record.ts')).recordCommand,
  'diff-recordings': async () => (await import('./diff-recordings.ts')).diffRecordingsCommand,
  sweep: async () => (await import('./sweep.ts')).sweepCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
  rules: async () => (await import('./rules.ts')).rulesCommand,
};

const version = () => (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Everything the CLI prints goes through redact(): no credential reaches a log. */
function guardOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? redact(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}

export async function main(argv: string[]): Promise<number> {
  registerEnvironmentSecrets();
  guardOutput();
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V' || command === 'version') {
    console.log(version());
    return 0;
  }
  if (command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
    console.log(topLevelHelp(version()));
    return 0;
  }
  if (!command) {
    console.error(topLevelHelp(version()));
    return 2;
  }
  // `help run` is `run --help`.
  const [name, args] = command === 'help' ? [rest[0]!, ['--help']] : [command, rest];
  const load = COMMANDS[name];
  if (!load) {
    console.error(`lambda-conformance: unknown command '${name}': see lambda-conformance --help`);
    return 2;
  }
  const run = await load();
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`lambda-conformance ${name}: ${e.message}\nsee: lambda-conformance ${name} --help`);
      return 2;
    }
    if (e instanceof TargetError || e instanceof InputFileError) {
      console.error(`lambda-conformance ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
