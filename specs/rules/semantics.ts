// Put overwrites, Update merges, Update never creates, Put needs a setting, and
// repeats are idempotent.
import { NO_SETTINGS, noEventInvokeConfig } from '../aws-texts.ts';
import { DELETE, GET, LIST, PUT, UPDATE, doc, model, rec, defineRules } from './rule.ts';

const LAST_MODIFIED_DOC = doc('api-reference', 'The date and time that the configuration was last updated, in Unix time seconds.');

export const semanticsRules = defineRules([
  {
    id: 'put.creates-config',
    title: 'Put on a function without a config creates it and echoes the settings',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('put_invokeconfig_retries_0'), rec('put_post_overwrite'), rec('get_post_overwrite')],
      note: "Judges the settings echoed and stored; the FunctionArn form and both DestinationConfig sides are the response-shape rules' concern.",
    },
  },
  {
    id: 'put.overwrite.removes-omitted-settings',
    title: 'Put replaces the whole config: a setting left out of the request is removed',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_invokeconfig_eventage_60', 'MaximumRetryAttempts of the Put before is gone'),
        rec('put_post_overwrite'),
        rec('get_post_overwrite', 'AWS also asserted MaximumEventAgeInSeconds absent'),
        doc('api-reference', 'If you exclude any settings, they are removed.'),
      ],
    },
  },
  {
    id: 'put.overwrite.removes-omitted-destinations',
    title: 'Put without a destination removes the destination set before',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_destination_other_lambda', 'the OnSuccess destination set'),
        rec('put_destination_success_no_destination_arn', 'the next Put (OnSuccess: {}) answers both sides empty: the destination is gone'),
        doc('api-reference', 'If you exclude any settings, they are removed.'),
      ],
      note: 'The recorded second Put sends DestinationConfig {"OnSuccess": {}}; a second Put without any DestinationConfig is the same overwrite, by the docs. Judged on the Put answer and a Get after it: no side names a destination (whether an unset side is {} or left out is response-shape\'s concern).',
    },
  },
  {
    id: 'put.no-settings.rejected',
    title: 'Put with none of MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig answers 400',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_nootherargs')],
    },
  },
  {
    id: 'put.no-settings.error-code',
    title: 'Put without settings answers InvalidParameterValueException',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_nootherargs')],
    },
  },
  {
    id: 'put.no-settings.message',
    title: `Put without settings says '${NO_SETTINGS}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_nootherargs')],
    },
  },
  {
    id: 'put.no-settings.checked-before-existence',
    title: 'Put without settings on a missing function answers 400, not 404: the settings check comes first',
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_nootherargs', 'FunctionName doesnotexist')],
      note: 'Judged only on a target that rejects Put without settings on an existing function (put.no-settings.rejected): without the check there is no order to judge.',
    },
  },
  {
    id: 'put.no-settings.empty-destination-side-counts',
    title: 'DestinationConfig {"OnSuccess": {}} (or {"OnFailure": {}}) alone counts as a setting',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_success_no_destination_arn'), rec('put_destination_failure_no_destination_arn')],
      note: "Judged on the Put being accepted and the config then existing; the echoed shape is destination.empty-side-echoed-empty's and response-shape's concern.",
    },
  },
  {
    id: 'update.merge.keeps-untouched-settings',
    title: 'Update merges: settings not in the request keep their values',
    tier: 'core',
    operations: [PUT, UPDATE, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('update_invokeconfig_retries'), rec('update_response'), rec('asserted:get_post_update', 'retries 0 and age 60')],
    },
  },
  {
    id: 'update.merge.keeps-destinations',
    title: 'Update without DestinationConfig keeps the destinations',
    tier: 'complete',
    operations: [PUT, UPDATE, GET],
    evidence: {
      class: 'documented',
      refs: [
        doc('api-reference', 'To set one option without affecting existing settings for other options, use UpdateFunctionEventInvokeConfig.'),
        rec('update_response', 'the recorded merges keep retries and age; no recorded Update had a destination to keep'),
      ],
      note: 'Update is recorded merging MaximumRetryAttempts and MaximumEventAgeInSeconds only; that it keeps destinations rests on the docs.',
    },
  },
  {
    id: 'update.merge.changes-given-setting',
    title: 'Update changes the settings it names',
    tier: 'core',
    operations: [PUT, UPDATE, GET],
    evidence: {
      class: 'recorded',
      refs: [
        rec('pre_update_response'),
        rec('update_response', 'retries 2 -> 0'),
        rec('update_invokeconfig_retries'),
        rec('get_invokeconfig', 'Get after the Updates shows the changed setting'),
      ],
    },
  },
  {
    id: 'update.no-config.not-found',
    title: 'Update on a function without a config answers 404 and creates nothing',
    tier: 'core',
    operations: [UPDATE, GET, 'PublishVersion', 'CreateAlias'],
    evidence: {
      class: 'recorded',
      refs: [rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier'), rec('update_eventinvokeconfig_config_doesnotexist_with_qualifier')],
    },
  },
  {
    id: 'update.no-config.message',
    title: `Update without a config says '${noEventInvokeConfig('<qualified-arn>')}'`,
    tier: 'strict',
    operations: [UPDATE],
    evidence: {
      class: 'recorded',
      refs: [rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier'), rec('update_eventinvokeconfig_config_doesnotexist_with_qualifier')],
    },
  },
  {
    id: 'put.idempotent.identical-body',
    title: 'Repeating the same Put gives an identical body, LastModified aside (and not earlier)',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('second_overwrite_existing_response', 'identical apart from LastModified, which the recording normalises to "datetime"')],
      note: "The bodies are compared without LastModified: the recordings replace every LastModified, so whether AWS keeps or moves it on a repeat is not shown; the repeat's LastModified is only required not to be earlier.",
    },
  },
  {
    id: 'update.idempotent.identical-body',
    title: 'Repeating the same Update gives an identical body, LastModified aside (and not earlier)',
    tier: 'core',
    operations: [UPDATE],
    evidence: {
      class: 'recorded',
      refs: [
        rec('update_response_existing', 'identical apart from LastModified, which the recording normalises'),
        rec('update_invokeconfig_eventage_nochange'),
      ],
      note: "The bodies are compared without LastModified: the recordings replace every LastModified, so whether AWS keeps or moves it on a repeat is not shown; the repeat's LastModified is only required not to be earlier.",
    },
  },
  {
    id: 'put.last-modified.advances-on-change',
    title: 'A Put that changes a setting moves LastModified forward',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'documented',
      refs: [
        LAST_MODIFIED_DOC,
        doc('boto3-update', "'LastModified': 1573687896.493,", 'an example with milliseconds'),
        model('FunctionEventInvokeConfig', { member: 'LastModified' }),
      ],
      note: "LastModified is normalised away in the recordings: its precision is not recorded (the docs say Unix seconds, an example shows milliseconds). So the changed Put's LastModified must not be earlier, and must be later only once more than a second has passed (when it did not move at once: a further change a few milliseconds on, and if that did not move it either, one after 1.1 s).",
    },
  },
  {
    id: 'update.last-modified.advances-on-change',
    title: 'An Update that changes a setting moves LastModified forward',
    tier: 'complete',
    operations: [PUT, UPDATE],
    evidence: {
      class: 'documented',
      refs: [LAST_MODIFIED_DOC, model('FunctionEventInvokeConfig', { member: 'LastModified' })],
      note: 'Not recorded (LastModified is normalised away). As for Put: never earlier, and later once more than a second has passed (when it did not move at once: a further Update a few milliseconds on, then one after 1.1 s).',
    },
  },
  {
    id: 'get.returns-current-config',
    title: 'Get returns what the last Put/Update left',
    tier: 'core',
    operations: [PUT, UPDATE, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_invokeconfig', 'after Put then Updates'), rec('get_post_overwrite', 'after Puts')],
    },
  },
  {
    id: 'model.sequences.agree-with-model',
    title:
      'Random sequences of Put/Update/Get/Delete/List/PublishVersion/CreateAlias answer as a map from (function, qualifier) to settings with replace and merge predicts',
    tier: 'core',
    operations: [PUT, UPDATE, GET, DELETE, LIST, 'PublishVersion', 'CreateAlias'],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_post_overwrite', 'Put replaces'),
        rec('update_response', 'Update merges'),
        rec('update_eventinvokeconfig_config_doesnotexist_with_qualifier', 'Update never creates'),
        rec('get_invokeconfig_postpublish', 'PublishVersion does not copy'),
        rec('list_configs', 'one config per qualifier'),
        rec('delete_function_not_found', 'Delete removes'),
      ],
      note: 'The sequences use retries and age only (no destinations), on $LATEST, versions and aliases.',
    },
  },
  {
    id: 'get.explicit-latest-equals-unqualified',
    title: 'Get with Qualifier=$LATEST answers exactly as Get without a qualifier',
    tier: 'core',
    operations: [GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_invokeconfig'), rec('get_invokeconfig_latest', 'identical to get_invokeconfig')],
    },
  },
]);
