// What a rule's body works with: calls to the target that are recorded (for the
// request count and the reproduction), fresh fixtures, the raw wire, and
// seeded property runs. Transport failures and throttling end the rule as
// inconclusive here, so no rule can turn a network fault into a failure.
import fc from 'fast-check';
import type { Rule } from '../../specs/rules/index.ts';
import type { Fixtures, FunctionFixture } from '../../fixtures/provision.ts';
import { observe, type CommandName, type Observation, type RawAnswer } from '../../targets/observe.ts';
import { notAnAwsAnswer } from '../../targets/answer-kind.ts';
import { excerpt } from '../../targets/redact.ts';
import type { ExchangeEvidence } from '../../specs/verdicts.ts';
import { BudgetExhausted, DIRECT, observeResilient, withRetries, type Pacing } from '../../targets/resilience.ts';
import type { Target } from '../../targets/target.ts';
import type { WireRequest, WireResponse } from '../../targets/wire.ts';
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

export class RuleContext {
  readonly steps: Step[] = [];
  requests = 0;
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
  ) {}

  get seed(): number {
    return this.config.seed;
  }

  private guard(op: string): void {
    if (this.config.lackingOperations?.includes(op)) throw new Unsupported(`the target does not implement ${op}`);
  }

  async call(op: CommandName, input: Input): Promise<Observation> {
    this.guard(op);
    const step: Step = { kind: 'sdk', op, input };
    this.steps.push(step);
    const o = await this.spending(() => observeResilient(this.target.client, op, input, this.pacing));
    this.requests += o.attempts;
    if (o.raw) step.exchange = exchangeOf(op, o.raw, JSON.stringify(input));
    else if (o.transportError) step.exchange = { op, method: '', path: '', fault: o.transportError };
    if (o.gaveUp) throw new Inconclusive(`${op}: ${o.gaveUp}`);
    const fault = o.raw && notAnAwsAnswer(o.raw.status, o.raw.headers, o.raw.text);
    if (fault) throw new Inconclusive(`${op}: ${fault}`);
    // A repeated Delete (say) that answers an error may only see its own first attempt's effect.
    if (o.ambiguous && (o.status === 404 || o.status === 409))
      throw new Inconclusive(`${op} was repeated after a lost answer; its ${o.status} ${o.errorCode} may follow from the first attempt`);
    const { attempts: _a, ambiguous: _b, gaveUp: _c, ...observation } = o;
    return observation;
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
        (r) => ('res' in r ? Number(r.res.headers['retry-after']) || undefined : undefined),
        (r) => ('error' in r ? r.error : `${r.res.status}`),
      ),
    );
    this.requests += t.attempts;
    const label = op ?? `${request.method} ${request.path}`;
    const path = `${request.path}${request.query ? `?${new URLSearchParams(request.query)}` : ''}`;
    if ('res' in t.value) step.exchange = exchangeOf(label, { method: request.method, path, ...t.value.res }, request.body);
    if (t.gaveUp || 'error' in t.value) throw new Inconclusive(`${request.method} ${request.path}: ${t.gaveUp ?? ('error' in t.value ? t.value.error : '')}`);
    const fault = notAnAwsAnswer(t.value.res.status, t.value.res.headers, t.value.res.text);
    if (fault && !(request.method === 'DELETE' && t.value.res.status < 300)) throw new Inconclusive(`${label}: ${fault}`);
    if (t.ambiguous && (t.value.res.status === 404 || t.value.res.status === 409))
      throw new Inconclusive(`${request.method} ${request.path} was repeated after a lost answer; its ${t.value.res.status} may follow from the first attempt`);
    return t.value.res;
  }

  /** A fresh function of this run; removed when the suite ends. */
  async fn(label = 'fn'): Promise<FunctionFixture> {
    return this.fixture(
      'CreateFunction',
      { label },
      () => this.fixtures.createFunction(label),
      (f) => ({ FunctionName: f.name }),
    );
  }

  async publish(fn: FunctionFixture): Promise<string> {
    return this.fixture('PublishVersion', { FunctionName: fn.name }, () => this.fixtures.publishVersion(fn));
  }

  async alias(fn: FunctionFixture, version: string, label = 'live'): Promise<string> {
    return this.fixture(
      'CreateAlias',
      { FunctionName: fn.name, FunctionVersion: version },
      () => this.fixtures.createAlias(fn, version, label),
      (name) => ({
        FunctionName: fn.name,
        Name: name,
        FunctionVersion: version,
      }),
    );
  }

  private async fixture<T>(
    op: 'CreateFunction' | 'PublishVersion' | 'CreateAlias',
    input: Input,
    make: () => Promise<T>,
    recorded?: (v: T) => Input,
  ): Promise<T> {
    this.requests++;
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

/** A counterexample as plain data: itself when it is, else fast-check's rendering (e.g. command lists). */
function evidenceValue(v: unknown): unknown {
  try {
    const plain: unknown = JSON.parse(JSON.stringify(v));
    return fc.stringify(plain) === fc.stringify(v) ? plain : fc.stringify(v);
  } catch {
    return fc.stringify(v);
  }
}
