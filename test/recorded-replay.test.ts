// Acceptance of the reference emulator: every step of both recorded AWS
// scenarios (STEPS.md rows, the asserted-but-not-recorded ones too) gives AWS's
// status, error code, message and body keys, in-process and over HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';
import { replayScenario } from '../fixtures/aws-observed/replay.ts';
import { embeddedTarget } from '../targets/embedded.ts';
import { createEmulator } from '../emulator/index.ts';
import { serveHandlers, type RunningServer } from '../emulator/serve.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from '../targets/lambda-client.ts';
import type { LambdaClient } from '@aws-sdk/client-lambda';

let served: RunningServer;
beforeAll(async () => {
  served = await serveHandlers(createEmulator().handlers, '127.0.0.1', 0);
});
afterAll(async () => served?.close());

const targets: Record<string, () => LambdaClient> = {
  embedded: () => embeddedTarget().client,
  served: () => createLambdaClient({ endpoint: served.url, region: 'eu-west-1', credentials: EMULATOR_CREDENTIALS }),
};

describe.each(Object.keys(targets))('replay of the AWS recordings against the %s emulator', (target) => {
  test.each(observedScenarios.map((s) => [s.id.split('::').at(-1)!, s] as const))('%s', async (_name, scenario) => {
    const outcomes = await replayScenario(targets[target]!(), scenario);
    expect(outcomes.length).toBe(scenario.steps.length);
    const failures = outcomes.filter((o) => o.mismatches.length).map((o) => `${o.step}: ${o.mismatches.join('; ')}`);
    expect(failures).toEqual([]);
  });
});
