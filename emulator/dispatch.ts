// Answering a request from an ordered array of msw handlers, the way msw's
// getResponse does, without msw's per-request work where the emulator's own
// handlers allow it. getResponse builds a fetch Request, clones it, and for
// every handler it tries parses the URL and cookies and compiles the handler's
// path into a regular expression; then the answer is a fetch Response whose
// body is read back through a stream. The in-process paths (the embedded
// target's SDK handler, the raw wire client) and the served emulator call this
// for every request instead:
//
// - each emulator handler (emulator/route.ts, the fallback) is registered here
//   with its method, its msw path and its resolver; its matcher is compiled
//   ONCE, with the same library and options msw uses (path-to-regexp's `match`,
//   msw's path coercion, decodeURIComponent on parameters), and tried in the
//   same order with the same checks (path first, then method);
// - the request is a light object with what resolvers read (method, url,
//   headers.get, text()), built only when a fetch Request would have been
//   built the same way without complaint; otherwise (an unusual method, header
//   or URL) the fetch Request is built and msw answers, so errors stay the same;
// - answers are plain data (status, lower-case headers, body text).
//
// A handler the emulator did not build (msw handlers of a test or a mutant in
// front of the reference ones, the STS stand-in) is answered by msw's
// getResponse itself, from that handler on, with a real Request.
import { createRequire } from 'node:module';
import { cleanUrl, getResponse, type HttpHandler } from 'msw';
import type { EmulatorRequest } from './route.ts';
import type { Reply } from './respond.ts';

type Params = Record<string, string>;
type Matcher = (path: string) => false | { params: Params };

// path-to-regexp as msw itself loads it (resolved from msw's own location).
const pathToRegexp = createRequire(createRequire(import.meta.url).resolve('msw'))('path-to-regexp') as {
  match(path: string, options: { decode: (s: string) => string }): Matcher;
};

/** msw's coercePath (utils/matching/matchRequestUrl), verbatim: `*` wildcards to `(.*)`, escaped port colons. */
function coercePath(path: string): string {
  return path
    .replace(/([:a-zA-Z_-]*)(\*{1,2})+/g, (_, parameterName: string, wildcard: string) => {
      const expression = '(.*)';
      if (!parameterName) return expression;
      return parameterName.startsWith(':') ? `${parameterName}${wildcard}` : `${parameterName}${expression}`;
    })
    .replace(/([^/])(:)(?=(?:\d+|\(\.\*\))(?=\/|$))/, '$1\\$2')
    .replace(/^([^/]+)(:)(?=\/\/)/, '$1\\$2');
}

interface DirectRoute {
  /** Lower-case method, or undefined for `http.all` (any method). */
  method: string | undefined;
  match: Matcher;
  answer(request: EmulatorRequest, params: Params): Promise<Reply>;
}

const DIRECT = new WeakMap<object, DirectRoute>();

/**
 * Registers an emulator handler for direct dispatch: `path` is the handler's
 * msw path (starting with `*`), `method` its msw method (undefined: any), and
 * `answer` does exactly what the handler's resolver does, as a Reply.
 */
export function direct<H extends HttpHandler>(handler: H, method: string | undefined, path: string, answer: DirectRoute['answer']): H {
  if (!path.startsWith('*')) return handler; // msw would resolve it against a base URL: leave it to msw
  DIRECT.set(handler, { method: method?.toLowerCase(), match: pathToRegexp.match(coercePath(cleanUrl(path)), { decode: decodeURIComponent }), answer });
  return handler;
}

/** An answer as plain data: lower-case header names; the body as text (emulator) or bytes (from a fetch Response). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** A Reply as a fetch Response would show it: lower-case, combined, sorted header names; text/plain for an untyped text body. */
export function replyAnswer(r: Reply): Answer {
  const body = r.body ?? null;
  // The emulator's own replies already have their names lower-case, sorted and once each.
  const names = Object.keys(r.headers);
  let plain = body === null || 'content-type' in r.headers;
  for (let i = 0; plain && i < names.length; i++) plain = names[i] === names[i]!.toLowerCase() && (i === 0 || names[i - 1]! < names[i]!);
  if (plain) return { status: r.status, headers: { ...r.headers }, body };
  const combined: Record<string, string> = {};
  for (const k in r.headers) {
    const lk = k.toLowerCase();
    const v = r.headers[k]!;
    combined[lk] = lk in combined ? `${combined[lk]}, ${v}` : v;
  }
  if (body !== null && !('content-type' in combined)) combined['content-type'] = 'text/plain;charset=UTF-8';
  const headers: Record<string, string> = {};
  for (const k of Object.keys(combined).sort()) headers[k] = combined[k]!;
  return { status: r.status, headers, body };
}

export async function responseAnswer(res: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder(); // UTF-8, replacement, BOM stripped: what Body.text() does
const NEEDS_ROUND_TRIP = /^\uFEFF|[\uD800-\uDFFF]/;

/** The text a fetch Body would give for this string body (UTF-8 encoded, then decoded). */
function asBodyText(s: string): string {
  return NEEDS_ROUND_TRIP.test(s) ? decoder.decode(encoder.encode(s)) : s;
}

/** The body bytes of an answer (what Response.arrayBuffer() would give). */
export function answerBytes(a: Answer): Uint8Array {
  if (a.body === null) return new Uint8Array(0);
  return typeof a.body === 'string' ? encoder.encode(a.body) : a.body;
}

/** The body text of an answer (what Response.text() would give). */
export function answerText(a: Answer): string {
  if (a.body === null) return '';
  return typeof a.body === 'string' ? asBodyText(a.body) : decoder.decode(a.body);
}

const STANDARD_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Characters the Headers class refuses in a value. */
const BAD_VALUE_CHAR = /[\0\n\r\u0100-\uFFFF]/;
const isBlank = (c: number) => c === 0x20 || c === 0x09;
/** A header value the Headers class keeps as is: no refused character, no whitespace at either end (it would trim it). */
const plainValue = (v: string) => !BAD_VALUE_CHAR.test(v) && (v === '' || (!isBlank(v.charCodeAt(0)) && !isBlank(v.charCodeAt(v.length - 1))));

class LightHeaders {
  constructor(private readonly map: Map<string, string>) {}
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
}

/** The request as resolvers read it, without a fetch Request. */
class DirectRequest implements EmulatorRequest {
  private used = false;
  readonly headers: LightHeaders;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly parsed: URL,
    headerMap: Map<string, string>,
    private readonly body: string | Uint8Array | null,
  ) {
    this.headers = new LightHeaders(headerMap);
  }

  async text(): Promise<string> {
    if (this.body === null) return '';
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return typeof this.body === 'string' ? asBodyText(this.body) : decoder.decode(this.body);
  }
}

/**
 * The light request for `new Request(url, { method, headers, body })`, or
 * undefined when that Request would be unusual (normalised, refused or given
 * defaults this function does not reproduce): the caller then builds the real one.
 * A string body gets the text/plain content type a Request gives it; bytes do not.
 */
export function directRequest(
  method: string,
  url: string,
  headers: Iterable<[string, string | string[] | undefined]>,
  body: string | Uint8Array | undefined,
): EmulatorRequest | undefined {
  const upper = method.toUpperCase();
  if (!STANDARD_METHODS.has(upper)) return undefined;
  if (body !== undefined && (upper === 'GET' || upper === 'HEAD')) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return undefined;
  const map = new Map<string, string>();
  for (const [name, raw] of headers) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (typeof value !== 'string' || !TOKEN.test(name) || !plainValue(value)) return undefined;
    const lower = name.toLowerCase();
    const previous = map.get(lower);
    map.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  }
  if (typeof body === 'string' && !map.has('content-type')) map.set('content-type', 'text/plain;charset=UTF-8');
  return new DirectRequest(upper, parsed.href, parsed, map, body ?? null);
}

/** The request's URL, parsed (once, for a light request). */
export function urlOf(request: EmulatorRequest): URL {
  return request instanceof DirectRequest ? request.parsed : new URL(request.url);
}

/** Answers requests from one handler array, matchers compiled once (recompiled if the array changes). */
export class HandlerDispatch {
  private routes: Array<DirectRoute | undefined> = [];
  private seen: HttpHandler[] = [];

  constructor(private readonly handlers: readonly HttpHandler[]) {
    this.compile();
  }

  private compile(): void {
    this.seen = [...this.handlers];
    this.routes = this.seen.map((h) => DIRECT.get(h));
  }

  private changed(): boolean {
    if (this.handlers.length !== this.seen.length) return true;
    for (let i = 0; i < this.seen.length; i++) if (this.handlers[i] !== this.seen[i]) return true;
    return false;
  }

  /**
   * What getResponse(handlers, fetchRequest()) would answer. `request` is the
   * light form of the same request (undefined: only the fetch Request will do).
   */
  async answer(request: EmulatorRequest | undefined, fetchRequest: () => Request): Promise<Answer | undefined> {
    if (this.changed()) this.compile();
    if (request instanceof DirectRequest) {
      const url = request.parsed;
      const clean = [url.origin, url.pathname].filter(Boolean).join(''); // @mswjs/interceptors getCleanUrl
      for (let i = 0; i < this.routes.length; i++) {
        const route = this.routes[i];
        if (!route) return this.viaMsw(this.seen.slice(i), fetchRequest());
        const m = route.match(clean);
        if (m === false) continue;
        if (route.method !== undefined && route.method !== request.method.toLowerCase()) continue;
        return replyAnswer(await route.answer(request, m.params));
      }
      return undefined;
    }
    return this.viaMsw(this.seen, fetchRequest());
  }

  private async viaMsw(handlers: HttpHandler[], request: Request): Promise<Answer | undefined> {
    const res = await getResponse(handlers, request);
    return res ? responseAnswer(res) : undefined;
  }
}
