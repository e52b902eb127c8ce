// `lambda-conformance record --target <aws|URL|embedded> --out DIR [--seed N]`:
// runs the fixed scenarios and seeded generated sequences against a reference
// target and writes the normalised transcript and its provenance.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connectTarget } from '../targets/target.ts';
import { unreachable } from '../targets/probe.ts';
import { runPrefix } from '../fixtures/provision.ts';
import { recordTranscript } from '../recording/record.ts';
import { fixedScenarios, generatedScenarios } from '../recording/scenarios.ts';
import { saveRecording } from '../recording/transcript.ts';
import { parseTargetFlag } from './run-options.ts';
import { versions } from './run-conformance.ts';
import { UsageError } from './usage.ts';

export async function recordCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { target: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, region: { type: 'string' }, sequences: { type: 'string' }, 'role-arn': { type: 'string' } },
  });
  if (!values.out) throw new UsageError('record needs --out DIR');
  const seed = values.seed === undefined ? randomInt(2 ** 31 - 1) : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number, got '${values.seed}'`);
  const sequences = Number(values.sequences ?? 5);
  if (!Number.isInteger(sequences) || sequences < 0 || sequences > 100) throw new UsageError(`--sequences must be 0..100, got '${values.sequences}'`);
  const region = values.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const cfg = parseTargetFlag(values.target ?? 'embedded', region, values['role-arn'] ?? process.env.LAMBDA_CONFORMANCE_ROLE_ARN);
  const target = connectTarget(cfg);
  try {
    const cause = await unreachable(target);
    if (cause) throw new UsageError(`cannot reach the target ${target.endpoint} (${cause})`);
    const transcript = await recordTranscript(target.client, [...fixedScenarios(), ...generatedScenarios(seed, sequences)], runPrefix(), (l) => console.error(l));
    const v = versions();
    await saveRecording(values.out, {
      transcript,
      provenance: { target: cfg.kind === 'url' ? cfg.endpoint! : cfg.kind, region, recordedAt: new Date().toISOString(), sdk: v.sdk, seed, tool: `lambda-conformance ${v.tool}` },
    });
    const steps = transcript.scenarios.reduce((n, s) => n + s.steps.length, 0);
    console.log(`recorded ${transcript.scenarios.length} scenarios, ${steps} steps (seed ${seed}) into ${values.out}`);
    return 0;
  } finally {
    target.close();
  }
}
