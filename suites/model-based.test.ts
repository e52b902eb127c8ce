// Random Put/Update/Get/Delete/List/PublishVersion/CreateAlias sequences against
// the target, judged by a small independent model (generators/commands/model.ts),
// never by the emulator itself.
import fc from 'fast-check';
import { commandsArb } from '../generators/commands/arbitrary.ts';
import type { Real } from '../generators/commands/commands.ts';
import { emptyModel, type Settings } from '../generators/commands/model.ts';
import { expectAbsent, expectEqual, expectMembers, expectStatus } from './harness/expect.ts';
import { conformanceSuite } from './harness/suite.ts';
import type { RuleContext } from './harness/rule-context.ts';

const s = conformanceSuite('semantics');
const SETTING_KEYS = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'] as const;

function expectSettings(o: Parameters<typeof expectMembers>[0], settings: Settings): void {
  expectMembers(o, settings as Record<string, unknown>);
  expectAbsent(o, ...SETTING_KEYS.filter((k) => settings[k] === undefined));
}

async function realFor(t: RuleContext): Promise<Real> {
  const fn = await t.fn('model');
  return {
    fn,
    call: (op, input) => t.call(op, input),
    publish: () => t.publish(fn),
    alias: (version) => t.alias(fn, version),
    expectConfig(o, status, settings) {
      expectStatus(o, status);
      if (status === 200 && settings) expectSettings(o, settings);
    },
    expectListed(o, configs) {
      expectStatus(o, 200);
      const items = ((o.body?.FunctionEventInvokeConfigs ?? []) as Array<Record<string, unknown>>).map((i) => {
        const q = String(i.FunctionArn).slice(fn.arn.length + 1);
        return [q, Object.fromEntries(SETTING_KEYS.filter((k) => k in i).map((k) => [k, i[k]]))] as const;
      });
      const expected = [...configs.entries()].map(([q, st]) => [q, { ...st }] as const);
      const sort = (xs: ReadonlyArray<readonly [string, unknown]>) => [...xs].sort(([a], [b]) => a.localeCompare(b));
      expectEqual('List: (qualifier, settings) of every config', sort(items), sort(expected));
    },
  };
}

s.rule('model.sequences.agree-with-model', async (t) => {
  await t.forAll(commandsArb, async (cmds) => {
    const real = await realFor(t);
    await fc.asyncModelRun(() => ({ model: emptyModel(), real }), cmds);
  });
});
