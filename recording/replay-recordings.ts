// `run --replay DIR...`: replays recordings against the target under test and
// reports every step as a rule (pass = the target answered as recorded). With
// the reference emulator in play (any target but the embedded one) each step is
// also replayed there, and with recordings of different dates the newest is
// the truth; each difference is classified:
//   target-diverges     the target differs, the reference emulator agrees with the recording
//   reference-outdated  the target agrees with the recording, the reference emulator does not
//   aws-changed         two recordings of different dates disagree on this step
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { isDeepStrictEqual } from 'node:util';
import { replayScenario, type StepOutcome } from '../fixtures/aws-observed/replay.ts';
import type { ObservedScenario } from '../fixtures/aws-observed/types.ts';
import { runPrefix } from '../fixtures/provision.ts';
import type { RuleResult } from '../reporting/results.ts';
import { embeddedTarget } from '../targets/embedded.ts';
import type { Recording } from './transcript.ts';

export type Classification = 'match' | 'target-diverges' | 'reference-outdated' | 'aws-changed' | 'reference-and-target-differ';

const slug = (s: string) =>
  s
    .replace(/^.*::/, '')
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The newest recording's scenarios, with the steps where an older recording says otherwise. */
function truth(recordings: readonly Recording[]): { scenarios: ObservedScenario[]; changed: Map<string, string> } {
  const sorted = [...recordings].sort((a, b) => b.provenance.recordedAt.localeCompare(a.provenance.recordedAt));
  const newest = sorted[0]!;
  const changed = new Map<string, string>();
  for (const older of sorted.slice(1)) {
    for (const s of older.transcript.scenarios) {
      const now = newest.transcript.scenarios.find((x) => x.id === s.id);
      for (const st of s.steps) {
        const cur = now?.steps.find((x) => x.step === st.step);
        if (cur && !isDeepStrictEqual(cur.expect, st.expect) && older.provenance.recordedAt !== newest.provenance.recordedAt) {
          changed.set(`${s.id}/${st.step}`, `AWS changed since ${older.provenance.recordedAt}: then ${JSON.stringify(st.expect)}`);
        }
      }
    }
  }
  return { scenarios: newest.transcript.scenarios, changed };
}

function notReplayed(scenario: ObservedScenario, step: ObservedScenario['steps'][number], why: string): RuleResult {
  return {
    id: `replay.${slug(scenario.id)}.${slug(step.step)}`,
    title: `${step.op} ${JSON.stringify(step.input)} answers as recorded`,
    tier: 'core',
    operations: [step.op],
    verdict: 'inconclusive',
    durationMs: 0,
    requests: 0,
    reason: `the scenario could not be replayed: ${why}`,
    evidence: [{ message: `the scenario could not be replayed: ${why}` }],
  };
}

function classify(target: StepOutcome, reference: StepOutcome | undefined, awsChanged: string | undefined): Classification {
  if (awsChanged) return 'aws-changed';
  if (!target.mismatches.length) return reference?.mismatches.length ? 'reference-outdated' : 'match';
  if (!reference) return 'target-diverges';
  return reference.mismatches.length ? 'reference-and-target-differ' : 'target-diverges';
}

export async function replayRecordings(
  client: LambdaClient,
  recordings: readonly Recording[],
  withReference: boolean,
  region: string,
  run: { prefix?: string; roleArn?: string } = {},
): Promise<RuleResult[]> {
  const { scenarios, changed } = truth(recordings);
  const prefix = run.prefix ?? runPrefix();
  const rules: RuleResult[] = [];
  for (const scenario of scenarios) {
    const started = Date.now();
    let outcomes: StepOutcome[];
    try {
      outcomes = await replayScenario(client, scenario, prefix, run.roleArn);
    } catch (e) {
      // A scenario whose fixtures could not be made (or cleaned) judges nothing: its steps are inconclusive, with why.
      rules.push(...scenario.steps.map((st) => notReplayed(scenario, st, `${(e as Error).name}: ${(e as Error).message}`)));
      continue;
    }
    const reference = withReference ? await replayScenario(embeddedTarget({ region }).client, scenario, prefix) : undefined;
    const perStep = (Date.now() - started) / Math.max(outcomes.length, 1);
    outcomes.forEach((o, i) => {
      const awsChanged = changed.get(`${scenario.id}/${o.step}`);
      const c = classify(o, reference?.[i], awsChanged);
      rules.push({
        id: `replay.${slug(scenario.id)}.${slug(o.step)}`,
        title: `${o.op} ${JSON.stringify(o.input)} answers as recorded`,
        tier: 'core',
        operations: [o.op],
        verdict: o.mismatches.length ? 'fail' : 'pass',
        durationMs: Math.round(perStep),
        requests: 1,
        ...(c !== 'match' ? { reason: `${c}${awsChanged ? `: ${awsChanged}` : ''}` } : {}),
        evidence: o.mismatches.length
          ? [
              {
                message: `${c}: ${o.mismatches.join('; ')}`,
                expected: o.expected,
                actual: { status: o.actual.status, errorCode: o.actual.errorCode, message: o.actual.message, body: o.actual.body },
              },
            ]
          : [],
      });
    });
  }
  return rules;
}
