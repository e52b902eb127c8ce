// The packed package works as installed: `npm pack`, install the tarball into
// an empty folder, and `npx lambda-conformance run` there passes every rule;
// the programmatic API answers from the installed package too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { catalogue } from '../specs/rules/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

test('the packed tarball installs into an empty folder and its bin and API work there', { timeout: 600_000 }, async () => {
  const packDir = await mkdtemp(join(tmpdir(), 'lc-pack-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const app = await mkdtemp(join(tmpdir(), 'lc-app-'));
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', join(packDir, tarball)], { cwd: app, stdio: 'pipe' });

  const run = spawnSync('npx', ['lambda-conformance', 'run', '--seed', '8'], { cwd: app, encoding: 'utf8', timeout: 300_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`${catalogue.length} passed, 0 failed`);
  const results = JSON.parse(await readFile(join(app, 'reports/latest/results.json'), 'utf8'));
  expect(results.rules.length).toBe(catalogue.length);

  await writeFile(join(app, 'api.mjs'), "import { runConformance } from 'lambda-conformance';\nconst r = await runConformance({ rules: 'put.creates-config', seed: 1 });\nconsole.log(JSON.stringify({ code: r.exitCode, pass: r.summary.pass }));\n");
  const api = spawnSync(process.execPath, ['api.mjs'], { cwd: app, encoding: 'utf8', timeout: 300_000 });
  expect(api.status, api.stderr).toBe(0);
  expect(JSON.parse(api.stdout.trim().split('\n').at(-1)!)).toEqual({ code: 0, pass: 1 });
});
