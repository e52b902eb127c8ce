// Paging mutants: MaxItems, NextMarker on the last page, items dropped or
// repeated across pages, foreign markers, and what a List page holds.
import {
  EIC_LIST,
  around,
  callerOf,
  editJson,
  errorOf,
  jsonOf,
  prepend,
  withFunctionName,
  withQuery,
  type Call,
  type Json,
  type Mutant,
  type Next,
} from './rewrite.ts';

type ListFn = (c: Call, next: Next) => Promise<Response>;
const list = (fn: ListFn) => prepend(around('get', EIC_LIST, (c, next) => fn(c, next)));
/** Edits every List page. */
const pages = (edit: (page: Json) => Json) => list(async (c, next) => editJson(await next(c), edit));
const items = (page: Json) => (page.FunctionEventInvokeConfigs ?? []) as Json[];
const page = (configs: Json[], nextMarker?: string) =>
  new Response(JSON.stringify({ FunctionEventInvokeConfigs: configs, ...(nextMarker !== undefined ? { NextMarker: nextMarker } : {}) }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
const qualifierOf = (config: Json) => String(config.FunctionArn).split(':')[7] ?? '';
let issued = 0;
/** A fresh opaque marker of the mutant's own. */
const token = () => Buffer.from(`mutant-marker-${++issued}`).toString('base64url');

export const pagingMutants: Mutant[] = [
  {
    id: 'max-items-ignored',
    title: 'MaxItems ignored',
    bug: 'List ignores MaxItems and always answers every config on one page.',
    killers: ['list.paging.max-items-limits-page', 'list.paging.covers-each-once'],
    mutate: list((c, next) => next(withQuery(c, 'MaxItems', undefined))),
  },
  {
    id: 'max-items-unchecked',
    title: 'MaxItems out of range accepted',
    bug: 'A MaxItems below 1 or above 50 is ignored instead of failing validation.',
    killers: ['list.validation.max-items.below-min', 'list.validation.max-items.above-max'],
    mutate: list(async (c, next) => {
      const res = await next(c);
      return /at 'maxItems'/.test((await errorOf(res)).message) ? next(withQuery(c, 'MaxItems', undefined)) : res;
    }),
  },
  {
    id: 'next-marker-on-last-page',
    title: 'NextMarker on the last page',
    bug: 'Every page carries a NextMarker, the last one too (not what the docs say: NextMarker is "included if more results are available"); following it gives an empty page.',
    killers: ['list.paging.last-page-no-marker', 'list.single.no-next-marker'],
    mutate: (ref) => {
      const ends = new Set<string>();
      return list(async (c, next) => {
        if (ends.has(c.url.searchParams.get('Marker') ?? '')) return page([]);
        return editJson(await next(c), (p) => {
          if ('NextMarker' in p) return p;
          const end = token();
          ends.add(end);
          return { ...p, NextMarker: end };
        });
      })(ref);
    },
  },
  {
    id: 'next-marker-null-on-last-page',
    title: 'NextMarker: null on the last page',
    bug: 'The last page carries "NextMarker": null instead of no NextMarker key.',
    killers: ['list.paging.last-page-no-marker', 'list.single.no-next-marker'],
    mutate: pages((p) => ({ NextMarker: null, ...p })),
  },
  {
    id: 'page-drops-item',
    title: 'An item dropped across pages',
    bug: 'A page that follows a NextMarker starts one item late: the first config after the marker is never listed.',
    killers: ['list.paging.covers-each-once'],
    mutate: list(async (c, next) => {
      const res = await next(c);
      return c.url.searchParams.has('Marker') ? editJson(res, (p) => ({ ...p, FunctionEventInvokeConfigs: items(p).slice(1) })) : res;
    }),
  },
  {
    id: 'page-repeats-item',
    title: 'An item repeated across pages',
    bug: 'NextMarker is inclusive: a page that follows it starts again with the last config of the previous page.',
    killers: ['list.paging.covers-each-once', 'list.paging.last-page-no-marker'],
    mutate: (ref) => {
      /** Our marker -> the service's marker and the last config of the page that issued it. */
      const issuedBy = new Map<string, { marker: string; last: Json }>();
      const withMarker = async (res: Response) =>
        editJson(res, (p) => {
          if (typeof p.NextMarker !== 'string') return p;
          const ours = token();
          issuedBy.set(ours, { marker: p.NextMarker, last: items(p).at(-1)! });
          return { ...p, NextMarker: ours };
        });
      return list(async (c, next) => {
        const from = issuedBy.get(c.url.searchParams.get('Marker') ?? '');
        if (!from) return withMarker(await next(c));
        const size = Number(c.url.searchParams.get('MaxItems') ?? 50);
        if (size === 1) return page([from.last], c.url.searchParams.get('Marker')!);
        const rest = await next(withQuery(withQuery(c, 'Marker', from.marker), 'MaxItems', String(size - 1)));
        return withMarker(await editJson(rest, (p) => ({ ...p, FunctionEventInvokeConfigs: [from.last, ...items(p)] })));
      })(ref);
    },
  },
  {
    // Replaces `unknown-marker-accepted` (ignoring a foreign Marker and answering
    // the first page is a correct answer: the docs do not pin a 400).
    id: 'foreign-marker-lists-other-functions',
    title: "Unknown Marker read as a place in the account's configs",
    bug: "A Marker the service never issued is read as a position in the list of every config of the account, so the page holds other functions' configs.",
    killers: ['list.paging.unknown-marker-handled'],
    mutate: (ref) =>
      list(async (c, next) => {
        const res = await next(c);
        if (res.status !== 400 || !c.url.searchParams.has('Marker')) return res;
        const { account, region } = callerOf(c);
        const all: Json[] = [];
        for (const name of ref.state.region(account, region).functions.keys()) {
          const other = withQuery(withQuery(withFunctionName(c, name), 'Marker', undefined), 'MaxItems', undefined);
          all.push(...items(((await jsonOf(await next(other))) ?? {}) as Json));
        }
        return page(all);
      })(ref),
  },
  {
    id: 'list-omits-aliases',
    title: 'List leaves out alias configs',
    bug: 'List answers the configs of $LATEST and the versions only, not those of aliases.',
    killers: ['qualifier.list-covers-all-qualifiers'],
    mutate: pages((p) => ({ ...p, FunctionEventInvokeConfigs: items(p).filter((i) => /^(\$LATEST|\d+)$/.test(qualifierOf(i))) })),
  },
  {
    id: 'list-empty-omits-key',
    title: 'Empty List without FunctionEventInvokeConfigs',
    bug: 'A List with no configs answers {} instead of "FunctionEventInvokeConfigs": [].',
    killers: ['list.empty.empty-array'],
    mutate: pages((p) => (items(p).length === 0 ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'FunctionEventInvokeConfigs')) : p)),
  },
  {
    id: 'list-items-without-destinations',
    title: 'List items without DestinationConfig',
    bug: 'List items leave out DestinationConfig, which Get answers for the same config.',
    killers: ['list.paging.items-match-get', 'response.destination-config.both-sides'],
    mutate: pages((p) => ({ ...p, FunctionEventInvokeConfigs: items(p).map(({ DestinationConfig: _, ...i }) => i) })),
  },
];
