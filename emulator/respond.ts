// Building responses: one place for the headers every Lambda answer carries.
import { randomUUID } from 'node:crypto';
import { ApiError } from './errors.ts';

function baseHeaders(): Record<string, string> {
  return { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: baseHeaders() });
}

/** 204 No Content: no body and no content type, as Delete answers. */
export function emptyResponse(status = 204): Response {
  return new Response(null, { status, headers: { 'x-amzn-RequestId': randomUUID() } });
}

export function errorResponse(err: ApiError): Response {
  return new Response(JSON.stringify(err.body()), {
    status: err.status,
    headers: { ...baseHeaders(), 'x-amzn-ErrorType': err.code, ...err.extraHeaders },
  });
}
