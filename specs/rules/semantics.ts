// Put overwrites, Update merges, Update never creates, Put needs a setting, and
// repeats are idempotent.
import { design, doc, model, rec, type Rule } from './rule.ts';

const PUT = 'PutFunctionEventInvokeConfig' as const;
const UPDATE = 'UpdateFunctionEventInvokeConfig' as const;
const GET = 'GetFunctionEventInvokeConfig' as const;

export const semanticsRules: Rule[] = [
  { id: 'put.creates-config', title: 'Put on a function without a config creates it and echoes the settings', tier: 'core', concern: 'semantics', operations: [PUT, GET], sources: [rec('put_invokeconfig_retries_0')] },
  { id: 'put.overwrite.removes-omitted-settings', title: 'Put replaces the whole config: a setting left out of the request is removed', tier: 'core', concern: 'semantics', operations: [PUT, GET], sources: [rec('put_invokeconfig_eventage_60'), rec('put_post_overwrite'), rec('get_post_overwrite'), doc('api-reference')] },
  { id: 'put.overwrite.removes-omitted-destinations', title: 'Put without a destination removes the destination set before', tier: 'core', concern: 'semantics', operations: [PUT], sources: [rec('put_destination_success_no_destination_arn')] },
  { id: 'put.no-settings.rejected', title: 'Put with none of MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig answers 400', tier: 'core', concern: 'semantics', operations: [PUT], sources: [rec('put_functionname_nootherargs')] },
  { id: 'put.no-settings.error-code', title: 'Put without settings answers InvalidParameterValueException', tier: 'complete', concern: 'semantics', operations: [PUT], sources: [rec('put_functionname_nootherargs')] },
  { id: 'put.no-settings.message', title: "Put without settings says 'You must specify at least one of error handling or destination setting.'", tier: 'strict', concern: 'semantics', operations: [PUT], sources: [rec('put_functionname_nootherargs')] },
  { id: 'put.no-settings.checked-before-existence', title: 'Put without settings on a missing function answers 400, not 404: the settings check comes first', tier: 'strict', concern: 'semantics', operations: [PUT], sources: [rec('put_functionname_nootherargs')] },
  { id: 'put.no-settings.empty-destination-side-counts', title: 'DestinationConfig {"OnSuccess": {}} (or {"OnFailure": {}}) alone counts as a setting', tier: 'core', concern: 'semantics', operations: [PUT], sources: [rec('put_destination_success_no_destination_arn'), rec('put_destination_failure_no_destination_arn')] },
  { id: 'update.merge.keeps-untouched-settings', title: 'Update merges: settings not in the request keep their values', tier: 'core', concern: 'semantics', operations: [PUT, UPDATE, GET], sources: [rec('update_invokeconfig_retries'), rec('update_response'), rec('asserted:get_post_update')] },
  { id: 'update.merge.keeps-destinations', title: 'Update without DestinationConfig keeps the destinations', tier: 'core', concern: 'semantics', operations: [PUT, UPDATE], sources: [design('Update merges: untouched settings stay.')] },
  { id: 'update.merge.changes-given-setting', title: 'Update changes the settings it names', tier: 'core', concern: 'semantics', operations: [PUT, UPDATE], sources: [rec('update_response')] },
  { id: 'update.no-config.not-found', title: 'Update on a function without a config answers 404 and creates nothing', tier: 'core', concern: 'semantics', operations: [UPDATE, GET], sources: [rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier'), rec('update_eventinvokeconfig_config_doesnotexist_with_qualifier')] },
  { id: 'update.no-config.message', title: "Update without a config says 'The function <qualified-arn> doesn't have an EventInvokeConfig'", tier: 'strict', concern: 'semantics', operations: [UPDATE], sources: [rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier'), rec('update_eventinvokeconfig_config_doesnotexist_with_qualifier')] },
  { id: 'put.idempotent.identical-body', title: 'Repeating the same Put gives an identical body (LastModified included)', tier: 'core', concern: 'idempotence', operations: [PUT], sources: [rec('second_overwrite_existing_response'), design('Repeating the same Put/Update gives an identical body.')] },
  { id: 'update.idempotent.identical-body', title: 'Repeating the same Update gives an identical body (LastModified included)', tier: 'core', concern: 'idempotence', operations: [UPDATE], sources: [rec('update_response_existing'), rec('update_invokeconfig_eventage_nochange')] },
  { id: 'put.last-modified.advances-on-change', title: 'A Put that changes a setting moves LastModified forward', tier: 'complete', concern: 'semantics', operations: [PUT], sources: [model('FunctionEventInvokeConfig'), doc('api-reference')], documentedOnly: 'LastModified is normalised away in the recordings; the docs define it as the time of the last update.' },
  { id: 'get.returns-current-config', title: 'Get returns what the last Put/Update left', tier: 'core', concern: 'semantics', operations: [PUT, UPDATE, GET], sources: [rec('get_invokeconfig'), rec('get_post_overwrite')] },
  { id: 'get.explicit-latest-equals-unqualified', title: 'Get with Qualifier=$LATEST answers exactly as Get without a qualifier', tier: 'core', concern: 'qualifiers', operations: [GET], sources: [rec('get_invokeconfig'), rec('get_invokeconfig_latest')] },
];
