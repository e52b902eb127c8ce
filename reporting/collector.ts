// A vitest reporter that turns test outcomes into rule verdicts (reading the
// harness's task.meta), and shows progress: on a terminal one live line with
// every running suite (rules done / total, failures so far), elsewhere (CI, no
// TTY) a plain line per finished suite.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { RuleMeta, SuiteTraffic } from '../specs/verdicts.ts';
import type { ReportedRule } from './results.ts';
import type { SuiteTrafficResult, Traffic } from './results-types.ts';

interface Progress {
  name: string;
  total: number;
  done: number;
  failed: number;
}

export interface ProgressOutput {
  /** A finished line. */
  line(text: string): void;
  /** Replaces the live line; undefined where there is no terminal. */
  live?: (text: string) => void;
}

export function progressOutput(stream: NodeJS.WriteStream = process.stderr): ProgressOutput {
  // A live line needs terminal control sequences: not in CI logs, not with NO_COLOR (no-color.org: any non-empty value).
  const tty = stream.isTTY === true && !process.env.CI && !process.env.NO_COLOR;
  return {
    line: (text) => stream.write(`${tty ? '\r\x1b[2K' : ''}${text}\n`),
    ...(tty ? { live: (text: string) => stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 120) - 1)}`) } : {}),
  };
}

const shortName = (moduleId: string) => (moduleId.split('/').pop() ?? moduleId).replace(/\.test\.[jt]s$/, '');

export class VerdictCollector implements Reporter {
  readonly reported = new Map<string, ReportedRule>();
  readonly errors: string[] = [];
  private readonly running = new Map<string, Progress>();
  private readonly suites = new Map<string, { ruleRequests: number; harness: SuiteTraffic }>();
  private done = 0;
  private failures = 0;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput,
  ) {}

  onTestModuleCollected(mod: TestModule): void {
    this.running.set(mod.moduleId, { name: shortName(mod.moduleId), total: [...mod.children.allTests()].length, done: 0, failed: 0 });
  }

  onTestCaseResult(testCase: TestCase): void {
    const entry = this.verdictOf(testCase);
    const id = (testCase.meta() as { lc?: RuleMeta }).lc?.ruleId ?? testCase.name;
    if (this.reported.has(id)) this.errors.push(`rule ${id} is implemented by more than one test`);
    this.reported.set(id, entry);
    this.done++;
    const p = this.running.get(testCase.module.moduleId);
    if (p) {
      p.done++;
      if (entry.verdict === 'fail') p.failed++;
    }
    if (entry.verdict === 'fail') this.failures++;
    this.suiteOf(testCase.module.moduleId).ruleRequests += entry.requests;
    this.out.live?.(this.liveText());
  }

  private suiteOf(moduleId: string): { ruleRequests: number; harness: SuiteTraffic } {
    const name = shortName(moduleId);
    let t = this.suites.get(name);
    if (!t) {
      t = { ruleRequests: 0, harness: { requests: 0, functionsCreated: 0 } };
      this.suites.set(name, t);
    }
    return t;
  }

  /** Some suite reported: there are figures to give. */
  get hasTraffic(): boolean {
    return this.suites.size > 0;
  }

  /** The suites' requests and functions, as their rules and harnesses reported them. */
  traffic(): Traffic {
    const suites: Record<string, SuiteTrafficResult> = {};
    for (const [name, t] of [...this.suites].sort(([a], [b]) => a.localeCompare(b)))
      suites[name] = { requests: t.ruleRequests + t.harness.requests, ruleRequests: t.ruleRequests, functionsCreated: t.harness.functionsCreated };
    const sum = (k: keyof SuiteTrafficResult) => Object.values(suites).reduce((n, t) => n + t[k], 0);
    return { requests: sum('requests'), functionsCreated: sum('functionsCreated'), suites };
  }

  onTestModuleEnd(mod: TestModule): void {
    for (const e of mod.errors()) this.errors.push(`${mod.moduleId}: ${e.message}`);
    const harness = (mod.meta() as { lcTraffic?: SuiteTraffic }).lcTraffic;
    if (harness) this.suiteOf(mod.moduleId).harness = harness;
    const p = this.running.get(mod.moduleId) ?? { name: shortName(mod.moduleId), total: 0, done: 0, failed: 0 };
    this.running.delete(mod.moduleId);
    this.out.line(`${p.name}: ${p.done}/${p.total} rules, ${p.failed} failed (all suites: ${this.done}/${this.total}, ${this.failures} failed)`);
    if (this.running.size) this.out.live?.(this.liveText());
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<{ message: string }>): void {
    for (const e of unhandled) this.errors.push(`unhandled: ${e.message}`);
  }

  private liveText(): string {
    const suites = [...this.running.values()].map((p) => `${p.name} ${p.done}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}`);
    return `${suites.join(' · ')} | ${this.done}/${this.total} rules, ${this.failures} failed`;
  }

  private verdictOf(testCase: TestCase): ReportedRule {
    const meta = (testCase.meta() as { lc?: RuleMeta }).lc;
    const result = testCase.result();
    const base = {
      durationMs: testCase.diagnostic()?.duration ?? 0,
      requests: meta?.requests ?? 0,
      evidence: meta?.evidence ?? [],
      ...(meta?.rootCause ? { rootCause: meta.rootCause } : {}),
    };
    if (result.state === 'passed') return { verdict: 'pass', ...base };
    if (result.state === 'skipped') return { verdict: meta?.verdict ?? 'skip', reason: meta?.reason ?? result.note, ...base };
    const message = result.errors?.map((e) => e.message).join('\n') ?? 'failed';
    return { verdict: 'fail', ...base, evidence: base.evidence.length ? base.evidence : [{ message }] };
  }
}
