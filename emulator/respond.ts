// Building answers: one place for the headers every Lambda answer carries.
// Handlers build Replies (plain data); a fetch Response is made from one only
// where msw needs it (emulator/route.ts), so the in-process paths and the
// server never build and re-read a Response per request (emulator/dispatch.ts).
import { randomUUID } from 'node:crypto';
import { ApiError } from './errors.ts';

/** An answer as plain data: what `new Response(body, { status, headers })` is made from. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

// Header names lower-case and in order, as a fetch Response lists them: then
// emulator/dispatch.ts hands them on as they are.
function baseHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
}

export function jsonResponse(status: number, body: unknown): Reply {
  return { status, headers: baseHeaders(), body: JSON.stringify(body) };
}

/** 204 No Content: no body and no content type, as Delete answers. */
export function emptyResponse(status = 204): Reply {
  return { status, headers: { 'x-amzn-requestid': randomUUID() }, body: null };
}

export function errorReply(err: ApiError): Reply {
  return {
    status: err.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': err.code, 'x-amzn-requestid': randomUUID(), ...err.extraHeaders },
    body: JSON.stringify(err.body()),
  };
}

/**
 * A bug in the emulator (not the client's fault): one line on stderr (what was
 * asked, the error, where it was thrown) and AWS's ServiceException for the
 * wire, with no detail of the emulator's internals.
 */
export function internalError(method: string, path: string, e: unknown): ApiError {
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = /\n\s+at (?:.*?\()?([^()\n]+)\)?/.exec(err.stack ?? '')?.[1];
  const line = `emulator: internal error on ${method} ${path}: ${err.name}: ${err.message}${frame ? ` (at ${frame})` : ''}`;
  console.error(line.replace(/[\x00-\x1f\x7f]+/g, ' ').slice(0, 2000));
  return new ApiError('ServiceException', 'The emulator encountered an internal error.');
}

/** The fetch Response of a Reply, for msw. */
export function toResponse(r: Reply): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}

/** An AWS error as a fetch Response (for msw handlers outside the emulator's routes). */
export function errorResponse(err: ApiError): Response {
  return toResponse(errorReply(err));
}
