// The raw wire client: sends exactly the bytes a test asks for (malformed JSON,
// wrong types, unknown members, no body) and shows the answer as it arrived
// (status, headers, raw text), which the SDK hides or refuses to produce.
// Requests to URL targets are SigV4-signed like the SDK's; the embedded target
// answers in-process through the same msw handlers.
import { createHash, createHmac } from 'node:crypto';
import type { HttpHandler } from 'msw';
import { answerText, directRequest, HandlerDispatch } from '../emulator/dispatch.ts';
import { SignatureV4 } from '@smithy/signature-v4';
import { readCapped } from './capped-read.ts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';

export interface WireRequest {
  method: string;
  /** Path with its labels already percent-encoded. */
  path: string;
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
}

export interface WireResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
}

export interface WireClient {
  send(req: WireRequest): Promise<WireResponse>;
}

/** The SHA-256 SignatureV4 asks for, on node:crypto. */
class NodeSha256 implements Checksum {
  private hash;
  constructor(secret?: SourceData) {
    this.hash = secret ? createHmac('sha256', toBuffer(secret)) : createHash('sha256');
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}
const toBuffer = (d: SourceData): Buffer =>
  typeof d === 'string' ? Buffer.from(d) : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d as ArrayBuffer);

/** The answer, its body read with the cap (an oversized body throws AnswerTooLarge: no rule can judge it). */
async function toWireResponse(res: Response): Promise<WireResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  const bytes = await readCapped(res.body ?? undefined);
  return { status: res.status, headers, text: Buffer.from(bytes).toString('utf8') };
}

const queryString = (q: Record<string, string> = {}) => {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
};

/** A raw request's path with its query string (none when the query is empty), as sent. */
export const pathWithQuery = (r: Pick<WireRequest, 'path' | 'query'>) => `${r.path}${queryString(r.query)}`;

export function inProcessWire(handlers: readonly HttpHandler[], origin = 'http://embedded.lambda-conformance.invalid'): WireClient {
  // Same semantics as getResponse(handlers, new Request(...)); the emulator's own
  // handlers answer without a fetch Request/Response (emulator/dispatch.ts).
  const dispatch = new HandlerDispatch(handlers);
  return {
    async send(req) {
      const url = `${origin}${pathWithQuery(req)}`;
      const headers = { 'content-type': 'application/json', ...req.headers };
      const res = await dispatch.answer(
        directRequest(req.method, url, Object.entries(headers), req.body),
        () => new Request(url, { method: req.method, headers, body: req.body }),
      );
      if (!res) throw new Error(`no handler answered ${req.method} ${req.path}`);
      return { status: res.status, headers: res.headers, text: answerText(res) };
    },
  };
}

export function signedWire(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  timeoutMs = 30_000,
): WireClient {
  const signer = new SignatureV4({ service: 'lambda', region, credentials, sha256: NodeSha256 });
  const url = new URL(endpoint);
  return {
    async send(req) {
      const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json', ...req.headers };
      const signed = await signer.sign({
        method: req.method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: `${url.pathname.replace(/\/$/, '')}${req.path}`,
        query: req.query ?? {},
        headers,
        body: req.body,
      });
      const res = await fetch(`${url.origin}${url.pathname.replace(/\/$/, '')}${pathWithQuery(req)}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'host')),
        body: req.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return toWireResponse(res);
    },
  };
}

/** The percent-encoding the SDK uses for a path label (':' and '$' included). */
export const encodeLabel = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
