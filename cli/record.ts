// `lambda-conformance record --target <aws|URL|embedded> --out DIR [--seed N]`:
// runs the fixed scenarios and seeded generated sequences against a reference
// target and writes the normalised transcript and its provenance. The target is
// prepared as for a run (run/prepare.ts): role, canary, clean-up.
import { randomInt } from 'node:crypto';
import { runPrefix } from '../fixtures/run-prefix.ts';
import { recordTranscript } from '../recording/record.ts';
import { fixedScenarios, generatedScenarios } from '../recording/record-scenarios.ts';
import { saveRecording } from '../recording/transcript.ts';
import { TargetError } from '../run/errors.ts';
import { allowedAccounts, parseTargetFlag } from '../run/options.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { prepareTarget } from '../run/prepare.ts';
import { versions } from '../run/results-header.ts';
import { UsageError } from './usage.ts';

export const RECORD_COMMAND: CommandSpec = {
  name: 'record',
  synopsis: 'record --out DIR [--target aws|URL|embedded] [--seed N] [--sequences N]',
  summary:
    'Runs the recorded scenarios and seeded operation sequences against a reference target and writes a normalised transcript.json and provenance.json (replay with run --replay DIR).',
  flags: [
    { name: 'out', value: 'DIR', help: 'where the recording goes (required)' },
    { name: 'target', value: 'aws|URL|embedded', default: 'embedded', help: 'the reference to record' },
    { name: 'region', value: 'REGION', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'], default: 'us-east-1', help: 'the region' },
    { name: 'seed', value: 'N', default: 'random, printed', help: 'seed of the generated sequences' },
    { name: 'sequences', value: 'N', default: '5', help: 'generated operation sequences to record (0..100)' },
    {
      name: 'role-arn',
      value: 'ARN',
      env: ['LAMBDA_CONFORMANCE_ROLE_ARN'],
      help: "execution role of the functions it creates (required on AWS; on emulators made through the target's IAM)",
    },
    { name: 'allow-account', value: 'ID', multiple: true, env: ['LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS'], help: 'AWS accounts it may touch (required on AWS)' },
  ],
};

export async function recordCommand(args: string[]): Promise<number> {
  const parsed = parseFlags(RECORD_COMMAND, args);
  if (parsed.help) {
    console.log(helpText(RECORD_COMMAND));
    return 0;
  }
  const values = parsed.values as Record<string, string | undefined> & { 'allow-account'?: string[] };
  if (!values.out) throw new UsageError('record needs --out DIR');
  const seed = values.seed === undefined ? randomInt(2 ** 31 - 1) : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number, got '${values.seed}'`);
  const sequences = Number(values.sequences ?? 5);
  if (!Number.isInteger(sequences) || sequences < 0 || sequences > 100) throw new UsageError(`--sequences must be 0..100, got '${values.sequences}'`);
  const region = values.region ?? 'us-east-1';
  const allowAccounts = allowedAccounts(values['allow-account']);
  const cfg = parseTargetFlag(values.target ?? 'embedded', region, values['role-arn']);
  const prefix = runPrefix();
  const prepared = await prepareTarget(cfg, { prefix, allowAccounts, log: (l) => console.error(l) });
  try {
    const blocking = prepared.problems.find((p) => p.blocking);
    if (blocking) throw new TargetError(`${blocking.cause}\n  fix: ${blocking.fix}`);
    const transcript = await recordTranscript(
      prepared.target.client,
      [...fixedScenarios(), ...generatedScenarios(seed, sequences)],
      prefix,
      (l) => console.error(l),
      prepared.environment.roleArn,
    );
    const v = versions();
    await saveRecording(values.out, {
      transcript,
      provenance: {
        target: cfg.kind === 'url' ? cfg.endpoint! : cfg.kind,
        region,
        recordedAt: new Date().toISOString(),
        sdk: v.sdk,
        seed,
        tool: `lambda-conformance ${v.tool}`,
      },
    });
    const steps = transcript.scenarios.reduce((n, s) => n + s.steps.length, 0);
    console.log(`recorded ${transcript.scenarios.length} scenarios, ${steps} steps (seed ${seed}) into ${values.out}`);
    return 0;
  } finally {
    const left = await prepared.teardown();
    for (const f of left.failed) console.error(`could not remove ${f}: run lambda-conformance sweep`);
  }
}
