// The main job, usable as a function: check the target, probe it, run the
// conformance suites with vitest, and return the results of every rule.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startVitest } from 'vitest/node';
import { catalogue } from '../specs/rules/index.ts';
import { connectTarget, type Target } from '../targets/target.ts';
import { lackingOperations, unreachable } from '../targets/probe.ts';
import { runPrefix } from '../fixtures/provision.ts';
import { VerdictCollector } from '../reporting/collector.ts';
import { exitCodeOf, ruleResults, summarise, type Results } from '../reporting/results.ts';
import { RUN_CONFIG_ENV, type RunConfig } from '../suites/harness/run-config.ts';
import type { RunOptions } from './run-options.ts';

const require = createRequire(import.meta.url);
const SUITES_CONFIG = fileURLToPath(new URL('../suites/vitest.config.ts', import.meta.url));

/** The target cannot be used: exit 2 with this one line. */
export class TargetError extends Error {}

export function versions(): { tool: string; sdk: string } {
  return {
    tool: (require('../package.json') as { version: string }).version,
    sdk: (require('@aws-sdk/client-lambda/package.json') as { version: string }).version,
  };
}

/** On AWS, refuse to start unless the caller's account is explicitly allowed. */
async function checkAccount(opts: RunOptions): Promise<void> {
  if (opts.target.kind !== 'aws') return;
  if (opts.allowAccounts.length === 0) {
    throw new TargetError('--target aws runs only in allowed accounts: add --allow-account <12-digit id> (or LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS)');
  }
  const sts = new STSClient({ region: opts.target.region });
  let account: string | undefined;
  try {
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (e) {
    throw new TargetError(`cannot tell which AWS account these credentials belong to (STS GetCallerIdentity failed: ${(e as Error).message}); nothing was created`);
  } finally {
    sts.destroy();
  }
  if (!account || !opts.allowAccounts.includes(account)) {
    throw new TargetError(`account ${account ?? '(unknown)'} is not in the allowlist (${opts.allowAccounts.join(', ')}); refusing to run, nothing was created`);
  }
}

async function prepare(opts: RunOptions, prefix: string): Promise<{ target: Target; lacking: string[] }> {
  await checkAccount(opts);
  const target = connectTarget(opts.target);
  const cause = await unreachable(target);
  if (cause) {
    target.close();
    throw new TargetError(`cannot reach the target ${target.endpoint} (${cause}): is it running, and is the URL right?`);
  }
  return { target, lacking: await lackingOperations(target, `${prefix}probe-missing`) };
}

export async function runConformance(opts: RunOptions, log: (line: string) => void = () => {}): Promise<{ results: Results; exitCode: 0 | 1 | 2 }> {
  const startedAt = new Date().toISOString();
  const prefix = runPrefix();
  const { target, lacking } = await prepare(opts, prefix);
  target.close();
  if (lacking.length) log(`the target lacks ${lacking.join(', ')}: rules that need them are skipped`);

  const config: RunConfig = { target: opts.target, seed: opts.seed, numRuns: opts.numRuns, tier: opts.tier, prefix, lackingOperations: lacking, ...(opts.rules ? { rules: opts.rules } : {}) };
  process.env[RUN_CONFIG_ENV] = JSON.stringify(config);
  const collector = new VerdictCollector(catalogue.length, log);
  const vitest = await startVitest('test', [], { config: SUITES_CONFIG, watch: false, reporters: [collector] });
  await vitest.close();
  delete process.env[RUN_CONFIG_ENV];
  process.exitCode = undefined; // vitest sets it; the run decides its own

  const rules = ruleResults(catalogue, collector.reported);
  const v = versions();
  const results: Results = {
    tool: { name: 'lambda-conformance', version: v.tool },
    target: { kind: target.kind, endpoint: target.endpoint, region: target.region },
    sdk: { '@aws-sdk/client-lambda': v.sdk },
    seed: opts.seed,
    startedAt,
    finishedAt: new Date().toISOString(),
    summary: summarise(rules),
    rules,
    errors: collector.errors,
    leaks: collector.errors.filter((e) => e.includes('cleanup failed')),
  };
  return { results, exitCode: exitCodeOf(results) };
}
