// `lambda-conformance sweep --target ... [--older-than 2h] [--run lc-xxxxxx-]`:
// finds and removes leftovers of earlier runs, and prints what it removed.
import { parseArgs } from 'node:util';
import { parseDuration, sweep } from '../fixtures/sweep.ts';
import { connectTarget } from '../targets/target.ts';
import { unreachable } from '../targets/probe.ts';
import { parseTargetFlag } from './run-options.ts';
import { UsageError } from './usage.ts';

export async function sweepCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { target: { type: 'string' }, region: { type: 'string' }, 'older-than': { type: 'string' }, run: { type: 'string' }, 'role-arn': { type: 'string' } },
  });
  if (!values.target || values.target === 'embedded') throw new UsageError('sweep needs --target aws or an http(s) URL (the embedded target keeps nothing between runs)');
  const olderThanMs = values['older-than'] === undefined ? undefined : parseDuration(values['older-than']);
  if (values['older-than'] !== undefined && olderThanMs === undefined) throw new UsageError(`--older-than takes a duration like 30m, 2h or 1d, got '${values['older-than']}'`);
  if (values.run !== undefined && !/^lc-[0-9a-f]{6}-$/.test(values.run)) throw new UsageError(`--run takes a run prefix like lc-1a2b3c-, got '${values.run}'`);
  const region = values.region ?? process.env.AWS_REGION ?? 'us-east-1';
  // Sweeping deletes only what it created; the role is not needed.
  const cfg = parseTargetFlag(values.target, region, values['role-arn'] ?? 'arn:aws:iam::000000000000:role/unused-by-sweep');
  const target = connectTarget(cfg);
  try {
    const cause = await unreachable(target);
    if (cause) throw new UsageError(`cannot reach the target ${target.endpoint} (${cause})`);
    const r = await sweep(target.client, { ...(values.run ? { run: values.run } : {}), ...(olderThanMs !== undefined ? { olderThanMs } : {}) });
    for (const name of r.removed) console.log(`removed ${name}`);
    for (const f of r.failed) console.error(`could not remove ${f}`);
    console.log(`sweep: removed ${r.removed.length} functions (with their versions and aliases), ${r.failed.length} failed`);
    return r.failed.length ? 1 : 0;
  } finally {
    target.close();
  }
}
