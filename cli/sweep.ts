// `lambda-conformance sweep --target ... [--older-than 2h] [--run lc-xxxxxx-]`:
// finds and removes leftovers of earlier runs (functions, then roles, queues,
// topics, event buses and buckets) and prints what it removed.
import { sweep, sweepCompanions } from '../fixtures/sweep.ts';
import { parseDuration } from '../run/duration.ts';
import { serviceClientsFor } from '../targets/service-clients.ts';
import { connectTarget } from '../targets/target.ts';
import { unreachable } from '../targets/probe.ts';
import { parseTargetFlag } from '../run/options.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { UsageError } from './usage.ts';

export const SWEEP_COMMAND: CommandSpec = {
  name: 'sweep',
  synopsis: 'sweep --target aws|URL [--older-than 2h] [--run lc-xxxxxx-]',
  summary:
    'Finds and removes what earlier runs left on a target: functions (with their versions and aliases), roles, queues, topics, event buses and buckets named lc-<run id>-... and tagged by lambda-conformance; nothing else.',
  flags: [
    { name: 'target', value: 'aws|URL', env: ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL'], help: 'where to sweep: AWS, or an emulator by URL' },
    { name: 'region', value: 'REGION', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'], default: 'us-east-1', help: 'the region' },
    { name: 'older-than', value: 'DURATION', help: 'only what was created longer ago than this (30m, 2h, 1d)' },
    { name: 'run', value: 'PREFIX', help: "only one run's leftovers (its prefix, e.g. lc-1a2b3c-)" },
    { name: 'role-arn', value: 'ARN', help: 'not needed (accepted for symmetry with run)' },
  ],
};

export async function sweepCommand(args: string[]): Promise<number> {
  const parsed = parseFlags(SWEEP_COMMAND, args);
  if (parsed.help) {
    console.log(helpText(SWEEP_COMMAND));
    return 0;
  }
  const values = parsed.values as Record<string, string | undefined>;
  if (!values.target || values.target === 'embedded')
    throw new UsageError('sweep needs --target aws or an http(s) URL (the embedded target keeps nothing between runs)');
  const olderThanMs = values['older-than'] === undefined ? undefined : parseDuration(values['older-than']);
  if (values['older-than'] !== undefined && olderThanMs === undefined)
    throw new UsageError(`--older-than takes a duration like 30m, 2h or 1d, got '${values['older-than']}'`);
  if (values.run !== undefined && !/^lc-[0-9a-f]{6}-$/.test(values.run)) throw new UsageError(`--run takes a run prefix like lc-1a2b3c-, got '${values.run}'`);
  const region = values.region ?? 'us-east-1';
  // Sweeping deletes only what runs created; no role is needed.
  const cfg = parseTargetFlag(values.target, region, values['role-arn'] ?? 'arn:aws:iam::000000000000:role/unused-by-sweep');
  const target = connectTarget(cfg);
  const clients = serviceClientsFor(cfg);
  try {
    const cause = await unreachable(target);
    if (cause) throw new UsageError(`cannot reach the target ${target.endpoint} (${cause})`);
    const o = { ...(values.run ? { run: values.run } : {}), ...(olderThanMs !== undefined ? { olderThanMs } : {}) };
    const functions = await sweep(target.client, o);
    const others = await sweepCompanions(clients, o);
    for (const name of functions.removed) console.log(`removed ${name}`);
    for (const name of others.removed) console.log(`removed ${name}`);
    for (const f of [...functions.failed, ...others.failed]) console.error(`could not remove ${f}`);
    const failed = functions.failed.length + others.failed.length;
    console.log(
      `sweep: removed ${functions.removed.length} functions (with their versions and aliases) and ${others.removed.length} roles and destinations, ${failed} failed`,
    );
    return failed ? 1 : 0;
  } finally {
    target.close();
    clients.destroy();
  }
}
