// `run` against small HTTP servers that misbehave (issue 15): a target that is
// down, answers anything, hangs, sends a runaway body or echoes credentials
// gets no verdict at all (neither pass nor fail), the run ends within bounded
// time and memory with exit 2 and a results.json saying why, and no fragment
// of a secret reaches any artefact or log. Plus the two ways a run can end
// early that it must survive: an unusable --report-dir and SIGINT.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Results } from '../reporting/results.ts';
import { getResponse, http, HttpResponse } from 'msw';
import { createEmulator } from '../emulator/index.ts';
import { BIN, runCli } from './helpers/cli.ts';
import { servers as emulatorServers } from './helpers/run.ts';

const serve = emulatorServers();

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** A server on 127.0.0.1 with this behaviour, closed after the file. Connections it leaves hanging are cut at close. */
async function hostile(behave: Behaviour): Promise<string> {
  const s = createServer(behave);
  servers.push(s);
  s.on('connection', (c) => s.once('close', () => c.destroy()));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

const json = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

/** Credentials a hostile target may echo back: registered as secrets by the CLI, so no piece of them may appear. */
const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'FAKESESSIONTOKENVALUE0123456789abcdef',
};
const FRAGMENTS = [...Object.values(CREDENTIALS).map((v) => v.slice(0, 8)), ...Object.values(CREDENTIALS).map((v) => v.slice(-8))];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  results: Results | null;
  seconds: number;
  /** Peak resident memory of the CLI process, MB. */
  peakMb: number;
  dir: string;
}

/** `run --target url` in a child, with its peak memory (read at exit) and wall time; SIGINT after `interruptAfterMs`. */
async function runAgainst(url: string, extra: string[] = [], o: { interruptAfterMs?: number } = {}): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'lc-hostile-'));
  const peakFile = join(dir, 'peak-rss');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      new URL('./helpers/peak-rss.cjs', import.meta.url).pathname,
      BIN,
      'run',
      '--target',
      url,
      '--report-dir',
      join(dir, 'reports'),
      '--seed',
      '1',
      ...extra,
    ],
    {
      env: { ...process.env, ...CREDENTIALS, LC_PEAK_RSS_FILE: peakFile },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  if (o.interruptAfterMs) setTimeout(() => child.kill('SIGINT'), o.interruptAfterMs);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const results = JSON.parse(await readFile(join(dir, 'reports', 'results.json'), 'utf8').catch(() => 'null')) as Results | null;
  const peakKb = Number(await readFile(peakFile, 'utf8').catch(() => '0'));
  return { code, stdout, stderr, results, seconds: (Date.now() - started) / 1000, peakMb: peakKb / 1024, dir };
}

/** A faulty target gets no verdict: exit 2, a results.json that says why, no pass and no fail, no stack trace. */
function expectNoVerdict(r: Outcome, maxSeconds: number): void {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(r.code, r.stderr.slice(-2000)).toBe(2);
  expect(r.results, 'results.json is written').not.toBeNull();
  expect(r.results!.summary.pass, 'no pass from a faulty target').toBe(0);
  expect(r.results!.summary.fail, 'no fail from a faulty target').toBe(0);
  expect(r.results!.aborted ?? r.results!.setupProblems?.find((g) => g.blocking)?.cause, 'results.json says why').toBeTruthy();
  expect(r.results!.seed).toBe(1);
  expect(r.results!.target.kind).toBe('url');
  expect(r.seconds).toBeLessThan(maxSeconds);
}

describe('faulty targets: no false verdict, bounded time and memory, always a results.json', () => {
  test('502 Bad Gateway (HTML) to everything: the target is down, not failing', async () => {
    const url = await hostile((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const r = await runAgainst(url);
    expectNoVerdict(r, 60);
    expect(r.results!.aborted).toMatch(/nothing but faults.*502/);
  });

  test('200 {} to everything: "accepts" rules cannot pass a target that answers anything', async () => {
    const r = await runAgainst(await hostile((_req, res) => json(res, 200, '{}')));
    expectNoVerdict(r, 60);
    expect(r.results!.setupProblems?.[0]?.cause).toMatch(/not a Lambda answer/);
    expect(r.stderr).toMatch(/fix: /);
  });

  test('answers ListFunctions, hangs on the rest: the probe stops after a few silent operations', async () => {
    const url = await hostile((req, res) => {
      if (req.method === 'GET' && /^\/2015-03-31\/functions\/?(\?|$)/.test(req.url ?? '')) json(res, 200, '{"Functions":[]}');
      // anything else: never answered
    });
    const r = await runAgainst(url);
    expectNoVerdict(r, 60);
    expect(r.results!.aborted).toMatch(/nothing but faults.*no answer/);
    expect(r.stderr).toMatch(/probing PutFunctionEventInvokeConfig/);
  });

  test('hangs on everything: cannot reach, exit 2 with a results.json', async () => {
    const r = await runAgainst(await hostile(() => {}));
    expectNoVerdict(r, 60);
    expect(r.results!.aborted).toMatch(/cannot reach/);
  });

  test('200 with a 50 MB JSON body: reading stops at the cap, memory stays low', async () => {
    const url = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"x":"');
      const chunk = 'a'.repeat(1 << 20);
      let n = 0;
      const more = () => {
        while (n < 50) {
          n++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end('"}');
      };
      more();
    });
    const r = await runAgainst(url);
    expectNoVerdict(r, 60);
    expect(r.peakMb).toBeGreaterThan(0);
    expect(r.peakMb).toBeLessThan(500);
    expect(JSON.stringify(r.results)).toMatch(/answer over \d+ bytes/);
  });

  test('200 with an endless chunked body: the run ends, within the deadline and the memory bound', async () => {
    const url = await hostile((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write('a'.repeat(64 * 1024)), 1);
      req.socket.on('close', () => clearInterval(timer));
    });
    const r = await runAgainst(url);
    expectNoVerdict(r, 90);
    expect(r.peakMb).toBeLessThan(500);
  });

  test('a target echoing Authorization and X-Amz-Security-Token (cut at 300 and 15 characters): no piece of a secret in any artefact or log', async () => {
    // The reference emulator, whose error bodies carry the request's credentials headers, cut short (as moto-like servers echo input).
    const base = createEmulator().handlers;
    const echo = http.all('*', async ({ request }) => {
      const answer = await getResponse(base, request);
      if (!answer || answer.status < 400) return answer;
      // The message replaced too, so that the message rules fail and quote the body in their evidence.
      const body = {
        ...((await answer.json()) as object),
        Message: 'echo',
        message: 'echo',
        Authorization: String(request.headers.get('authorization')).slice(0, 300),
        Token: String(request.headers.get('x-amz-security-token')).slice(0, 15),
      };
      return HttpResponse.json(body, { status: answer.status, headers: answer.headers });
    });
    const url = await serve([echo]);
    const r = await runAgainst(url, ['--rules', 'not-found.*,*.missing-function.*,put.no-settings.*']);
    expect(r.results).not.toBeNull();
    // The echo reached the evidence (the check below is not vacuous): the rules ran and quoted the error bodies.
    expect(r.results!.summary.fail).toBeGreaterThan(0);
    expect(JSON.stringify(r.results).includes('Authorization')).toBe(true);
    const artefacts = await Promise.all(
      (await readdir(join(r.dir, 'reports'))).map(async (f) => [f, await readFile(join(r.dir, 'reports', f), 'utf8')] as const),
    );
    expect(artefacts.length).toBeGreaterThanOrEqual(4);
    for (const [name, text] of [...artefacts, ['stdout', r.stdout] as const, ['stderr', r.stderr] as const]) {
      for (const secret of FRAGMENTS) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
    }
  });
});

describe('a run that cannot finish still ends cleanly', () => {
  test('--report-dir under a file: exit 2 at once with one line, before anything runs', async () => {
    const started = Date.now();
    const r = await runCli(['run', '--report-dir', '/dev/null/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--report-dir \/dev\/null\/x cannot be used/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('SIGINT while the target is being probed: exit 130, results.json with every rule inconclusive "interrupted"', async () => {
    const url = await hostile((req, res) => {
      if (req.method === 'GET' && /^\/2015-03-31\/functions\/?(\?|$)/.test(req.url ?? '')) json(res, 200, '{"Functions":[]}');
    });
    const r = await runAgainst(url, [], { interruptAfterMs: 3_000 });
    expect(r.code).toBe(130);
    expect(r.results?.interrupted).toBe('SIGINT');
    expect(new Set(r.results!.rules.map((x) => x.verdict))).toEqual(new Set(['inconclusive']));
    expect(r.results!.rules.every((x) => x.reason === 'interrupted')).toBe(true);
    expect(r.stderr).toMatch(/SIGINT: stopping the run/);
    expect(r.seconds).toBeLessThan(30);
  });

  test('--max-duration: a slow target is stopped at the deadline, with the verdicts so far and the rest inconclusive', async () => {
    const url = await hostile((req, res) => {
      if (req.method === 'GET' && /^\/2015-03-31\/functions\/?(\?|$)/.test(req.url ?? '')) return json(res, 200, '{"Functions":[]}');
      setTimeout(() => json(res, 404, '{"__type":"ResourceNotFoundException","Message":"Function not found"}'), 1_500);
    });
    const r = await runAgainst(url, ['--max-duration', '4s']);
    expect(r.results).not.toBeNull();
    expect(r.results!.summary.pass + r.results!.summary.fail).toBe(0);
    expect([1, 2]).toContain(r.code);
    expect(r.seconds).toBeLessThan(40);
  });
});
