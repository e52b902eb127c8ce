// `lambda-conformance serve`: the reference emulator over HTTP until SIGINT/SIGTERM.
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { parsePort, UsageError } from './usage.ts';

export const SERVE_COMMAND: CommandSpec = {
  name: 'serve',
  synopsis: 'serve [--host H] [--port N]',
  summary: "Serves the reference emulator over HTTP until SIGINT or SIGTERM; prints 'listening on http://HOST:PORT' once ready.",
  flags: [
    { name: 'host', value: 'HOST', default: '127.0.0.1', help: 'the address to listen on' },
    { name: 'port', value: 'N', default: '4010', help: 'the port; 0 picks a free one' },
  ],
  notes: ['The account is 000000000000 unless the access key id is a 12-digit account number; the region is the one a request is signed for.'],
};

export async function serveCommand(args: string[]): Promise<number> {
  const { values, help } = parseFlags(SERVE_COMMAND, args);
  if (help) {
    console.log(helpText(SERVE_COMMAND));
    return 0;
  }
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = parsePort(values.port as string | undefined, 4010);
  const emulator = createEmulator();
  let running: Awaited<ReturnType<typeof serveHandlers>>;
  try {
    running = await serveHandlers(emulator.handlers, host, port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use: pick another with --port, or --port 0 for a free one`
        : `cannot listen on ${host}:${port}: ${(e as Error).message}`,
    );
  }
  console.log(`listening on ${running.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  console.error('stopped');
  return 0;
}
