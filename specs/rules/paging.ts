// List paging and Delete.
import { DELETE, GET, LIST, design, rec, type Rule } from './rule.ts';


export const pagingRules: Rule[] = [
  { id: 'list.empty.empty-array', title: 'List of a function without configs answers FunctionEventInvokeConfigs: [] (key present)', tier: 'complete', concern: 'paging', operations: [LIST], sources: [rec('list_configs_postdelete')] },
  { id: 'list.single.no-next-marker', title: 'A List that fits in one page has no NextMarker key', tier: 'complete', concern: 'paging', operations: [LIST], sources: [rec('list_single_invokeconfig'), rec('list_configs')] },
  { id: 'list.paging.max-items-limits-page', title: 'MaxItems=N returns at most N items and a NextMarker when more remain', tier: 'core', concern: 'paging', operations: [LIST], sources: [rec('asserted:list_paging_single'), rec('asserted:list_paged_maxitems_2')] },
  { id: 'list.paging.covers-each-once', title: 'Following NextMarker with every MaxItems 1..50 returns each config exactly once', tier: 'core', concern: 'paging', operations: [LIST], sources: [rec('asserted:list_paging_remaining')] },
  { id: 'list.paging.last-page-no-marker', title: 'The last page has no NextMarker key', tier: 'core', concern: 'paging', operations: [LIST], sources: [rec('asserted:list_paging_remaining'), design('NextMarker absent on the last page.')] },
  { id: 'list.paging.items-match-get', title: 'Each listed config equals what Get returns for its qualifier', tier: 'core', concern: 'paging', operations: [LIST, GET], sources: [rec('list_configs'), rec('get_invokeconfig')] },
  { id: 'list.paging.unknown-marker-rejected', title: 'A Marker the service never issued answers 400', tier: 'strict', concern: 'paging', operations: [LIST], sources: [design('Marker format is not pinned.')], documentedOnly: 'The recordings never send a foreign Marker; AWS treats markers as opaque tokens it issued.' },
  { id: 'delete.no-content', title: 'Delete answers 204 with an empty body', tier: 'core', concern: 'delete', operations: [DELETE], sources: [rec('delete_latest'), rec('delete_version'), rec('delete_alias')] },
  { id: 'delete.removes-config', title: 'After Delete, Get answers 404 and List no longer shows the config', tier: 'core', concern: 'delete', operations: [DELETE, GET, LIST], sources: [rec('list_paging_nolimit_postdelete'), rec('list_configs_postdelete')] },
  { id: 'delete.only-its-qualifier', title: 'Delete of one qualifier leaves the configs of the others', tier: 'core', concern: 'delete', operations: [DELETE, LIST], sources: [rec('list_paging_nolimit_postdelete')] },
  { id: 'delete.twice.not-found', title: 'Deleting the same config twice answers 404 the second time', tier: 'core', concern: 'delete', operations: [DELETE], sources: [rec('delete_function_not_found')] },
  { id: 'delete.twice.message', title: "A second Delete says 'The function <arn>:$LATEST doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'delete', operations: [DELETE], sources: [rec('delete_function_not_found')] },
];
