// Safety against real endpoints: the AWS allowlist refuses before creating
// anything (served emulator as the STS/Lambda stand-in); no secret reaches any
// artefact; SIGINT cleans up before exit; after SIGKILL, sweep removes the rest.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { createLambdaClient } from '../targets/lambda-client.ts';
import { BIN, runCli } from './helpers/cli.ts';
import { servers } from './helpers/run.ts';

const serve = servers();
const FAKE = {
  accessKeyId: 'AKIAFAKEACCESS1234567',
  secretAccessKey: 'fakeSecretKey/abcdefghijklmnopqrstuvwxyz0123',
  sessionToken: 'FwoGZXIvYXdzEFAKESESSIONTOKENxyz0123456789abcdef',
};

async function functionNames(url: string, accessKeyId = 'AKIDEXAMPLE'): Promise<string[]> {
  const client = createLambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'x' } });
  const out = await client.send(new ListFunctionsCommand({ MaxItems: 1000 }));
  client.destroy();
  return (out.Functions ?? []).map((f) => f.FunctionName!).filter((n) => n.startsWith('lc-'));
}

describe('--target aws and the account allowlist', () => {
  test('an account not in the allowlist is refused before any resource is created', async () => {
    const url = await serve(createEmulator().handlers);
    const env = { AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: '111122223333', AWS_SECRET_ACCESS_KEY: 'not-a-secret-at-all', AWS_REGION: 'us-east-1' };
    const r = await runCli(['run', '--target', 'aws', '--role-arn', 'arn:aws:iam::111122223333:role/x', '--allow-account', '999999999999'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('account 111122223333 is not in the allowlist (999999999999); refusing to run, nothing was created');
    expect(await functionNames(url, '111122223333')).toEqual([]);
  });

  test('an allowed account runs, and leaves nothing behind', async () => {
    const url = await serve(createEmulator().handlers);
    const env = { AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: '111122223333', AWS_SECRET_ACCESS_KEY: 'not-a-secret-at-all', AWS_REGION: 'us-east-1' };
    const r = await runCli(
      [
        'run',
        '--target',
        'aws',
        '--role-arn',
        'arn:aws:iam::111122223333:role/x',
        '--allow-account',
        '111122223333',
        '--rules',
        'put.*',
        '--report-dir',
        join(await import('node:os').then((o) => o.tmpdir()), `lc-aws-${process.pid}`),
      ],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(await functionNames(url, '111122223333')).toEqual([]);
  });
});

describe('no secrets out', () => {
  test('credentials, session tokens and signatures appear in no artefact or log of a run', async () => {
    // An emulator that echoes the request's Authorization header and token into an error message.
    const leaky = http.get('*/2019-09-25/functions/:FunctionName/event-invoke-config', ({ request }) =>
      HttpResponse.json(
        { Type: 'User', Message: `denied: ${request.headers.get('authorization')} token=${request.headers.get('x-amz-security-token')}` },
        { status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' } },
      ),
    );
    const url = await serve([leaky, ...createEmulator().handlers]);
    const env = { AWS_ACCESS_KEY_ID: FAKE.accessKeyId, AWS_SECRET_ACCESS_KEY: FAKE.secretAccessKey, AWS_SESSION_TOKEN: FAKE.sessionToken };
    const r = await runCli(
      ['run', '--target', url, '--rules', 'get.*,put.creates-config', '--report-dir', join((await import('node:os')).tmpdir(), `lc-secrets-${process.pid}`)],
      { env },
    );
    expect(r.code).toBe(1); // the leaky Get fails rules: there is evidence to scrub
    const dir = join((await import('node:os')).tmpdir(), `lc-secrets-${process.pid}`);
    const texts = [r.stdout, r.stderr, ...(await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'latin1'))))];
    const all = texts.join('\n');
    expect(all).toContain('denied: '); // the echoed message is there...
    for (const secret of [FAKE.accessKeyId, FAKE.secretAccessKey, FAKE.sessionToken]) expect(all).not.toContain(secret); // ...without the secrets
    expect(all).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});

describe('cleanup that always happens', () => {
  async function startRun(url: string, detached: boolean) {
    const child = spawn(
      process.execPath,
      [BIN, 'run', '--target', url, '--num-runs', '200', '--report-dir', join((await import('node:os')).tmpdir(), `lc-sig-${process.pid}-${Date.now()}`)],
      { detached, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((r) => child.on('close', (code, signal) => r(code ?? (signal ? 128 : null))));
    // Wait until the run has created functions on the target.
    for (let i = 0; i < 200 && (await functionNames(url)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    return { child, exited, stderr: () => err };
  }

  test('SIGINT mid-run: every created function, version and alias is deleted before exit; sweep finds nothing', async () => {
    const url = await serve(createEmulator().handlers);
    const { child, exited, stderr } = await startRun(url, false);
    expect((await functionNames(url)).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr()).toBe(130);
    expect(await functionNames(url)).toEqual([]);
    const s = await runCli(['sweep', '--target', url]);
    expect(s.stdout).toContain('sweep: removed 0 functions');
  });

  test('SIGKILL mid-run: sweep removes all the leftovers', async () => {
    const url = await serve(createEmulator().handlers);
    const { child, exited } = await startRun(url, true);
    process.kill(-child.pid!, 'SIGKILL'); // the whole process group, as a lost machine would
    await exited;
    const left = await functionNames(url);
    expect(left.length).toBeGreaterThan(0);
    const young = await runCli(['sweep', '--target', url, '--older-than', '1h']);
    expect(young.stdout).toContain('sweep: removed 0 functions'); // all younger than an hour
    expect(await functionNames(url)).toEqual(left);
    const s = await runCli(['sweep', '--target', url]);
    expect(s.code, s.stderr).toBe(0);
    for (const name of left) expect(s.stdout).toContain(`removed ${name}`);
    expect(await functionNames(url)).toEqual([]);
  });
});
