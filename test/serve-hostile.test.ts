// Hostile input to the served emulator (issue 15, `serve`): every request gets
// an AWS-shaped JSON error (status < 500, x-amzn-ErrorType, application/json,
// a message, no stack trace), whatever arrives; Tags are validated before they
// are stored; routing uses the request path only; LastModified follows the
// clock and never goes backwards; regions that were only read leave no state.
import { http } from 'msw';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { serveHandlers, type RunningServer } from '../emulator/serve.ts';
import { rawRequest, type RawAnswer } from './helpers/raw-http.ts';
import { servers } from './helpers/run.ts';

const serve = servers();
const ROLE = 'arn:aws:iam::000000000000:role/r';
const EIC = '/2019-09-25/functions';

interface ErrorAnswer {
  status: number;
  code: string | null;
  contentType: string | null;
  text: string;
}

/** The answer is an AWS client error: 4xx, x-amzn-ErrorType, JSON with a message, nothing of the emulator's insides. */
function expectAwsClientError(a: ErrorAnswer, what: string, code?: string): Record<string, unknown> {
  expect(a.status, `${what}: ${a.text}`).toBeGreaterThanOrEqual(400);
  expect(a.status, `${what}: ${a.text}`).toBeLessThan(500);
  expect(a.code, `${what}: no x-amzn-ErrorType`).toBeTruthy();
  if (code) expect(a.code, what).toBe(code);
  expect(a.contentType, what).toMatch(/^application\/json/);
  const body = JSON.parse(a.text) as Record<string, unknown>;
  expect(typeof (body.message ?? body.Message), `${what}: ${a.text}`).toBe('string');
  expect(a.text).not.toMatch(/\n\s+at |\.ts:\d+|node:internal/);
  return body;
}

const fromRaw = (r: RawAnswer): ErrorAnswer => ({
  status: r.status,
  code: r.headers['x-amzn-errortype'] ?? null,
  contentType: r.headers['content-type'] ?? null,
  text: r.body,
});
const fromFetch = async (r: Response): Promise<ErrorAnswer> => ({
  status: r.status,
  code: r.headers.get('x-amzn-errortype'),
  contentType: r.headers.get('content-type'),
  text: await r.text(),
});

const request = (line: string, headers: string[] = ['Host: lambda.local'], body = '') =>
  `${line}\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;

let emulator: Emulator;
let url: string;
beforeAll(async () => {
  emulator = createEmulator();
  url = await serve(emulator.handlers);
});

describe('bad requests get AWS-shaped JSON errors, never a 500', () => {
  const cases: Array<{ name: string; bytes: () => string; code?: string; status?: number }> = [
    { name: '%FF in a function name', bytes: () => request('GET /2015-03-31/functions/%FF HTTP/1.1'), code: 'InvalidRequestContentException', status: 400 },
    {
      name: 'a lone % in an EventInvokeConfig path',
      bytes: () => request(`GET ${EIC}/%/event-invoke-config HTTP/1.1`),
      code: 'InvalidRequestContentException',
      status: 400,
    },
    {
      name: '%ZZ in a Put path',
      bytes: () =>
        request(
          `PUT ${EIC}/%ZZ/event-invoke-config HTTP/1.1`,
          ['Host: h', 'Content-Type: application/json', 'Content-Length: 26'],
          '{"MaximumRetryAttempts":1}',
        ),
      code: 'InvalidRequestContentException',
      status: 400,
    },
    { name: '%FF where nothing routes', bytes: () => request('GET /%FF HTTP/1.1'), code: 'InvalidRequestContentException', status: 400 },
    { name: 'TRACE', bytes: () => request('TRACE / HTTP/1.1'), code: 'UnknownOperationException', status: 404 },
    { name: 'TRACE on an operation path', bytes: () => request(`TRACE ${EIC}/f/event-invoke-config HTTP/1.1`), code: 'UnknownOperationException', status: 404 },
    // TRACK is not a method node:http's parser knows: a protocol error.
    { name: 'TRACK', bytes: () => request('TRACK /2015-03-31/functions HTTP/1.1'), code: 'InvalidRequestContentException', status: 400 },
    { name: 'CONNECT', bytes: () => request('CONNECT example.com:443 HTTP/1.1', ['Host: example.com:443']), code: 'UnknownOperationException', status: 404 },
    { name: 'PROPFIND', bytes: () => request('PROPFIND /2015-03-31/functions HTTP/1.1'), code: 'UnknownOperationException', status: 404 },
    { name: 'a method HTTP does not know', bytes: () => request('FROB /2015-03-31/functions HTTP/1.1'), status: 400 },
    { name: 'OPTIONS *', bytes: () => request('OPTIONS * HTTP/1.1'), code: 'UnknownOperationException', status: 404 },
    { name: 'Host: [::1', bytes: () => request('GET /2015-03-31/functions HTTP/1.1', ['Host: [::1']), code: 'InvalidRequestContentException', status: 400 },
    { name: 'Host: u:p@h', bytes: () => request('GET /2015-03-31/functions HTTP/1.1', ['Host: u:p@h']), code: 'InvalidRequestContentException', status: 400 },
    {
      name: 'two Host headers',
      bytes: () => request('GET /2015-03-31/functions HTTP/1.1', ['Host: a', 'Host: b']),
      code: 'InvalidRequestContentException',
      status: 400,
    },
    { name: 'no Host on HTTP/1.1', bytes: () => request('GET /2015-03-31/functions HTTP/1.1', []), code: 'InvalidRequestContentException', status: 400 },
    {
      name: 'bad chunked encoding',
      bytes: () => request('POST /2015-03-31/functions HTTP/1.1', ['Host: h', 'Transfer-Encoding: chunked'], 'ZZ\r\nxx\r\n0\r\n\r\n'),
      code: 'InvalidRequestContentException',
      status: 400,
    },
    {
      name: 'Content-Length and Transfer-Encoding both',
      bytes: () => request('POST /2015-03-31/functions HTTP/1.1', ['Host: h', 'Content-Length: 3', 'Transfer-Encoding: chunked'], '0\r\n\r\n'),
      status: 400,
    },
    { name: 'a 100k path', bytes: () => request(`GET /${'a'.repeat(100_000)} HTTP/1.1`), code: 'RequestTooLargeException', status: 431 },
    { name: 'not HTTP at all (a TLS hello)', bytes: () => '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n', status: 400 },
    {
      name: 'an Expect it cannot meet',
      bytes: () => request(`PUT ${EIC}/f/event-invoke-config HTTP/1.1`, ['Host: h', 'Expect: 200-ok', 'Content-Length: 2'], '{}'),
      status: 417,
    },
  ];

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await rawRequest(url, Buffer.from(c.bytes(), 'latin1'));
    expect(r.closed, `${c.name}: the server should end the connection`).toBe(true);
    expectAwsClientError(fromRaw(r), c.name, c.code);
    if (c.status) expect(r.status).toBe(c.status);
  });

  test('a header timeout is a JSON 408, and the connection closes', async () => {
    const slow: RunningServer = await serveHandlers(createEmulator().handlers, '127.0.0.1', 0, { headersTimeoutMs: 300 });
    try {
      const started = Date.now();
      const r = await rawRequest(slow.url, 'GET /2015-03-31/functions HTTP/1.1\r\nHost: h\r\nX-Slow: ', 5_000);
      expect(r.closed).toBe(true);
      expect(Date.now() - started).toBeLessThan(4_000);
      expectAwsClientError(fromRaw(r), 'header timeout', 'InvalidRequestContentException');
      expect(r.status).toBe(408);
    } finally {
      await slow.close();
    }
  });

  test('the server still answers normally afterwards', async () => {
    const r = await fetch(`${url}/2015-03-31/functions`);
    expect(r.status).toBe(200);
    expect(await r.json()).toHaveProperty('Functions');
  });

  test('an internal error is a JSON 500 without details, logged on one stderr line', async () => {
    const boom = http.get('*/boom', () => {
      throw new Error('kaboom\nsecond line');
    });
    const broken = await serve([boom, ...createEmulator().handlers]);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const r = await fetch(`${broken}/boom`);
      const text = await r.text();
      expect(r.status).toBe(500);
      expect(r.headers.get('x-amzn-errortype')).toBe('ServiceException');
      expect(text).not.toContain('kaboom');
      expect(log).toHaveBeenCalledTimes(1);
      const line = log.mock.calls[0]!.map(String).join(' ');
      expect(line).not.toContain('\n');
      expect(line).toMatch(/^emulator: internal error on GET \/boom: Error: kaboom second line/);
    } finally {
      log.mockRestore();
    }
  });
});

describe('routing uses the request path, never the Host header', () => {
  test('Host: 127.0.0.1/2015-03-31/functions?x= with path /nothing is not ListFunctions', async () => {
    const r = await rawRequest(url, request('GET /nothing HTTP/1.1', ['Host: 127.0.0.1/2015-03-31/functions?x=']));
    const body = expectAwsClientError(fromRaw(r), 'path in Host');
    expect(body).not.toHaveProperty('Functions');
  });

  test('a valid Host takes no part either: /nothing is an unknown operation, /2015-03-31/functions lists', async () => {
    const nothing = await rawRequest(url, request('GET /nothing HTTP/1.1', ['Host: lambda.us-east-1.amazonaws.com:443']));
    expectAwsClientError(fromRaw(nothing), 'unknown path', 'UnknownOperationException');
    expect(nothing.status).toBe(404);
    expect(nothing.body).toContain('/nothing');
    const list = await rawRequest(url, request('GET /2015-03-31/functions HTTP/1.1', ['Host: elsewhere.example']));
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body)).toHaveProperty('Functions');
  });

  test('an absolute-form target routes by its path only', async () => {
    const r = await rawRequest(url, request('GET http://elsewhere.example/nothing HTTP/1.1', ['Host: elsewhere.example']));
    expectAwsClientError(fromRaw(r), 'absolute-form', 'UnknownOperationException');
  });
});

describe('CreateFunction Tags are a map of string to string, within the documented limits', () => {
  const create = (name: string, tags: unknown) =>
    fetch(`${url}/2015-03-31/functions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"FunctionName":${JSON.stringify(name)},"Role":${JSON.stringify(ROLE)},"Code":{"ZipFile":""},"Tags":${typeof tags === 'string' && tags.startsWith('{') ? tags : JSON.stringify(tags)}}`,
    });
  const getFunction = (name: string) => fetch(`${url}/2015-03-31/functions/${name}`);

  test('Tags nested 10,000 deep is refused and not stored; GetFunction is a 404, not a 500', async () => {
    const deep = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    expectAwsClientError(await fromFetch(await create('deep-tags', deep)), 'deep Tags', 'InvalidRequestContentException');
    const got = await getFunction('deep-tags');
    expectAwsClientError(await fromFetch(got), 'GetFunction after deep Tags', 'ResourceNotFoundException');
  });

  test.each([
    ['a string', 'notamap', 'InvalidRequestContentException'],
    ['an array', ['a', 'b'], 'InvalidRequestContentException'],
    ['a number value', { a: 1 }, 'InvalidRequestContentException'],
    ['an object value', { a: { b: 'c' } }, 'InvalidRequestContentException'],
    ['51 tags', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), 'InvalidParameterValueException'],
    ['an empty key', { '': 'v' }, 'InvalidParameterValueException'],
    ['a 129-character key', { ['k'.repeat(129)]: 'v' }, 'InvalidParameterValueException'],
    ['a 257-character value', { k: 'v'.repeat(257) }, 'InvalidParameterValueException'],
  ] as const)('Tags as %s: refused with a 400, nothing stored', async (what, tags, code) => {
    const name = `bad-tags-${what.replace(/[^a-z0-9]+/gi, '-')}`;
    const r = await fromFetch(await create(name, tags));
    expectAwsClientError(r, `Tags as ${what}`, code);
    expect(r.status).toBe(400);
    expect((await getFunction(name)).status).toBe(404);
  });

  test('tags at the limits are stored and returned', async () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i === 0 ? 'k'.repeat(128) : `k${i}`, i === 1 ? 'v'.repeat(256) : '']));
    expect((await create('good-tags', tags)).status).toBe(201);
    const got = await getFunction('good-tags');
    expect(got.status).toBe(200);
    expect(((await got.json()) as { Tags: unknown }).Tags).toEqual(tags);
  });
});

describe('LastModified follows the clock', () => {
  const eic = (fn: string, method: string, body?: unknown) =>
    fetch(`${url}${EIC}/${fn}/event-invoke-config`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const lastModifiedMs = async (r: Response) => {
    expect(r.status).toBe(200);
    return ((await r.json()) as { LastModified: number }).LastModified * 1000;
  };

  beforeAll(async () => {
    for (const name of ['clocked', 'repeated', 'stepped']) {
      const r = await fetch(`${url}/2015-03-31/functions`, { method: 'POST', body: JSON.stringify({ FunctionName: name, Role: ROLE, Code: { ZipFile: '' } }) });
      expect(r.status).toBe(201);
    }
  });

  test('after thousands of rapid changes, each LastModified lies between its request and its answer', async () => {
    let n = 0;
    let latest = 0;
    let failed = false; // one failure stops every worker: none keeps writing into the next test
    const worker = async () => {
      while (n < 3_000 && !failed) {
        const i = n++;
        const sent = Date.now();
        const lm = await lastModifiedMs(
          await eic('clocked', i % 2 === 0 ? 'PUT' : 'POST', { MaximumRetryAttempts: i % 3, MaximumEventAgeInSeconds: 60 + (i % 1000) }),
        );
        const received = Date.now();
        // Same process, same clock: within a millisecond of rounding either side.
        expect(lm).toBeGreaterThanOrEqual(sent - 1);
        expect(lm).toBeLessThanOrEqual(received + 1);
        latest = Math.max(latest, lm);
      }
    };
    await Promise.all(
      Array.from({ length: 16 }, () =>
        worker().catch((e: unknown) => {
          failed = true;
          throw e;
        }),
      ),
    );
    const now = Date.now();
    const got = await lastModifiedMs(await eic('clocked', 'GET'));
    expect(got).toBe(latest);
    expect(Math.abs(now - got)).toBeLessThan(1_000);
    expect(got).toBeLessThanOrEqual(now + 1);
  });

  test('an identical repeated write keeps LastModified unchanged', async () => {
    const body = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 };
    const first = await lastModifiedMs(await eic('repeated', 'PUT', body));
    await new Promise((r) => setTimeout(r, 5));
    expect(await lastModifiedMs(await eic('repeated', 'PUT', body))).toBe(first);
    expect(await lastModifiedMs(await eic('repeated', 'POST', { MaximumRetryAttempts: 2 }))).toBe(first);
  });

  test('Delete then Put never moves it backwards, even when the wall clock steps back', async () => {
    const before = await lastModifiedMs(await eic('stepped', 'PUT', { MaximumRetryAttempts: 1 }));
    expect((await eic('stepped', 'DELETE')).status).toBe(204);
    const realNow = Date.now.bind(Date);
    const stepped = vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 10_000);
    let after: number;
    try {
      after = await lastModifiedMs(await eic('stepped', 'PUT', { MaximumRetryAttempts: 0 }));
    } finally {
      stepped.mockRestore();
    }
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after - before).toBeLessThan(1_000);
  });
});

describe('region state is bounded', () => {
  /** i in letters only (a region's middle part in the model's pattern has no digits). */
  const letters = (i: number) => [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  const signedFor = (region: string) => ({
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${region}/lambda/aws4_request, SignedHeaders=host, Signature=0`,
  });

  test('read-only requests in thousands of distinct regions leave no per-region state', async () => {
    const own = createEmulator();
    const served = await serve(own.handlers);
    const created = await fetch(`${served}/2015-03-31/functions`, {
      method: 'POST',
      headers: signedFor('us-east-1'),
      body: JSON.stringify({ FunctionName: 'home', Role: ROLE, Code: { ZipFile: '' } }),
    });
    expect(created.status).toBe(201);
    expect(own.state.regionCount).toBe(1);
    const reads = (i: number): Array<[string, RequestInit?]> => {
      const region = `xx-test-${i}`;
      return [
        ['/2015-03-31/functions'],
        ['/2015-03-31/functions/home'],
        [`${EIC}/home/event-invoke-config`],
        [`${EIC}/home/event-invoke-config/list`],
        [`${EIC}/arn%3Aaws%3Alambda%3Aeu-${letters(i)}-1%3A000000000000%3Afunction%3Ahome/event-invoke-config`],
        // A write that fails, naming a Lambda destination in yet another region.
        [
          `${EIC}/home/event-invoke-config`,
          { method: 'PUT', body: JSON.stringify({ DestinationConfig: { OnFailure: { Destination: `arn:aws:lambda:zz-west-${i}:000000000000:function:x` } } }) },
        ],
      ].map(([path, init]) => [
        path as string,
        { ...(init as RequestInit | undefined), headers: { ...signedFor(region), 'content-type': 'application/json' } },
      ]);
    };
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(
        Array.from({ length: 40 }, (_, j) => batch * 40 + j).flatMap((i) =>
          reads(i).map(async ([path, init]) => (await fetch(`${served}${path}`, init)).arrayBuffer()),
        ),
      );
    }
    expect(own.state.regionCount).toBe(1);
  });

  test('a region lives while it has a function and is freed with the last one', async () => {
    const own = createEmulator();
    const served = await serve(own.handlers);
    const headers = signedFor('ap-southeast-9');
    const created = await fetch(`${served}/2015-03-31/functions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ FunctionName: 'brief', Role: ROLE, Code: { ZipFile: '' } }),
    });
    expect(created.status).toBe(201);
    expect(own.state.regionCount).toBe(1);
    expect((await fetch(`${served}/2015-03-31/functions/brief`, { headers })).status).toBe(200);
    expect((await fetch(`${served}/2015-03-31/functions/brief`, { method: 'DELETE', headers })).status).toBe(204);
    expect(own.state.regionCount).toBe(0);
    expect((await fetch(`${served}/2015-03-31/functions/brief`, { headers })).status).toBe(404);
  });
});
