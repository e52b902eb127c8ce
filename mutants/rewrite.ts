// The one seam every mutant goes through: msw overrides put in front of the
// reference emulator's handlers (msw answers with the first handler that
// returns a response). An override sees the request taken apart (a Call),
// may change it, sends it on to the reference handlers with `next`, and may
// change the answer; a few also read or write the emulator's state. Nothing
// here copies or edits the emulator: it is only ever called.
import { getResponse, http, type HttpHandler } from 'msw';
import { requestContext } from '../emulator/context.ts';
import { ApiError } from '../emulator/errors.ts';
import { errorResponse } from '../emulator/respond.ts';
import type { EmulatorState, StoredConfig } from '../emulator/state.ts';
import type { RuleId } from '../specs/rules/index.ts';

/** The unmodified emulator a mutant is built from. */
export type Reference = { handlers: HttpHandler[]; state: EmulatorState };

export interface Mutant {
  /** kebab-case, stable: the name in tables and reports. */
  id: string;
  title: string;
  /** The bug, in one sentence. */
  bug: string;
  /** Rule ids (specs/rules) expected to fail against this mutant. */
  killers: readonly RuleId[];
  /** The handler array of the faulty emulator. */
  mutate(ref: Reference): HttpHandler[];
}

export const EIC = '*/2019-09-25/functions/:FunctionName/event-invoke-config';
export const EIC_LIST = `${EIC}/list`;
export const PUBLISH = '*/2015-03-31/functions/:FunctionName/versions';

/** A request taken apart, so an override can change any piece and send it on. */
export type Call = { method: string; url: URL; headers: Headers; text: string };

type Verb = 'get' | 'put' | 'post' | 'delete' | 'all';
export type Next = (c: Call) => Promise<Response>;
export type Around = (c: Call, next: Next, ref: Reference) => Promise<Response>;
/** One msw handler in front of the reference ones. */
export type Override = (ref: Reference) => HttpHandler;

const toRequest = (c: Call) =>
  new Request(c.url, { method: c.method, headers: c.headers, body: c.method === 'GET' || c.method === 'HEAD' || c.text === '' ? undefined : c.text });

/** Sends a call to the reference handlers (never to another override). */
export const send = async (ref: Reference, c: Call): Promise<Response> =>
  (await getResponse(ref.handlers, toRequest(c))) ?? new Response(null, { status: 404 });

export const around =
  (verb: Verb, path: string, fn: Around): Override =>
  (ref) =>
    http[verb](path, async ({ request }) => {
      const call: Call = { method: request.method, url: new URL(request.url), headers: new Headers(request.headers), text: await request.text() };
      return fn(call, (c) => send(ref, c), ref);
    });

/** Put and Update alike. */
export const aroundWrites = (fn: Around): Override[] => [around('put', EIC, fn), around('post', EIC, fn)];

/** The mutant's handler array: its overrides, then the reference handlers. */
export const prepend =
  (...overrides: Override[]) =>
  (ref: Reference): HttpHandler[] => [...overrides.map((o) => o(ref)), ...ref.handlers];

// ---- requests ----

const segments = (c: Call) => c.url.pathname.split('/');
/** The FunctionName path label, decoded (`/<date>/functions/<label>/...`). */
export const functionNameOf = (c: Call): string => decodeURIComponent(segments(c)[3] ?? '');

/** The function and qualifiers an EventInvokeConfig call names, in any name form. */
export function targetOf(c: Call): { functionName: string; name: string; nameQualifier?: string; qualifier?: string } {
  const functionName = functionNameOf(c);
  const parts = functionName.split(':');
  const at = parts.indexOf('function');
  const [name = '', nameQualifier] = at >= 0 ? parts.slice(at + 1) : parts;
  const qualifier = c.url.searchParams.get('Qualifier') ?? undefined;
  return { functionName, name, ...(nameQualifier !== undefined ? { nameQualifier } : {}), ...(qualifier !== undefined ? { qualifier } : {}) };
}

export function withFunctionName(c: Call, functionName: string): Call {
  const url = new URL(c.url);
  url.pathname = segments(c)
    .map((s, i) => (i === 3 ? encodeURIComponent(functionName) : s))
    .join('/');
  return { ...c, url };
}
export function withQuery(c: Call, key: string, value: string | undefined): Call {
  const url = new URL(c.url);
  if (value === undefined) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return { ...c, url };
}

export type Json = Record<string, unknown>;
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
/** The JSON object body of a call; undefined when it is not one. */
export function bodyOf(c: Call): Json | undefined {
  const v = parse(c.text || '{}');
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}
export const withBody = (c: Call, body: unknown): Call => ({ ...c, text: JSON.stringify(body) });
export const hasNoSettings = (b: Json) => b.MaximumRetryAttempts === undefined && b.MaximumEventAgeInSeconds === undefined && b.DestinationConfig === undefined;

/** The account and region the call acts in, read as the emulator reads them (its SigV4 credential scope). */
export const callerOf = (c: Call) => requestContext(new Request(c.url, { headers: c.headers }), {});

/** Another operation of the reference emulator, with the caller's credentials (so the same account and region). */
export function companion(c: Call, method: string, path: string, text = ''): Call {
  return { method, url: new URL(path, c.url.origin), headers: c.headers, text };
}
const fnPath = (name: string) => `/2015-03-31/functions/${encodeURIComponent(name)}`;
/** The alias -> version map of a function, asked of the reference emulator. */
export async function aliasesOf(c: Call, next: Next, name: string): Promise<Map<string, string>> {
  const json = (await jsonOf(await next(companion(c, 'GET', `${fnPath(name)}/aliases`)))) as
    | { Aliases?: Array<{ Name: string; FunctionVersion: string }> }
    | undefined;
  return new Map((json?.Aliases ?? []).map((a) => [a.Name, a.FunctionVersion]));
}
/** Whether a function exists (GetFunction through the reference emulator). */
export const functionExists = async (c: Call, next: Next, name: string) => (await next(companion(c, 'GET', fnPath(name)))).status === 200;

// ---- responses ----

export const jsonOf = async (res: Response): Promise<unknown> => parse(await res.clone().text());
/** The error code and message of an answer (reference form: header + `message`/`Message`). */
export async function errorOf(res: Response): Promise<{ code?: string; message: string }> {
  const b = ((await jsonOf(res)) ?? {}) as Json;
  return { code: res.headers.get('x-amzn-ErrorType') ?? undefined, message: String(b.message ?? b.Message ?? '') };
}

/** Same status and headers, another body (and optionally other headers). */
export function reply(res: Response, body: string | null, edit: (h: Headers) => void = () => {}): Response {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  edit(headers);
  return new Response(body, { status: res.status, headers });
}
/** Edits the JSON body of a success answer; other answers pass unchanged. */
export async function editJson(res: Response, edit: (b: Json) => unknown): Promise<Response> {
  if (res.status < 200 || res.status >= 300) return res;
  const b = await jsonOf(res);
  return b && typeof b === 'object' ? reply(res, JSON.stringify(edit(b as Json))) : res;
}
/** Edits every config body of a success answer: Put/Update/Get bodies and each List item. */
export const editConfigs = (res: Response, edit: (config: Json) => Json) =>
  editJson(res, (b) =>
    Array.isArray(b.FunctionEventInvokeConfigs)
      ? { ...b, FunctionEventInvokeConfigs: (b.FunctionEventInvokeConfigs as Json[]).map(edit) }
      : 'FunctionArn' in b
        ? edit(b)
        : b,
  );
/** Edits the JSON body (and optionally the headers) of an error answer. */
export const editError = async (res: Response, edit: (b: Json) => Json, headers?: (h: Headers) => void) =>
  reply(res, JSON.stringify(edit((await jsonOf(res)) as Json)), headers);
/** An error in the reference emulator's own form. */
export const apiError = (code: string, message: string) => errorResponse(new ApiError(code, message));

/** `arn:...:function:<name>:<from>` -> `...:<to>` in an answer (ARNs in bodies and messages). */
export async function renameQualifier(res: Response, name: string, from: string, to: string): Promise<Response> {
  const text = await res.clone().text();
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return reply(res, res.status === 204 ? null : text.replace(new RegExp(`(function:${esc(name)}):${esc(from)}(?![\\w$.-])`, 'g'), `$1:${to}`));
}

// ---- state ----

/** The function record and qualifier a qualified FunctionArn names, in the emulator's state. */
export function locate(ref: Reference, qualifiedArn: string): { configs: Map<string, StoredConfig>; qualifier: string } | undefined {
  const [, , , region = '', account = '', , name = '', qualifier = '$LATEST'] = qualifiedArn.split(':');
  const fn = ref.state.region(account, region).functions.get(name);
  return fn && { configs: fn.configs, qualifier };
}
export const stored = (ref: Reference, qualifiedArn: string): StoredConfig | undefined => {
  const at = locate(ref, qualifiedArn);
  return at?.configs.get(at.qualifier);
};
