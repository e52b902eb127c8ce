// The packed package works as installed, without a TypeScript loader: `npm
// pack` (whose prepack builds dist/), install the tarball into a fresh project,
// then a TypeScript consumer (NodeNext, strict, skipLibCheck) compiles against
// its declaration files and runs runConformance against the embedded target,
// and the bin lists the rules and runs every suite from the build.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { catalogue } from '../specs/rules/index.ts';
import { RUN_FLAGS, runConformance, TargetError, UsageError, InputFileError } from '../api.ts';
import { RUN_COMMAND } from '../run/options.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

test('every flag of `run` is an option of the API, and each option is a flag of `run`', () => {
  // Flags about what the CLI prints, not about the run, have no option.
  const printing = new Set(['help', 'format', 'json']);
  const flags = RUN_COMMAND.flags.map((f) => f.name).filter((f) => !printing.has(f));
  expect(Object.values(RUN_FLAGS).sort()).toEqual(flags.sort());
});

test('bad options throw the exported error classes; a run that cannot start ends with exit code 2', async () => {
  await expect(runConformance({ seed: -1 })).rejects.toBeInstanceOf(UsageError);
  await expect(runConformance({ retries: 1000 })).rejects.toBeInstanceOf(UsageError);
  await expect(runConformance({ rulez: 'put.*' } as never)).rejects.toThrow(/unknown option 'rulez'/);
  await expect(runConformance({ replay: join(root, 'no-such-recording') })).rejects.toBeInstanceOf(InputFileError);
  const unreadable = await runConformance({ expect: join(root, 'no-such-file.yaml') });
  expect(unreadable.exitCode).toBe(2);
  expect(unreadable.aborted).toMatch(/--expect/);
  expect(new TargetError('x')).toBeInstanceOf(Error);
});

describe('the packed tarball, installed into a fresh project', { timeout: 900_000 }, () => {
  let app = '';
  let files: string[] = [];

  beforeAll(async () => {
    const packDir = await mkdtemp(join(tmpdir(), 'lc-pack-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    ) as {
      filename: string;
      size: number;
      files: { path: string }[];
    }[];
    files = packed[0]!.files.map((f) => f.path);
    app = await mkdtemp(join(tmpdir(), 'lc-app-'));
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    const typescript = (JSON.parse(await readFile(join(root, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version;
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(packDir, packed[0]!.filename), `typescript@${typescript}`, '@types/node@22'],
      { cwd: app, stdio: 'pipe' },
    );
  }, 900_000);

  test('holds the build, the data a run reads and no TypeScript sources; tsx is no dependency', () => {
    for (const f of [
      'bin/lambda-conformance.js',
      'dist/api.js',
      'dist/api.d.ts',
      'dist/cli/main.js',
      'dist/run/engine.js',
      'dist/suites/vitest.config.js',
      'dist/specs/generated/validators.cjs',
      'dist/package.json',
      'examples/expected-divergences.yaml',
      'scripts/moto-requirements.txt',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => /^dist\/specs\/schemas\/.+\.json$/.test(f))).toBe(true);
    expect(files.some((f) => /^dist\/fixtures\/recordings\/.+\.json$/.test(f))).toBe(true);
    expect(files.filter((f) => /\.test\.js$/.test(f)).length).toBeGreaterThan(0);
    expect(files.filter((f) => /(?<!\.d)\.ts$/.test(f))).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
  });

  test('a NodeNext strict TypeScript consumer compiles and runs runConformance on the embedded target', async () => {
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          outDir: 'out',
          types: ['node'],
        },
        include: ['main.ts'],
      }),
    );
    await writeFile(
      join(app, 'main.ts'),
      `import { runConformance, UsageError, type ConformanceOptions } from 'lambda-conformance';

// The declarations are real types, not any: a misspelt option does not compile.
// @ts-expect-error unknown option
const misspelt: ConformanceOptions = { rulez: 'put.*' };
void misspelt;

const results = await runConformance({ rules: 'put.*', seed: 1, retries: 0, requestTimeout: 5000 });
const passed: number = results.summary.pass;
let usage = '';
try {
  await runConformance({ seed: -1 });
} catch (e) {
  if (e instanceof UsageError) usage = e.message;
}
// Importing the package installed no TypeScript loader: a .ts module (an enum,
// which Node's own type stripping refuses too) cannot be imported.
let typescriptLoads = true;
try {
  await import(new URL('../probe.ts', import.meta.url).href);
} catch {
  typescriptLoads = false;
}
console.log(JSON.stringify({ code: results.exitCode, passed, failed: results.summary.fail, usage, typescriptLoads }));
`,
    );
    await writeFile(join(app, 'probe.ts'), 'export enum Probe { A = 1 }\n');
    const tsc = join(app, 'node_modules/.bin/tsc');
    const check = spawnSync(tsc, ['--noEmit', '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(check.stdout + check.stderr, 'tsc --noEmit').toBe('');
    expect(check.status).toBe(0);
    execFileSync(tsc, ['-p', '.'], { cwd: app });

    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, ['out/main.js'], { cwd: app, encoding: 'utf8', timeout: 300_000, env });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { code: number; passed: number; failed: number; usage: string; typescriptLoads: boolean };
    expect(out.code).toBe(0);
    expect(out.failed).toBe(0);
    expect(out.passed).toBeGreaterThan(0);
    expect(out.passed).toBe(catalogue.filter((r) => r.id.startsWith('put.')).length);
    expect(out.usage).toMatch(/--seed/);
    expect(out.typescriptLoads).toBe(false);
  });

  test('the bin lists the rules and runs every suite from the build', async () => {
    const rules = spawnSync('npx', ['lambda-conformance', 'rules'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
    expect(rules.status, rules.stderr).toBe(0);
    for (const rule of catalogue) expect(rules.stdout).toContain(rule.id);
    // The build reads its version from dist/package.json (the sources' ../package.json).
    expect(spawnSync('npx', ['lambda-conformance', '--version'], { cwd: app, encoding: 'utf8' }).stdout.trim()).toBe(pkg.version);

    const run = spawnSync('npx', ['lambda-conformance', 'run', '--seed', '8'], { cwd: app, encoding: 'utf8', timeout: 600_000 });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(app, 'reports/latest/results.json'), 'utf8')) as {
      rules: unknown[];
      summary: { pass: number; fail: number };
    };
    expect(results.rules.length).toBe(catalogue.length);
    expect(results.summary).toMatchObject({ pass: catalogue.length, fail: 0 });
  });
});

test('engines declares the Node versions the pinned SDK and vitest support (20.19 and later); the workflows use 22', () => {
  // require(esm), which the run engine uses to load vitest natively, came in 20.19; SDK releases after
  // January 2027 need Node 22 (README "Node versions"), so the example workflows run on 22.
  expect(pkg.engines.node).toBe('>=20.19.0');
  expect(pkg.devDependencies).toHaveProperty('tsx');
});
