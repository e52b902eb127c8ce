// The proxy's side towards the upstream: the loopback-only check, reading the
// client's body, forwarding one request and buffering the whole answer.
import { type Agent, request, type IncomingMessage } from 'node:http';
import { isIPv4 } from 'node:net';
import { endToEnd, type UpstreamAnswer } from './answers.ts';

/** The upstream origin, refused unless it is plain http on loopback: no traffic leaves the machine. */
export function loopbackOrigin(upstream: string): URL {
  const url = new URL(upstream);
  const host = url.hostname;
  const loopback = host === 'localhost' || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'));
  if (url.protocol !== 'http:' || !loopback) throw new Error(`fault proxy: upstream must be an http URL on loopback, not ${upstream}`);
  if (url.pathname !== '/' || url.search) throw new Error(`fault proxy: upstream must be an origin without path or query, not ${upstream}`);
  return url;
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge(`request body over ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Sends the client's method, path+query, end-to-end headers (Host included, so a
 * SigV4 signature stays valid) and body to the upstream; resolves with the full
 * answer. Rejects on a connection failure or when the upstream stays silent for
 * `idleTimeoutMs`.
 */
export function forward(origin: URL, agent: Agent, req: IncomingMessage, body: Buffer, idleTimeoutMs: number): Promise<UpstreamAnswer> {
  const headers = endToEnd(req.headers);
  if (body.length > 0 || req.headers['content-length'] !== undefined) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const up = request(
      { hostname: origin.hostname.replace(/^\[|\]$/g, ''), port: origin.port || 80, method: req.method, path: req.url, headers, agent, timeout: idleTimeoutMs },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('error', reject);
        r.on('aborted', () => reject(new Error('upstream answer aborted')));
        r.on('end', () =>
          resolve({
            status: r.statusCode ?? 502,
            statusMessage: r.statusMessage ?? '',
            headers: endToEnd(r.headers),
            upstreamLength: r.headers['content-length'],
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    up.on('timeout', () => up.destroy(new Error(`upstream silent for ${idleTimeoutMs} ms`)));
    up.on('error', reject);
    up.end(body);
  });
}
