// CreateAlias, DeleteAlias, ListAliases. An alias has its own EventInvokeConfig;
// deleting the alias removes that config too.
import { randomUUID } from 'node:crypto';
import { errors } from '../errors.ts';
import { functionArn } from '../names.ts';
import { emptyResponse, jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv, type ResolverArgs } from '../route.ts';
import type { FunctionRecord } from '../state.ts';
import { readJsonBody } from '../validation.ts';
import { findFunction } from './functions.ts';

const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;

function aliasBody(a: ResolverArgs, fn: FunctionRecord, name: string): Record<string, unknown> {
  const alias = fn.aliases.get(name)!;
  return {
    AliasArn: functionArn({ ...a.ctx, name: fn.name }, name),
    Name: name,
    FunctionVersion: alias.version,
    Description: alias.description,
    RevisionId: alias.revisionId,
  };
}

export const createAlias = (env: EmulatorEnv) =>
  route(env, 'post', '/2015-03-31/functions/:FunctionName/aliases', async (a) => {
    const body = await readJsonBody(a.request);
    const { fn } = findFunction(a);
    const name = typeof body.Name === 'string' ? body.Name : '';
    const version = typeof body.FunctionVersion === 'string' ? body.FunctionVersion : '';
    if (!ALIAS_NAME.test(name)) throw errors.invalidParameter(`The alias name ${name || '(missing)'} is not valid.`);
    if (version !== '$LATEST' && !fn.versions.has(version)) {
      throw errors.notFound(`Function not found: ${functionArn({ ...a.ctx, name: fn.name }, version || '(missing)')}`);
    }
    if (fn.aliases.has(name)) throw errors.conflict(`Alias already exists: ${functionArn({ ...a.ctx, name: fn.name }, name)}`);
    fn.aliases.set(name, { version, description: typeof body.Description === 'string' ? body.Description : '', revisionId: randomUUID() });
    return jsonResponse(201, aliasBody(a, fn, name));
  });

export const deleteAlias = (env: EmulatorEnv) =>
  route(env, 'delete', '/2015-03-31/functions/:FunctionName/aliases/:Name', (a) => {
    const { fn } = findFunction(a);
    const name = a.params.Name ?? '';
    // Lambda answers 204 for an alias that is already gone.
    if (fn.aliases.delete(name)) fn.configs.delete(name);
    return emptyResponse(204);
  });

export const listAliases = (env: EmulatorEnv) =>
  route(env, 'get', '/2015-03-31/functions/:FunctionName/aliases', (a) => {
    const { fn } = findFunction(a);
    return jsonResponse(200, { Aliases: [...fn.aliases.keys()].map((n) => aliasBody(a, fn, n)) });
  });
