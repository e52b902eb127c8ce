// Getting a target ready, the one way every command does it (run, run
// --replay, record, sweep and the mutants): on AWS the account allowlist
// first; then reachability, the operations the target lacks, and the run's
// environment (account, execution role, canary function, real destinations:
// fixtures/environment.ts). What the target refuses comes back as problems
// with their fix, never as an exception; teardown removes everything the run
// created under its prefix, whatever happened in between.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { Fixtures } from '../fixtures/provision.ts';
import type { RunEnvironment, SetupProblem } from '../fixtures/environment.ts';
import { provisionEnvironment, teardown as removeCompanions } from '../fixtures/environment.ts';
import { sweep } from '../fixtures/sweep.ts';
import type { Created } from '../fixtures/companions.ts';
import { probeOperations, unreachable } from '../targets/probe.ts';
import { AdaptivePace, Budget, type Pacing } from '../targets/resilience.ts';
import { serviceClientsFor, type ServiceClients } from '../targets/service-clients.ts';
import { connectTarget, type Target, type TargetConfig } from '../targets/target.ts';
import { TargetError } from './errors.ts';
import type { ResilienceOptions } from './options.ts';

export interface PrepareOptions {
  prefix: string;
  /** --allow-account: required on AWS. */
  allowAccounts?: readonly string[];
  resilience?: ResilienceOptions;
  /** Probe which EventInvokeConfig operations the target lacks (run only). */
  probeOperations?: boolean;
  log?: (line: string) => void;
  /** Aborted by SIGINT/SIGTERM: preparation stops between steps, and what it created goes. */
  signal?: AbortSignal;
}

export interface Prepared {
  target: Target;
  lacking: string[];
  environment: RunEnvironment;
  /** Why (some) rules cannot be judged here, with the fix; `blocking` ones stop the run. */
  problems: SetupProblem[];
  /**
   * Removes the run's functions (`known`: names the run made and kept to the
   * end, its shared function and its pools', deleted by name; then a sweep
   * for any other of the run), then its role and destinations. `removed`
   * lists the others: what the run left behind.
   */
  teardown(known?: readonly string[]): Promise<{ removed: string[]; failed: string[] }>;
}

/** On AWS, refuse to start unless the caller's account is explicitly allowed. Returns the account. */
async function allowedAccount(clients: ServiceClients, allow: readonly string[]): Promise<string> {
  if (allow.length === 0) {
    throw new TargetError('--target aws runs only in allowed accounts: add --allow-account <12-digit id> (or LAMBDA_CONFORMANCE_ALLOWED_ACCOUNTS)');
  }
  let account: string | undefined;
  try {
    account = (await clients.sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (e) {
    throw new TargetError(
      `cannot tell which AWS account these credentials belong to (STS GetCallerIdentity failed: ${(e as Error).message}); nothing was created`,
    );
  }
  if (!account || !allow.includes(account)) {
    throw new TargetError(`account ${account ?? '(unknown)'} is not in the allowlist (${allow.join(', ')}); refusing to run, nothing was created`);
  }
  return account;
}

/** The run's retries and pace, for the set-up's own requests (the canary). */
function pacingOf(r: ResilienceOptions | undefined): Pacing {
  return {
    retry: { attempts: r?.attempts ?? 3, baseDelayMs: 50, maxDelayMs: 2_000, ...(r?.timeoutMs ? { timeoutMs: r.timeoutMs } : {}) },
    pace: new AdaptivePace(r?.rate),
    requests: new Budget(undefined, undefined, 'request'),
  };
}

/** A remote (or, for record and replay, embedded) target, ready for fixtures. Throws TargetError when it cannot be used at all. */
export async function prepareTarget(cfg: TargetConfig, o: PrepareOptions): Promise<Prepared> {
  const log = o.log ?? (() => {});
  if (cfg.kind === 'embedded') return embedded(cfg);
  const clients = serviceClientsFor(cfg);
  let target: Target | undefined;
  const created: Created[] = [];
  const close = () => {
    target?.close();
    clients.destroy();
  };
  try {
    const account = cfg.kind === 'aws' ? await allowedAccount(clients, o.allowAccounts ?? []) : undefined;
    target = connectTarget(cfg);
    log(`checking the target ${target.endpoint}...`);
    const cause = await unreachable(target, { ...(o.signal ? { signal: o.signal } : {}) });
    if (cause) throw new TargetError(`cannot reach the target ${target.endpoint} (${cause}): is it running, and is the URL right?`);
    let lacking: string[] = [];
    if (o.probeOperations) {
      log('probing which operations the target implements (one attempt each)...');
      const probed = await probeOperations(target, `${o.prefix}probe-missing`, { log, ...(o.signal ? { signal: o.signal } : {}) });
      if (probed.onlyFaults) {
        throw new TargetError(
          `the target at ${target.endpoint} answered the probes with nothing but faults, so nothing can be judged there: ${probed.onlyFaults.join('; ')}`,
        );
      }
      lacking = probed.lacking;
    }
    if (o.signal?.aborted) throw o.signal.reason;
    log(`setting up on the target: account, execution role, a canary function, destinations...`);
    const pacing = pacingOf(o.resilience);
    const p = await provisionEnvironment(target, clients, {
      prefix: o.prefix,
      region: cfg.region,
      pacing,
      ...(cfg.roleArn ? { roleArn: cfg.roleArn } : {}),
      ...(account ? { account } : {}),
    });
    created.push(...p.created);
    const env = p.environment;
    target.roleArn = env.roleArn;
    const connected = target;
    return {
      target: connected,
      lacking,
      environment: env,
      problems: p.problems,
      async teardown(known: readonly string[] = []) {
        try {
          const names = [...new Set([...(env.sharedFunction ? [env.sharedFunction.name] : []), ...known])];
          const failedKnown = await deleteFunctions(new Fixtures(connected.client, o.prefix, env.roleArn, pacing), names);
          const functions = await sweep(connected.client, { run: o.prefix }).catch((e: Error) => ({
            removed: [],
            failed: [`sweep of ${o.prefix}: ${e.message}`],
          }));
          const companions = await removeCompanions(clients, created);
          return { removed: functions.removed, failed: [...failedKnown, ...functions.failed, ...companions] };
        } finally {
          close();
        }
      },
    };
  } catch (e) {
    // Whatever was created before the failure goes again.
    await removeCompanions(clients, created).catch(() => []);
    close();
    throw e;
  }
}

/** Deletes functions by name, a few at a time, at the run's pace; returns what could not be deleted. */
async function deleteFunctions(fixtures: Fixtures, names: readonly string[], parallel = 4): Promise<string[]> {
  const failed: string[] = [];
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(parallel, queue.length) }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const gone = name;
        await fixtures.deleteFunction(gone).catch((e: Error) => failed.push(`${gone}: ${e.name}: ${e.message}`));
      }
    }),
  );
  return failed;
}

/** The embedded target: the reference emulator in this process, which checks nothing and keeps synthetic destinations. */
async function embedded(cfg: TargetConfig): Promise<Prepared> {
  const target = connectTarget(cfg);
  return {
    target,
    lacking: [],
    environment: { account: '000000000000', partition: 'aws', roleArn: target.roleArn, role: 'built-in', destinations: {}, unavailable: {} },
    problems: [],
    async teardown() {
      target.close();
      return { removed: [], failed: [] };
    },
  };
}
