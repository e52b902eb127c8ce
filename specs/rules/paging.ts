// List paging and Delete.
import { noEventInvokeConfig } from '../aws-texts.ts';
import { DELETE, GET, LIST, model, rec, defineRules } from './rule.ts';

export const pagingRules = defineRules([
  {
    id: 'list.empty.empty-array',
    title: 'List of a function without configs answers FunctionEventInvokeConfigs: [] (key present)',
    tier: 'complete',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_configs_postdelete')],
    },
  },
  {
    id: 'list.single.no-next-marker',
    title: 'A List that fits in one page has no NextMarker key',
    tier: 'complete',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_single_invokeconfig', 'one config, no MaxItems'), rec('list_configs', 'three configs, no MaxItems')],
    },
  },
  {
    id: 'list.paging.max-items-limits-page',
    title: 'MaxItems=N returns at most N items and a NextMarker when more remain',
    tier: 'core',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [
        rec('asserted:list_paging_single', 'MaxItems=1 of 2: 1 item and a NextMarker'),
        rec('asserted:list_paged_maxitems_2', 'MaxItems=2 of 3: 2 items and a NextMarker'),
      ],
    },
  },
  {
    id: 'list.paging.covers-each-once',
    title: 'Following NextMarker with every MaxItems 1..50 returns each config exactly once',
    tier: 'core',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [
        rec('asserted:list_paging_single'),
        rec('asserted:list_paging_remaining', 'the page after the marker holds the other config: the two pages cover both'),
      ],
    },
  },
  {
    id: 'list.paging.last-page-no-marker',
    title: 'The last page has no NextMarker key',
    tier: 'complete',
    operations: [LIST],
    evidence: {
      class: 'documented',
      refs: [
        model('ListFunctionEventInvokeConfigsResponse', {
          member: 'NextMarker',
          note: 'documented as "The pagination token that\'s included if more results are available."',
        }),
        rec('list_single_invokeconfig', 'an unpaged list of one: no NextMarker'),
        rec('list_configs', 'an unpaged list of three: no NextMarker'),
      ],
      note: 'AWS showed only that unpaged lists of three or fewer items have no NextMarker; the last page of a paged List is not recorded either way.',
    },
  },
  {
    id: 'list.paging.items-match-get',
    title: 'Each listed config equals what Get returns for its qualifier',
    tier: 'core',
    operations: [LIST, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('list_single_invokeconfig'), rec('get_invokeconfig', 'the same config as the List item'), rec('list_configs')],
    },
  },
  {
    id: 'list.paging.unknown-marker-handled',
    title: "A Marker the service never issued answers a 4xx error or a List restarted from the start (this function's configs only), never a 5xx",
    tier: 'complete',
    operations: [LIST],
    evidence: {
      class: 'documented',
      refs: [
        model('ListFunctionEventInvokeConfigsRequest', {
          member: 'Marker',
          note: 'documented as "Specify the pagination token that\'s returned by a previous request to retrieve the next page of results."',
        }),
      ],
      note: "The recordings never send a Marker AWS did not issue, so which of the two answers AWS gives is not pinned: the rule asserts only what any correct answer satisfies (an error of the client, or a list of this function from the start; never a 5xx, never another function's configs).",
    },
  },
  {
    id: 'delete.no-content',
    title: 'Delete answers 204 with an empty body',
    tier: 'core',
    operations: [DELETE],
    evidence: {
      class: 'recorded',
      refs: [rec('delete_latest'), rec('delete_version'), rec('delete_alias')],
    },
  },
  {
    id: 'delete.removes-config',
    title: 'After Delete, Get answers 404 and List no longer shows the config',
    tier: 'core',
    operations: [DELETE, GET, LIST],
    evidence: {
      class: 'recorded',
      refs: [
        rec('list_paging_nolimit_postdelete'),
        rec('list_configs_postdelete'),
        rec('get_eventinvokeconfig_doesnotexist', 'Get of the alias after its Delete'),
      ],
    },
  },
  {
    id: 'delete.only-its-qualifier',
    title: 'Delete of one qualifier leaves the configs of the others',
    tier: 'core',
    operations: [DELETE, LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_paging_nolimit_postdelete', 'after Delete of $LATEST the version config remains')],
    },
  },
  {
    id: 'delete.twice.not-found',
    title: 'Deleting the same config twice answers 404 the second time',
    tier: 'core',
    operations: [DELETE],
    evidence: {
      class: 'recorded',
      refs: [rec('delete_latest'), rec('delete_function_not_found')],
    },
  },
  {
    id: 'delete.twice.message',
    title: `A second Delete says '${noEventInvokeConfig('<arn>:$LATEST')}'`,
    tier: 'strict',
    operations: [DELETE],
    evidence: {
      class: 'recorded',
      refs: [rec('delete_function_not_found')],
    },
  },
]);
