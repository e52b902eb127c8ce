// A vitest reporter that turns test outcomes into rule verdicts (reading the
// harness's task.meta), and prints progress: a line per finished suite file.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { RuleMeta } from '../suites/harness/suite.ts';
import type { ReportedRule } from './results.ts';

export class VerdictCollector implements Reporter {
  readonly reported = new Map<string, ReportedRule>();
  readonly errors: string[] = [];
  private done = 0;
  private failures = 0;

  constructor(
    private readonly total: number,
    private readonly log: (line: string) => void,
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    const meta = (testCase.meta() as { lc?: RuleMeta }).lc;
    const result = testCase.result();
    const id = meta?.ruleId ?? testCase.name;
    const durationMs = testCase.diagnostic()?.duration ?? 0;
    const base = { durationMs, requests: meta?.requests ?? 0, evidence: meta?.evidence ?? [] };
    let entry: ReportedRule;
    if (result.state === 'passed') entry = { verdict: 'pass', ...base };
    else if (result.state === 'skipped') entry = { verdict: meta?.verdict ?? 'skip', reason: meta?.reason ?? result.note, ...base };
    else {
      const message = result.errors?.map((e) => e.message).join('\n') ?? 'failed';
      entry = { verdict: 'fail', ...base, evidence: base.evidence.length ? base.evidence : [{ message }] };
      this.failures++;
    }
    if (this.reported.has(id)) this.errors.push(`rule ${id} is implemented by more than one test`);
    this.reported.set(id, entry);
    this.done++;
  }

  onTestModuleEnd(mod: TestModule): void {
    for (const e of mod.errors()) this.errors.push(`${mod.moduleId}: ${e.message}`);
    const name = mod.moduleId.split('/').pop() ?? mod.moduleId;
    this.log(`${name}: ${this.done}/${this.total} rules done, ${this.failures} failed so far`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<{ message: string }>): void {
    for (const e of unhandled) this.errors.push(`unhandled: ${e.message}`);
  }
}
