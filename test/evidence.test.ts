// Every rule's evidence checked against the shared AWS material it cites: a
// recorded step is a key of the EventInvokeConfig snapshot, an analogous one
// an entry and step of the analogous snapshot, a model reference a shape (and
// member, constraint, trait) of the official models, a doc reference a sentence
// of the seed it names; and every text of specs/aws-texts.ts marked recorded is
// AWS's, letter for letter. It reads ../shared (beside the checkout, as in CI)
// and skips those parts if absent. Then the evidence as users see it: `rules`,
// `rules <id>`, `rules --json`, results.json, report.html and the figures per
// evidence class.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { rulesCommand } from '../cli/rules.ts';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';
import { renderHtml } from '../reporting/html.ts';
import { ruleResults, summarise, type ReportedRule, type Results } from '../reporting/results.ts';
import { evidenceClassScores, tierScores } from '../reporting/scores.ts';
import { RECORDED_MESSAGES } from '../specs/aws-texts.ts';
import { catalogue, DOCS, EVIDENCE_CLASSES, rulesById, type EvidenceRef } from '../specs/rules/index.ts';
import { runCli } from './helpers/cli.ts';

const shared = (path: string) => fileURLToPath(new URL(`../../shared/${path}`, import.meta.url));
const SNAPSHOT = shared('aws-recordings/eventinvokeconfig.snapshot.json');
const ANALOGOUS = shared('aws-recordings/analogous/lambda-api.snapshot.json');
const SMITHY = shared('model/lambda-eventinvokeconfig.smithy.json');
const BOTOCORE = shared('model/lambda-eventinvokeconfig.botocore.json');
const SEEDS = shared('seeds/');

const readJson = <T>(path: string): T | undefined => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined);

type Snapshot = Record<string, { 'recorded-content': Record<string, Record<string, unknown>> }>;
const snapshot = readJson<Snapshot>(SNAPSHOT);
const analogous = readJson<Snapshot>(ANALOGOUS);
const smithy = readJson<{ shapes: Record<string, { members?: Record<string, unknown>; traits?: Record<string, unknown> }> }>(SMITHY);
const botocore = readJson<{ shapes: Record<string, { members?: Record<string, unknown>; min?: number; max?: number; pattern?: string }> }>(BOTOCORE);

/** Every (rule id, reference) of the catalogue of one kind. */
function refsOf<K extends EvidenceRef['kind']>(kind: K): Array<[string, Extract<EvidenceRef, { kind: K }>]> {
  return catalogue.flatMap((r) =>
    r.evidence.refs
      .filter((ref): ref is Extract<EvidenceRef, { kind: K }> => ref.kind === kind)
      .map((ref) => [r.id, ref] as [string, Extract<EvidenceRef, { kind: K }>]),
  );
}

/** Recorded steps of both scenarios, by step name. */
const recordedSteps = new Map<string, Record<string, unknown>>(Object.values(snapshot ?? {}).flatMap((s) => Object.entries(s['recorded-content'])));

describe.skipIf(!snapshot)('recorded references (../shared/aws-recordings)', () => {
  test('every recorded step a rule cites is a key of the snapshot; an asserted:<name> is a STEPS.md row the fixtures name', () => {
    const asserted = new Set(observedScenarios.flatMap((s) => s.steps.map((st) => st.step)).filter((s) => s.startsWith('asserted:')));
    const missing = refsOf('recording')
      .filter(([, ref]) => (ref.step.startsWith('asserted:') ? !asserted.has(ref.step) : !recordedSteps.has(ref.step)))
      .map(([id, ref]) => `${id}: ${ref.step}`);
    expect(missing).toEqual([]);
  });

  test("the texts of specs/aws-texts.ts are AWS's: each rebuilt message equals the recorded one", () => {
    expect(RECORDED_MESSAGES.length).toBeGreaterThan(15);
    for (const { step, message } of RECORDED_MESSAGES) {
      const recorded = recordedSteps.get(step) as { Error?: { Message?: string } } | undefined;
      expect(recorded?.Error?.Message, step).toBe(message);
    }
  });

  test('every recorded error message has its text in specs/aws-texts.ts', () => {
    const withMessage = [...recordedSteps]
      .filter(([, v]) => (v as { Error?: unknown }).Error)
      .map(([k]) => k)
      .sort();
    expect(RECORDED_MESSAGES.map((m) => m.step).sort()).toEqual(withMessage);
  });

  test('no recording has an SQS, SNS, EventBridge or S3 destination (so those rules are documented, not recorded)', () => {
    const text = readFileSync(SNAPSHOT, 'utf8');
    expect(text.match(/:(sqs|sns|events|s3):/g)).toBeNull();
  });
});

describe.skipIf(!analogous)('analogous references (../shared/aws-recordings/analogous)', () => {
  test('every analogous reference names an entry of the snapshot and a step of its recorded content', () => {
    const refs = refsOf('analogous');
    expect(refs.length).toBeGreaterThan(40);
    const missing = refs
      .filter(([, ref]) => analogous![ref.entry]?.['recorded-content'][ref.step] === undefined)
      .map(([id, ref]) => `${id}: ${ref.entry} / ${ref.step}`);
    expect(missing).toEqual([]);
  });

  test('the analogous rules expect what the analogy shows: ValidationException rules cite validation errors, not-found rules 404s', () => {
    const codeOf = (ref: Extract<EvidenceRef, { kind: 'analogous' }>) => {
      const step = analogous![ref.entry]!['recorded-content'][ref.step] as { Code?: string; Error?: { Code?: string } };
      return step.Code ?? step.Error?.Code;
    };
    for (const r of catalogue.filter((x) => x.evidence.class === 'analogous')) {
      const codes = new Set(r.evidence.refs.flatMap((ref) => (ref.kind === 'analogous' ? [codeOf(ref)] : [])));
      if (r.id.endsWith('.validation-exception')) expect([...codes], r.id).toEqual(['ValidationException']);
      if (r.id.endsWith('.not-found')) expect([...codes], r.id).toEqual(['ResourceNotFoundException']);
      if (r.id.startsWith('qualifier.mismatch.')) expect([...codes], r.id).toEqual(['InvalidParameterValueException']);
    }
  });
});

describe.skipIf(!smithy || !botocore)('model references (../shared/model)', () => {
  const NS = 'com.amazonaws.lambda#';
  const TRAIT: Record<string, string> = { length: 'smithy.api#length', range: 'smithy.api#range', pattern: 'smithy.api#pattern' };

  test('every model reference names a shape of a model, and its member, constraint or trait there', () => {
    const problems = refsOf('model').flatMap(([id, ref]) => {
      const s = smithy!.shapes[`${NS}${ref.shape}`];
      const b = botocore!.shapes[ref.shape];
      if (!s && !b) return [`${id}: no shape ${ref.shape} in either model`];
      const out: string[] = [];
      if (ref.member && !(s?.members?.[ref.member] || b?.members?.[ref.member])) out.push(`${id}: ${ref.shape} has no member ${ref.member}`);
      if (ref.constraint) {
        const inSmithy = s?.traits?.[TRAIT[ref.constraint]!] !== undefined;
        const inBoto = ref.constraint === 'pattern' ? b?.pattern !== undefined : b?.min !== undefined || b?.max !== undefined;
        if (!inSmithy && !inBoto) out.push(`${id}: ${ref.shape} has no ${ref.constraint} constraint`);
      }
      if (ref.trait && s?.traits?.[ref.trait] === undefined) out.push(`${id}: ${ref.shape} has no trait ${ref.trait}`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!existsSync(SEEDS))('doc references (../shared/seeds)', () => {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
  test('every quoted sentence stands in the seed of the doc it names', () => {
    const seeds = new Map(Object.entries(DOCS).map(([id, d]) => [id, normalise(readFileSync(`${SEEDS}${d.seed}`, 'utf8'))]));
    const refs = refsOf('doc');
    expect(refs.length).toBeGreaterThan(10);
    const missing = refs.filter(([, ref]) => !seeds.get(ref.doc)!.includes(normalise(ref.quote))).map(([id, ref]) => `${id}: ${ref.doc}: ${ref.quote}`);
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------- the CLI

describe('rules: evidence on the command line', () => {
  afterEach(() => vi.restoreAllMocks());

  /** rulesCommand in-process, with what it printed. */
  async function rules(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    const code = await rulesCommand(args);
    vi.restoreAllMocks();
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('--json gives every rule its evidence {class, refs}, with a reference unless inferred', async () => {
    const { code, out } = await rules('--json');
    expect(code).toBe(0);
    const listed = JSON.parse(out) as Array<{ id: string; evidence: { class: string; refs: unknown[] } }>;
    expect(listed.map((r) => r.id)).toEqual(catalogue.map((r) => r.id));
    for (const r of listed) {
      expect(EVIDENCE_CLASSES, r.id).toContain(r.evidence.class);
      if (r.evidence.class !== 'inferred') expect(r.evidence.refs.length, r.id).toBeGreaterThan(0);
    }
  });

  test('`rules <id>` prints the statement, tier, evidence class and each reference, and exits 0', async () => {
    const { code, out } = await rules('put.overwrite.removes-omitted-settings');
    expect(code).toBe(0);
    const rule = rulesById.get('put.overwrite.removes-omitted-settings')!;
    expect(out).toContain(rule.title);
    expect(out).toMatch(/tier: +core/);
    expect(out).toMatch(/evidence: +recorded/);
    for (const step of ['put_invokeconfig_eventage_60', 'put_post_overwrite', 'get_post_overwrite']) expect(out).toContain(`recording: ${step}`);
    expect(out).toContain('If you exclude any settings, they are removed.');
  });

  test('an unknown id: one line on stderr, exit 2', async () => {
    const { code, out, err } = await rules('no.such-rule');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain("no rule 'no.such-rule'");
  });

  test('the list shows the evidence class beside the tier', async () => {
    const { out } = await rules('--tier', 'strict');
    const first = catalogue.find((r) => r.tier === 'strict')!;
    expect(out.split('\n')[0]).toMatch(new RegExp(`^${first.id.replace(/\./g, '\\.')}\\s+strict\\s+${first.evidence.class}\\s+`));
  });

  test('as a user runs it: `lambda-conformance rules put.overwrite.removes-omitted-settings`', async () => {
    const r = await runCli(['rules', 'put.overwrite.removes-omitted-settings']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/evidence: +recorded/);
    expect(r.stdout).toContain('recording: put_post_overwrite');
    const unknown = await runCli(['rules', 'no.such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- results.json, report.html, scores

function resultsWith(reported: Map<string, ReportedRule>): Results {
  const rules = ruleResults(catalogue, reported);
  return {
    tool: { name: 'lambda-conformance', version: '0.0.0' },
    target: { kind: 'embedded', endpoint: 'embedded', region: 'us-east-1' },
    sdk: { '@aws-sdk/client-lambda': '0' },
    seed: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    summary: summarise(rules),
    rules,
    errors: [],
    leaks: [],
  };
}

describe('evidence in results.json and report.html', () => {
  const FAILING = 'destination.sqs.accepted';
  const results = resultsWith(
    new Map<string, ReportedRule>([
      ['put.creates-config', { verdict: 'pass', durationMs: 1, requests: 2, evidence: [] }],
      ['wire.unknown-members.ignored', { verdict: 'pass', durationMs: 1, requests: 2, evidence: [] }],
      [FAILING, { verdict: 'fail', durationMs: 1, requests: 2, evidence: [{ message: 'Received: 400 / Expected: 200' }] }],
    ]),
  );

  test('each rule of results.json carries its basis {class, refs} beside the verdict evidence', () => {
    for (const r of results.rules) expect(r.basis, r.id).toEqual(rulesById.get(r.id)!.evidence);
    expect(results.rules.find((r) => r.id === FAILING)!.evidence[0]!.message).toContain('Expected: 200');
    expect(JSON.parse(JSON.stringify(results.rules[0])).basis.class).toBe('recorded');
  });

  test('a catalogue rule no suite implements is a skip, "no suite implements this rule in this build"', () => {
    const unimplemented = results.rules.find((r) => r.id === 'name.asterisk.validation-exception')!;
    expect(unimplemented).toMatchObject({ verdict: 'skip', reason: 'no suite implements this rule in this build' });
  });

  test('the matrix and the evidence section show the class beside each rule', () => {
    const html = renderHtml(results);
    const row = (id: string) => new RegExp(`<tr class="rule"[^>]*data-id="${id.replace(/\./g, '\\.')}"[^>]*>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    expect(html).toContain('<th scope="col" title="What the rule rests on: recorded, analogous, modelled, documented or inferred">Evidence</th>');
    expect(row('put.creates-config')).toContain('data-evidence="recorded"');
    expect(row('put.creates-config')).toMatch(/<td class="evidence-class e-recorded" title="[^"]*recording: put_invokeconfig_retries_0[^"]*">recorded<\/td>/);
    expect(row('wire.unknown-members.ignored')).toMatch(/<td class="evidence-class e-inferred"[^>]*>inferred<\/td>/);
    expect(row(FAILING)).toMatch(/<td class="evidence-class e-documented"[^>]*>documented<\/td>/);
    // Every row has one.
    expect(html.match(/<td class="evidence-class e-/g)).toHaveLength(catalogue.length);
    const article = new RegExp(`<article [^>]*data-id="${FAILING.replace(/\./g, '\\.')}"[^>]*>[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
    expect(article).toContain('data-evidence="documented"');
    expect(article).toContain('evidence <strong class="evidence-class e-documented">documented</strong>');
    expect(article).toContain('<strong>Rests on:</strong> documented evidence. No recording has an SQS');
    expect(article).toContain('<li>doc: Lambda API reference: PutFunctionEventInvokeConfig: &quot;Queue - The ARN of an SQS queue.&quot;</li>');
  });

  test('figures per evidence class: pass, fail and coverage of each class, apart from the tiers', () => {
    const scores = evidenceClassScores(results);
    expect(scores.map((s) => s.evidenceClass)).toEqual(['recorded', 'analogous', 'modelled', 'documented', 'inferred']);
    const of = (c: string) => scores.find((s) => s.evidenceClass === c)!;
    const count = (c: string) => catalogue.filter((r) => r.evidence.class === c).length;
    expect(of('recorded')).toMatchObject({ rules: count('recorded'), pass: 1, fail: 0, conformance: 1, coverage: 1 / count('recorded') });
    expect(of('documented')).toMatchObject({ rules: count('documented'), pass: 0, fail: 1, conformance: 0 });
    expect(of('inferred')).toMatchObject({ rules: count('inferred'), pass: 1, fail: 0 });
    expect(of('analogous')).toMatchObject({ rules: count('analogous'), pass: 0, fail: 0, conformance: null, coverage: 0 });
    expect(scores.reduce((n, s) => n + s.rules, 0)).toBe(catalogue.length);
    // The tier figures are unchanged by it.
    expect(tierScores(results).reduce((n, s) => n + s.rules, 0)).toBe(catalogue.length);
  });

  test('rules without a basis (the replay of recordings) are in no evidence class', () => {
    const { basis: _none, ...replayed } = results.rules[0]!;
    const scores = evidenceClassScores({ rules: [replayed] });
    expect(scores.every((s) => s.rules === 0)).toBe(true);
  });
});
