// The emulator's fast path (emulator/dispatch.ts) answers exactly as msw's own
// getResponse does over the same handlers: the same requests, sent to two
// emulators in the same order at the same (frozen) time, one through each
// path, give byte-identical answers — status, headers and body — once the
// random request and revision ids are set aside. Requests cover every
// operation, companions, errors, odd paths, odd headers and bodies, and a
// handler of a test in front of the emulator's own (msw answers from there on).
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { answerBytes, directRequest, HandlerDispatch, responseAnswer, type Answer } from '../emulator/dispatch.ts';

const ORIGIN = 'http://dispatch.test';
const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=123456789012/20261201/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00' };
const ZIP =
  'UEsDBBQAAAAAAAAAAAAMny87NQAAADUAAAAIAAAAaW5kZXguanNleHBvcnRzLmhhbmRsZXIgPSBhc3luYyAoKSA9PiAoeyBzdGF0dXNDb2RlOiAyMDAgfSk7ClBLAQIUABQAAAAAAAAAAAAMny87NQAAADUAAAAIAAAAAAAAAAAAAACkgQAAAABpbmRleC5qc1BLBQYAAAAAAQABADYAAABbAAAAAAA=';

interface Req {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const json = (o: unknown) => JSON.stringify(o);
const eic = (name: string, q = '') => `/2019-09-25/functions/${encodeURIComponent(name)}/event-invoke-config${q}`;

/** A session: create, publish, alias, every EventInvokeConfig operation and its errors, odd inputs. */
const SESSION: Req[] = [
  { method: 'GET', path: '/2015-03-31/functions/' },
  {
    method: 'POST',
    path: '/2015-03-31/functions',
    body: json({ FunctionName: 'fn', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: ZIP } }),
  },
  {
    method: 'POST',
    path: '/2015-03-31/functions',
    body: json({ FunctionName: 'dest', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: ZIP } }),
  },
  { method: 'POST', path: '/2015-03-31/functions/fn/versions', body: '{}' },
  { method: 'POST', path: '/2015-03-31/functions/fn/aliases', body: json({ Name: 'live', FunctionVersion: '1' }) },
  { method: 'PUT', path: eic('fn'), body: json({ MaximumRetryAttempts: 1 }) },
  { method: 'PUT', path: eic('fn'), body: json({ MaximumRetryAttempts: 1 }) },
  {
    method: 'PUT',
    path: eic('fn', '?Qualifier=1'),
    body: json({ MaximumEventAgeInSeconds: 120, DestinationConfig: { OnFailure: { Destination: 'arn:aws:lambda:us-east-1:123456789012:function:dest' } } }),
  },
  { method: 'POST', path: eic('fn:live'), body: json({ MaximumRetryAttempts: 0 }) },
  { method: 'PUT', path: eic('fn:live'), body: json({ MaximumRetryAttempts: 2 }) },
  { method: 'POST', path: eic('fn:live'), body: json({ MaximumEventAgeInSeconds: 60 }) },
  { method: 'GET', path: eic('fn') },
  { method: 'GET', path: eic('arn:aws:lambda:us-east-1:123456789012:function:fn', '?Qualifier=1') },
  { method: 'GET', path: eic('fn', '?Qualifier=nope') },
  { method: 'GET', path: `${eic('fn')}/list?MaxItems=1` },
  { method: 'GET', path: `${eic('fn')}/list` },
  { method: 'PUT', path: eic('fn:1', '?Qualifier=$LATEST'), body: json({ MaximumRetryAttempts: 1 }) },
  { method: 'PUT', path: eic('fn'), body: '{}' },
  { method: 'PUT', path: eic('fn'), body: '{"MaximumRetryAttempts": 1' },
  { method: 'PUT', path: eic('fn'), body: json({ MaximumRetryAttempts: 'x' }) },
  { method: 'PUT', path: eic('fn'), body: json({ MaximumRetryAttempts: 9, DestinationConfig: { OnSuccess: { Destination: 'arn:aws:_-/!lambda:x' } } }) },
  { method: 'PUT', path: eic('my-function!'), body: json({ MaximumRetryAttempts: 1 }) },
  { method: 'PUT', path: eic('doesnotexist'), body: json({ MaximumRetryAttempts: 1 }) },
  {
    method: 'PUT',
    path: eic('fn'),
    body: json({ MaximumRetryAttempts: 1, Note: 'héllo \u{1F600}' }),
    headers: { 'content-type': 'application/json; charset=utf-8' },
  },
  { method: 'DELETE', path: eic('fn', '?Qualifier=live') },
  { method: 'DELETE', path: eic('fn', '?Qualifier=live') },
  { method: 'DELETE', path: eic('fn') },
  { method: 'GET', path: '/2019-09-25/functions//event-invoke-config' },
  { method: 'GET', path: '/nothing/here' },
  { method: 'PATCH', path: eic('fn'), body: '{}' },
  { method: 'GET', path: '/2015-03-31/functions/fn' },
  { method: 'DELETE', path: '/2015-03-31/functions/fn/aliases/live' },
  { method: 'DELETE', path: '/2015-03-31/functions/fn' },
  { method: 'GET', path: eic('fn') },
];

const request = (r: Req) =>
  new Request(`${ORIGIN}${r.path}`, { method: r.method, headers: { ...AUTH, ...r.headers }, ...(r.body !== undefined ? { body: r.body } : {}) });

/** An answer with the random ids set aside, everything else as it came: status, headers, body bytes. */
function comparable(a: Answer | undefined): unknown {
  if (!a) return undefined;
  const headers = { ...a.headers, ...('x-amzn-requestid' in a.headers ? { 'x-amzn-requestid': '<random>' } : {}) };
  const body = new TextDecoder().decode(answerBytes(a)).replace(/"RevisionId":"[0-9a-f-]{36}"/g, '"RevisionId":"<random>"');
  return { status: a.status, headers, body };
}

async function bothWays(handlersOf: () => HttpHandler[]): Promise<Array<{ req: Req; msw: unknown; fast: unknown }>> {
  const viaMsw = handlersOf();
  const viaFast = handlersOf();
  const dispatch = new HandlerDispatch(viaFast);
  const out = [];
  for (const req of SESSION) {
    const res = await getResponse(viaMsw, request(req));
    const msw = comparable(res ? await responseAnswer(res) : undefined);
    const light = directRequest(
      req.method,
      `${ORIGIN}${req.path}`,
      Object.entries({ ...AUTH, ...(req.body !== undefined ? { 'content-type': 'text/plain;charset=UTF-8' } : {}), ...req.headers }),
      req.body,
    );
    const fast = comparable(await dispatch.answer(light, () => request(req)));
    out.push({ req, msw, fast });
  }
  return out;
}

describe("the emulator's fast path answers byte for byte as msw's getResponse", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'));
  });
  afterAll(() => vi.useRealTimers());

  test('the reference handlers: every request of the session', async () => {
    const answers = await bothWays(() => createEmulator().handlers);
    expect(answers.filter((a) => a.msw === undefined)).toEqual([]); // every request was answered
    for (const a of answers) expect(a.fast, `${a.req.method} ${a.req.path}`).toEqual(a.msw);
    // The session did exercise both successes and errors.
    const statuses = new Set(answers.map((a) => (a.msw as { status: number }).status));
    for (const s of [200, 201, 204, 400, 404]) expect(statuses.has(s), String(s)).toBe(true);
  });

  test("a test's own handler in front: msw answers from it on, the same as getResponse over the whole array", async () => {
    const override = http.get('*/2019-09-25/functions/:name/event-invoke-config/list', () =>
      HttpResponse.json({ FunctionEventInvokeConfigs: [], Overridden: true }),
    );
    const answers = await bothWays(() => [override, ...createEmulator().handlers]);
    for (const a of answers) expect(a.fast, `${a.req.method} ${a.req.path}`).toEqual(a.msw);
    expect(answers.some((a) => String((a.fast as { body: string }).body).includes('Overridden'))).toBe(true);
  });
});
