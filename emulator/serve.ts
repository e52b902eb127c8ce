// Serves the emulator's msw handlers over HTTP with node:http, so any SDK, the
// AWS CLI or boto3 can use it as --endpoint-url. Bodies are capped; anything a
// handler throws becomes a JSON 500, never an HTML page. Requests are answered
// through emulator/dispatch.ts: msw's semantics, without a fetch Request and
// Response per request where the handlers are the emulator's own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from 'msw';
import { answerBytes, directRequest, HandlerDispatch, replyAnswer, type Answer } from './dispatch.ts';
import { ApiError, errors } from './errors.ts';
import { errorReply } from './respond.ts';
import { MAX_BODY_BYTES } from './validation.ts';

/** The body, capped. Events, not an async iterator: the iterator's machinery was a few percent of a small request's server time. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return; // already refused: the rest is drained
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(errors.tooLarge(MAX_BODY_BYTES));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/**
 * The fetch Request msw needs when the light request will not do (foreign
 * handlers, unusual requests). A module function, not a named closure per
 * request: under tsx every named closure costs an Object.defineProperty.
 */
function fetchRequestOf(req: IncomingMessage, method: string, url: string, sent: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  return new Request(url, { method, headers, body: sent ? new Uint8Array(sent) : undefined });
}

async function answer(dispatch: HandlerDispatch, req: IncomingMessage): Promise<Answer> {
  try {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
    const sent = method === 'GET' || method === 'HEAD' || !body ? undefined : body;
    const answered = await dispatch.answer(directRequest(method, url, Object.entries(req.headers), sent), () => fetchRequestOf(req, method, url, sent));
    return answered ?? replyAnswer(errorReply(errors.unknownOperation(method, req.url ?? '/')));
  } catch (e) {
    return replyAnswer(errorReply(e instanceof ApiError ? e : new ApiError('ServiceException', 'The emulator encountered an internal error.')));
  }
}

function write(res: ServerResponse, a: Answer): void {
  const headers = { ...a.headers };
  const bytes = answerBytes(a);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (a.status !== 204) headers['content-length'] = String(body.length);
  res.writeHead(a.status, headers);
  res.end(a.status === 204 ? undefined : body);
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveHandlers(handlers: HttpHandler[], host = '127.0.0.1', port = 0): Promise<RunningServer> {
  const dispatch = new HandlerDispatch(handlers);
  const server = createServer((req, res) => {
    answer(dispatch, req)
      .then((a) => write(res, a))
      .catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
