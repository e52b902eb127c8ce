// `lambda-conformance run` end to end: every rule gets a verdict and passes on
// the embedded target; the same verdicts against `serve` by URL; deliberately
// wrong emulators make the expected rules fail with evidence and exit 1;
// seeds reproduce; unusable targets exit 2 with one line.
import { describe, expect, test } from 'vitest';
import { catalogue } from '../specs/rules/index.ts';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import { htmlGetEmulator, noListEmulator, putMergesEmulator } from './helpers/broken-emulators.ts';
import { run, ruleIn as rule, servers, verdicts, type RunOutcome } from './helpers/run.ts';
import { runCli } from './helpers/cli.ts';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const serve = servers();

describe('run on the embedded target', () => {
  let embedded: RunOutcome;
  test('exits 0 with a verdict for every rule of the catalogue, all pass', async () => {
    embedded = await run('--seed', '11');
    expect(embedded.code, embedded.stderr).toBe(0);
    expect(embedded.results.rules.map((r) => r.id)).toEqual(catalogue.map((r) => r.id));
    const notPassing = embedded.results.rules
      .filter((r) => r.verdict !== 'pass')
      .map((r) => `${r.id}: ${r.verdict} ${r.reason ?? r.evidence[0]?.message ?? ''}`);
    expect(notPassing).toEqual([]);
    expect(embedded.results.seed).toBe(11);
    expect(embedded.results.errors).toEqual([]);
    expect(embedded.stdout).toMatch(new RegExp(`^${catalogue.length} passed, 0 failed`, 'm'));
  });

  test('against `serve` by URL gives the same verdicts, but for the destinations the served emulator cannot host', async () => {
    const url = await serve(createEmulator().handlers);
    const byUrl = await run('--seed', '11', '--target', url);
    expect(byUrl.code, byUrl.stderr).toBe(0);
    expect(byUrl.results.target).toMatchObject({ kind: 'url', endpoint: url });
    // The served emulator has no SQS, SNS, EventBridge or S3: by URL those destination rules are skipped, saying so.
    const lacking = byUrl.results.rules.filter((r) => r.verdict === 'skip' && /^the target has no (SQS|SNS|EventBridge|S3) API/.test(r.reason ?? ''));
    expect(lacking.map((r) => r.id).sort()).toEqual([
      'destination.eventbridge.accepted',
      'destination.s3.on-failure-accepted',
      'destination.sns.accepted',
      'destination.sqs.accepted',
    ]);
    const others = (r: RunOutcome['results']) => Object.fromEntries(Object.entries(verdicts(r)).filter(([id]) => !lacking.some((x) => x.id === id)));
    expect(others(byUrl.results)).toEqual(others(embedded.results));
  });
});

describe('run against deliberately wrong emulators', () => {
  test('Put that merges: the overwrite rules fail with evidence and a reproduction, exit 1', async () => {
    const url = await serve(putMergesEmulator());
    const r = await run('--seed', '5', '--target', url, '--rules', 'put.*,model.*,get.*');
    expect(r.code).toBe(1);
    const overwrite = rule(r.results, 'put.overwrite.removes-omitted-settings');
    expect(overwrite.verdict).toBe('fail');
    const ev = overwrite.evidence[0]!;
    expect(ev.message).toMatch(/MaximumEventAgeInSeconds.*Received: 60 \/ Expected: \(absent\)/);
    expect(ev.repro?.cli).toContain(`ENDPOINT='${url}'`);
    expect(ev.repro?.cli).toContain('aws lambda put-function-event-invoke-config --cli-input-json');
    expect(ev.repro?.sdk).toContain('new PutFunctionEventInvokeConfigCommand(');
    const model = rule(r.results, 'model.sequences.agree-with-model');
    expect(model.verdict).toBe('fail');
    expect(model.evidence[0]!.counterexample).toBeDefined();
    expect(model.evidence[0]!.seed).toBe(5);
    // Rules the bug does not touch still pass: the verdicts point at the bug.
    expect(rule(r.results, 'put.no-settings.rejected').verdict).toBe('pass');
  });

  test('the same seed reproduces the same requests, verdicts and counterexample', async () => {
    const url = await serve(putMergesEmulator());
    const [a, b] = await Promise.all([run('--seed', '77', '--target', url, '--rules', 'model.*'), run('--seed', '77', '--target', url, '--rules', 'model.*')]);
    const strip = (r: RunOutcome['results']) =>
      r.rules.map((x) => ({ id: x.id, verdict: x.verdict, requests: x.requests, counterexample: x.evidence[0]?.counterexample?.toString() }));
    expect(strip(a.results)).toEqual(strip(b.results));
    expect(rule(a.results, 'model.sequences.agree-with-model').verdict).toBe('fail');
  });

  test('an HTML 404 page for Get is no answer of the API: the Get rules are inconclusive with that page as evidence, never failed', async () => {
    const url = await serve(htmlGetEmulator());
    const r = await run('--seed', '3', '--target', url, '--rules', 'get.*,put.creates-config,put.no-settings.*');
    const got = rule(r.results, 'get.returns-current-config');
    expect(got.verdict).toBe('inconclusive');
    expect(got.reason).toMatch(/not an AWS answer .*404 text\/html/);
    // The page's lines become one: the reason is a cause's title in the console and the reports.
    expect(got.reason).toContain('<!doctype html> <html> <title>404 Not Found</title> <h1>Not Found</h1> </html>');
    expect(r.stdout + r.stderr).toMatch(
      /^ {2}GetFunctionEventInvokeConfig: not an AWS answer \(JSON is due\): 404 text\/html: <!doctype html> <html> .*\(\d+ rules?\)$/m,
    );
    expect(JSON.stringify(got.evidence[0]!.exchanges)).toContain('404 Not Found');
    expect(r.results.summary.fail).toBe(0);
    expect(rule(r.results, 'put.no-settings.rejected').verdict).toBe('pass');
    // So few rules judged is below the coverage floor: exit 1, said once.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/coverage: only \d+ of \d+ selected rules checked/);
  });
});

describe('a target that lacks an operation', () => {
  test('rules that need it are skipped (not failed) with the reason; the rest still pass; exit 0 unless the coverage floor says otherwise', async () => {
    const url = await serve(noListEmulator());
    const selection = ['--seed', '4', '--target', url, '--rules', 'list.*,qualifier.list-covers-all-qualifiers,put.creates-config'];
    // The skipped rules were not checked: below the default --min-coverage (80% on URL targets) that is exit 1, said once.
    const strict = await run(...selection);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toMatch(/coverage: only 1 of \d+ selected rules checked .* below --min-coverage 80%/);
    const r = await run(...selection, '--min-coverage', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the target lacks ListFunctionEventInvokeConfigs');
    const listRule = rule(r.results, 'list.paging.covers-each-once');
    expect(listRule.verdict).toBe('skip');
    expect(listRule.reason).toContain('does not implement ListFunctionEventInvokeConfigs');
    expect(rule(r.results, 'qualifier.list-covers-all-qualifiers').verdict).toBe('skip');
    expect(rule(r.results, 'put.creates-config').verdict).toBe('pass');
    expect(r.results.summary.fail).toBe(0);
  });
});

describe('unusable targets and bad usage exit 2 with one clear line', () => {
  test('a closed port', async () => {
    const s = await serveHandlers(createEmulator().handlers, '127.0.0.1', 0);
    await s.close(); // now nothing listens there
    const r = await run('--target', s.url);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot reach the target ${s.url}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    [['--target', 'ftp://example'], '--target must be an http or https URL'],
    [['--target', 'nowhere'], '--target must be embedded, aws or an http(s) URL'],
    [['--seed=-1'], '--seed must be a whole number'],
    [['--tier', 'gold'], '--tier must be one of'],
    [['--target', 'aws'], '--target aws needs an execution role'],
    [['--target', 'aws', '--role-arn', 'arn:aws:iam::111111111111:role/x'], 'runs only in allowed accounts'],
  ])('%j', async (args, says) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
  });

  test('a selection that matches nothing exits 2: nothing ran', async () => {
    const r = await run('--rules', 'no.such.rule.*');
    expect(r.code).toBe(2);
  });
});

describe('repeated runs', () => {
  test('the same seed twice gives byte-identical verdicts and evidence (timings aside)', async () => {
    const url = await serve(putMergesEmulator());
    const args = ['--seed', '31', '--target', url, '--rules', 'put.*,model.*,update.*'];
    const [a, b] = [await run(...args), await run(...args)];
    const comparable = (r: RunOutcome) => JSON.stringify(r.results.rules.map(({ durationMs: _d, ...rest }) => rest));
    expect(a.results.summary.fail).toBeGreaterThan(0);
    expect(comparable(a)).toBe(comparable(b));
    expect(comparable(a)).toContain('lc-RUNID-');
  });
});

describe("the suites' module cache (LAMBDA_CONFORMANCE_CACHE_DIR)", () => {
  test('is written where it is configured; one that cannot be created is skipped, and the run still passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-cache-'));
    const reports = (n: string) => join(dir, `reports-${n}`);
    const cached = await runCli(['run', '--rules', 'put.*', '--report-dir', reports('a')], { env: { LAMBDA_CONFORMANCE_CACHE_DIR: join(dir, 'cache') } });
    expect(cached.code, cached.stderr).toBe(0);
    expect((await readdir(join(dir, 'cache'))).length).toBeGreaterThan(0);

    // A regular file where the cache directory would go: no cache, same verdicts.
    await writeFile(join(dir, 'not-a-dir'), '');
    const uncached = await runCli(['run', '--rules', 'put.*', '--report-dir', reports('b')], {
      env: { LAMBDA_CONFORMANCE_CACHE_DIR: join(dir, 'not-a-dir', 'cache') },
    });
    expect(uncached.code, uncached.stderr).toBe(0);
    const summary = (out: string) => out.replace(/\(seed \d+\)/, '');
    expect(summary(uncached.stdout)).toBe(summary(cached.stdout));
    await rm(dir, { recursive: true, force: true });
  });
});
