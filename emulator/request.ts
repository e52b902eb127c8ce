// The request as the emulator's resolvers read it: what a fetch Request offers
// (method, url, headers.get, text()), and a light form of it built without a
// fetch Request when that Request would be built the same way without
// complaint (emulator/dispatch.ts uses it for the fast path).
import { asBodyText, decoder } from './answer.ts';

/** What resolvers read of a request: a fetch Request has it, and so has the lighter one below. */
export interface EmulatorRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
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
export class DirectRequest implements EmulatorRequest {
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
