// Checks on raw wire answers (status, headers, the JSON text as it arrived),
// for the rules the SDK cannot judge: it turns epoch numbers into Dates, drops
// nulls and absent keys alike, and never shows headers or non-JSON bodies.
// Every check throws a typed RuleFailure (`Received: ... / Expected: ...`)
// naming the request, like the helpers of ./expect.ts.
import { isDeepStrictEqual } from 'node:util';
import { httpBinding, type EicOperation } from '../../specs/contract.ts';
import { validatorFor } from '../../specs/validators.ts';
import { encodeLabel, pathWithQuery, type WireRequest, type WireResponse } from '../../targets/wire.ts';
import { precondition, SET_UP_STEP } from './expect.ts';
import { Blocked, Inconclusive, mismatch, RuleFailure, type Where } from './outcomes.ts';
import type { RuleContext } from './rule-context.ts';

/** A raw answer together with a readable name of the request that got it. */
export interface Exchange extends WireResponse {
  /** `PUT /2019-09-25/functions/<name>/event-invoke-config?Qualifier=1` (labels unencoded, for reading). */
  label: string;
  /** The operation the request is, or `METHOD path` for a request that is none. */
  op: string;
}

/** Where a check on a raw answer looked. */
export const on = (x: Exchange, field: string): Where => ({ op: x.op, request: x.label, field });

export interface EicCallOptions {
  qualifier?: string;
  /** Extra query members (List's MaxItems and Marker). */
  query?: Record<string, string>;
  /** A JSON body, serialised as is. */
  body?: unknown;
  /** The exact body text (malformed JSON, wrong types); wins over `body`. */
  rawBody?: string;
}

/** The raw request of an EventInvokeConfig operation, from its HTTP binding in specs/contract.ts. */
export function eicRequest(op: EicOperation, functionName: string, o: EicCallOptions = {}): WireRequest {
  const { method, uri } = httpBinding(op);
  const query = { ...(o.qualifier !== undefined ? { Qualifier: o.qualifier } : {}), ...o.query };
  const body = o.rawBody ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined);
  return {
    method,
    path: uri.replace('{FunctionName}', encodeLabel(functionName)),
    ...(Object.keys(query).length ? { query } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/** How an exchange is named in evidence: the method, and the path (as given, unencoded for an operation's) with its query. */
const labelOf = (req: WireRequest, path = req.path) => `${req.method} ${pathWithQuery({ path, query: req.query })}`;
const eicLabel = (op: EicOperation, functionName: string, req: WireRequest) => labelOf(req, httpBinding(op).uri.replace('{FunctionName}', functionName));

/** Sends a raw request through the rule's context (recorded for the reproduction). */
async function send(t: RuleContext, req: WireRequest, label: string, op: string): Promise<Exchange> {
  return { ...(await t.wire(req)), label, op };
}

/** Sends an EventInvokeConfig operation raw through the rule's context (recorded for the reproduction). */
export function wireCall(t: RuleContext, op: EicOperation, functionName: string, o: EicCallOptions = {}): Promise<Exchange> {
  const req = eicRequest(op, functionName, o);
  return send(t, req, eicLabel(op, functionName, req), op);
}

/**
 * Sends any raw request (an unknown path, say). `op` names it in root causes
 * (default `METHOD path`): give a stable name when the path holds run-specific
 * parts (a function's ARN), so that the same divergence reads the same.
 */
export function rawCall(t: RuleContext, req: WireRequest, op = `${req.method} ${req.path}`): Promise<Exchange> {
  return send(t, req, labelOf(req), op);
}

/**
 * What the harness calls no AWS answer (an HTML page, an empty error, a 5xx
 * after the retries) ends a rule inconclusive: RuleContext.wire throws with
 * one of these phrases (rule-context.ts `notAnAwsAnswer`).
 */
const FAULT = /: (not an AWS answer|the target failed on its side)\b/;

/** The request got an answer, but no AWS answer (the harness ended the rule inconclusive for it). */
export const isFaultAnswer = (e: unknown): e is Inconclusive => e instanceof Inconclusive && !(e instanceof Blocked) && FAULT.test(e.message);

export interface JudgeFaults {
  /** Also judge a 5xx answer (after the retries): for rules whose claim is "never a 5xx". */
  serverErrors?: boolean;
}

/**
 * For the few rules whose own claim is the form of the answer (a JSON error,
 * never an HTML page, never a 5xx): the answer even when it is no AWS answer,
 * rebuilt from the evidence the request left (status, the telling headers, the
 * body as recorded). Everything else that makes a request inconclusive (no
 * answer, throttling, a repeat after a lost answer) stays inconclusive, and so
 * does a 5xx unless `serverErrors`.
 */
async function judgingFaults(t: RuleContext, req: WireRequest, label: string, op: string, o: JudgeFaults): Promise<Exchange> {
  const before = t.steps.length;
  try {
    return await send(t, req, label, op);
  } catch (e) {
    const answer = t.steps.length > before ? t.steps.at(-1)?.exchange : undefined;
    if (!isFaultAnswer(e) || answer?.status === undefined) throw e;
    if (answer.status >= 500 && !o.serverErrors) throw e;
    return { status: answer.status, headers: answer.headers ?? {}, text: answer.body ?? '', label, op };
  }
}

/** wireCall, judging fault answers too (see judgingFaults). */
export function wireCallJudgingFaults(t: RuleContext, op: EicOperation, functionName: string, o: EicCallOptions = {}, j: JudgeFaults = {}): Promise<Exchange> {
  const req = eicRequest(op, functionName, o);
  return judgingFaults(t, req, eicLabel(op, functionName, req), op, j);
}

/** rawCall, judging fault answers too (see judgingFaults). */
export function rawCallJudgingFaults(t: RuleContext, req: WireRequest, j: JudgeFaults = {}, op = `${req.method} ${req.path}`): Promise<Exchange> {
  return judgingFaults(t, req, labelOf(req), op, j);
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}...` : text) || '(empty body)';

export function expectWireStatus(x: Exchange, status: number): void {
  if (x.status !== status) throw mismatch(on(x, 'status'), status, x.status, excerpt(x.text));
}

/** The body parsed as a JSON object; fails on anything else (HTML, empty, an array, a bare value). */
export function jsonObject(x: Exchange): Record<string, unknown> {
  const parsed = parseJson(x.text);
  if (parsed === NOT_JSON || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw mismatch(on(x, 'body'), 'a JSON object', excerpt(x.text));
  }
  return parsed as Record<string, unknown>;
}

const NOT_JSON = Symbol('not JSON');
/** JSON.parse without throwing (rules stay free of try/catch). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** A success answer with this status and a JSON object body. */
export function expectWireOk(x: Exchange, status = 200): Record<string, unknown> {
  expectWireStatus(x, status);
  return jsonObject(x);
}

/**
 * A SET-UP step sent raw succeeded (the configs a List rule then reads, say):
 * its JSON body; otherwise the rule is blocked by what the step answered.
 */
export function givenWire(x: Exchange, status = 200): Record<string, unknown> {
  return precondition(() => expectWireOk(x, status), SET_UP_STEP);
}

/**
 * The raw answer is an error with this status (or any 4xx): the precondition
 * of rules about an error's code, body or headers. Anything else blocks the
 * rule, naming the rule that judges the status.
 */
export function requireWireError(x: Exchange, status: number | '4xx', judgedBy: string): void {
  precondition(() => expectErrorStatus(x, status), judgedBy);
}

/** Content-Type is application/json (parameters such as charset allowed). */
export function expectJsonContentType(x: Exchange): void {
  const ct = x.headers['content-type'];
  if (!ct || !/^application\/json\s*(;|$)/i.test(ct)) throw mismatch(on(x, 'content-type'), 'application/json', ct ?? '(no content-type header)');
}

/** 204 and no body at all. */
export function expectNoContent(x: Exchange): void {
  expectWireStatus(x, 204);
  if (x.text !== '') throw mismatch(on(x, 'body'), '(empty)', excerpt(x.text));
}

/** The error code as the SDK finds it: the x-amzn-ErrorType header first, then `__type` / `code` in the body. */
export function errorCodeOf(x: Exchange, body: Record<string, unknown>): string | undefined {
  const sanitise = (c: string) => c.split(':')[0]!.split('#').at(-1)!.trim();
  const header = x.headers['x-amzn-errortype'];
  if (header) return sanitise(header);
  for (const k of ['__type', 'code']) if (typeof body[k] === 'string') return sanitise(body[k] as string);
  return undefined;
}

/** An exact status, or any 4xx. */
export function expectErrorStatus(x: Exchange, status: number | '4xx'): void {
  if (status !== '4xx') {
    expectWireStatus(x, status);
    return;
  }
  if (x.status < 400 || x.status > 499) throw mismatch(on(x, 'status'), 'a 4xx status', x.status, excerpt(x.text));
}

/**
 * An error answer's body: the status (exact, or any 4xx), a JSON object body,
 * and when given the error code (header or body, as the SDK reads it). The
 * content type is not checked (expectJsonError does). Returns the parsed body.
 */
export function expectErrorBody(x: Exchange, e: { status: number | '4xx'; code?: string }): Record<string, unknown> {
  expectErrorStatus(x, e.status);
  const body = jsonObject(x);
  if (e.code !== undefined) {
    const code = errorCodeOf(x, body);
    if (code !== e.code) throw mismatch(on(x, 'error code'), e.code, code ?? '(no x-amzn-ErrorType header, no __type in the body)', excerpt(x.text));
  }
  return body;
}

/** A JSON error: expectErrorBody, and sent as application/json. Returns the parsed body. */
export function expectJsonError(x: Exchange, e: { status: number | '4xx'; code?: string }): Record<string, unknown> {
  expectErrorStatus(x, e.status);
  expectJsonContentType(x);
  return expectErrorBody(x, e);
}

/** Strict: the x-amzn-ErrorType header itself names the code (`Code` or `Code:<anything>`). */
export function expectErrorTypeHeader(x: Exchange, code: string): void {
  const header = x.headers['x-amzn-errortype'];
  if (header === undefined || header.split(':')[0] !== code) throw mismatch(on(x, 'x-amzn-ErrorType header'), code, header ?? '(absent)', excerpt(x.text));
}

/** A body validates against `$defs/<def>` of the contract schema (ajv). `where.field` names the body. */
export function expectSchema(def: string, body: unknown, where: Where): void {
  const validate = validatorFor(def);
  if (validate(body)) return;
  const problems = (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
  );
  const first = validate.errors?.[0];
  const field = `${where.field}${first?.instancePath ? first.instancePath.replace(/\//g, '.') : ''}`;
  // Expected and actual name the first problem (not the whole body, which the exchanges show): its root cause reads as what is wrong.
  const problem = first ? `${first.instancePath || '/'} ${first.message ?? first.keyword}` : 'invalid';
  throw new RuleFailure(
    `${where.request}: body does not validate against ${def}: ${problems.join('; ')}`,
    `a valid ${def}`,
    problem,
    { field },
    { ...where, field: `${field} (${first?.keyword ?? 'schema'})` },
  );
}

/** `where` with the field replaced: the member `.k` of the JSON object `where` names. */
const member = (where: Where, k: string): Where => ({ ...where, field: `${where.field}.${k}` });

/** The members have exactly these values in a raw JSON object. */
export function expectJsonMembers(where: Where, obj: Record<string, unknown>, members: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(members)) {
    if (!isDeepStrictEqual(obj[k], v)) throw mismatch(member(where, k), v, k in obj ? obj[k] : '(absent)');
  }
}

/** The keys are not in the raw JSON object at all: not null, not empty, not there. */
export function expectKeysAbsent(where: Where, obj: Record<string, unknown>, ...keys: string[]): void {
  for (const k of keys) if (k in obj) throw mismatch(member(where, k), '(absent)', obj[k] === null ? 'null' : obj[k]);
}

/** The keys are in the raw JSON object (any value). */
export function expectKeysPresent(where: Where, obj: Record<string, unknown>, ...keys: string[]): void {
  for (const k of keys) if (!(k in obj)) throw mismatch(member(where, k), '(present)', '(absent)');
}

/** `FunctionEventInvokeConfigs` of a raw List body: an array of JSON objects. */
export function listItems(x: Exchange, body: Record<string, unknown>): Record<string, unknown>[] {
  const items = body.FunctionEventInvokeConfigs;
  if (!Array.isArray(items) || !items.every((i) => i !== null && typeof i === 'object' && !Array.isArray(i))) {
    throw mismatch(on(x, 'body.FunctionEventInvokeConfigs'), 'an array of objects', items === undefined ? '(absent)' : items);
  }
  return items as Record<string, unknown>[];
}

/** Lambda's launch (2014-11-13) in epoch seconds: anything earlier is not a LastModified in seconds. */
const EARLIEST_SECONDS = 1_415_836_800;

/** A JSON number of epoch seconds: after Lambda existed, not more than a day ahead of this clock (milliseconds are far beyond). */
export function expectEpochSeconds(where: Where, value: unknown): void {
  const latest = Date.now() / 1000 + 86_400;
  if (typeof value !== 'number') throw mismatch(where, 'a JSON number (epoch seconds)', value === undefined ? '(absent)' : value);
  if (!(value >= EARLIEST_SECONDS && value <= latest)) throw mismatch(where, `epoch seconds between ${EARLIEST_SECONDS} and ${Math.round(latest)}`, value);
}
