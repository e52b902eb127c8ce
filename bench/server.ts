// A server process for bench/run.ts, so that the server has a core of its own
// and the client another (as with `lambda-conformance serve`):
//   tsx bench/server.ts emulator   the reference emulator through serveHandlers
//                                  (BENCH_DELAY_MS=20: each answer 20 ms late)
//   tsx bench/server.ts bare       node:http answering the canned bytes of each
//                                  slot (BENCH_CANNED), after reading the body
// Prints `listening on <url>`; stops on SIGTERM or when stdin closes.
import { createServer } from 'node:http';
import { http } from 'msw';
import type { AddressInfo } from 'node:net';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import { cannedFromJson, SLOT_HEADER } from './workload.ts';

const mode = process.argv[2];
let url: string;
let close: () => Promise<void>;

if (mode === 'emulator') {
  // BENCH_DELAY_MS: every answer that much later, like an emulator or AWS farther away.
  const delayMs = Number(process.env.BENCH_DELAY_MS ?? 0);
  const delay = http.all('*', () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), delayMs)));
  const running = await serveHandlers([...(delayMs ? [delay] : []), ...createEmulator().handlers], '127.0.0.1', 0);
  url = running.url;
  close = running.close;
} else if (mode === 'bare') {
  const canned = cannedFromJson(process.env.BENCH_CANNED ?? '[]');
  const answers = new Map([...canned].map(([slot, c]) => [String(slot), { ...c, body: Buffer.from(c.body) }]));
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      const c = answers.get(String(req.headers[SLOT_HEADER]));
      if (!c) {
        res.writeHead(500).end();
        return;
      }
      const headers = { ...c.headers, ...(c.statusCode !== 204 ? { 'content-length': String(c.body.length) } : {}) };
      res.writeHead(c.statusCode, headers);
      res.end(c.statusCode === 204 ? undefined : c.body);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
} else {
  console.error('usage: tsx bench/server.ts emulator|bare');
  process.exit(2);
}

console.log(`listening on ${url}`);
const stop = () => void close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
