// The command line behaves the way AWS and Node users expect (issue 16): --help
// on every command with each option, its environment variable and default;
// --version; short errors in our words; the AWS_ENDPOINT_URL variables and
// --endpoint-url as ways to name the target, said on the first line; `!glob`
// exclusions; one JSON document on stdout with --format json.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { RUN_COMMAND } from '../run/options.ts';
import { catalogue } from '../specs/rules/index.ts';
import { runCli } from './helpers/cli.ts';
import { run, servers } from './helpers/run.ts';

const serve = servers();
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  test('`run --help` exits 0 and lists every option with its description, environment variable and default', async () => {
    const r = await runCli(['run', '--help']);
    expect(r.code).toBe(0);
    for (const f of RUN_COMMAND.flags) {
      expect(r.stdout, f.name).toContain(`--${f.name}`);
      expect(r.stdout, f.name).toContain(f.help);
      for (const v of f.env ?? []) expect(r.stdout, `${f.name} env`).toContain(v);
    }
    expect(r.stdout).toMatch(/exit codes: 0 .*; 1 .*; 2 /s);
  });

  test.each(['serve', 'rules', 'record', 'sweep', 'merge', 'diff-recordings'])('`%s --help` exits 0 with its usage and options', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`usage: lambda-conformance ${command}`);
    expect(r.stdout).toContain('--help');
  });

  test.each(['run', 'record'])('`%s --allow-account 123` is a usage error (12-digit ids), exit 2, before anything is touched', async (command) => {
    const r = await runCli([command, '--target', 'aws', '--allow-account', '123', ...(command === 'record' ? ['--out', 'unused'] : [])]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`lambda-conformance ${command}: --allow-account takes 12-digit account ids, got '123'`);
  });

  test('`--version` prints the package version; the top-level help lists commands, environment variables and exit codes', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    for (const word of ['run', 'rules', 'serve', 'record', 'sweep', 'AWS_ENDPOINT_URL', 'LAMBDA_CONFORMANCE_ROLE_ARN', 'NO_COLOR', 'exit codes'])
      expect(h.stdout).toContain(word);
  });

  test("errors are one line in our words and a pointer to --help, never the parser's (`--seed -5`)", async () => {
    const r = await runCli(['run', '--seed', '-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--seed must be a whole number from 0 to 2147483647, got '-5'");
    expect(r.stderr).not.toMatch(/ambiguous|--seed=-XYZ/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('see: lambda-conformance run --help');
  });
});

describe('naming the target the AWS way', () => {
  test('AWS_ENDPOINT_URL without --target tests that endpoint, and the first line says so', async () => {
    const url = await serve(createEmulator().handlers);
    const r = await runCli(['run', '--rules', 'put.no-settings.*', '--report-dir', `${process.env.TMPDIR ?? '/tmp'}/lc-env-url-${process.pid}`], {
      env: { AWS_ENDPOINT_URL: url, AWS_ENDPOINT_URL_LAMBDA: '' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toContain(`target ${url} (from AWS_ENDPOINT_URL)`);
  });

  test('AWS_ENDPOINT_URL_LAMBDA wins over AWS_ENDPOINT_URL; --endpoint-url is the flag; --target wins over the variables', async () => {
    const url = await serve(createEmulator().handlers);
    const lambdaOnly = await runCli(['run', '--rules', 'put.no-settings.rejected', '--report-dir', `/tmp/lc-env-l-${process.pid}`], {
      env: { AWS_ENDPOINT_URL_LAMBDA: url, AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    });
    expect(lambdaOnly.code, lambdaOnly.stderr).toBe(0);
    expect(lambdaOnly.stderr.split('\n')[0]).toContain(`target ${url} (from AWS_ENDPOINT_URL_LAMBDA)`);
    const flag = await run('--endpoint-url', url, '--rules', 'put.no-settings.rejected');
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.results.target).toMatchObject({ kind: 'url', endpoint: url });
    const targetWins = await runCli(['run', '--target', 'embedded', '--rules', 'put.no-settings.rejected', '--report-dir', `/tmp/lc-env-t-${process.pid}`], {
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    });
    expect(targetWins.code, targetWins.stderr).toBe(0);
    expect(targetWins.stderr.split('\n')[0]).toContain('target embedded');
  });
});

describe('selection and output', () => {
  test("`--rules '!put.*'` runs every rule but the Put ones", async () => {
    const r = await run('--rules', '!put.*');
    const ran = r.results.rules.filter((x) => x.verdict !== 'skip' || !/not selected/.test(x.reason ?? ''));
    expect(ran.map((x) => x.id).sort()).toEqual(
      catalogue
        .filter((x) => !x.id.startsWith('put.'))
        .map((x) => x.id)
        .sort(),
    );
    expect(r.results.rules.filter((x) => x.id.startsWith('put.')).every((x) => x.verdict === 'skip')).toBe(true);
    expect(r.code, r.stderr).toBe(0);
  });

  test('`--format json` prints the summary as one JSON document on stdout, and nothing else there', async () => {
    const r = await run('--rules', 'put.no-settings.*', '--format', 'json');
    const doc = JSON.parse(r.stdout) as { summary: { pass: number }; exitCode: number; coverage: { judged: number }; reports: string[] };
    expect(doc.exitCode).toBe(0);
    expect(doc.summary.pass).toBeGreaterThan(0);
    expect(doc.coverage.judged).toBe(doc.summary.pass);
    expect(doc.reports.some((p) => p.endsWith('results.json'))).toBe(true);
  });
});
