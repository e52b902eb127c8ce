// A target that cannot be tested gets one clear answer (issue 12): when the
// canary function cannot be created, nothing else runs; the cause and its fix
// lead the console, summary.md and report.html once, every selected rule is
// inconclusive "blocked by set-up", the run exits 2 and results.json is written.
// A selection where nothing is judged never reads "conforms".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { refusesCreateFunctionEmulator } from './helpers/broken-emulators.ts';
import { run, servers } from './helpers/run.ts';

const serve = servers();

describe('a target that refuses CreateFunction', () => {
  test('one grouped reason with its fix in the console, summary.md and report.html; exit 2; results.json written', async () => {
    const url = await serve(refusesCreateFunctionEmulator());
    const r = await run('--target', url, '--seed', '1');
    expect(r.code).toBe(2);
    expect(r.results, 'results.json').not.toBeNull();
    const groups = r.results.setupProblems ?? [];
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g!.blocking).toBe(true);
    expect(g!.cause).toContain('Cross-account pass role is not allowed.');
    expect(g!.fix).toMatch(/pass --role-arn for a role in account 000000000000/);
    // Every selected rule is inconclusive, blocked by that one cause.
    expect(new Set(r.results.rules.map((x) => x.verdict))).toEqual(new Set(['inconclusive']));
    expect(g!.rules).toHaveLength(r.results.rules.length);
    expect(r.results.rules.every((x) => x.reason?.startsWith('blocked by set-up: the target refused to create a function'))).toBe(true);
    // Said once, before anything else of the end of the run, with the fix.
    const cause = r.stderr.indexOf('Cross-account pass role is not allowed.');
    expect(cause).toBeGreaterThan(-1);
    expect(r.stderr.indexOf('Cross-account pass role is not allowed.', cause + 1)).toBe(-1);
    expect(r.stderr).toMatch(/BLOCKING the target refused to create a function[^\n]*\n\s+fix: pass --role-arn/);
    // summary.md and report.html lead with it, and never say "conforms".
    const summary = await readFile(join(r.dir, 'summary.md'), 'utf8');
    expect(summary.split('\n')[0]).toBe(`## lambda-conformance: nothing checked: none of ${r.results.rules.length} selected rules got a pass or a fail`);
    expect(summary).toMatch(/### Why \d+ rules got no verdict \(1 cause\)\n\n- \*\*blocking:\*\* the target refused to create a function/);
    expect(summary).toContain('**Fix:** pass --role-arn for a role in account 000000000000');
    expect(summary).not.toMatch(/conforms/);
    const html = await readFile(join(r.dir, 'report.html'), 'utf8');
    const top = html.indexOf('id="no-verdict"');
    expect(top).toBeGreaterThan(-1);
    expect(top).toBeLessThan(html.indexOf('id="scores"'));
    expect(html).toContain('<strong>Fix:</strong> pass --role-arn for a role in account 000000000000');
  });
});

describe('coverage: a run never says it conforms about rules it did not check', () => {
  test('a selection where everything passes but little is checked says how much; below --min-coverage it exits 1', async () => {
    const url = await serve(refusesCreateFunctionEmulator().slice(1)); // the reference emulator, by URL
    const r = await run('--target', url, '--rules', 'destination.sqs.accepted,put.no-settings.checked-before-existence');
    // The served emulator has no SQS: one rule skipped, one passing — half the selection checked.
    expect(r.results.coverage).toEqual({ selected: 2, judged: 1, minimum: 0.8 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('coverage: only 1 of 2 selected rules checked (50.0%), below --min-coverage 80%');
    const summary = await readFile(join(r.dir, 'summary.md'), 'utf8');
    expect(summary.split('\n')[0]).toBe('## lambda-conformance: no failures, but only 1 of 2 selected rules checked (50.0%)');
    const lenient = await run('--target', url, '--rules', 'destination.sqs.accepted,put.no-settings.checked-before-existence', '--min-coverage', '50');
    expect(lenient.code).toBe(0);
  });
});
