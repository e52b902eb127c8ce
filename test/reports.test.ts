// Reports and CI integration: junit.xml agrees with results.json rule by rule
// and has the JUnit shape CI systems read; --expect and --baseline outcomes
// with their exit codes; shards merged give the verdicts of one full run;
// progress lines on a terminal and off it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { renderJunit } from '../reporting/junit.ts';
import { WRITERS } from '../reporting/writers.ts';
import { putMergesEmulator } from './helpers/broken-emulators.ts';
import { BIN, runCli } from './helpers/cli.ts';
import { run, ruleIn, servers, verdicts } from './helpers/run.ts';

const serve = servers();
const tmp = () => mkdtemp(join(tmpdir(), 'lc-reports-'));
// Rules the Put-merges bug breaks, plus rules it leaves passing.
const SOME = 'put.overwrite.*,put.creates-config,put.no-settings.*,get.returns-current-config';

type Xml = Record<string, unknown>;
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('junit.xml', () => {
  test('has one testcase per rule that agrees with results.json, in the JUnit shape', async () => {
    const url = await serve(putMergesEmulator());
    const r = await run('--seed', '2', '--target', url, '--rules', SOME, '--tier', 'complete');
    const xml = await readFile(join(r.dir, 'junit.xml'), 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
    const root = doc.testsuites as Xml;
    for (const a of ['name', 'tests', 'failures', 'errors', 'skipped', 'time']) expect(root, `testsuites@${a}`).toHaveProperty(a);
    const cases = new Map<string, Xml & { suite: Xml }>();
    for (const suite of asList(root.testsuite as Xml | Xml[])) {
      for (const a of ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp']) expect(suite, `testsuite@${a}`).toHaveProperty(a);
      const tcs = asList(suite.testcase as Xml | Xml[]);
      expect(Number(suite.tests)).toBe(tcs.length);
      expect(Number(suite.failures)).toBe(tcs.filter((t) => 'failure' in t).length);
      expect(Number(suite.skipped)).toBe(tcs.filter((t) => 'skipped' in t).length);
      for (const tc of tcs) {
        for (const a of ['name', 'classname', 'time']) expect(tc, `testcase@${a}`).toHaveProperty(a);
        expect(
          Object.keys(tc)
            .filter((k) => !['name', 'classname', 'time'].includes(k))
            .every((k) => ['failure', 'skipped'].includes(k)),
        ).toBe(true);
        cases.set(String(tc.name), { ...tc, suite });
      }
    }
    expect([...cases.keys()].sort()).toEqual(r.results.rules.map((x) => x.id).sort());
    expect(Number(root.tests)).toBe(r.results.rules.length);
    expect(Number(root.failures)).toBe(r.results.summary.fail);
    let failures = 0;
    for (const rule of r.results.rules) {
      const tc = cases.get(rule.id)!;
      expect(tc.classname).toBe(`lambda-conformance.${rule.operations[0]}`);
      expect(tc.suite.name).toBe(rule.operations[0]);
      expect('failure' in tc, rule.id).toBe(rule.verdict === 'fail');
      expect('skipped' in tc, rule.id).toBe(['skip', 'inconclusive', 'expected-fail'].includes(rule.verdict));
      if (rule.verdict === 'fail') {
        failures++;
        const f = tc.failure as Xml;
        expect(f.message).toBe(rule.evidence[0]!.message);
        expect(String(f['#text'])).toContain('aws lambda put-function-event-invoke-config');
      }
    }
    expect(failures).toBeGreaterThan(0);

    const summary = await readFile(join(r.dir, 'summary.md'), 'utf8');
    expect(summary).toContain(
      `## lambda-conformance: ${r.results.summary.fail} rules failed (${r.results.coverage!.judged} of ${r.results.coverage!.selected} selected rules checked`,
    );
    expect(summary).toMatch(/^\| core \| [\d.]+% \(\d+\/\d+\) \| [\d.]+% \(\d+\/\d+\) \|/m);
    // The failures by root cause, each with its rules.
    expect(summary).toMatch(/^### \d+ root causes? behind \d+ failing rules?$/m);
    const cause = r.results.rules.find((x) => x.id === 'put.overwrite.removes-omitted-settings')!.rootCause!;
    expect(summary).toMatch(
      new RegExp(
        `^\\| \\d+ \\| ${cause.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\|/g, '\\\\|')} \\|.*\`put\\.overwrite\\.removes-omitted-settings\``,
        'm',
      ),
    );
    for (const f of ['results.json', 'junit.xml', 'report.html', 'summary.md']) expect((await readFile(join(r.dir, f), 'utf8')).length, f).toBeGreaterThan(100);
  });

  test('the same results render byte-identical reports', async () => {
    const r = await run('--seed', '9', '--rules', 'put.creates-config');
    for (const w of WRITERS) expect(w.render(r.results), w.file).toBe(w.render(structuredClone(r.results)));
    expect(renderJunit(r.results)).toContain('<testcase name="put.creates-config"');
  });
});

describe('--expect known divergences', () => {
  const entry = (o: Record<string, string>) => ({
    reason: 'Put merges in this emulator',
    link: 'https://example.invalid/issue/1',
    expires: '2099-12-31',
    ...o,
  });

  test('a matching failure becomes expected-fail and the run exits 0', async () => {
    const url = await serve(putMergesEmulator());
    const file = join(await tmp(), 'expect.yaml');
    await writeFile(
      file,
      `divergences:\n  - rule: put.overwrite.*\n    reason: Put merges in this emulator\n    expires: 2099-12-31\n    target: "http://127.0.0.1:*"\n`,
    );
    const r = await run('--seed', '2', '--target', url, '--rules', 'put.overwrite.*,put.creates-config', '--expect', file);
    expect(r.code, r.stderr).toBe(0);
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').verdict).toBe('expected-fail');
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').evidence.length).toBeGreaterThan(0);
    expect(r.results.summary.expectedFail).toBeGreaterThan(0);
    expect(r.results.expectations?.[0]?.status).toBe('matched');
  });

  test('an entry leaves out the rules its `!glob` names, as --rules does', async () => {
    const url = await serve(putMergesEmulator());
    const file = join(await tmp(), 'expect.json');
    await writeFile(file, JSON.stringify([entry({ rule: 'put.overwrite.*,!put.overwrite.removes-omitted-settings' })]));
    const r = await run('--seed', '2', '--target', url, '--rules', 'put.overwrite.*', '--expect', file);
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').verdict).toBe('fail');
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-destinations').verdict).toBe('expected-fail');
    expect(r.results.expectations?.[0]?.rules).not.toContain('put.overwrite.removes-omitted-settings');
    expect(r.code).toBe(1);
  });

  test('the console, summary.md and report.html count the same root causes, of the failing rules only', async () => {
    const url = await serve(putMergesEmulator());
    const file = join(await tmp(), 'expect.json');
    await writeFile(file, JSON.stringify([entry({ rule: 'put.overwrite.removes-omitted-settings' })]));
    const r = await run('--seed', '2', '--target', url, '--rules', SOME, '--expect', file);
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').verdict).toBe('expected-fail');
    const failing = r.results.rules.filter((x) => x.verdict === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const causes = new Set(failing.map((x) => x.rootCause));
    const line = `${causes.size} root cause${causes.size === 1 ? '' : 's'} behind ${failing.length} failing rule${failing.length === 1 ? '' : 's'}`;
    const summary = await readFile(join(r.dir, 'summary.md'), 'utf8');
    const html = await readFile(join(r.dir, 'report.html'), 'utf8');
    expect(r.stderr).toContain(`${line}:`);
    expect(summary).toContain(`### ${line}\n`);
    expect(html).toContain(`<h2>${line}</h2>`);
    // The expected failure is listed with the known divergences, not among the causes.
    const causesSection = html.slice(html.indexOf('<section id="root-causes">'), html.indexOf('</section>', html.indexOf('<section id="root-causes">')));
    expect(causesSection).not.toContain('put.overwrite.removes-omitted-settings');
  });

  test('an entry whose rule now passes fails the run: fixed, remove the entry', async () => {
    const file = join(await tmp(), 'expect.json');
    await writeFile(file, JSON.stringify([entry({ rule: 'put.overwrite.removes-omitted-settings' })]));
    const r = await run('--seed', '2', '--rules', 'put.overwrite.*', '--expect', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixed: put.overwrite.removes-omitted-settings now passes');
    expect(r.stderr).toContain('remove the entry');
  });

  test('an expired entry fails the run even when its rule still fails', async () => {
    const url = await serve(putMergesEmulator());
    const file = join(await tmp(), 'expect.json');
    await writeFile(file, JSON.stringify([entry({ rule: 'put.overwrite.*', expires: '2020-01-01' })]));
    const r = await run('--seed', '2', '--target', url, '--rules', 'put.overwrite.*', '--expect', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expired on 2020-01-01');
    expect(ruleIn(r.results, 'put.overwrite.removes-omitted-settings').verdict).toBe('fail');
  });

  test.each([
    ['no-such.rule', 'matches no rule of the catalogue'],
    ['', 'needs "rule"'],
  ])('a bad entry (%j) is a usage error, exit 2, before anything runs', async (rule, says) => {
    const file = join(await tmp(), 'expect.json');
    await writeFile(file, JSON.stringify([entry({ rule })]));
    const r = await run('--expect', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
  });
});

describe('--baseline comparisons', () => {
  test('a new failure is a regression: listed, exit 1; known failures alone exit 0; new passes listed', async () => {
    const good = await run('--seed', '2', '--rules', SOME);
    const goodFile = join(good.dir, 'results.json');
    const url = await serve(putMergesEmulator());
    const regressed = await run('--seed', '2', '--target', url, '--rules', SOME, '--baseline', goodFile);
    expect(regressed.code).toBe(1);
    expect(regressed.results.baseline?.newFailures).toContain('put.overwrite.removes-omitted-settings');
    expect(regressed.stderr).toContain('REGRESSION put.overwrite.removes-omitted-settings');

    const badFile = join(regressed.dir, 'results.json');
    const stillBad = await run('--seed', '2', '--target', url, '--rules', SOME, '--baseline', badFile);
    expect(stillBad.results.summary.fail).toBeGreaterThan(0);
    expect(stillBad.results.baseline?.newFailures).toEqual([]);
    expect(stillBad.code).toBe(0);

    const fixed = await run('--seed', '2', '--rules', SOME, '--baseline', badFile);
    expect(fixed.code).toBe(0);
    expect(fixed.results.baseline?.newPasses).toContain('put.overwrite.removes-omitted-settings');
  });

  test('changed evidence of a rule that fails both times is listed', async () => {
    const url = await serve(putMergesEmulator());
    const before = await run('--seed', '2', '--target', url, '--rules', 'put.overwrite.*');
    const file = join(before.dir, 'results.json');
    const doctored = structuredClone(before.results);
    ruleIn(doctored, 'put.overwrite.removes-omitted-settings').evidence[0]!.message = 'an older message';
    await writeFile(file, JSON.stringify(doctored));
    const after = await run('--seed', '2', '--target', url, '--rules', 'put.overwrite.*', '--baseline', file);
    expect(after.results.baseline?.changedEvidence).toContain('put.overwrite.removes-omitted-settings');
    expect(after.code).toBe(0);
  });

  test('an unreadable baseline is a usage error, exit 2', async () => {
    const r = await run('--baseline', '/nonexistent/results.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read --baseline');
  });
});

describe('--shard and merge', () => {
  test('shards 1/2 and 2/2 merged give the verdicts of one full run', async () => {
    const [one, two, full] = await Promise.all([run('--seed', '6', '--shard', '1/2'), run('--seed', '6', '--shard', '2/2'), run('--seed', '6')]);
    expect([one.code, two.code, full.code]).toEqual([0, 0, 0]);
    const ranIn = (v: typeof one) => v.results.rules.filter((r) => r.verdict !== 'skip').length;
    expect(ranIn(one)).toBeGreaterThan(0);
    expect(ranIn(two)).toBeGreaterThan(0);
    expect(ranIn(one) + ranIn(two)).toBe(full.results.rules.length);
    const out = await tmp();
    const merged = await runCli(['merge', '--report-dir', out, join(one.dir, 'results.json'), join(two.dir, 'results.json')]);
    expect(merged.code, merged.stderr).toBe(0);
    const mergedResults = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(verdicts(mergedResults)).toEqual(verdicts(full.results));
    const lonely = await runCli(['merge', '--report-dir', out, join(one.dir, 'results.json')]);
    expect(lonely.code).toBe(1);
    expect(lonely.stderr).toContain('is a shard missing?');
  });
});

describe('progress', () => {
  test('without a terminal (CI): one plain line per finished suite', async () => {
    const r = await run('--rules', 'put.creates-config');
    expect(r.stderr).toMatch(/^semantics: \d+\/\d+ rules, 0 failed \(all suites: \d+\/\d+, 0 failed\)$/m);
    expect(r.stderr).not.toContain('\r');
  });

  test('on a terminal: a live line with every running suite, rewritten in place', async () => {
    const dir = await tmp();
    const cmd = `${process.execPath} ${BIN} run --rules 'put.*' --report-dir ${dir}`;
    const env = { ...process.env, CI: '' };
    const out = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env, timeout: 120_000 });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('\r\x1b[2K');
    expect(out.stdout).toMatch(/\d+\/\d+ rules, 0 failed/);
  });
});
