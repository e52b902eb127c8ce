// Recording: runs scenarios against a reference target and keeps its answers,
// normalised (see transcript.ts), as the expectations of a transcript.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { normalise } from '../fixtures/aws-observed/bindings.ts';
import { expectationOf, setUp, type StepOutcome } from '../fixtures/aws-observed/replay.ts';
import type { ObservedScenario, ObservedStep } from '../fixtures/aws-observed/types.ts';
import { Fixtures, withFixtures } from '../fixtures/provision.ts';
import { observe } from '../targets/observe.ts';
import { TRANSCRIPT_FORMAT, type Transcript } from './transcript.ts';

export async function recordScenario(client: LambdaClient, scenario: ObservedScenario, prefix?: string, roleArn?: string): Promise<ObservedScenario> {
  return withFixtures(new Fixtures(client, prefix, roleArn), `recording ${scenario.id}`, async (fixtures) => {
    const session = await setUp(fixtures, scenario);
    const done: StepOutcome[] = [];
    const steps: ObservedStep[] = [];
    for (const step of scenario.steps) {
      const input = session.input(step, done);
      const actual = await observe(client, step.op, input);
      done.push({ step: step.step, op: step.op, input, expected: step.expect, actual, mismatches: [] });
      steps.push({ ...step, expect: normalise(expectationOf(actual), session.bindings) as ObservedStep['expect'] });
    }
    return { ...scenario, steps };
  });
}

export async function recordTranscript(
  client: LambdaClient,
  scenarios: readonly ObservedScenario[],
  prefix?: string,
  log: (l: string) => void = () => {},
  roleArn?: string,
): Promise<Transcript> {
  const recorded: ObservedScenario[] = [];
  for (const s of scenarios) {
    recorded.push(await recordScenario(client, s, prefix, roleArn));
    log(`recorded ${s.id} (${s.steps.length} steps)`);
  }
  return { format: TRANSCRIPT_FORMAT, scenarios: recorded };
}
