// What `record` runs: the fixed scenarios of the catalogue (the steps AWS was
// recorded answering) and seeded operation sequences from the model-based
// generator, written as steps with explicit inputs so any target can replay them.
import fc from 'fast-check';
import { observedScenarios } from '../fixtures/aws-observed/scenarios.ts';
import type { ObservedScenario, ObservedStep } from '../fixtures/aws-observed/types.ts';
import { commandsArb } from '../generators/commands/arbitrary.ts';
import {
  CreateAliasCommand,
  DeleteCommand,
  GetCommand,
  ListCommand,
  PublishVersionCommand,
  PutCommand,
  UpdateCommand,
} from '../generators/commands/commands.ts';

/** The steps of one generated sequence; qualifiers are chosen as the model-based suite chooses them. */
function stepsOf(commands: Iterable<unknown>, name: string): ObservedStep[] {
  const versions: string[] = [];
  const aliases: string[] = [];
  const qualifier = (pick: number) => {
    const all = ['$LATEST', ...versions, ...aliases];
    return all[pick % all.length]!;
  };
  const steps: ObservedStep[] = [];
  const add = (op: ObservedStep['op'], input: Record<string, unknown>) =>
    steps.push({ step: `${name}.${String(steps.length + 1).padStart(2, '0')}.${op}`, op, input: { FunctionName: '{fn}', ...input }, expect: { status: 0 } });
  // fast-check hands commands wrapped ({cmd, hasRan}); the wrapper is an internal detail.
  for (const wrapped of commands) {
    const c = (wrapped as { cmd?: unknown }).cmd ?? wrapped;
    if (c instanceof PutCommand) add('PutFunctionEventInvokeConfig', { Qualifier: qualifier(c.pick), ...c.settings });
    else if (c instanceof UpdateCommand) add('UpdateFunctionEventInvokeConfig', { Qualifier: qualifier(c.pick), ...c.settings });
    else if (c instanceof GetCommand) add('GetFunctionEventInvokeConfig', { Qualifier: qualifier(c.pick) });
    else if (c instanceof DeleteCommand) add('DeleteFunctionEventInvokeConfig', { Qualifier: qualifier(c.pick) });
    else if (c instanceof ListCommand) add('ListFunctionEventInvokeConfigs', {});
    else if (c instanceof PublishVersionCommand && versions.length < 3) {
      add('PublishVersion', {});
      // Unchanged code publishes no new version: every publish answers version 1.
      if (!versions.includes('1')) versions.push('1');
    } else if (c instanceof CreateAliasCommand && versions.length > 0 && aliases.length < 2) {
      const alias = `{alias${aliases.length + 1}}`;
      add('CreateAlias', { Name: alias, FunctionVersion: versions[c.pick % versions.length]! });
      aliases.push(alias);
    }
  }
  return steps;
}

export function generatedScenarios(seed: number, count = 5): ObservedScenario[] {
  return fc.sample(commandsArb, { seed, numRuns: count }).map((cmds, i) => {
    const name = `seq${i + 1}`;
    return { id: `generated:seed-${seed}:${name}`, recordedAt: '', setup: { functions: ['fn'] }, steps: stepsOf(cmds, name) };
  });
}

/** The fixed scenarios with their inputs only: what a recording asks a target. */
export function fixedScenarios(): ObservedScenario[] {
  return observedScenarios.map((s) => ({ ...s, recordedAt: '', steps: s.steps.map(({ note: _, ...step }) => ({ ...step, expect: { status: 0 } })) }));
}
