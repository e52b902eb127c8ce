// Response shapes, error shapes and the wire form.
import { EIC_OPERATIONS } from '../contract.ts';
import { GET, LIST, PUT, UPDATE, design, doc, model, rec, type Rule } from './rule.ts';

const WRITES = [PUT, UPDATE];
const ALL = [...EIC_OPERATIONS];
const NOT_PINNED_WIRE = 'AWS answers to malformed bodies are not recorded; the rule pins the status class (400) and a JSON error only.';

export const shapeRules: Rule[] = [
  { id: 'response.schema', title: 'Every success body of Put, Update, Get and List validates against the response schema', tier: 'complete', concern: 'response-shape', operations: [PUT, UPDATE, GET, LIST], sources: [model('FunctionEventInvokeConfig'), rec('put_invokeconfig_retries_0')] },
  { id: 'response.function-arn.qualified', title: 'FunctionArn in a success body is always qualified (:$LATEST, :<version>, :<alias>)', tier: 'complete', concern: 'response-shape', operations: [PUT, UPDATE, GET, LIST], sources: [rec('put_invokeconfig_retries_0'), rec('put_published_invokeconfig'), rec('put_alias_functionname_qualifier')] },
  { id: 'response.destination-config.both-sides', title: 'DestinationConfig always has both OnSuccess and OnFailure ({} when unset)', tier: 'complete', concern: 'response-shape', operations: [PUT, UPDATE, GET, LIST], sources: [rec('put_invokeconfig_retries_0'), rec('put_destination_other_lambda')] },
  { id: 'response.settings.absent-not-null', title: 'Retries and age appear only when set: never null, never defaulted', tier: 'complete', concern: 'response-shape', operations: [PUT, UPDATE, GET, LIST], sources: [rec('put_invokeconfig_retries_0'), rec('put_invokeconfig_eventage_60'), rec('get_post_overwrite')] },
  { id: 'response.last-modified.epoch-seconds', title: 'LastModified is epoch seconds as a JSON number on the wire', tier: 'complete', concern: 'wire', operations: [PUT, UPDATE, GET, LIST], sources: [doc('api-reference'), design('The JS SDK rejects an ISO string there.')] },
  { id: 'response.content-type-json', title: 'Success bodies are sent as application/json', tier: 'complete', concern: 'wire', operations: [PUT, UPDATE, GET, LIST], sources: [doc('api-reference')] },
  { id: 'error.shape.type-user', title: 'Modelled client errors carry Type: "User" in the body', tier: 'complete', concern: 'error-shape', operations: ALL, sources: [rec('put_functionname_name_notfound'), rec('put_functionname_nootherargs')] },
  { id: 'error.shape.message-casing', title: 'InvalidParameterValueException carries "message", ResourceNotFoundException "Message", as the model shapes say', tier: 'strict', concern: 'error-shape', operations: ALL, sources: [model('InvalidParameterValueException'), model('ResourceNotFoundException')] },
  { id: 'error.shape.validation-no-type', title: 'A ValidationException body has no Type member', tier: 'strict', concern: 'error-shape', operations: WRITES, sources: [rec('put_destination_invalid_arn_pattern')] },
  { id: 'error.header.error-type', title: 'Errors name their code in the x-amzn-ErrorType header', tier: 'strict', concern: 'error-shape', operations: ALL, sources: [design('restJson1 convention, which the SDK reads first; headers are not in the recordings.')] },
  { id: 'error.content-type-json', title: 'Error bodies are JSON (never an HTML page)', tier: 'complete', concern: 'error-shape', operations: ALL, sources: [model('ResourceNotFoundException')] },
  { id: 'wire.malformed-json.rejected', title: 'A body that is not JSON answers 400 with a JSON error, not 500', tier: 'complete', concern: 'wire', operations: WRITES, sources: [design('Bad input gets a JSON error with the right status.')], documentedOnly: NOT_PINNED_WIRE },
  { id: 'wire.wrong-json-type.rejected', title: 'A member of the wrong JSON type (string for an integer) answers 400, not 500', tier: 'complete', concern: 'wire', operations: WRITES, sources: [model('MaximumRetryAttempts')], documentedOnly: NOT_PINNED_WIRE },
  { id: 'wire.unknown-members.ignored', title: 'Unknown body members are ignored', tier: 'complete', concern: 'wire', operations: WRITES, sources: [design('restJson1 servers ignore members they do not model.')], documentedOnly: 'Not recorded; restJson1 convention.' },
  { id: 'wire.unknown-operation.json-error', title: 'A path no operation routes answers a JSON 4xx error, not an HTML page', tier: 'complete', concern: 'wire', operations: ALL, sources: [design('Unknown operations get the JSON error AWS gives.')], documentedOnly: 'The exact code and status for unknown paths are not recorded.' },
];
