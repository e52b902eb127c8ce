// The CLI entry: dispatches to a command; usage errors exit 2 with one line.
import { USAGE, UsageError } from './usage.ts';
import { redact, registerEnvironmentSecrets } from '../reporting/redact.ts';

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
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    console.error(`lambda-conformance: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  const run = await load();
  try {
    return await run(rest);
  } catch (e) {
    // parseArgs signals bad flags with ERR_PARSE_ARGS_* codes.
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (e instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`lambda-conformance ${command}: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
