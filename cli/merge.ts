// `lambda-conformance merge [--report-dir DIR] RESULTS.json...`: one report from shards.
import { readFile } from 'node:fs/promises';
import { MergeError, mergeShards } from '../reporting/merge.ts';
import type { Results } from '../reporting/results.ts';
import { writeReports } from '../reporting/writers.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { usableReportDir } from '../run/options.ts';
import { UsageError } from './usage.ts';

export const MERGE_COMMAND: CommandSpec = {
  name: 'merge',
  synopsis: 'merge [--report-dir DIR] RESULTS.json...',
  summary: 'Combines the results.json of the shards of one run (--shard i/n, same seed and target) into one set of reports.',
  flags: [{ name: 'report-dir', value: 'DIR', default: 'reports/merged', help: 'where the merged reports go' }],
};

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals, help } = parseFlags(MERGE_COMMAND, args, true);
  if (help) {
    console.log(helpText(MERGE_COMMAND));
    return 0;
  }
  const reportDir = usableReportDir((values['report-dir'] as string | undefined) ?? 'reports/merged');
  if (positionals.length === 0) throw new UsageError('merge needs the results.json of each shard');
  const shards: Results[] = [];
  for (const file of positionals) {
    try {
      shards.push(JSON.parse(await readFile(file, 'utf8')) as Results);
    } catch (e) {
      throw new UsageError(`cannot read ${file} as results.json: ${(e as Error).message}`);
    }
  }
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(shards);
  } catch (e) {
    if (e instanceof MergeError) throw new UsageError(e.message);
    throw e;
  }
  const written = await writeReports(reportDir, merged.results);
  const s = merged.results.summary;
  console.log(
    `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.inconclusive} inconclusive, ${s.expectedFail} expected-fail (merged ${shards.length} shards)`,
  );
  for (const e of merged.results.errors) console.error(`ERROR ${e}`);
  console.error(`reports: ${written.join(', ')}`);
  return merged.exitCode;
}
