// `lambda-conformance serve`: the reference emulator over HTTP until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import { parsePort, UsageError } from './usage.ts';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { host: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const host = values.host ?? '127.0.0.1';
  const port = parsePort(values.port, 4010);
  const emulator = createEmulator();
  let running;
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
