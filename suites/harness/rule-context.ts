// What a rule's body works with: calls to the target that are recorded (for the
// request count and the reproduction), fresh fixtures, the raw wire, and
// seeded property runs. Transport failures and throttling end the rule as
// inconclusive here, so no rule can turn a network fault into a failure.
import fc from 'fast-check';
import type { Rule } from '../../specs/rules/index.ts';
import type { Fixtures, FunctionFixture } from '../../fixtures/provision.ts';
import { addressed, qualifierOfArn, type FunctionPool, type Member } from '../../fixtures/pool.ts';
import { observe, type CommandName, type Observation, type RawAnswer } from '../../targets/observe.ts';
import { notAnAwsAnswer } from '../../targets/answer-kind.ts';
import { excerpt } from '../../targets/redact.ts';
import type { ExchangeEvidence } from '../../specs/verdicts.ts';
import { BudgetExhausted, DIRECT, observeResilient, withRetries, type Pacing, type ResilientObservation } from '../../targets/resilience.ts';
import type { Target } from '../../targets/target.ts';
import { pathWithQuery, type WireRequest, type WireResponse } from '../../targets/wire.ts';
import { Inconclusive, RuleFailure, Unsupported } from './outcomes.ts';
import type { RunConfig } from './run-config.ts';
import { EIC_OPERATIONS, httpBinding, type EicOperation } from '../../specs/contract.ts';

// Which operation a raw request is, from the contract's HTTP bindings.
const ROUTES = EIC_OPERATIONS.map((op) => {
  const { method, uri } = httpBinding(op);
  return { op, method, path: new RegExp(`^${uri.replace('{FunctionName}', '[^/]+')}$`) };
});
const operationOf = (r: WireRequest): EicOperation | undefined => ROUTES.find((x) => x.method === r.method && x.path.test(r.path))?.op;

export type Step = (
  | { kind: 'sdk'; op: CommandName; input: Record<string, unknown> }
  | { kind: 'fixture'; op: 'CreateFunction' | 'PublishVersion' | 'CreateAlias'; input: Record<string, unknown> }
  | { kind: 'wire'; request: WireRequest }
) & {
  /** The request and answer as they went over the wire, once answered (or why there was no answer). */
  exchange?: ExchangeEvidence;
};

/** The headers that say what an answer is; the rest (dates, request ids) only vary. */
const TELLING_HEADERS = ['content-type', 'x-amzn-errortype', 'retry-after'];
const telling = (headers: Record<string, string>) => Object.fromEntries(TELLING_HEADERS.filter((h) => headers[h] !== undefined).map((h) => [h, headers[h]!]));

/** The raw answer in evidence form: redacted, then cut. */
function exchangeOf(op: string, raw: RawAnswer, requestBody?: string): ExchangeEvidence {
  return {
    op,
    method: raw.method,
    path: raw.path,
    ...(requestBody ? { request: excerpt(requestBody, 500) } : {}),
    status: raw.status,
    headers: telling(raw.headers),
    body: excerpt(raw.text),
  };
}

type Input = Record<string, unknown>;

/** See RuleContext.sharedCalls. */
export interface SharedCalls {
  observe(op: CommandName, input: Input): Promise<ResilientObservation>;
}

/** The EventInvokeConfig operations that change what is stored, and how. */
const WRITES: Partial<Record<string, 'write' | 'delete'>> = {
  PutFunctionEventInvokeConfig: 'write',
  UpdateFunctionEventInvokeConfig: 'write',
  DeleteFunctionEventInvokeConfig: 'delete',
};

export class RuleContext {
  readonly steps: Step[] = [];
  requests = 0;
  /** The pool functions this rule holds, by their names on the target. */
  private readonly leases = new Map<string, Member>();
  /**
   * Each pool function's name as this rule calls it in its evidence: the name
   * a function of its own would have had (`<suite>-<rule scope>-fn-1`), since
   * which member of the pool served the rule depends on timing, not on the target.
   */
  readonly localNames = new Map<string, string>();
  /**
   * What about the requests this rule judges (e.g. `MaximumRetryAttempts below
   * its minimum`): said with the rule's failure, beside its root cause.
   */
  subject?: string;

  constructor(
    readonly rule: Rule,
    readonly target: Target,
    readonly fixtures: Fixtures,
    readonly config: RunConfig,
    private readonly pacing: Pacing = DIRECT,
    private readonly pool?: FunctionPool,
  ) {}

  /** Counts requests a fixture call sent on this rule's behalf. */
  private readonly meter = (n: number) => {
    this.requests += n;
  };

  get seed(): number {
    return this.config.seed;
  }

  private guard(op: string): void {
    if (this.config.lackingOperations?.includes(op)) throw new Unsupported(`the target does not implement ${op}`);
  }

  /**
   * One SDK call, recorded as a step. With `shared`, a call some rule of the
   * suite already made with the same input is not sent again: its answer is
   * this rule's evidence as well (the call is the shared context's, counted
   * there).
   */
  async call(op: CommandName, input: Input, o: { shared?: SharedCalls } = {}): Promise<Observation> {
    this.guard(op);
    const step: Step = { kind: 'sdk', op, input };
    this.steps.push(step);
    const answer = await (o.shared ? o.shared.observe(op, input) : this.observe(op, input));
    if (answer.raw) step.exchange = exchangeOf(op, answer.raw, JSON.stringify(input));
    else if (answer.transportError) step.exchange = { op, method: '', path: '', fault: answer.transportError };
    if (answer.gaveUp) throw new Inconclusive(`${op}: ${answer.gaveUp}`);
    const fault = answer.raw && notAnAwsAnswer(answer.raw.status, answer.raw.headers, answer.raw.text);
    if (fault) throw new Inconclusive(`${op}: ${fault}`);
    // A repeated Delete (say) that answers an error may only see its own first attempt's effect.
    if (answer.ambiguous && (answer.status === 404 || answer.status === 409))
      throw new Inconclusive(`${op} was repeated after a lost answer; its ${answer.status} ${answer.errorCode} may follow from the first attempt`);
    const { attempts: _a, ambiguous: _b, gaveUp: _c, ...observation } = answer;
    return observation;
  }

  /** Sends one call (with the run's retries and pace), counts it, and notes what it did to this context's leases. */
  private async observe(op: CommandName, input: Input): Promise<ResilientObservation> {
    const o = await this.spending(() => observeResilient(this.target.client, op, input, this.pacing));
    this.requests += o.attempts;
    this.track(op, input.FunctionName, input.Qualifier, o.gaveUp || o.transportError || o.unusable ? undefined : o.status, o.body?.FunctionArn);
    return o;
  }

  /**
   * Calls made once for every rule that makes them (with the same input):
   * for rules that send the very same requests and judge different things of
   * the answers. Sent from this context (a suite's shared set-up).
   */
  sharedCalls(): SharedCalls {
    const answers = new Map<string, Promise<ResilientObservation>>();
    return {
      observe: (op, input) => {
        const key = JSON.stringify([op, input]);
        let answer = answers.get(key);
        if (!answer) {
          answer = this.observe(op, input);
          answers.set(key, answer);
        }
        return answer;
      },
    };
  }

  /**
   * Takes over the steps and fixture names of a shared set-up this rule
   * builds on (suite.ts shared()): they are its evidence and its reproduction too.
   */
  adopt(shared: RuleContext): void {
    this.steps.push(...shared.steps);
    for (const [real, local] of shared.localNames) this.localNames.set(real, local);
  }

  /** A spent run budget ends the rule (and the rest of the run) as inconclusive. */
  private async spending<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof BudgetExhausted) throw new Inconclusive(e.message);
      throw e;
    }
  }

  put = (input: Input) => this.call('PutFunctionEventInvokeConfig', input);
  update = (input: Input) => this.call('UpdateFunctionEventInvokeConfig', input);
  get = (input: Input) => this.call('GetFunctionEventInvokeConfig', input);
  remove = (input: Input) => this.call('DeleteFunctionEventInvokeConfig', input);
  list = (input: Input) => this.call('ListFunctionEventInvokeConfigs', input);

  async wire(request: WireRequest): Promise<WireResponse> {
    const op = operationOf(request);
    if (op) this.guard(op);
    const step: Step = { kind: 'wire', request };
    this.steps.push(step);
    type Result = { res: WireResponse } | { error: string };
    const t = await this.spending(() =>
      withRetries<Result>(
        this.pacing,
        request.method !== 'DELETE',
        () =>
          this.target.wire.send(request).then(
            (res) => ({ res }),
            (e: Error) => ({ error: `${e.name}: ${e.message}` }),
          ),
        (r) =>
          'error' in r
            ? r.error.startsWith('AnswerTooLarge')
              ? 'unusable'
              : 'lost'
            : r.res.status === 429
              ? 'throttled'
              : r.res.status >= 500
                ? 'server'
                : 'answer',
        (r) => {
          const header = 'res' in r ? r.res.headers['retry-after'] : undefined;
          return header !== undefined && Number.isFinite(Number(header)) ? Number(header) : undefined;
        },
        (r) => ('error' in r ? r.error : `${r.res.status}`),
      ),
    );
    this.requests += t.attempts;
    if (op) {
      const name = decodedLabel(request.path.split('/')[3] ?? '');
      const res = 'res' in t.value && !t.gaveUp ? t.value.res : undefined;
      this.track(op, name, request.query?.Qualifier, res?.status, res ? jsonArn(res.text) : undefined);
    }
    const label = op ?? `${request.method} ${request.path}`;
    const path = pathWithQuery(request);
    if ('res' in t.value) step.exchange = exchangeOf(label, { method: request.method, path, ...t.value.res }, request.body);
    if (t.gaveUp || 'error' in t.value) throw new Inconclusive(`${request.method} ${request.path}: ${t.gaveUp ?? ('error' in t.value ? t.value.error : '')}`);
    const fault = notAnAwsAnswer(t.value.res.status, t.value.res.headers, t.value.res.text);
    if (fault && !(request.method === 'DELETE' && t.value.res.status < 300)) throw new Inconclusive(`${label}: ${fault}`);
    if (t.ambiguous && (t.value.res.status === 404 || t.value.res.status === 409))
      throw new Inconclusive(`${request.method} ${request.path} was repeated after a lost answer; its ${t.value.res.status} may follow from the first attempt`);
    return t.value.res;
  }

  /**
   * What a write or delete did to the pool functions this rule holds, for the
   * reset of their leases: `status` undefined when no answer came (the write
   * may or may not have been applied).
   */
  private track(op: string, functionName: unknown, qualifier: unknown, status: number | undefined, answeredArn: unknown): void {
    const kind = WRITES[op];
    if (!kind || !this.leases.size) return;
    const target = addressed(functionName, qualifier);
    const member = target && this.leases.get(target.name);
    if (!member) {
      // A name this rule cannot read, with an answer that may have changed something: every lease is in doubt.
      if (!target && (status === undefined || (status >= 200 && status < 300))) for (const m of this.leases.values()) m.uncertain = true;
      return;
    }
    const qualifiers = [...target.qualifiers, ...(typeof answeredArn === 'string' ? [qualifierOfArn(answeredArn)] : [])];
    const outcome = status === undefined || status === 429 || status >= 500 ? 'unknown' : status < 300 ? 'applied' : undefined;
    if (kind === 'write') {
      if (outcome) member.wrote(qualifiers, outcome);
    } else if (outcome) {
      // Only a delete that succeeded removed a config (a 404 may be about another region's or account's function of that name).
      member.deleted(target.qualifiers, outcome);
    }
  }

  /**
   * A clean function of this run, leased from the pool: no config on any
   * qualifier, no alias; it may hold version 1 (without a config). Returned
   * to the pool, reset, when the rule ends (or by release()).
   */
  async fn(label = 'fn'): Promise<FunctionFixture> {
    return this.lease(label, false);
  }

  /** A clean function on which no version was ever published: for rules whose PublishVersion must create the version. */
  async freshFn(label = 'fn'): Promise<FunctionFixture> {
    return this.lease(label, true);
  }

  /**
   * A function of the run that rules only refer to (as a Lambda destination,
   * or for the account, region and partition it is in): never written to,
   * never leased, shared by every rule.
   */
  async sharedFn(): Promise<FunctionFixture> {
    const pool = this.requirePool();
    return this.fixture(
      'CreateFunction',
      {},
      () => pool.sharedFunction(),
      (f) => ({ FunctionName: f.name }),
    );
  }

  private requirePool(): FunctionPool {
    if (!this.pool) throw new Error('this rule context has no function pool');
    return this.pool;
  }

  private async lease(label: string, fresh: boolean): Promise<FunctionFixture> {
    const pool = this.requirePool();
    const local = this.fixtures.uniqueName(label);
    const member = await this.fixture(
      'CreateFunction',
      { label },
      () => pool.lease({ fresh }),
      (m) => ({ FunctionName: m.fn.name }),
    );
    this.leases.set(member.fn.name, member);
    this.localNames.set(member.fn.name, local);
    return member.fn;
  }

  /** Returns a leased function to the pool now (before the rule ends), reset; the rule must not use it again. */
  release(fn: FunctionFixture): Promise<void> {
    const member = this.leases.get(fn.name);
    if (!member) return Promise.resolve();
    this.leases.delete(fn.name);
    return this.requirePool().release(member);
  }

  /** Returns every function this rule still holds (the harness does, when the rule ends). */
  releaseAll(): Promise<void> {
    return Promise.all([...this.leases.values()].map((fn) => this.release(fn.fn))).then(() => {});
  }

  async publish(fn: FunctionFixture): Promise<string> {
    const member = this.leases.get(fn.name);
    if (!member) throw new Error(`publish: ${fn.name} is not a function this rule leased`);
    return this.fixture('PublishVersion', { FunctionName: fn.name }, () => this.requirePool().publish(member, this.meter));
  }

  async alias(fn: FunctionFixture, version: string, label = 'live'): Promise<string> {
    const member = this.leases.get(fn.name);
    if (!member) throw new Error(`alias: ${fn.name} is not a function this rule leased`);
    const name = this.fixtures.aliasName(label);
    return this.fixture(
      'CreateAlias',
      { FunctionName: fn.name, FunctionVersion: version },
      () => this.requirePool().alias(member, version, name, this.meter),
      (alias) => ({
        FunctionName: fn.name,
        Name: alias,
        FunctionVersion: version,
      }),
    );
  }

  /** Evidence text with each pool function under this rule's own name for it (see localNames). */
  localise(text: string): string {
    let out = text;
    // Longest first, and whole names only: `...-p1ab2-1` must not rewrite part of `...-p1ab2-12`.
    for (const [real, local] of [...this.localNames].sort((a, b) => b[0].length - a[0].length))
      out = out.replace(new RegExp(`${real.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`, 'g'), local);
    return out;
  }

  /**
   * A fixture step of the rule, recorded for the reproduction. Publish and
   * alias count their requests as the rule's (this.meter); a lease's are the
   * pool's, whichever rule happened to need a new function.
   */
  private async fixture<T>(
    op: 'CreateFunction' | 'PublishVersion' | 'CreateAlias',
    input: Input,
    make: () => Promise<T>,
    recorded?: (v: T) => Input,
  ): Promise<T> {
    try {
      const v = await make();
      this.steps.push({ kind: 'fixture', op, input: recorded ? recorded(v) : input });
      return v;
    } catch (e) {
      throw new Inconclusive(`fixture ${op} could not be set up: ${(e as Error).name}: ${(e as Error).message}`);
    }
  }

  /**
   * Rules that send requests to a name the run did not create (a 1-character
   * name, say) must not touch a real function someone else owns: on targets
   * other than the embedded one, an existing function by that name makes the
   * rule inconclusive instead.
   */
  async refuseForeign(functionName: string): Promise<void> {
    if (this.target.kind === 'embedded') return;
    this.requests++;
    const o = await observe(this.target.client, 'GetFunction', { FunctionName: functionName });
    if (o.status === 200)
      throw new Inconclusive(`a function named ${functionName} exists on the target and was not created by this run; refusing to change it`);
  }

  /** `<unqualified ARN>[:qualifier]` of a fixture function. */
  arn(fn: FunctionFixture, qualifier?: string): string {
    return qualifier === undefined ? fn.arn : `${fn.arn}:${qualifier}`;
  }

  /**
   * Runs `check` for generated values with the run's seed; boundary `examples`
   * run first. On failure the shrunk counterexample is run once more on its own,
   * so the recorded steps (and the reproduction) are exactly the failing case.
   */
  async forAll<T>(arb: fc.Arbitrary<T>, check: (v: T) => Promise<void>, opts: { examples?: T[]; numRuns?: number } = {}): Promise<void> {
    const result = await fc.check(fc.asyncProperty(arb, check), {
      seed: this.config.seed,
      numRuns: opts.numRuns ?? this.config.numRuns,
      examples: (opts.examples ?? []).map((e) => [e] as [T]),
    });
    if (!result.failed) return;
    const counterexample = result.counterexample?.[0] as T;
    // Evidence crosses from the vitest worker by structured clone: keep it plain data.
    const shown = evidenceValue(counterexample);
    if (result.errorInstance instanceof Inconclusive) throw result.errorInstance;
    this.steps.length = 0;
    try {
      await check(counterexample);
    } catch (e) {
      const extra = { counterexample: shown, seed: result.seed, path: result.counterexamplePath ?? undefined };
      if (e instanceof RuleFailure) throw new RuleFailure(e.message, e.expected, e.actual, { ...e.extra, ...extra }, e.where);
      throw e;
    }
    throw new RuleFailure(`property failed for ${fc.stringify(counterexample)} but passed when replayed alone (flaky target?)`, undefined, undefined, {
      counterexample: shown,
      seed: result.seed,
      path: result.counterexamplePath ?? undefined,
    });
  }
}

/** A path label as the target reads it; undefined when it is no valid encoding. */
function decodedLabel(label: string): string | undefined {
  try {
    return decodeURIComponent(label);
  } catch {
    return undefined;
  }
}

/** The FunctionArn of a JSON answer body, if it has one. */
function jsonArn(text: string): unknown {
  try {
    return (JSON.parse(text) as { FunctionArn?: unknown }).FunctionArn;
  } catch {
    return undefined;
  }
}

/** A counterexample as plain data: itself when it is, else fast-check's rendering (e.g. command lists). */
function evidenceValue(v: unknown): unknown {
  try {
    const plain: unknown = JSON.parse(JSON.stringify(v));
    return fc.stringify(plain) === fc.stringify(v) ? plain : fc.stringify(v);
  } catch {
    return fc.stringify(v);
  }
}
