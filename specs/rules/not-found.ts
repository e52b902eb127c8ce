// Not-found answers per operation: Put/Update/List on a missing function say
// "The function doesn't exist."; Get/Delete name the qualified ARN.
import { FUNCTION_DOES_NOT_EXIST, noEventInvokeConfig } from '../aws-texts.ts';
import { DELETE, GET, LIST, PUT, UPDATE, rec, defineRules } from './rule.ts';

export const notFoundRules = defineRules([
  {
    id: 'put.missing-function.not-found',
    title: 'Put on a missing function answers 404 ResourceNotFoundException',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_name_notfound')],
    },
  },
  {
    id: 'put.missing-function.arn-not-found',
    title: 'Put on the full ARN of a missing function answers 404',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_arn_notfound')],
    },
  },
  {
    id: 'put.missing-function.message',
    title: `Put on a missing function says '${FUNCTION_DOES_NOT_EXIST}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_name_notfound'), rec('put_functionname_arn_notfound')],
    },
  },
  {
    id: 'update.missing-function.not-found',
    title: 'Update on a missing function answers 404',
    tier: 'core',
    operations: [UPDATE],
    evidence: {
      class: 'recorded',
      refs: [rec('update_eventinvokeconfig_function_doesnotexist')],
    },
  },
  {
    id: 'update.missing-function.message',
    title: `Update on a missing function says '${FUNCTION_DOES_NOT_EXIST}'`,
    tier: 'strict',
    operations: [UPDATE],
    evidence: {
      class: 'recorded',
      refs: [rec('update_eventinvokeconfig_function_doesnotexist')],
    },
  },
  {
    id: 'get.missing-function.not-found',
    title: 'Get on a missing function answers 404',
    tier: 'core',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_function_doesnotexist')],
    },
  },
  {
    id: 'get.missing-function.message',
    title: `Get on a missing function says '${noEventInvokeConfig('<arn>:$LATEST')}'`,
    tier: 'strict',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_function_doesnotexist')],
    },
  },
  {
    id: 'get.missing-qualifier.not-found',
    title: 'Get with a qualifier that does not exist answers 404',
    tier: 'core',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_qualifier_doesnotexist', 'an alias-shaped qualifier')],
    },
  },
  {
    id: 'get.missing-qualifier.message',
    title: `Get with a missing qualifier names the qualified ARN: '${noEventInvokeConfig('<arn>:<qualifier>')}'`,
    tier: 'strict',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_qualifier_doesnotexist')],
    },
  },
  {
    id: 'get.missing-config.not-found',
    title: 'Get on an existing function or alias without a config answers 404',
    tier: 'core',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_invokeconfig_postpublish'), rec('get_eventinvokeconfig_doesnotexist')],
    },
  },
  {
    id: 'get.missing-config.message',
    title: `Get without a config says '${noEventInvokeConfig('<qualified-arn>')}'`,
    tier: 'strict',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_invokeconfig_postpublish'), rec('get_eventinvokeconfig_doesnotexist')],
    },
  },
  {
    id: 'delete.missing-function.not-found',
    title: 'Delete on a missing function answers 404',
    tier: 'core',
    operations: [DELETE],
    evidence: {
      class: 'recorded',
      refs: [rec('delete_function_doesnotexist')],
    },
  },
  {
    id: 'delete.missing-function.message',
    title: `Delete on a missing function says '${noEventInvokeConfig('<arn>:$LATEST')}'`,
    tier: 'strict',
    operations: [DELETE],
    evidence: {
      class: 'recorded',
      refs: [rec('delete_function_doesnotexist')],
    },
  },
  {
    id: 'list.missing-function.not-found',
    title: 'List on a missing function answers 404',
    tier: 'core',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_function_doesnotexist')],
    },
  },
  {
    id: 'list.missing-function.message',
    title: `List on a missing function says '${FUNCTION_DOES_NOT_EXIST}'`,
    tier: 'strict',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_function_doesnotexist')],
    },
  },
  {
    id: 'not-found.error-code',
    title: 'Every not-found answer is ResourceNotFoundException',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, DELETE, LIST],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_functionname_name_notfound'),
        rec('put_alias_doesnotexist'),
        rec('update_eventinvokeconfig_function_doesnotexist'),
        rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier'),
        rec('get_function_doesnotexist'),
        rec('get_qualifier_doesnotexist'),
        rec('delete_function_doesnotexist'),
        rec('delete_function_not_found'),
        rec('list_function_doesnotexist'),
      ],
    },
  },
]);
