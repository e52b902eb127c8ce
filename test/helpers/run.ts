// Running `lambda-conformance run` in tests: a fresh report dir per run, the
// results parsed, and served emulators (reference or broken) that stop when
// the test file ends.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { HttpHandler } from 'msw';
import { serveHandlers, type RunningServer } from '../../emulator/serve.ts';
import type { Results } from '../../reporting/results.ts';
import type { RuleId } from '../../specs/rules/index.ts';
import { runCli } from './cli.ts';

export interface RunOutcome {
  code: number | null;
  results: Results;
  stdout: string;
  stderr: string;
  dir: string;
}

export async function runIn(dir: string | undefined, ...args: string[]): Promise<RunOutcome> {
  const reportDir = dir ?? (await mkdtemp(join(tmpdir(), 'lc-run-')));
  const r = await runCli(['run', '--report-dir', reportDir, ...args]);
  const results = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8').catch(() => 'null')) as Results;
  return { ...r, results, dir: reportDir };
}

export const run = (...args: string[]) => runIn(undefined, ...args);

/** Serves handlers on loopback for this test file; closed after all its tests. */
export function servers(): (handlers: HttpHandler[]) => Promise<string> {
  const running: RunningServer[] = [];
  afterAll(async () => Promise.all(running.map((s) => s.close())));
  return async (handlers) => {
    const s = await serveHandlers(handlers, '127.0.0.1', 0);
    running.push(s);
    return s.url;
  };
}

export const verdicts = (r: Results) => Object.fromEntries(r.rules.map((x) => [x.id, x.verdict]));
export const ruleIn = (r: Results, id: RuleId) => {
  const found = r.rules.find((x) => x.id === id);
  if (!found) throw new Error(`no rule ${id} in the results`);
  return found;
};
