// report.html and the per-tier figures: scores.ts unit tests, then the page as a
// browser shows it. The page is opened in Debian's headless Chromium (install:
// bash scripts/ensure-debian.sh): the matrix renders one row per rule with
// the failing cells marked, a failure's evidence and reproduction are on the
// page, text from the target that looks like markup stays text and never runs,
// the filters work, and a screenshot is saved under the report dir
// (reports/test-report-html/report.png) for people to look at.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { catalogue, type Rule } from '../specs/rules/index.ts';
import { serveHandlers } from '../emulator/serve.ts';
import type { Results, RuleResult, Verdict } from '../reporting/results.ts';
import { summarise } from '../reporting/results.ts';
import { formatPercent, overallScore, scoreOf, tierScores } from '../reporting/scores.ts';
import { htmlReport, renderHtml } from '../reporting/html.ts';
import { ChromiumMissingError, chromiumAvailable, dumpDom, processesMentioning, runChromium, screenshot } from './helpers/chromium.ts';
import { putMergesEmulator } from './helpers/broken-emulators.ts';
import { runCli } from './helpers/cli.ts';

const REPORT_DIR = fileURLToPath(new URL('../reports/test-report-html/', import.meta.url));

// ---------------------------------------------------------------- fixtures

const FAILING = 'put.overwrite.removes-omitted-settings';
const PROPERTY_FAILING = 'model.sequences.agree-with-model';
const INCONCLUSIVE = 'update.merge.keeps-untouched-settings';
const EXPECTED_FAIL = 'destination.s3.on-success-rejected';
const SKIPPED_PREFIX = 'wire.';

/** Markup a hostile or broken target could answer; it must show as text and never run. */
const INJECTED = `<script>document.body.setAttribute('data-pwned','script')</script><img src=x onerror="document.body.setAttribute('data-pwned','img')">`;

const ruleResult = (rule: Rule, verdict: Verdict, extra: Partial<RuleResult> = {}): RuleResult => ({
  id: rule.id,
  title: rule.title,
  tier: rule.tier,
  operations: rule.operations,
  verdict,
  durationMs: 12,
  requests: 3,
  basis: rule.evidence,
  evidence: [],
  ...extra,
});

const ENDPOINT = 'http://127.0.0.1:4566';

function syntheticResults(): Results {
  const rules = catalogue.map((rule): RuleResult => {
    if (rule.id === FAILING)
      return ruleResult(rule, 'fail', {
        evidence: [
          {
            message: `PutFunctionEventInvokeConfig body.MaximumEventAgeInSeconds: Received: ${INJECTED} / Expected: (absent)`,
            expected: '(absent)',
            actual: { MaximumEventAgeInSeconds: 60, Note: `</pre>${INJECTED}` },
            seed: 42,
            repro: {
              cli: `ENDPOINT=${ENDPOINT}\naws lambda put-function-event-invoke-config --cli-input-json '{"FunctionName":"lc-1-fn","MaximumRetryAttempts":0}' --endpoint-url "$ENDPOINT" --region us-east-1`,
              sdk: `console.log(await client.send(new PutFunctionEventInvokeConfigCommand({"FunctionName":"lc-1-fn","MaximumRetryAttempts":0})).catch((e) => e));`,
            },
          },
        ],
      });
    if (rule.id === PROPERTY_FAILING)
      return ruleResult(rule, 'fail', {
        evidence: [
          {
            message:
              'PutFunctionEventInvokeConfig({"FunctionName":"lc-1-model-3","MaximumRetryAttempts":0}) body.MaximumEventAgeInSeconds: Received: 60 / Expected: (absent)',
            expected: '(absent)',
            actual: 60,
            counterexample: [{ op: 'put', input: { MaximumRetryAttempts: 0 } }],
            seed: 42,
            path: '0:1:0',
          },
        ],
      });
    if (rule.id === INCONCLUSIVE)
      return ruleResult(rule, 'inconclusive', {
        reason: 'throttled: TooManyRequestsException after 3 retries',
        evidence: [{ message: 'TooManyRequestsException: Rate exceeded' }],
      });
    if (rule.id === EXPECTED_FAIL)
      return ruleResult(rule, 'expected-fail', {
        reason: 'known divergence: the emulator accepts S3 on OnSuccess, until 2099-01-01',
        evidence: [{ message: 'PutFunctionEventInvokeConfig: Received: 200 / Expected: 400', expected: 400, actual: 200 }],
      });
    if (rule.id.startsWith(SKIPPED_PREFIX))
      return ruleResult(rule, 'skip', { durationMs: 0, requests: 0, reason: `the target lacks the operation ${INJECTED}` });
    return ruleResult(rule, 'pass');
  });
  return {
    tool: { name: 'lambda-conformance', version: '0.1.0' },
    target: { kind: 'url', endpoint: ENDPOINT, region: 'us-east-1' },
    sdk: { '@aws-sdk/client-lambda': '3.1164.0' },
    seed: 42,
    startedAt: '2026-01-15T10:20:30.123Z',
    finishedAt: '2026-01-15T10:21:42.456Z',
    summary: summarise(rules),
    rules,
    errors: [],
    leaks: [],
  };
}

// ---------------------------------------------------------------- DOM helpers (on Chromium's serialized DOM)

const ruleRows = (dom: string) => [...dom.matchAll(/<tr class="rule"[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
const rowOf = (dom: string, id: string) => ruleRows(dom).find((r) => r.includes(`data-id="${id}"`));
const isHidden = (row: string) => / hidden=""/.test(/^<tr[^>]*>/.exec(row)![0]);
const articleOf = (dom: string, id: string) => new RegExp(`<article [^>]*data-id="${id.replace(/\./g, '\\.')}"[^>]*>[\\s\\S]*?</article>`).exec(dom)?.[0];

/** Assertions on large texts that print the needle and an excerpt, not the whole page. */
function has(text: string | undefined, needle: string | RegExp): void {
  const found = text !== undefined && (typeof needle === 'string' ? text.includes(needle) : needle.test(text));
  expect(found, `expected ${String(needle)} in ${text === undefined ? 'undefined' : `(${text.length} chars) ${text.slice(0, 400)}…`}`).toBe(true);
}
function hasNot(text: string, needle: string | RegExp): void {
  const at = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  expect(at, `unexpected ${String(needle)}: …${text.slice(Math.max(0, at - 100), at + 200)}…`).toBe(-1);
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// ---------------------------------------------------------------- scores.ts

describe('scores: per-tier figures', () => {
  const r = (tier: Rule['tier'], verdict: Verdict) => ({ tier, verdict }) as RuleResult;

  test('conformance = pass / (pass + fail) and coverage = (pass + fail) / rules, per tier and kept apart', () => {
    const rules = [
      ...Array.from({ length: 6 }, () => r('core', 'pass')),
      ...Array.from({ length: 2 }, () => r('core', 'fail')),
      r('core', 'skip'),
      r('core', 'inconclusive'),
      r('complete', 'pass'),
      r('complete', 'skip'),
      r('complete', 'skip'),
      r('complete', 'skip'),
    ];
    const [core, complete, strict] = tierScores({ rules });
    expect(core).toEqual({ tier: 'core', rules: 10, pass: 6, fail: 2, skip: 1, inconclusive: 1, expectedFail: 0, conformance: 0.75, coverage: 0.8 });
    expect(complete).toMatchObject({ tier: 'complete', rules: 4, pass: 1, fail: 0, skip: 3, conformance: 1, coverage: 0.25 });
    expect(strict).toMatchObject({ tier: 'strict', rules: 0 });
    expect(overallScore({ rules })).toMatchObject({ tier: 'all', rules: 14, pass: 7, fail: 2, conformance: 7 / 9, coverage: 9 / 14 });
  });

  test('a tier with no rules has no figures: null, shown as "n/a", never NaN', () => {
    const strict = tierScores({ rules: [r('core', 'pass')] })[2]!;
    expect(strict).toEqual({ tier: 'strict', rules: 0, pass: 0, fail: 0, skip: 0, inconclusive: 0, expectedFail: 0, conformance: null, coverage: null });
    expect(formatPercent(strict.conformance)).toBe('n/a');
    expect(formatPercent(strict.coverage)).toBe('n/a');
    expect(formatPercent(Number.NaN)).toBe('n/a');
  });

  test('a tier where nothing was judged has a coverage of 0 and no conformance', () => {
    const s = scoreOf('core', [r('core', 'skip'), r('core', 'inconclusive')]);
    expect(s).toMatchObject({ conformance: null, coverage: 0, skip: 1, inconclusive: 1 });
    expect([formatPercent(s.conformance), formatPercent(s.coverage)]).toEqual(['n/a', '0.0%']);
  });

  test('expected-fail counts neither as pass nor as fail: outside conformance and coverage, counted beside', () => {
    const s = scoreOf('core', [r('core', 'pass'), r('core', 'expected-fail')]);
    expect(s).toMatchObject({ pass: 1, fail: 0, expectedFail: 1, conformance: 1, coverage: 0.5 });
  });

  test('percentages: one decimal, never rounded up to 100% nor down to 0%', () => {
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(9999 / 10000)).toBe('99.9%');
    expect(formatPercent(1 / 10000)).toBe('0.1%');
  });

  test('the page shows n/a for an empty tier and no NaN anywhere', () => {
    const results = syntheticResults();
    results.rules = results.rules.filter((x) => x.tier === 'core');
    results.summary = summarise(results.rules);
    const html = renderHtml(results);
    expect(html.match(/.{0,60}(?:NaN|Infinity|undefined).{0,60}/)?.[0]).toBeUndefined();
    const strictRow = /<tr class="tier" data-tier="strict">[\s\S]*?<\/tr>/.exec(html)![0];
    expect(strictRow.match(/<strong>n\/a<\/strong>/g)).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- the HTML itself

describe('report.html: the file', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the same results give byte-identical HTML, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-05-05T05:05:05Z'));
    const a = htmlReport.render(syntheticResults());
    vi.setSystemTime(new Date('2031-06-06T06:06:06Z'));
    const b = htmlReport.render(syntheticResults());
    const c = htmlReport.render(JSON.parse(JSON.stringify(syntheticResults())) as Results);
    expect(htmlReport.file).toBe('report.html');
    expect(b).toBe(a);
    expect(c).toBe(a);
    hasNot(a, '2030');
    hasNot(a, '2031');
  });

  test('self-contained: no external resource, links only to anchors in the page', () => {
    const html = renderHtml(syntheticResults());
    // (matches quoted, not the whole page, so a failure stays readable)
    expect(html.match(/<link\b|@import|url\(|<iframe|<object/i)?.[0]).toBeUndefined();
    // Every attribute value is double-quoted and escaped: blank them to see the tags alone.
    const tags = html.replace(/="[^"]*"/g, '=""');
    expect(tags.match(/<[a-z][^>]*\ssrc\s*=[^>]*>/i)?.[0]).toBeUndefined();
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  test('text from the results is escaped: markup in evidence, reasons and the target never reaches the page as markup', () => {
    const results = syntheticResults();
    results.target.endpoint = `${ENDPOINT}/"><script>alert(1)</script>`;
    const html = renderHtml(results);
    hasNot(html, INJECTED);
    hasNot(html, '<script>alert(1)');
    hasNot(html, '<img');
    has(html, '&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;script&#39;)&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- in Chromium

describe('report.html in headless Chromium', () => {
  const results = syntheticResults();
  const file = join(REPORT_DIR, 'report.html');
  const url = pathToFileURL(file).href;

  beforeAll(async () => {
    if (!chromiumAvailable()) throw new ChromiumMissingError();
    await rm(REPORT_DIR, { recursive: true, force: true });
    await mkdir(REPORT_DIR, { recursive: true });
    await writeFile(file, htmlReport.render(results));
  });

  test('the matrix renders a row per rule with the verdicts in its cells, lettered and linked to the evidence', async () => {
    const dom = await dumpDom(url);
    expect(dom).toMatch(/<html[^>]*class="js"[^>]*data-filters="ready"/); // the page's own script ran
    const rows = ruleRows(dom);
    expect(rows).toHaveLength(catalogue.length);
    expect(rows.filter(isHidden)).toEqual([]);
    expect(dom.match(/<tr class="group"/g)).toHaveLength(new Set(catalogue.map((r) => r.id.split('.')[0])).size);

    const failing = rowOf(dom, FAILING)!;
    has(failing, 'data-verdict="fail"');
    // Put and Get cells, both failing, with the letter and a link to the evidence.
    const cells = [...failing.matchAll(/<td class="cell v-fail"[^>]*><a href="#([^"]+)">F<\/a><\/td>/g)];
    expect(cells).toHaveLength(2);
    has(dom, `<article class="evidence v-fail" id="${cells[0]![1]}"`);
    has(rowOf(dom, 'put.creates-config'), /<td class="cell v-pass"[^>]*>P<\/td>/);
    has(rowOf(dom, INCONCLUSIVE), /<td class="cell v-inconclusive"[^>]*><a href="#[^"]+">I<\/a><\/td>/);
    has(rowOf(dom, EXPECTED_FAIL), /<td class="cell v-expected-fail"[^>]*><a href="#[^"]+">XF<\/a><\/td>/);
    has(rowOf(dom, 'wire.malformed-json.rejected'), /<td class="cell v-skip"[^>]*>S<\/td>/);
    // The model-based rule exercises all seven operations: a column each.
    expect(rowOf(dom, PROPERTY_FAILING)!.match(/class="cell v-fail"/g)).toHaveLength(7);
    const columns = [...dom.matchAll(/<th scope="col" class="op"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<wbr>/g, ''));
    expect(columns).toEqual(['Put', 'Update', 'Get', 'Delete', 'List', 'PublishVersion', 'CreateAlias']);
  });

  test('a failure shows its evidence and reproduction; the score table and header are there', async () => {
    const dom = await dumpDom(url);
    const failure = articleOf(dom, FAILING)!;
    has(failure, 'PutFunctionEventInvokeConfig body.MaximumEventAgeInSeconds: Received: ');
    has(failure, /<div class="expected"><h5>Expected<\/h5><pre>\(absent\)<\/pre><\/div>/);
    has(failure, '"MaximumEventAgeInSeconds": 60');
    has(failure, `<pre class="cli">ENDPOINT=${ENDPOINT}\naws lambda put-function-event-invoke-config --cli-input-json`);
    has(failure, '<pre class="sdk">console.log(await client.send(new PutFunctionEventInvokeConfigCommand(');
    const property = articleOf(dom, PROPERTY_FAILING)!;
    has(property, /<h5>Counterexample<\/h5><pre class="counterexample">/);
    has(property, 'Replay: seed <code>42</code> · path <code>0:1:0</code>');
    has(articleOf(dom, INCONCLUSIVE), 'throttled: TooManyRequestsException after 3 retries');
    has(articleOf(dom, EXPECTED_FAIL), 'known divergence: the emulator accepts S3 on OnSuccess');
    expect(articleOf(dom, 'put.creates-config')).toBeUndefined();

    has(dom, '<code>@aws-sdk/client-lambda 3.1164.0</code>');
    has(dom, '<time datetime="2026-01-15T10:20:30.123Z">2026-01-15 10:20:30 UTC</time>');
    const core = tierScores(results)[0]!;
    expect(core.fail).toBe(2);
    const coreRow = /<tr class="tier" data-tier="core">[\s\S]*?<\/tr>/.exec(dom)![0];
    has(coreRow, `<strong>${formatPercent(core.conformance)}</strong> <span class="muted">${core.pass}/${core.pass + core.fail}</span>`);
    has(coreRow, `<strong>${formatPercent(core.coverage)}</strong> <span class="muted">${core.pass + core.fail}/${core.rules}</span>`);
  });

  test('markup from the target shows as text and does not execute', async () => {
    const dom = await dumpDom(url);
    hasNot(dom, /<body[^>]*data-pwned/);
    hasNot(dom, /<img\b/);
    expect(dom.match(/<script\b/g)).toHaveLength(1);
    has(
      articleOf(dom, FAILING),
      `Received: &lt;script&gt;document.body.setAttribute('data-pwned','script')&lt;/script&gt;&lt;img src=x onerror="document.body.setAttribute('data-pwned','img')"&gt;`,
    );
    has(articleOf(dom, FAILING), '"Note": "&lt;/pre&gt;&lt;script&gt;');
  });

  test('filters from the query string: verdict, tier and text on the rule id', async () => {
    const problems = await dumpDom(`${url}?verdict=fail,inconclusive`);
    const visible = ruleRows(problems).filter((r) => !isHidden(r));
    expect(visible.map((r) => /data-id="([^"]+)"/.exec(r)![1]).sort()).toEqual([FAILING, PROPERTY_FAILING, INCONCLUSIVE].sort());
    has(problems, `<output id="shown">3 of ${catalogue.length} rules</output>`);
    has(articleOf(problems, EXPECTED_FAIL), /^<article [^>]* hidden=""/);

    const byText = await dumpDom(`${url}?q=put.overwrite&tier=core`);
    const shown = ruleRows(byText)
      .filter((r) => !isHidden(r))
      .map((r) => /data-id="([^"]+)"/.exec(r)![1]);
    expect(shown).toEqual(catalogue.filter((r) => r.id.includes('put.overwrite') && r.tier === 'core').map((r) => r.id));
  });

  test('a screenshot is saved under the report dir', async () => {
    const png = join(REPORT_DIR, 'report.png');
    await screenshot(url, png);
    const bytes = await readFile(png);
    expect(pngSize(bytes)).toEqual({ width: 1400, height: 2000 });
    expect(bytes.length).toBeGreaterThan(50_000); // a blank page compresses to a few KB
    // The problems-only view, with the evidence in sight.
    const problems = join(REPORT_DIR, 'report-problems.png');
    await screenshot(`${url}?verdict=fail,inconclusive,expected-fail`, problems);
    expect((await stat(problems)).size).toBeGreaterThan(50_000);
  });

  test('no Chromium process outlives a launch', async () => {
    const run = await runChromium(['--dump-dom', url]);
    has(run.stdout, '<tr class="rule"');
    expect(await processesMentioning(run.profile)).toEqual([]);
    expect(existsSync(run.profile)).toBe(false);
  });
});

describe('report.html of a real run against a wrong emulator', () => {
  test('Put that merges: the failing rules are marked in the matrix, with evidence and reproduction', async () => {
    if (!chromiumAvailable()) throw new ChromiumMissingError();
    const dir = join(REPORT_DIR, 'put-merges');
    const server = await serveHandlers(putMergesEmulator(), '127.0.0.1', 0);
    try {
      const r = await runCli(['run', '--report-dir', dir, '--seed', '5', '--target', server.url, '--rules', 'put.*']);
      expect(r.code, r.stderr).toBe(1);
    } finally {
      await server.close();
    }
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as Results;
    const html = htmlReport.render(results);
    // Once the CLI writes report.html itself, it must be what results.json renders to.
    if (existsSync(join(dir, htmlReport.file))) expect(await readFile(join(dir, htmlReport.file), 'utf8')).toBe(html);
    await writeFile(join(dir, htmlReport.file), html);

    const dom = await dumpDom(pathToFileURL(join(dir, htmlReport.file)).href);
    expect(ruleRows(dom)).toHaveLength(results.rules.length);
    const failed = results.rules.filter((x) => x.verdict === 'fail');
    expect(failed.map((x) => x.id)).toContain(FAILING);
    for (const f of failed) {
      has(rowOf(dom, f.id), /<td class="cell v-fail"[^>]*><a href="#[^"]+">F<\/a><\/td>/);
      expect(articleOf(dom, f.id)).toBeDefined();
    }
    const evidence = articleOf(dom, FAILING)!;
    has(evidence, 'Received: 60 / Expected: (absent)');
    has(evidence, `ENDPOINT='${results.target.endpoint}'`);
    has(evidence, 'aws lambda put-function-event-invoke-config --cli-input-json');
    has(evidence, 'new PutFunctionEventInvokeConfigCommand(');
    await screenshot(`${pathToFileURL(join(dir, htmlReport.file)).href}?verdict=fail`, join(dir, 'report.png'));
    expect((await stat(join(dir, 'report.png'))).size).toBeGreaterThan(50_000);
  });
});
