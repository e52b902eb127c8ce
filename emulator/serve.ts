// Serves the emulator's msw handlers over HTTP with node:http, so any SDK, the
// AWS CLI or boto3 can use it as --endpoint-url. Every answer is AWS-shaped
// JSON (status, `x-amzn-ErrorType`, a body with a message), whatever arrives:
//
// - routing uses the request path only: the URL handed to the handlers has the
//   server's own origin, never one made from the Host header (a Host is still
//   checked: missing on HTTP/1.1, repeated or not a host[:port] is a 400);
// - what a handler cannot be asked about is answered here: malformed
//   percent-encoding in the path (400), methods a fetch Request refuses
//   (TRACE, TRACK, CONNECT: 404, as any method without an operation);
// - faults of the HTTP layer that node:http meets before there is a request
//   (bad framing, oversized head, header timeout, an Expect it cannot meet)
//   get the same JSON form, written to the socket, which is then closed;
// - bodies are capped; anything else a handler throws is the emulator's bug:
//   one line on stderr and a JSON 500, never a stack trace on the wire.
//
// Requests are answered through emulator/dispatch.ts: msw's semantics, without
// a fetch Request and Response per request where the handlers are the
// emulator's own.
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HttpHandler } from 'msw';
import { answerBytes, directRequest, HandlerDispatch, replyAnswer, type Answer } from './dispatch.ts';
import { ApiError, errors, ProtocolError, protocolErrors } from './errors.ts';
import { errorReply, internalError } from './respond.ts';
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
    // The client went away or broke the framing mid-body (node:http's clientError has answered that).
    req.on('error', () => reject(protocolErrors.badRequest('The request body was not received in full.')));
  });
}

/** Client text quoted in an error message: short, JSON-escaped. */
const quoted = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}...` : s);

/** Methods a fetch Request refuses, so no msw handler can be asked about them. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * host [":" port] (RFC 3986/9110): a bracketed IPv6 literal, or a reg-name or
 * IPv4 address (unreserved characters, sub-delims, %XX); empty is allowed
 * (RFC 9112 3.2). No "/", "?", "#" or "@": a Host never carries a path or userinfo.
 */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)(?::[0-9]*)?$/;
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

function hostHeaders(raw: string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') n++;
  return n;
}

/**
 * The path (with its query) the request asks for, from the request target
 * alone; throws the AWS error for a request that cannot be read as an
 * operation call.
 */
function requestPath(req: IncomingMessage, method: string): string {
  const host = req.headers.host;
  if (host === undefined && req.httpVersion === '1.1') throw protocolErrors.badRequest('The request has no Host header, which HTTP/1.1 requires.');
  if (host !== undefined && hostHeaders(req.rawHeaders) > 1) throw protocolErrors.badRequest('The request has more than one Host header.');
  if (host !== undefined && !HOST.test(host)) throw protocolErrors.badRequest(`The Host header ${quoted(host)} is not a valid host[:port].`);
  const target = req.url ?? '/';
  let path: string;
  if (target.startsWith('/')) path = target;
  else if (ABSOLUTE_FORM.test(target)) {
    // absolute-form (RFC 9112 3.2.2): only its path and query route.
    try {
      const u = new URL(target);
      path = `${u.pathname.startsWith('/') ? u.pathname : `/${u.pathname}`}${u.search}`;
    } catch {
      throw protocolErrors.badRequest(`The request target ${quoted(target)} is not a valid URL.`);
    }
  } else if (target === '*') throw errors.unknownOperation(method, target);
  else throw protocolErrors.badRequest(`The request target ${quoted(target)} is not a path.`);
  const pathOnly = path.replace(/[?#][\s\S]*$/, '');
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) throw errors.unknownOperation(method, pathOnly);
  try {
    decodeURIComponent(pathOnly);
  } catch {
    throw protocolErrors.badRequest(`The request path ${quoted(pathOnly)} is not valid percent-encoded UTF-8.`);
  }
  return path;
}

/**
 * The fetch Request msw needs when the light request will not do (foreign
 * handlers, unusual requests). A module function, not a named closure per
 * request: under tsx every named closure costs an Object.defineProperty.
 */
function fetchRequestOf(req: IncomingMessage, method: string, url: string, sent: Buffer | undefined): Request {
  const headers = new Headers();
  try {
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    return new Request(url, { method, headers, body: sent ? new Uint8Array(sent) : undefined });
  } catch (e) {
    // What a fetch Request refuses came from the client.
    throw protocolErrors.badRequest(`The request cannot be read: ${(e as Error).message}`);
  }
}

interface Answered {
  answer: Answer;
  /** A fault of the HTTP layer: the connection may be out of step, so close it after answering. */
  close: boolean;
}

async function answer(dispatch: HandlerDispatch, req: IncomingMessage, origin: string): Promise<Answered> {
  const method = req.method ?? 'GET';
  try {
    const path = requestPath(req, method);
    const body = await readBody(req);
    const url = `${origin}${path}`;
    const sent = method === 'GET' || method === 'HEAD' || !body ? undefined : body;
    const answered = await dispatch.answer(directRequest(method, url, Object.entries(req.headers), sent), () => fetchRequestOf(req, method, url, sent));
    return { answer: answered ?? replyAnswer(errorReply(errors.unknownOperation(method, new URL(url).pathname))), close: false };
  } catch (e) {
    const err = e instanceof ApiError ? e : internalError(method, (req.url ?? '/').replace(/[?#][\s\S]*$/, ''), e);
    return { answer: replyAnswer(errorReply(err)), close: err instanceof ProtocolError };
  }
}

function write(res: ServerResponse, a: Answer, close = false): void {
  const headers = { ...a.headers };
  const bytes = answerBytes(a);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (a.status !== 204) headers['content-length'] = String(body.length);
  if (close) headers.connection = 'close';
  res.writeHead(a.status, headers);
  res.end(a.status === 204 ? undefined : body);
}

/** An error response as bytes, for a socket node:http no longer writes to (client errors, CONNECT). */
function rawErrorResponse(err: ApiError): Buffer {
  const reply = errorReply(err);
  const body = Buffer.from(reply.body ?? '', 'utf8');
  const head = [
    `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? 'Error'}`,
    ...Object.entries(reply.headers).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${body.length}`,
    'connection: close',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

function endWith(socket: Duplex, err: ApiError): void {
  socket.end(rawErrorResponse(err), () => socket.destroy());
}

/** node:http's client errors (what its own default would answer with an empty body), as AWS errors. */
function clientErrorOf(err: NodeJS.ErrnoException & { reason?: string }): ApiError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return protocolErrors.tooLarge(`The request line and headers must be smaller than ${maxHeaderSize} bytes.`, 431);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return protocolErrors.tooLarge('The chunk extensions of the request are too large.', 413);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'HPE_HEADER_TIMEOUT':
      return protocolErrors.badRequest('The request was not received in time.', 408);
    default:
      return protocolErrors.badRequest(`The request is not valid HTTP/1.1 (${err.code ?? 'parse error'}${err.reason ? `: ${err.reason}` : ''}).`);
  }
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Time allowed for a request's head (node:http's headersTimeout; default 60 s). */
  headersTimeoutMs?: number;
}

export async function serveHandlers(handlers: HttpHandler[], host = '127.0.0.1', port = 0, options: ServeOptions = {}): Promise<RunningServer> {
  const dispatch = new HandlerDispatch(handlers);
  const headersTimeout = options.headersTimeoutMs;
  let origin = 'http://localhost'; // the server's own, once it listens
  const server = createServer(
    {
      requireHostHeader: false, // checked in requestPath, to answer in JSON
      ...(headersTimeout !== undefined
        ? {
            headersTimeout,
            requestTimeout: Math.max(300_000, headersTimeout),
            connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4))),
          }
        : {}),
    },
    (req, res) => {
      answer(dispatch, req, origin)
        .then((a) => write(res, a.answer, a.close))
        .catch((e) => {
          internalError(req.method ?? 'GET', '(writing the answer)', e);
          res.destroy();
        });
    },
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As node:http's own: not once a response has begun on this connection.
    const inProgress = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
      socket.destroy();
      return;
    }
    endWith(socket, clientErrorOf(err));
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    endWith(socket, errors.unknownOperation('CONNECT', req.url ?? ''));
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const expectation = protocolErrors.badRequest(`Expect: ${quoted(String(req.headers.expect ?? ''))} cannot be met; only 100-continue can.`, 417);
    write(res, replyAnswer(errorReply(expectation)), true);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shownHost}:${addr.port}`;
  origin = url;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
