// Reproductions run as written (issue 13): for failing rules of several kinds
// against deliberately broken emulators (mutants), the AWS CLI script runs with
// the AWS CLI v2 (Debian's awscli, /usr/bin/aws) and the SDK snippet with Node,
// and each shows the very answer the rule failed on: the same status, error
// code, message or member value at the failing step. Nothing is left behind.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutantHandlers, mutants } from '../mutants/index.ts';
import type { Evidence } from '../specs/verdicts.ts';
import { connectTarget } from '../targets/target.ts';
import { run, servers } from './helpers/run.ts';

const AWS_CLI = '/usr/bin/aws';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const serve = servers();

/** Why the CLI half cannot run here; in CI (CI=true) its absence fails instead. */
function awsCliMissing(): string | undefined {
  if (existsSync(AWS_CLI)) return undefined;
  if (process.env.CI === 'true')
    throw new Error(`${AWS_CLI} is missing (scripts/ensure-debian.sh installs Debian's awscli); CI=true: the reproduction test must run`);
  return `${AWS_CLI} is missing (run bash scripts/ensure-debian.sh)`;
}
const missing = awsCliMissing();

/** The failing rules to reproduce, one per kind of divergence, each with the mutant that makes it fail. */
const CASES: Array<{ mutant: string; rule: string; kind: string }> = [
  { mutant: 'put-merges', rule: 'put.overwrite.removes-omitted-settings', kind: 'a member that should be gone' },
  { mutant: 'no-settings-put-accepted', rule: 'put.no-settings.rejected', kind: 'a status (success instead of an error)' },
  { mutant: 'get-missing-function-generic-message', rule: 'get.missing-function.message', kind: 'an error message' },
  { mutant: 'invalid-parameter-as-validation', rule: 'put.no-settings.error-code', kind: 'an error code' },
  { mutant: 'malformed-json-500', rule: 'wire.malformed-json.rejected', kind: 'a raw request (signed curl / fetch)' },
];

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** The CLI script's output, step by step (`--- step N: ...` markers). */
function cliSteps(out: string): Map<number, string> {
  const steps = new Map<number, string>();
  const parts = out.split(/^--- step (\d+): .*$/m);
  for (let i = 1; i < parts.length; i += 2) steps.set(Number(parts[i]), parts[i + 1] ?? '');
  return steps;
}

/** The SDK snippet's output: one JSON line per step. */
function sdkSteps(out: string): Map<number, { op: string; answer: Record<string, unknown> }> {
  const steps = new Map<number, { op: string; answer: Record<string, unknown> }>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('{"step":')) continue;
    const x = JSON.parse(line) as { step: number; op: string; answer: Record<string, unknown> };
    steps.set(x.step, x);
  }
  return steps;
}

/** What the failing answer said, from the evidence: a status, an error code, a message, or a member's value. */
function symptom(e: Evidence): { field: string; actual: unknown } {
  return { field: e.field ?? '', actual: e.actual };
}

describe.skipIf(missing !== undefined)(`reproductions run as written${missing ? ` — CLI half SKIPPED: ${missing}` : ''}`, () => {
  let bin: string;
  beforeAll(async () => {
    // The Debian AWS CLI first on PATH, whatever else the machine has (a pyenv shim, say).
    bin = await mkdtemp(join(tmpdir(), 'lc-awscli-'));
    await symlink(AWS_CLI, join(bin, 'aws'));
  });
  afterAll(() => rm(bin, { recursive: true, force: true }));

  test.each(CASES)(
    '$rule on mutant $mutant ($kind): the CLI script and the SDK snippet show the failing answer',
    async ({ mutant, rule }) => {
      const entry = mutants.find((m) => m.id === mutant)!;
      expect(entry, mutant).toBeDefined();
      const url = await serve(mutantHandlers(entry));
      const r = await run('--target', url, '--rules', rule, '--seed', '1', '--min-coverage', '0');
      const result = r.results.rules.find((x) => x.id === rule)!;
      expect(result.verdict, `${rule}: ${result.reason ?? ''}`).toBe('fail');
      const e = result.evidence[0]!;
      const { field, actual } = symptom(e);
      const failing = e.exchanges!.at(-1)!; // the failing answer is the last request the rule made
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      };
      delete env.AWS_SESSION_TOKEN;
      delete env.AWS_PROFILE;

      // The CLI script, as written.
      const dir = await mkdtemp(join(tmpdir(), 'lc-repro-'));
      await writeFile(join(dir, 'repro.sh'), e.repro!.cli);
      const cli = await sh('bash', [join(dir, 'repro.sh')], env, dir);
      const cliOut = cliSteps(cli.out);
      const last = Math.max(...cliOut.keys());
      const cliAnswer = cliOut.get(last)!;
      // The SDK snippet, as written, next to the project's node_modules (where @aws-sdk/client-lambda is).
      const snippet = join(ROOT, `.repro-${process.pid}-${rule}.mjs`);
      await writeFile(snippet, e.repro!.sdk);
      const sdk = await sh(process.execPath, [snippet], env, ROOT).finally(() => rm(snippet, { force: true }));
      const sdkAnswer = sdkSteps(sdk.out).get(last);
      expect(sdkAnswer, sdk.out).toBeDefined();

      if (failing.op.includes(' ') || e.repro!.cli.includes('curl')) {
        // A raw request: curl prints the status it got; the snippet's fetch gives it too.
        expect(cliAnswer, cli.out).toContain(`HTTP ${failing.status}`);
        expect(sdkAnswer!.answer.status, sdk.out).toBe(failing.status);
      } else if (field === 'status') {
        const [status, code] = String(actual).split(/[ :]/);
        if (Number(status) < 300) expect(cliAnswer, cli.out).not.toMatch(/An error occurred/);
        else expect(cliAnswer, cli.out).toContain(`(${code})`);
        expect(sdkAnswer!.answer.status, sdk.out).toBe(Number(status));
      } else if (field === 'error code') {
        expect(cliAnswer, cli.out).toContain(`(${String(actual)})`);
        expect(sdkAnswer!.answer.error, sdk.out).toBe(actual);
      } else if (field === 'error message') {
        expect(cliAnswer, cli.out).toContain(String(actual));
        expect(sdkAnswer!.answer.message, sdk.out).toBe(actual);
      } else {
        const member = field.replace(/^body\./, '');
        expect(JSON.parse(cliAnswer.trim())[member], cli.out).toEqual(actual);
        expect(sdkAnswer!.answer[member], sdk.out).toEqual(actual);
      }
      // Both clean up after themselves: no function of the reproduction is left.
      const target = connectTarget({ kind: 'url', endpoint: url, region: 'us-east-1' });
      try {
        const left = ((await target.client.send(new ListFunctionsCommand({}))).Functions ?? [])
          .map((f) => f.FunctionName)
          .filter((n) => n?.startsWith('lc-RUNID-'));
        expect(left).toEqual([]);
      } finally {
        target.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
