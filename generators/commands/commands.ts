// One small class per operation of the model-based suite: check() says whether
// the command applies, run() calls the target, predicts with the model, and
// compares; toString() is what a counterexample shows.
import type fc from 'fast-check';
import type { FunctionFixture } from '../../fixtures/provision.ts';
import type { Observation } from '../../targets/observe.ts';
import { merge, qualifierExists, type Model, type Settings } from './model.ts';

/** What the commands need from the system under test: the rule context of the suite. */
export interface Real {
  fn: FunctionFixture;
  call(
    op:
      | 'PutFunctionEventInvokeConfig'
      | 'UpdateFunctionEventInvokeConfig'
      | 'GetFunctionEventInvokeConfig'
      | 'DeleteFunctionEventInvokeConfig'
      | 'ListFunctionEventInvokeConfigs',
    input: Record<string, unknown>,
  ): Promise<Observation>;
  publish(): Promise<string>;
  alias(version: string): Promise<string>;
  /** Throws a typed failure when the observation is not what the model predicts. */
  expectConfig(o: Observation, status: number, settings?: Settings): void;
  expectListed(o: Observation, configs: Map<string, Settings>): void;
}

type Cmd = fc.AsyncCommand<Model, Real>;
const settingsText = (s: Settings) => JSON.stringify(s);
const qualifierFor = (m: Model, pick: number): string => {
  const all = ['$LATEST', ...m.versions, ...m.aliases.keys()];
  return all[pick % all.length]!;
};

export class PutCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly settings: Settings,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const q = qualifierFor(m, this.pick);
    const o = await r.call('PutFunctionEventInvokeConfig', { FunctionName: r.fn.name, Qualifier: q, ...this.settings });
    m.configs.set(q, { ...this.settings });
    r.expectConfig(o, 200, this.settings);
  }
  toString = () => `Put(#${this.pick}, ${settingsText(this.settings)})`;
}

export class UpdateCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly settings: Settings,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const q = qualifierFor(m, this.pick);
    const o = await r.call('UpdateFunctionEventInvokeConfig', { FunctionName: r.fn.name, Qualifier: q, ...this.settings });
    const before = m.configs.get(q);
    if (!before) return r.expectConfig(o, 404);
    const after = merge(before, this.settings);
    m.configs.set(q, after);
    r.expectConfig(o, 200, after);
  }
  toString = () => `Update(#${this.pick}, ${settingsText(this.settings)})`;
}

export class GetCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const q = qualifierFor(m, this.pick);
    const o = await r.call('GetFunctionEventInvokeConfig', { FunctionName: r.fn.name, Qualifier: q });
    const expected = m.configs.get(q);
    r.expectConfig(o, expected ? 200 : 404, expected);
  }
  toString = () => `Get(#${this.pick})`;
}

export class DeleteCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const q = qualifierFor(m, this.pick);
    const o = await r.call('DeleteFunctionEventInvokeConfig', { FunctionName: r.fn.name, Qualifier: q });
    const existed = m.configs.delete(q);
    r.expectConfig(o, existed ? 204 : 404);
  }
  toString = () => `Delete(#${this.pick})`;
}

export class ListCommand implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    r.expectListed(await r.call('ListFunctionEventInvokeConfigs', { FunctionName: r.fn.name }), m.configs);
  }
  toString = () => 'List()';
}

export class PublishVersionCommand implements Cmd {
  // Versions are capped so sequences stay cheap against real endpoints.
  check = (m: Readonly<Model>) => m.versions.length < 3;
  async run(m: Model, r: Real) {
    m.versions.push(await r.publish()); // no config is copied: the model adds none
  }
  toString = () => 'PublishVersion()';
}

export class CreateAliasCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.versions.length > 0 && m.aliases.size < 2;
  async run(m: Model, r: Real) {
    const version = m.versions[this.pick % m.versions.length]!;
    m.aliases.set(await r.alias(version), version);
  }
  toString = () => `CreateAlias(#${this.pick})`;
}

export { qualifierExists };
