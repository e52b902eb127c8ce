// Serves the emulator's msw handlers over HTTP with node:http, so any SDK, the
// AWS CLI or boto3 can use it as --endpoint-url. Bodies are capped; anything a
// handler throws becomes a JSON 500, never an HTML page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';
import { ApiError, errors } from './errors.ts';
import { errorResponse } from './respond.ts';
import { MAX_BODY_BYTES } from './validation.ts';

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw errors.tooLarge(MAX_BODY_BYTES);
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

async function answer(handlers: HttpHandler[], req: IncomingMessage): Promise<Response> {
  try {
    const body = await readBody(req);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const method = req.method ?? 'GET';
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || !body ? undefined : new Uint8Array(body),
    });
    return (await getResponse(handlers, request)) ?? errorResponse(errors.unknownOperation(method, req.url ?? '/'));
  } catch (e) {
    return errorResponse(e instanceof ApiError ? e : new ApiError('ServiceException', 'The emulator encountered an internal error.'));
  }
}

async function write(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(response.status === 204 ? undefined : body);
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveHandlers(handlers: HttpHandler[], host = '127.0.0.1', port = 0): Promise<RunningServer> {
  const server = createServer((req, res) => {
    answer(handlers, req)
      .then((response) => write(res, response))
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
