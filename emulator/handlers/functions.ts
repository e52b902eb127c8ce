// Companion operations that fixtures need: CreateFunction (zip accepted, never
// run), GetFunction, ListFunctions, DeleteFunction. Deleting a function removes
// its versions, aliases and every EventInvokeConfig with it.
import { createHash } from 'node:crypto';
import { errors } from '../errors.ts';
import { functionConfiguration, lambdaDate } from '../function-config.ts';
import { functionArn, parseFunctionName } from '../names.ts';
import { emptyResponse, jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv, type ResolverArgs } from '../route.ts';
import type { FunctionRecord } from '../state.ts';
import { readJsonBody } from '../validation.ts';

const BARE_NAME = /^[a-zA-Z0-9-_]{1,64}$/;

// Tags, as the Lambda model has them: a map of string keys to string values
// (`Record<string, string>` in the SDK), with no length or size traits. So:
// - a value of another JSON type (`"notamap"`, a nested object, a number) cannot
//   be deserialised into that shape: InvalidRequestContentException, which is
//   what Lambda answers (and validation.ts gives) for a member of the wrong JSON
//   type. Not ValidationException: that reports a model constraint (length,
//   range, pattern) on a value of the right type.
// - the documented tag limits (keys 1-128 characters, values 0-256, at most 50
//   tags per function; Lambda developer guide, "Using tags on Lambda
//   functions") are the service's own checks, not model traits, so they are
//   answered as Lambda answers its own parameter checks (the model's
//   InvalidParameterValueException, "one of the parameters in the request is
//   not valid"), not as a model-constraint ValidationException.
const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
const chars = (s: string) => [...s].length;

function tagsOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw errors.badContent("Value at 'tags' must be a map of string keys to string values.");
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    if (typeof v !== 'string') throw errors.badContent(`Value at 'tags.${key.slice(0, MAX_TAG_KEY)}' must be a string.`);
  }
  if (entries.length > MAX_TAGS) throw errors.invalidParameter(`A function can have at most ${MAX_TAGS} tags; the request has ${entries.length}.`);
  for (const [key, v] of entries) {
    if (chars(key) < 1 || chars(key) > MAX_TAG_KEY)
      throw errors.invalidParameter(
        `Tag keys must be 1 to ${MAX_TAG_KEY} characters long: '${key.slice(0, MAX_TAG_KEY)}${chars(key) > MAX_TAG_KEY ? '...' : ''}'.`,
      );
    if (chars(v as string) > MAX_TAG_VALUE) throw errors.invalidParameter(`Tag values must be at most ${MAX_TAG_VALUE} characters long (tag '${key}').`);
  }
  // fromEntries defines each key as data, so a tag named "__proto__" is kept as a tag.
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The function a companion request names (any name form), or 404 as Lambda words it. */
export function findFunction(a: ResolverArgs): { fn: FunctionRecord; qualifier?: string } {
  const ref = parseFunctionName(a.params.FunctionName ?? '', a.ctx);
  const fn = a.env.state.region(ref.account, ref.region).functions.get(ref.name);
  if (!fn) throw errors.notFound(`Function not found: ${functionArn(ref)}`);
  return { fn, qualifier: ref.derivedQualifier ?? a.query.get('Qualifier') ?? undefined };
}

export const createFunction = (env: EmulatorEnv) =>
  route(env, 'post', '/2015-03-31/functions', async (a) => {
    const body = await readJsonBody(a.request);
    const name = typeof body.FunctionName === 'string' ? body.FunctionName : '';
    if (!BARE_NAME.test(name)) throw errors.invalidParameter(`The function name ${name || '(missing)'} is not valid: 1 to 64 of a-z, A-Z, 0-9, - and _.`);
    if (typeof body.Role !== 'string') throw errors.invalidParameter('Role is required.');
    const tags = tagsOf(body.Tags);
    const code = (body.Code ?? {}) as { ZipFile?: string };
    const zip = Buffer.from(typeof code.ZipFile === 'string' ? code.ZipFile : '', 'base64');
    const functions = env.state.region(a.ctx.account, a.ctx.region).functions;
    if (functions.has(name)) throw errors.conflict(`Function already exist: ${name}`);
    const fn: FunctionRecord = {
      name,
      role: body.Role,
      runtime: typeof body.Runtime === 'string' ? body.Runtime : undefined,
      handler: typeof body.Handler === 'string' ? body.Handler : undefined,
      description: typeof body.Description === 'string' ? body.Description : '',
      tags,
      latest: {
        version: '$LATEST',
        description: typeof body.Description === 'string' ? body.Description : '',
        codeSha256: createHash('sha256').update(zip).digest('base64'),
        codeSize: zip.length,
        lastModified: lambdaDate(),
        configRevision: 0,
      },
      versions: new Map(),
      nextVersion: 1,
      aliases: new Map(),
      configs: new Map(),
    };
    functions.set(name, fn);
    return jsonResponse(201, functionConfiguration(a.ctx, fn, fn.latest));
  });

export const getFunction = (env: EmulatorEnv) =>
  route(env, 'get', '/2015-03-31/functions/:FunctionName', (a) => {
    const { fn, qualifier } = findFunction(a);
    const v = qualifier && qualifier !== '$LATEST' ? fn.versions.get(fn.aliases.get(qualifier)?.version ?? qualifier) : fn.latest;
    if (!v) throw errors.notFound(`Function not found: ${functionArn({ ...a.ctx, name: fn.name }, qualifier)}`);
    return jsonResponse(200, {
      Configuration: functionConfiguration(a.ctx, fn, v),
      Code: { RepositoryType: 'S3', Location: 'https://example.invalid/code.zip' },
      Tags: fn.tags,
    });
  });

export const listFunctions = (env: EmulatorEnv) =>
  route(env, 'get', '/2015-03-31/functions', (a) => {
    const all = [...env.state.region(a.ctx.account, a.ctx.region).functions.values()].sort((x, y) => x.name.localeCompare(y.name));
    const after = a.query.get('Marker');
    const max = Math.min(Math.max(Number(a.query.get('MaxItems') ?? 50) || 50, 1), 10_000);
    const rest = after ? all.filter((f) => f.name > after) : all;
    const page = rest.slice(0, max);
    return jsonResponse(200, {
      Functions: page.map((f) => functionConfiguration(a.ctx, f, f.latest)),
      ...(rest.length > page.length ? { NextMarker: page.at(-1)!.name } : {}),
    });
  });

export const deleteFunction = (env: EmulatorEnv) =>
  route(env, 'delete', '/2015-03-31/functions/:FunctionName', (a) => {
    const { fn, qualifier } = findFunction(a);
    const functions = env.state.region(a.ctx.account, a.ctx.region).functions;
    if (qualifier === undefined || qualifier === '$LATEST') {
      functions.delete(fn.name);
      return emptyResponse(204);
    }
    if (!fn.versions.has(qualifier)) throw errors.notFound(`Function not found: ${functionArn({ ...a.ctx, name: fn.name }, qualifier)}`);
    const usedBy = [...fn.aliases.entries()].find(([, al]) => al.version === qualifier);
    if (usedBy) throw errors.conflict(`Unable to delete version because the following aliases reference it: [${usedBy[0]}]`);
    fn.versions.delete(qualifier);
    fn.configs.delete(qualifier);
    return emptyResponse(204);
  });
