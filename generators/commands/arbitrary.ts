// Random operation sequences for the model-based suite. Settings values come
// from the contract's ranges, so every generated request is valid.
import fc from 'fast-check';
import { contractSchema } from '../../specs/contract.ts';
import { CreateAliasCommand, DeleteCommand, GetCommand, ListCommand, PublishVersionCommand, PutCommand, UpdateCommand } from './commands.ts';
import type { Settings } from './model.ts';

const range = (def: string) => {
  const d = contractSchema.$defs[def]!;
  return fc.integer({ min: d.minimum!, max: d.maximum! });
};

/** A settings body with at least one member: Put and Update both need one. */
export const settingsArb: fc.Arbitrary<Settings> = fc
  .record({ MaximumRetryAttempts: range('MaximumRetryAttempts'), MaximumEventAgeInSeconds: range('MaximumEventAgeInSeconds') }, { requiredKeys: [] })
  .filter((s) => Object.keys(s).length > 0);

const pick = fc.nat({ max: 7 });

export const commandsArb = fc.commands(
  [
    fc.tuple(pick, settingsArb).map(([p, s]) => new PutCommand(p, s)),
    fc.tuple(pick, settingsArb).map(([p, s]) => new UpdateCommand(p, s)),
    pick.map((p) => new GetCommand(p)),
    pick.map((p) => new DeleteCommand(p)),
    fc.constant(new ListCommand()),
    fc.constant(new PublishVersionCommand()),
    pick.map((p) => new CreateAliasCommand(p)),
  ],
  { maxCommands: 12 },
);
