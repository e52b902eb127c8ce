// Destinations per service and side, and the checks AWS makes on them.
import { PUT, design, doc, rec, type Rule } from './rule.ts';

const NOT_PINNED_PERMISSIONS =
  'AWS checks the execution role can reach an SQS/SNS/EventBridge/S3 destination; the recordings pin only Lambda destinations. Against AWS this needs real resources and permissions.';

export const destinationRules: Rule[] = [
  { id: 'destination.lambda.accepted', title: 'Another existing function is accepted as OnSuccess destination and echoed', tier: 'core', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_other_lambda')] },
  { id: 'destination.lambda.missing-rejected', title: 'A Lambda destination that does not exist answers 400', tier: 'core', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_lambda_doesntexist')] },
  { id: 'destination.lambda.missing-message', title: "A missing Lambda destination says 'The destination ARN <arn> is invalid.'", tier: 'strict', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_lambda_doesntexist')] },
  { id: 'destination.self-rejected', title: 'The function itself as its own destination answers 400', tier: 'core', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_recursive')] },
  { id: 'destination.self-message', title: "Self as destination says 'You can't specify the function as a destination for itself.'", tier: 'strict', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_recursive')] },
  { id: 'destination.unsupported-service-rejected', title: 'A well-formed ARN of an unsupported service (iam) answers 400 InvalidParameterValueException', tier: 'core', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_invalid_service_arn')] },
  { id: 'destination.unsupported-service-message', title: "An unsupported service says 'The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=<arn>), onFailure=null) is invalid.'", tier: 'strict', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_invalid_service_arn')] },
  { id: 'destination.malformed-arn.validation-exception', title: 'A destination breaking the ARN pattern answers 400 ValidationException at destinationConfig.on<Side>.destination', tier: 'complete', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_invalid_arn_pattern')] },
  { id: 'destination.malformed-arn.message', title: 'A malformed destination is quoted with the model pattern in the ValidationException message', tier: 'strict', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_invalid_arn_pattern')] },
  { id: 'destination.empty-side-echoed-empty', title: 'A side sent as {} comes back as {} (no Destination key)', tier: 'complete', concern: 'destinations', operations: [PUT], sources: [rec('put_destination_success_no_destination_arn'), rec('put_destination_failure_no_destination_arn')] },
  { id: 'destination.sqs.accepted', title: 'An SQS queue ARN is accepted on both sides', tier: 'core', concern: 'destinations', operations: [PUT], sources: [doc('api-reference'), doc('boto3')], documentedOnly: NOT_PINNED_PERMISSIONS },
  { id: 'destination.sns.accepted', title: 'An SNS topic ARN is accepted on both sides', tier: 'core', concern: 'destinations', operations: [PUT], sources: [doc('api-reference'), doc('boto3')], documentedOnly: NOT_PINNED_PERMISSIONS },
  { id: 'destination.eventbridge.accepted', title: 'An EventBridge event bus ARN is accepted on both sides', tier: 'core', concern: 'destinations', operations: [PUT], sources: [doc('api-reference'), doc('boto3')], documentedOnly: NOT_PINNED_PERMISSIONS },
  { id: 'destination.s3.on-failure-accepted', title: 'An S3 bucket ARN is accepted as OnFailure destination', tier: 'core', concern: 'destinations', operations: [PUT], sources: [doc('boto3')], documentedOnly: NOT_PINNED_PERMISSIONS },
  { id: 'destination.s3.on-success-rejected', title: 'An S3 bucket ARN as OnSuccess destination answers 400 InvalidParameterValueException', tier: 'complete', concern: 'destinations', operations: [PUT], sources: [doc('boto3'), design('S3 buckets only as OnFailure (docs).')], documentedOnly: 'Documented ("S3 buckets are supported only for on-failure destinations"), not recorded; the error wording is not pinned.' },
  { id: 'destination.update-keeps-other-settings', title: 'Update with a DestinationConfig keeps retries and age', tier: 'core', concern: 'destinations', operations: ['UpdateFunctionEventInvokeConfig'], sources: [doc('boto3')] },
];
