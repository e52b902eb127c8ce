// The CLI contract other tools depend on: `serve` prints one `listening on` line,
// picks a free port with --port 0, answers SDK calls, and stops cleanly on
// SIGINT/SIGTERM; `rules` lists the catalogue; bad usage exits 2 with one clear line.
import { CreateFunctionCommand, GetFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, test } from 'vitest';
import { catalogue } from '../specs/rules/index.ts';
import { handlerZip } from '../fixtures/zip.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import { runCli, startServe } from './helpers/cli.ts';

describe('serve', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('serves the SDK on a free port and stops cleanly on %s', async (signal) => {
    const { child, url, exited } = await startServe(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url.endsWith(':0')).toBe(false);
    const client = createLambdaClient({ endpoint: url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    await client.send(new CreateFunctionCommand({ FunctionName: 'served', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }));
    await expect(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'served' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: "The function arn:aws:lambda:us-east-1:000000000000:function:served:$LATEST doesn't have an EventInvokeConfig",
    });
    client.destroy();
    child.kill(signal);
    expect(await exited).toBe(0);
  });

  test('a port in use is a usage error with advice, exit 2', async () => {
    const first = await startServe(['--port', '0']);
    const port = new URL(first.url).port;
    const second = await runCli(['serve', '--port', port]);
    first.child.kill('SIGTERM');
    await first.exited;
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([['--port', 'abc'], ['--port', '70000'], ['--bogus']].map((args) => ({ shown: args.join(' '), args })))(
    'rejects $shown with exit 2',
    async ({ args }) => {
      const r = await runCli(['serve', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lambda-conformance serve: /);
    },
  );
});

describe('rules', () => {
  test('lists every rule of the catalogue: id, tier, title', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(catalogue.length);
    expect(lines[0]).toMatch(new RegExp(`^${catalogue[0]!.id.replace(/\./g, '\\.')}\\s+${catalogue[0]!.tier}\\s+`));
    expect(r.stderr).toContain(`${catalogue.length} rules`);
  });

  test('--tier filters and --json gives the catalogue as data', async () => {
    const r = await runCli(['rules', '--tier', 'strict', '--json']);
    const rules = JSON.parse(r.stdout) as Array<{ id: string; tier: string }>;
    expect(rules.length).toBe(catalogue.filter((x) => x.tier === 'strict').length);
    expect(rules.every((x) => x.tier === 'strict')).toBe(true);
  });

  test('an unknown command or tier exits 2 with one line and a pointer to --help; no command prints the help', async () => {
    for (const args of [['frobnicate'], ['rules', '--tier', 'gold']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
      expect(r.stderr).toMatch(/--help/);
    }
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage:');
  });
});
