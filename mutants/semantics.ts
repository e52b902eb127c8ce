// Semantics mutants: replace vs merge, Update never creating, LastModified,
// and what counts as a setting.
//
// No mutant stamps every write (LastModified moved by an identical repeat):
// AWS is not shown to keep LastModified on a repeat (the recordings normalise
// it), so that is no bug a rule may catch (issue 14).
import { arnInNoEventInvokeConfig, FUNCTION_DOES_NOT_EXIST, NO_SETTINGS } from '../specs/aws-texts.ts';
import {
  EIC,
  apiError,
  around,
  editJson,
  errorOf,
  functionExists,
  jsonOf,
  locate,
  prepend,
  stored,
  targetOf,
  withBody,
  bodyOf,
  type Json,
  type Mutant,
  type Next,
  type Call,
} from './rewrite.ts';

const get = (c: Call): Call => ({ ...c, method: 'GET', text: '' });
/** AWS's "The function <arn> doesn't have an EventInvokeConfig", whatever the ARN. */
const isNoConfig = (message: string) => arnInNoEventInvokeConfig(message) !== undefined;

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
    // update.no-config.message is blocked here (no error to read), by update.no-config.not-found.
    killers: ['update.no-config.not-found'],
    mutate: prepend(
      around('post', EIC, async (c, next) => {
        const res = await next(c);
        const e = await errorOf(res);
        return e.code === 'ResourceNotFoundException' && isNoConfig(e.message) ? next({ ...c, method: 'PUT' }) : res;
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
    killers: ['put.last-modified.advances-on-change', 'update.last-modified.advances-on-change'],
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
    id: 'update-keeps-last-modified',
    title: 'Update leaves LastModified as it was',
    bug: 'An Update that changes a setting keeps the LastModified of the write before it: only Put moves it.',
    killers: ['update.last-modified.advances-on-change'],
    mutate: prepend(
      around('post', EIC, async (c, next, ref) => {
        const before = (await jsonOf(await next(get(c)))) as Json | undefined;
        const res = await next(c);
        const body = (await jsonOf(res)) as Json | undefined;
        const config = res.status === 200 && body && typeof before?.LastModified === 'number' ? stored(ref, String(body.FunctionArn)) : undefined;
        if (!config) return res;
        config.lastModified = before!.LastModified as number;
        return editJson(res, (b) => ({ ...b, LastModified: config.lastModified }));
      }),
    ),
  },
  {
    id: 'update-not-saved',
    title: 'Update answers but does not save',
    bug: 'Update answers with the merged config but leaves the stored config as it was.',
    killers: ['get.returns-current-config', 'update.merge.keeps-untouched-settings', 'update.merge.changes-given-setting'],
    mutate: prepend(
      around('post', EIC, async (c, next, ref) => {
        const before = (await jsonOf(await next(get(c)))) as Json | undefined;
        const at = before?.FunctionArn ? locate(ref, String(before.FunctionArn)) : undefined;
        const saved = at?.configs.get(at.qualifier);
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
        const onlyEmptySides =
          b &&
          b.MaximumRetryAttempts === undefined &&
          b.MaximumEventAgeInSeconds === undefined &&
          b.DestinationConfig !== undefined &&
          !JSON.stringify(b.DestinationConfig).includes('"Destination"');
        return onlyEmptySides ? apiError('InvalidParameterValueException', NO_SETTINGS) : next(c);
      }),
    ),
  },
  {
    id: 'get-missing-function-generic-message',
    title: 'Get on a missing function says the function does not exist',
    bug: 'Get on a missing function answers "The function doesn\'t exist." instead of naming <arn>:$LATEST as AWS does.',
    killers: ['get.missing-function.message'],
    mutate: prepend(
      around('get', EIC, async (c, next: Next) => {
        const res = await next(c);
        return res.status === 404 && !(await functionExists(c, next, targetOf(c).functionName))
          ? apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST)
          : res;
      }),
    ),
  },
];
