// junit.xml: one <testcase> per rule, grouped in a <testsuite> per operation
// (a rule's first operation is its classname), in the element and attribute
// shape CI systems read (the Jenkins/Ant JUnit schema). Failures carry the
// evidence; skipped, inconclusive and expected-fail rules are <skipped> with
// the reason, so no CI counts them as failures.
import type { ReportWriter } from './report-writer.ts';
import type { Results, RuleResult } from './results.ts';
import { evidenceText as show } from '../specs/verdicts.ts';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function evidenceText(r: RuleResult): string {
  return r.evidence
    .map((e) =>
      [
        e.message,
        e.expected !== undefined ? `expected: ${show(e.expected)}` : '',
        e.actual !== undefined ? `actual: ${show(e.actual)}` : '',
        e.counterexample !== undefined ? `counterexample: ${show(e.counterexample)} (seed ${e.seed}${e.path ? `, path ${e.path}` : ''})` : '',
        e.repro ? `reproduce (AWS CLI):\n${e.repro.cli}\n\nreproduce (SDK v3):\n${e.repro.sdk}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}

function testcase(r: RuleResult, classname: string): string {
  const open = `    <testcase name="${esc(r.id)}" classname="${esc(classname)}" time="${seconds(r.durationMs)}"`;
  switch (r.verdict) {
    case 'pass':
      return `${open}/>`;
    case 'fail':
      return `${open}>\n      <failure message="${esc(r.evidence[0]?.message ?? 'failed')}" type="${esc(r.tier)}">${esc(evidenceText(r))}</failure>\n    </testcase>`;
    default: {
      const why = r.verdict === 'skip' ? (r.reason ?? 'skipped') : `${r.verdict}: ${r.reason ?? r.evidence[0]?.message ?? ''}`;
      return `${open}>\n      <skipped message="${esc(why)}"/>\n    </testcase>`;
    }
  }
}

export function renderJunit(results: Results): string {
  const byOperation = new Map<string, RuleResult[]>();
  for (const r of results.rules) {
    const op = r.operations[0] ?? 'General';
    byOperation.set(op, [...(byOperation.get(op) ?? []), r]);
  }
  const count = (rs: RuleResult[], pred: (r: RuleResult) => boolean) => rs.filter(pred).length;
  const skipped = (r: RuleResult) => r.verdict !== 'pass' && r.verdict !== 'fail';
  const time = (rs: RuleResult[]) => seconds(rs.reduce((t, r) => t + r.durationMs, 0));
  const suites = [...byOperation.entries()].map(([op, rs]) =>
    [
      `  <testsuite name="${esc(op)}" tests="${rs.length}" failures="${count(rs, (r) => r.verdict === 'fail')}" errors="0" skipped="${count(rs, skipped)}" time="${time(rs)}" timestamp="${esc(results.startedAt.replace(/\.\d+Z$/, ''))}">`,
      ...rs.map((r) => testcase(r, `lambda-conformance.${op}`)),
      '  </testsuite>',
    ].join('\n'),
  );
  const all = results.rules;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lambda-conformance ${esc(results.target.kind)} ${esc(results.target.endpoint)}" tests="${all.length}" failures="${count(all, (r) => r.verdict === 'fail')}" errors="${results.errors.length}" skipped="${count(all, skipped)}" time="${time(all)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export const junitXml: ReportWriter = { file: 'junit.xml', render: renderJunit };
