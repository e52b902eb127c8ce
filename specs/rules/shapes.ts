// Response shapes, error shapes and the wire form.
import { EIC_OPERATIONS } from '../contract.ts';
import { GET, LIST, PUT, REST_JSON1, UPDATE, doc, model, nameCase, rec, defineRules } from './rule.ts';

const WRITES = [PUT, UPDATE];
const ALL = [...EIC_OPERATIONS];

/** The suites' response tour includes an Update that sends one destination side: what AWS answers to that is documented, not recorded. */
const UPDATE_ONE_SIDE = doc(
  'boto3-update',
  'The following example adds an on-failure destination to the existing asynchronous invocation configuration for a function named my-function.',
  'its output has both sides and the settings',
);

export const shapeRules = defineRules([
  {
    id: 'response.schema',
    title: 'Every success body of Put, Update, Get and List validates against the response schema',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'documented',
      refs: [
        model('FunctionEventInvokeConfig'),
        model('ListFunctionEventInvokeConfigsResponse'),
        rec('put_invokeconfig_retries_0'),
        rec('update_response'),
        rec('list_configs'),
        UPDATE_ONE_SIDE,
      ],
      note: 'The schema is stricter than the model: it requires a qualified FunctionArn and both DestinationConfig sides, which every recorded body has and the model does not require. After an Update that sends one side, both sides rest on the docs.',
    },
  },
  {
    id: 'response.function-arn.qualified',
    title: 'FunctionArn in a success body is always qualified (:$LATEST, :<version>, :<alias>)',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_invokeconfig_retries_0'),
        rec('update_invokeconfig_retries'),
        rec('put_published_invokeconfig'),
        rec('put_alias_functionname_qualifier'),
        rec('list_configs'),
      ],
      note: 'The model allows an unqualified FunctionArn; every recorded body has a qualified one.',
    },
  },
  {
    id: 'response.destination-config.both-sides',
    title: 'DestinationConfig always has both OnSuccess and OnFailure ({} when unset)',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'documented',
      refs: [rec('put_invokeconfig_retries_0'), rec('put_destination_other_lambda'), rec('update_response'), rec('list_configs'), UPDATE_ONE_SIDE],
      note: 'Recorded for every Put, Get, List and for Updates without a DestinationConfig; an Update that sends one side is documented only.',
    },
  },
  {
    id: 'response.settings.absent-not-null',
    title: 'Retries and age appear only when set: never null, never defaulted',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'documented',
      refs: [
        rec('put_invokeconfig_retries_0'),
        rec('put_invokeconfig_eventage_60'),
        rec('get_post_overwrite'),
        rec('put_destination_other_lambda'),
        UPDATE_ONE_SIDE,
      ],
      note: 'Absent-when-unset is recorded; the values after an Update that sends only a DestinationConfig are documented only.',
    },
  },
  {
    id: 'response.last-modified.epoch-seconds',
    title: 'LastModified is epoch seconds as a JSON number on the wire',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'modelled',
      refs: [
        model('FunctionEventInvokeConfig', { member: 'LastModified', note: 'a timestamp (Date)' }),
        model('AWSGirApiService', { trait: 'aws.protocols#restJson1', note: 'restJson1 sends timestamps in JSON bodies as epoch seconds' }),
        doc('api-reference', '"LastModified": number,'),
      ],
    },
  },
  {
    id: 'response.content-type-json',
    title: 'Success bodies are sent as application/json',
    tier: 'complete',
    operations: [PUT, UPDATE, GET, LIST],
    evidence: {
      class: 'modelled',
      refs: [REST_JSON1, doc('api-reference', 'Content-type: application/json')],
    },
  },
  {
    id: 'error.shape.type-user',
    title: 'Modelled client errors carry Type: "User" in the body',
    tier: 'complete',
    operations: ALL,
    evidence: {
      class: 'recorded',
      refs: [rec('put_functionname_name_notfound'), rec('put_functionname_nootherargs'), rec('get_function_doesnotexist'), rec('list_function_doesnotexist')],
    },
  },
  {
    id: 'error.shape.message-casing',
    title: 'InvalidParameterValueException carries "message", ResourceNotFoundException "Message", as the model shapes say',
    tier: 'strict',
    operations: ALL,
    evidence: {
      class: 'modelled',
      refs: [
        model('InvalidParameterValueException', { member: 'message' }),
        model('ResourceNotFoundException', { member: 'Message' }),
        rec('put_functionname_nootherargs', 'message'),
        rec('put_functionname_name_notfound', 'Message'),
      ],
    },
  },
  {
    id: 'error.shape.validation-no-type',
    title: 'A ValidationException body has no Type member',
    tier: 'strict',
    operations: WRITES,
    evidence: {
      class: 'analogous',
      refs: [
        rec('put_destination_invalid_arn_pattern', 'Put: no Type'),
        nameCase('qualifier_too_long', 'get_function', 'a constraint violation of another kind is a ValidationException too'),
      ],
      note: 'Recorded for Put; the suite also sends an Update with MaximumRetryAttempts out of range, whose ValidationException rests on the analogy.',
    },
  },
  {
    id: 'error.header.error-type',
    title: 'Errors name their code in the x-amzn-ErrorType header',
    tier: 'strict',
    operations: ALL,
    evidence: {
      class: 'inferred',
      refs: [model('AWSGirApiService', { trait: 'aws.protocols#restJson1', note: 'restJson1 allows the code in the header or in the body' })],
      note: 'Headers are emptied in the recordings; the SDK reads the header first, but the body would do too.',
    },
  },
  {
    id: 'error.content-type-json',
    title: 'Error bodies are JSON (never an HTML page)',
    tier: 'complete',
    operations: ALL,
    evidence: {
      class: 'modelled',
      refs: [REST_JSON1, model('ResourceNotFoundException'), rec('put_functionname_name_notfound', "the body's members were parsed as JSON")],
    },
  },
  {
    id: 'wire.malformed-json.rejected',
    title: 'A body that is not JSON answers a 4xx JSON error, never a 5xx or an HTML page',
    tier: 'strict',
    operations: WRITES,
    evidence: {
      class: 'inferred',
      refs: [REST_JSON1],
      note: 'AWS answers to malformed bodies are not recorded: the rule asserts only what any correct answer gives (an error of the client, as JSON), not the exact status or code.',
    },
  },
  {
    id: 'wire.wrong-json-type.rejected',
    title: 'A member of the wrong JSON type (string for an integer) answers a 4xx JSON error, never a 5xx or an HTML page',
    tier: 'strict',
    operations: WRITES,
    evidence: {
      class: 'inferred',
      refs: [model('MaximumRetryAttempts', { note: 'an integer' }), model('MaximumEventAgeInSeconds', { note: 'an integer' })],
      note: 'The model pins the type; the status AWS gives to a wrong type is not recorded: the rule asserts only a 4xx JSON error, what any correct answer gives.',
    },
  },
  {
    id: 'wire.unknown-members.ignored',
    title: 'Unknown body members are ignored',
    tier: 'strict',
    operations: WRITES,
    evidence: {
      class: 'inferred',
      refs: [],
      note: 'Not recorded, not modelled, not documented: a convention of restJson1 servers.',
    },
  },
  {
    id: 'wire.unknown-operation.json-error',
    title: 'A path no operation routes answers a JSON 4xx error, not an HTML page',
    tier: 'strict',
    operations: ALL,
    evidence: {
      class: 'inferred',
      refs: [REST_JSON1],
      note: 'The code and status for unknown paths are not recorded.',
    },
  },
]);
