// The CLI entry: dispatches to a command; usage errors exit 2 with one line.
import { diffRecordingsCommand } from './diff-recordings.ts';
import { mergeCommand } from './merge.ts';
import { recordCommand } from './record.ts';
import { sweepCommand } from './sweep.ts';
import { rulesCommand } from './rules.ts';
import { runCommand } from './run.ts';
import { serveCommand } from './serve.ts';
import { USAGE, UsageError } from './usage.ts';
import { redact, registerEnvironmentSecrets } from '../reporting/redact.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
  merge: mergeCommand,
  record: recordCommand,
  'diff-recordings': diffRecordingsCommand,
  sweep: sweepCommand,
  serve: serveCommand,
  rules: rulesCommand,
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
  const run = COMMANDS[command];
  if (!run) {
    console.error(`lambda-conformance: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
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
