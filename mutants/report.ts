// What a mutation run found, per mutant, and its renderings: the console
// table, mutants.json and mutants.md (with the evidence of the killing rules,
// so a reader can recognise each bug without reading the mutant).
import type { Results } from '../reporting/results.ts';

export type Outcome = 'killed' | 'survived' | 'crashed';

export interface MutantOutcome {
  id: string;
  area: string;
  title: string;
  bug: string;
  killers: readonly string[];
  outcome: Outcome;
  /** Every rule that failed. */
  failed: string[];
  /** The failed rules among the catalogue's killers. */
  killedBy: string[];
  /** First evidence message of each failed killer (or of the first failed rules when no killer failed). */
  evidence: Record<string, string>;
  /** The run's exit code by the CLI contract (0 pass, 1 a rule failed, 2 nothing ran); null when it threw. */
  exitCode: number | null;
  seconds: number;
  /** Why the run counts as a crash (threw, exit 2, errors outside rules). */
  crash?: string;
}

export interface MutationReport {
  seed: number;
  numRuns: number;
  rules: string;
  /** The unmodified emulator's run; null when skipped (--no-control). */
  control: { passed: boolean; summary: Results['summary'] | null; notPassing: string[]; seconds: number; crash?: string } | null;
  score: { killed: number; total: number; percent: number };
  mutants: MutantOutcome[];
  /** Killed, but by none of the rules the catalogue names: the catalogue is out of date. */
  unexpectedKillers: string[];
}

/** Long evidence keeps its start (the request) and its end (Received / Expected). */
const short = (s: string, n = 700) => (s.length > n ? `${s.slice(0, n / 2)} ... ${s.slice(-n / 2)}` : s);

/** The outcome of one mutant from the results of its run. */
export function judge(
  m: { killers: readonly string[] },
  results: Results | undefined,
  exitCode: number | undefined,
  crash: string | undefined,
): Pick<MutantOutcome, 'outcome' | 'failed' | 'killedBy' | 'evidence' | 'crash'> {
  const errors = results?.errors ?? [];
  const why =
    crash ??
    (exitCode === 2 ? 'exit code 2 (nothing ran or the target was unusable)' : errors.length ? `errors outside rules: ${errors.join('; ')}` : undefined);
  const failedRules = (results?.rules ?? []).filter((r) => r.verdict === 'fail');
  const failed = failedRules.map((r) => r.id);
  const killedBy = failed.filter((id) => m.killers.includes(id));
  const shown = killedBy.length ? failedRules.filter((r) => killedBy.includes(r.id)) : failedRules.slice(0, 3);
  const evidence = Object.fromEntries(shown.map((r) => [r.id, r.evidence[0]?.message ?? '(no evidence)']));
  const outcome: Outcome = why ? 'crashed' : failed.length ? 'killed' : 'survived';
  return { outcome, failed, killedBy, evidence, ...(why ? { crash: why } : {}) };
}

const rulesCell = (m: MutantOutcome) => {
  const others = m.failed.filter((id) => !m.killedBy.includes(id));
  const listed = [...m.killedBy, ...others.slice(0, Math.max(0, 3 - m.killedBy.length))];
  const more = m.failed.length - listed.length;
  return m.outcome === 'crashed' ? `CRASH: ${m.crash}` : `${listed.join(', ') || '-'}${more > 0 ? ` (+${more} more)` : ''}`;
};

export function consoleTable(r: MutationReport): string {
  const rows = r.mutants.map((m) => [m.id, m.outcome, rulesCell(m), `${m.seconds.toFixed(1)}s`]);
  const head = ['mutant', 'result', 'failing rules (expected killers first)', 'time'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === 2 ? 0 : row[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c : c.padEnd(width[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function summaryLine(r: MutationReport): string {
  const control = !r.control
    ? 'no control run'
    : r.control.passed
      ? 'control passed every rule'
      : `CONTROL FAILED (${r.control.crash ?? r.control.notPassing.join(', ')})`;
  return `mutation score ${r.score.percent}% (${r.score.killed}/${r.score.total} killed); ${control}; seed ${r.seed}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(r: MutationReport): string {
  const lines = [
    '# Mutation testing of the conformance suite',
    '',
    `${summaryLine(r)}; rules: ${r.rules}; ${r.numRuns} runs per property.`,
    '',
    '| mutant | area | result | failing rules (expected killers first) | time |',
    '|---|---|---|---|---|',
    ...r.mutants.map((m) => `| \`${m.id}\` | ${m.area} | ${m.outcome} | ${cell(rulesCell(m))} | ${m.seconds.toFixed(1)}s |`),
    '',
  ];
  if (r.unexpectedKillers.length) lines.push(`Killed by none of their catalogue killers: ${r.unexpectedKillers.join(', ')}.`, '');
  lines.push('## Evidence', '', 'Each bug as the catalogue states it, then what the killing rules reported.', '');
  for (const m of r.mutants) {
    lines.push(`### ${m.id} (${m.outcome})`, '', m.bug, '');
    for (const [rule, message] of Object.entries(m.evidence)) lines.push(`- \`${rule}\`: ${cell(short(message))}`);
    if (m.outcome === 'survived') lines.push(`- no rule failed; expected killers: ${m.killers.join(', ')}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
