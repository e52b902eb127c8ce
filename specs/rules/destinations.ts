// Destinations per service and side, and the checks AWS makes on them.
import { SELF_DESTINATION, invalidDestinationArn, invalidDestinationConfig } from '../aws-texts.ts';
import { PUT, UPDATE, doc, model, rec, defineRules } from './rule.ts';

/** Why SQS, SNS, EventBridge and S3 destinations rest on the docs only. */
const NOT_RECORDED =
  'No recording has an SQS, SNS, EventBridge or S3 destination (only Lambda and a wrong service): documented only. ' +
  "AWS checks the resource and the execution role's permissions there; against AWS this needs real resources.";

const S3_ON_FAILURE_ONLY = doc('boto3-put', 'S3 buckets are supported only for on-failure destinations.');

export const destinationRules = defineRules([
  {
    id: 'destination.lambda.accepted',
    title: 'Another existing function is accepted as OnSuccess destination and echoed',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_other_lambda')],
    },
  },
  {
    id: 'destination.lambda.missing-rejected',
    title: 'A Lambda destination that does not exist answers 400',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_lambda_doesntexist')],
    },
  },
  {
    id: 'destination.lambda.missing-message',
    title: `A missing Lambda destination says '${invalidDestinationArn('<arn>')}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_lambda_doesntexist')],
    },
  },
  {
    id: 'destination.self-rejected',
    title: 'The function itself as its own destination answers 400',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_recursive')],
    },
  },
  {
    id: 'destination.self-message',
    title: `Self as destination says '${SELF_DESTINATION}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_recursive')],
    },
  },
  {
    id: 'destination.unsupported-service-rejected',
    title: 'A well-formed ARN of an unsupported service (iam) answers 400 InvalidParameterValueException',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_invalid_service_arn')],
    },
  },
  {
    id: 'destination.unsupported-service-message',
    title: `An unsupported service says '${invalidDestinationConfig({ OnSuccess: { Destination: '<arn>' } })}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_invalid_service_arn')],
    },
  },
  {
    id: 'destination.malformed-arn.validation-exception',
    title: 'A destination breaking the ARN pattern answers 400 ValidationException at destinationConfig.on<Side>.destination',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_invalid_arn_pattern', 'OnFailure'), model('DestinationArn', { constraint: 'pattern', note: 'the same shape on OnSuccess' })],
    },
  },
  {
    id: 'destination.malformed-arn.message',
    title: 'A malformed destination is quoted with the model pattern in the ValidationException message',
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_invalid_arn_pattern')],
      note: 'The quoted pattern changed between the 2024 and the 2025 recordings (specs/aws-texts.ts DESTINATION_PATTERN_QUOTED): the exact text may drift again.',
    },
  },
  {
    id: 'destination.empty-side-echoed-empty',
    title: 'A side sent as {} over a destination comes back as {} (no Destination key), in the Put answer and on Get',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_success_no_destination_arn'), rec('put_destination_failure_no_destination_arn')],
    },
  },
  {
    id: 'destination.empty-string.passes-validation',
    title:
      "A Destination of length 0 passes validation: never a ValidationException, never 5xx (200, or the destination check's InvalidParameterValueException)",
    tier: 'complete',
    operations: [PUT, UPDATE],
    evidence: {
      class: 'modelled',
      refs: [
        model('DestinationArn', { constraint: 'length', note: 'min 0' }),
        model('DestinationArn', { constraint: 'pattern', note: 'its first alternative is the empty string' }),
      ],
      note: 'What AWS does with an empty Destination after validation is not recorded: 200, or 400 InvalidParameterValueException from the destination check, pass. (A 5xx makes any rule inconclusive, never a pass.)',
    },
  },
  {
    id: 'destination.sqs.accepted',
    title: 'An SQS queue ARN is accepted on both sides',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'documented',
      refs: [
        doc('api-reference', 'Queue - The ARN of an SQS queue.'),
        doc('boto3-put', 'The ARN of a standard SQS queue.'),
        doc('boto3-update', "'Destination': 'arn:aws:sqs:us-east-2:123456789012:destination',", 'an SQS queue on OnFailure in the Update example'),
      ],
      note: NOT_RECORDED,
    },
  },
  {
    id: 'destination.sns.accepted',
    title: 'An SNS topic ARN is accepted on both sides',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'documented',
      refs: [doc('api-reference', 'Topic - The ARN of an SNS topic.'), doc('boto3-put', 'The ARN of a standard SNS topic.')],
      note: NOT_RECORDED,
    },
  },
  {
    id: 'destination.eventbridge.accepted',
    title: 'An EventBridge event bus ARN is accepted on both sides',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'documented',
      refs: [doc('api-reference', 'Event Bus - The ARN of an Amazon EventBridge event bus.')],
      note: NOT_RECORDED,
    },
  },
  {
    id: 'destination.s3.on-failure-accepted',
    title: 'An S3 bucket ARN is accepted as OnFailure destination',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'documented',
      refs: [doc('boto3-put', 'The ARN of an Amazon S3 bucket.'), S3_ON_FAILURE_ONLY],
      note: NOT_RECORDED,
    },
  },
  {
    id: 'destination.s3.on-success-rejected',
    title: 'An S3 bucket ARN as OnSuccess destination answers 400 InvalidParameterValueException',
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'inferred',
      refs: [S3_ON_FAILURE_ONLY, rec('put_destination_invalid_service_arn', 'the answer to a service AWS does not take at all')],
      note: 'That S3 is refused on OnSuccess is documented; the status and code of the refusal are not recorded (InvalidParameterValueException is a guess from the unsupported-service answer).',
    },
  },
  {
    id: 'destination.update-keeps-other-settings',
    title: 'Update with a DestinationConfig keeps retries and age',
    tier: 'complete',
    operations: [UPDATE],
    evidence: {
      class: 'documented',
      refs: [
        doc(
          'boto3-update',
          'The following example adds an on-failure destination to the existing asynchronous invocation configuration for a function named my-function.',
        ),
        doc('boto3-update', "'MaximumEventAgeInSeconds': 3600,", 'kept in the example output'),
        doc('api-reference', 'To set one option without affecting existing settings for other options, use UpdateFunctionEventInvokeConfig.'),
      ],
      note: 'No recorded Update carries a DestinationConfig.',
    },
  },
]);
