// Bad input to the emulator gets a JSON error with the right status and the
// error code header, never a 500 or a stack trace: over HTTP (serve) and
// in-process (the same handlers through msw's getResponse).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getResponse } from 'msw';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers, type RunningServer } from '../emulator/serve.ts';

const EIC = '/2019-09-25/functions';
const json = { 'content-type': 'application/json' };

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  status: number;
  code: string;
  /** A fragment the message must contain: proof the error says what went wrong. */
  says: string;
}

const cases: Case[] = [
  {
    name: 'malformed JSON',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: '{"MaximumRetryAttempts": 1',
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'Could not parse',
  },
  {
    name: 'a JSON array body',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: '[1]',
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'JSON object',
  },
  {
    name: 'a string for an integer',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: '{"MaximumRetryAttempts": "1"}',
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'maximumRetryAttempts',
  },
  {
    name: 'a number for a destination',
    method: 'POST',
    path: `${EIC}/f/event-invoke-config`,
    body: '{"DestinationConfig": {"OnSuccess": {"Destination": 5}}}',
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'destinationConfig.onSuccess.destination',
  },
  {
    name: 'an object for DestinationConfig side',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: '{"DestinationConfig": {"OnFailure": "x"}}',
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'destinationConfig.onFailure',
  },
  {
    name: 'an unknown path',
    method: 'GET',
    path: '/2019-09-25/nothing-here',
    status: 404,
    code: 'UnknownOperationException',
    says: '/2019-09-25/nothing-here',
  },
  {
    name: 'an unknown verb on a known path',
    method: 'PATCH',
    path: `${EIC}/f/event-invoke-config`,
    body: '{}',
    status: 404,
    code: 'UnknownOperationException',
    says: 'PATCH',
  },
  { name: 'a missing FunctionName', method: 'GET', path: `${EIC}//event-invoke-config`, status: 400, code: 'ValidationException', says: "at 'functionName'" },
  {
    name: 'an oversized FunctionName',
    method: 'GET',
    path: `${EIC}/${'a'.repeat(300)}/event-invoke-config`,
    status: 400,
    code: 'ValidationException',
    says: 'length less than or equal to 256',
  },
  {
    name: 'an oversized Qualifier',
    method: 'DELETE',
    path: `${EIC}/f/event-invoke-config?Qualifier=${'q'.repeat(200)}`,
    status: 400,
    code: 'ValidationException',
    says: 'length less than or equal to 128',
  },
  {
    name: 'an oversized destination',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: JSON.stringify({ DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(400)}` } } }),
    status: 400,
    code: 'ValidationException',
    says: 'length less than or equal to 350',
  },
  {
    name: 'an oversized integer',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: '{"MaximumEventAgeInSeconds": 99999999999999999999}',
    status: 400,
    code: 'ValidationException',
    says: 'less than or equal to 21600',
  },
  {
    name: 'a non-numeric MaxItems',
    method: 'GET',
    path: `${EIC}/f/event-invoke-config/list?MaxItems=lots`,
    status: 400,
    code: 'InvalidRequestContentException',
    says: 'maxItems',
  },
  {
    name: 'an oversized body',
    method: 'PUT',
    path: `${EIC}/f/event-invoke-config`,
    body: JSON.stringify({ Padding: 'x'.repeat(300_000) }),
    status: 413,
    code: 'RequestTooLargeException',
    says: 'smaller than',
  },
];

async function expectJsonError(res: Response, c: Case): Promise<void> {
  const text = await res.text();
  expect({ status: res.status, code: res.headers.get('x-amzn-errortype') }, `${c.name}: ${text}`).toEqual({ status: c.status, code: c.code });
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  const message = String(body.message ?? body.Message);
  expect(message).toContain(c.says);
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+/); // no stack trace
}

let served: RunningServer;
beforeAll(async () => {
  served = await serveHandlers(createEmulator().handlers, '127.0.0.1', 0);
});
afterAll(async () => served?.close());

describe('over HTTP', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await expectJsonError(await fetch(`${served.url}${c.path}`, { method: c.method, headers: json, body: c.body }), c);
  });
});

describe('in-process', () => {
  const { handlers } = createEmulator();
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const res = await getResponse(handlers, new Request(`http://embedded${c.path}`, { method: c.method, headers: json, body: c.body }));
    expect(res).toBeDefined();
    await expectJsonError(res!, c);
  });
});
