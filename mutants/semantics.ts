// Semantics mutants: replace vs merge, Update never creating, LastModified,
// idempotent repeats, and what counts as a setting.
import { EIC, NO_FUNCTION, apiError, around, editJson, errorOf, functionExists, jsonOf, locate, prepend, stored, targetOf, withBody, bodyOf, type Json, type Mutant, type Next, type Call } from './rewrite.ts';

const get = (c: Call): Call => ({ ...c, method: 'GET', text: '' });
const NO_CONFIG = /doesn't have an EventInvokeConfig$/;

/** Epoch seconds (millisecond precision) strictly after `previous`. */
const later = (previous: number) => Math.max(Math.round(Date.now()) / 1000, Math.round((previous + 0.001) * 1000) / 1000);

/** A write whose stored LastModified is moved forward every time, changed or not. */
const alwaysTouches = (verb: 'put' | 'post') =>
  prepend(
    around(verb, EIC, async (c, next, ref) => {
      const res = await next(c);
      const body = (await jsonOf(res)) as Json | undefined;
      const config = res.status === 200 && body ? stored(ref, String(body.FunctionArn)) : undefined;
      if (!config) return res;
      config.lastModified = later(config.lastModified);
      return editJson(res, (b) => ({ ...b, LastModified: config.lastModified }));
    }),
  );

export const semanticsMutants: Mutant[] = [
  {
    id: 'put-merges',
    title: 'Put merges into the existing config',
    bug: 'Put on a function that already has a config merges the request into it (as Update does) instead of replacing it.',
    killers: ['put.overwrite.removes-omitted-settings', 'put.overwrite.removes-omitted-destinations', 'model.sequences.agree-with-model'],
    mutate: prepend(around('put', EIC, async (c, next) => next((await next(get(c))).status === 200 ? { ...c, method: 'POST' } : c))),
  },
  {
    id: 'update-replaces',
    title: 'Update replaces the whole config',
    bug: 'Update overwrites the existing config with the request (as Put does), dropping the settings it does not name.',
    killers: ['update.merge.keeps-untouched-settings', 'update.merge.keeps-destinations', 'destination.update-keeps-other-settings'],
    mutate: prepend(around('post', EIC, async (c, next) => next((await next(get(c))).status === 200 ? { ...c, method: 'PUT' } : c))),
  },
  {
    id: 'update-creates',
    title: 'Update creates a missing config',
    bug: 'Update on a function or qualifier without a config creates one instead of answering 404.',
    killers: ['update.no-config.not-found', 'update.no-config.message'],
    mutate: prepend(
      around('post', EIC, async (c, next) => {
        const res = await next(c);
        const e = await errorOf(res);
        return e.code === 'ResourceNotFoundException' && NO_CONFIG.test(e.message) ? next({ ...c, method: 'PUT' }) : res;
      }),
    ),
  },
  {
    id: 'put-keeps-destinations',
    title: 'Put keeps the old destinations',
    bug: 'Put without a DestinationConfig keeps the destinations of the config it replaces.',
    killers: ['put.overwrite.removes-omitted-destinations'],
    mutate: prepend(
      around('put', EIC, async (c, next) => {
        const body = bodyOf(c);
        const old = body && body.DestinationConfig === undefined ? await next(get(c)) : undefined;
        const dc = old?.status === 200 ? ((await jsonOf(old)) as Json).DestinationConfig : undefined;
        const hasDestination = JSON.stringify(dc ?? {}).includes('"Destination"');
        return next(hasDestination ? withBody(c, { ...body, DestinationConfig: dc }) : c);
      }),
    ),
  },
  {
    id: 'last-modified-frozen',
    title: 'LastModified never changes',
    bug: 'LastModified stays at the time the config was first written, whatever changes later.',
    killers: ['put.last-modified.advances-on-change'],
    mutate: (ref) => {
      const first = new Map<string, number>();
      const freeze = around('all', EIC, async (c, next, r) => {
        const res = await next(c);
        const body = (await jsonOf(res)) as Json | undefined;
        if (res.status !== 200 || !body || c.method === 'GET') return res;
        const arn = String(body.FunctionArn);
        const at = first.get(arn) ?? Number(body.LastModified);
        first.set(arn, at);
        const config = stored(r, arn);
        if (config) config.lastModified = at;
        return editJson(res, (b) => ({ ...b, LastModified: at }));
      });
      return prepend(freeze)(ref);
    },
  },
  {
    id: 'put-repeat-changes-body',
    title: 'Repeating a Put changes the body',
    bug: 'Every Put moves LastModified forward, even one that repeats the stored settings exactly.',
    killers: ['put.idempotent.identical-body'],
    mutate: alwaysTouches('put'),
  },
  {
    id: 'update-repeat-changes-body',
    title: 'Repeating an Update changes the body',
    bug: 'Every Update moves LastModified forward, even one that changes nothing.',
    killers: ['update.idempotent.identical-body'],
    mutate: alwaysTouches('post'),
  },
  {
    id: 'update-not-saved',
    title: 'Update answers but does not save',
    bug: 'Update answers with the merged config but leaves the stored config as it was.',
    killers: ['get.returns-current-config', 'update.merge.keeps-untouched-settings'],
    mutate: prepend(
      around('post', EIC, async (c, next, ref) => {
        const before = (await jsonOf(await next(get(c)))) as Json | undefined;
        const at = before?.FunctionArn ? locate(ref, String(before.FunctionArn)) : undefined;
        const saved = at && at.configs.get(at.qualifier);
        const res = await next(c);
        if (at && saved) at.configs.set(at.qualifier, saved);
        return res;
      }),
    ),
  },
  {
    id: 'empty-side-not-a-setting',
    title: 'A destination side sent as {} is not a setting',
    bug: 'Put with only DestinationConfig {"OnSuccess": {}} (no Destination) is refused as a request without settings.',
    killers: ['put.no-settings.empty-destination-side-counts', 'destination.empty-side-echoed-empty'],
    mutate: prepend(
      around('put', EIC, async (c, next) => {
        const b = bodyOf(c);
        const onlyEmptySides = b && b.MaximumRetryAttempts === undefined && b.MaximumEventAgeInSeconds === undefined && b.DestinationConfig !== undefined && !JSON.stringify(b.DestinationConfig).includes('"Destination"');
        return onlyEmptySides ? apiError('InvalidParameterValueException', 'You must specify at least one of error handling or destination setting.') : next(c);
      }),
    ),
  },
  {
    id: 'get-missing-function-generic-message',
    title: 'Get on a missing function says the function does not exist',
    bug: "Get on a missing function answers \"The function doesn't exist.\" instead of naming <arn>:$LATEST as AWS does.",
    killers: ['get.missing-function.message'],
    mutate: prepend(
      around('get', EIC, async (c, next: Next) => {
        const res = await next(c);
        return res.status === 404 && !(await functionExists(c, next, targetOf(c).functionName)) ? apiError('ResourceNotFoundException', NO_FUNCTION) : res;
      }),
    ),
  },
];
