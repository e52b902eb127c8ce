// An answer as plain data (status, lower-case headers, body text or bytes), as
// a fetch Response would show it: what the fast path gives back instead of a
// Response, and what a Response is turned into when msw answers.
import type { Reply } from './respond.ts';

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
export const decoder = new TextDecoder(); // UTF-8, replacement, BOM stripped: what Body.text() does
const NEEDS_ROUND_TRIP = /^\uFEFF|[\uD800-\uDFFF]/;

/** The text a fetch Body would give for this string body (UTF-8 encoded, then decoded). */
export function asBodyText(s: string): string {
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
