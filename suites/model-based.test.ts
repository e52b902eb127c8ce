// Random Put/Update/Get/Delete/List/PublishVersion/CreateAlias sequences against
// the target, judged by a small independent model (generators/commands/model.ts),
// never by the emulator itself.
//
// The rule judges what is stored where (settings per qualifier, which
// configs exist), not the answers' form: a Delete may answer any 2xx (its
// exact answer is delete.no-content's), and a List item whose FunctionArn is
// the unqualified function ARN is read as $LATEST's (the ARN's form is
// response.function-arn.qualified's).
import fc from 'fast-check';
import { commandsArb } from '../generators/commands/arbitrary.ts';
import type { Real } from '../generators/commands/commands.ts';
import { emptyModel, type Settings } from '../generators/commands/model.ts';
import type { Observation } from '../targets/observe.ts';
import { expectAbsent, expectEqual, expectMembers, expectStatus, whereIn } from './harness/expect.ts';
import { mismatch, RuleFailure } from './harness/outcomes.ts';
import { conformanceSuite } from './harness/suite.ts';
import type { RuleContext } from './harness/rule-context.ts';

const s = conformanceSuite('semantics');
const SETTING_KEYS = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'] as const;
const VERB: Record<string, string> = {
  PutFunctionEventInvokeConfig: 'Put',
  UpdateFunctionEventInvokeConfig: 'Update',
  GetFunctionEventInvokeConfig: 'Get',
  DeleteFunctionEventInvokeConfig: 'Delete',
  ListFunctionEventInvokeConfigs: 'List',
};

function expectSettings(o: Observation, settings: Settings): void {
  expectMembers(o, settings as Record<string, unknown>);
  expectAbsent(o, ...SETTING_KEYS.filter((k) => settings[k] === undefined));
}

/** A success of any 2xx (a Delete's exact status is not this rule's concern). */
function expectSuccess(o: Observation): void {
  if (o.status === undefined || o.status < 200 || o.status >= 300 || o.errorCode !== undefined) {
    throw mismatch(whereIn(o, 'status'), '2xx', o.errorCode ? `${o.status} ${o.errorCode}: ${o.message}` : o.status);
  }
}

/** The Real of the commands, remembering the last failure it raised (its place survives the property's summary). */
async function realFor(t: RuleContext, seen: { failure?: RuleFailure }): Promise<Real> {
  // Never published, as the model starts (no version): a PublishVersion of the sequence creates its version.
  const fn = await t.freshFn('model');
  const remembered = (check: () => void) => {
    try {
      check();
    } catch (e) {
      if (e instanceof RuleFailure) seen.failure = e;
      throw e;
    }
  };
  return {
    fn,
    call: (op, input) => t.call(op, input),
    publish: () => t.publish(fn),
    alias: (version) => t.alias(fn, version),
    expectConfig(o, status, settings) {
      const verb = VERB[o.op] ?? o.op;
      t.subject = verb === 'Put' ? 'Put (model)' : `${verb} of a qualifier ${status === 404 ? 'without' : 'with'} a config (model)`;
      remembered(() => {
        if (status === 204) return expectSuccess(o);
        expectStatus(o, status);
        if (status === 200 && settings) expectSettings(o, settings);
      });
    },
    expectListed(o, configs) {
      t.subject = 'List of every config (model)';
      remembered(() => {
        expectStatus(o, 200);
        const items = ((o.body?.FunctionEventInvokeConfigs ?? []) as Array<Record<string, unknown>>).map((i) => {
          const arn = String(i.FunctionArn);
          const q = arn === fn.arn ? '$LATEST' : arn.startsWith(`${fn.arn}:`) ? arn.slice(fn.arn.length + 1) : arn;
          return [q, Object.fromEntries(SETTING_KEYS.filter((k) => k in i).map((k) => [k, i[k]]))] as const;
        });
        const expected = [...configs.entries()].map(([q, st]) => [q, { ...st }] as const);
        const sort = (xs: ReadonlyArray<readonly [string, unknown]>) => [...xs].sort(([a], [b]) => a.localeCompare(b));
        expectEqual(whereIn(o, '(qualifier, settings) of every config'), sort(items), sort(expected));
      });
    },
  };
}

s.rule('model.sequences.agree-with-model', async (t) => {
  const seen: { failure?: RuleFailure } = {};
  try {
    await t.forAll(commandsArb, async (cmds) => {
      const real = await realFor(t, seen);
      try {
        await fc.asyncModelRun(() => ({ model: emptyModel(), real }), cmds);
      } finally {
        // Each sequence has a function of its own: this one goes back to the pool (still fresh if nothing was published).
        void t.release(real.fn);
      }
    });
  } catch (e) {
    // The counterexample is replayed alone last: its failure is the last one seen. Keep where it diverged, for the root cause.
    const last = seen.failure;
    if (e instanceof RuleFailure && !e.where && last?.where && e.message === last.message)
      throw new RuleFailure(e.message, e.expected, e.actual, e.extra, last.where);
    throw e;
  }
});
