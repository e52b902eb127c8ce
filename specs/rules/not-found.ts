// Not-found answers per operation: Put/Update/List on a missing function say
// "The function doesn't exist."; Get/Delete name the qualified ARN.
import { DELETE, GET, LIST, PUT, UPDATE, rec, type Rule } from './rule.ts';


export const notFoundRules: Rule[] = [
  { id: 'put.missing-function.not-found', title: 'Put on a missing function answers 404 ResourceNotFoundException', tier: 'core', concern: 'not-found', operations: [PUT], sources: [rec('put_functionname_name_notfound')] },
  { id: 'put.missing-function.arn-not-found', title: 'Put on the full ARN of a missing function answers 404', tier: 'core', concern: 'not-found', operations: [PUT], sources: [rec('put_functionname_arn_notfound')] },
  { id: 'put.missing-function.message', title: "Put on a missing function says 'The function doesn't exist.'", tier: 'strict', concern: 'not-found', operations: [PUT], sources: [rec('put_functionname_name_notfound'), rec('put_functionname_arn_notfound')] },
  { id: 'update.missing-function.not-found', title: 'Update on a missing function answers 404', tier: 'core', concern: 'not-found', operations: [UPDATE], sources: [rec('update_eventinvokeconfig_function_doesnotexist')] },
  { id: 'update.missing-function.message', title: "Update on a missing function says 'The function doesn't exist.'", tier: 'strict', concern: 'not-found', operations: [UPDATE], sources: [rec('update_eventinvokeconfig_function_doesnotexist')] },
  { id: 'get.missing-function.not-found', title: 'Get on a missing function answers 404', tier: 'core', concern: 'not-found', operations: [GET], sources: [rec('get_function_doesnotexist')] },
  { id: 'get.missing-function.message', title: "Get on a missing function says 'The function <arn>:$LATEST doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'not-found', operations: [GET], sources: [rec('get_function_doesnotexist')] },
  { id: 'get.missing-qualifier.not-found', title: 'Get with a qualifier that does not exist answers 404', tier: 'core', concern: 'not-found', operations: [GET], sources: [rec('get_qualifier_doesnotexist')] },
  { id: 'get.missing-qualifier.message', title: "Get with a missing qualifier names the qualified ARN: 'The function <arn>:<qualifier> doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'not-found', operations: [GET], sources: [rec('get_qualifier_doesnotexist')] },
  { id: 'get.missing-config.not-found', title: 'Get on an existing function or alias without a config answers 404', tier: 'core', concern: 'not-found', operations: [GET], sources: [rec('get_invokeconfig_postpublish'), rec('get_eventinvokeconfig_doesnotexist')] },
  { id: 'get.missing-config.message', title: "Get without a config says 'The function <qualified-arn> doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'not-found', operations: [GET], sources: [rec('get_invokeconfig_postpublish'), rec('get_eventinvokeconfig_doesnotexist')] },
  { id: 'delete.missing-function.not-found', title: 'Delete on a missing function answers 404', tier: 'core', concern: 'not-found', operations: [DELETE], sources: [rec('delete_function_doesnotexist')] },
  { id: 'delete.missing-function.message', title: "Delete on a missing function says 'The function <arn>:$LATEST doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'not-found', operations: [DELETE], sources: [rec('delete_function_doesnotexist')] },
  { id: 'list.missing-function.not-found', title: 'List on a missing function answers 404', tier: 'core', concern: 'not-found', operations: [LIST], sources: [rec('list_function_doesnotexist')] },
  { id: 'list.missing-function.message', title: "List on a missing function says 'The function doesn't exist.'", tier: 'strict', concern: 'not-found', operations: [LIST], sources: [rec('list_function_doesnotexist')] },
  { id: 'not-found.error-code', title: 'Every not-found answer is ResourceNotFoundException', tier: 'complete', concern: 'not-found', operations: [PUT, UPDATE, GET, DELETE, LIST], sources: [rec('put_functionname_name_notfound'), rec('get_function_doesnotexist'), rec('list_function_doesnotexist')] },
];
