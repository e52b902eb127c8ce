// Name and qualifier faults whose answers rest on other Lambda operations
// (../shared/aws-recordings/analogous): GetFunction, DeleteFunction and Invoke
// take the same FunctionName shape and a qualifier, and show whether a fault is
// a validation error (400 ValidationException) or passes validation and
// becomes a lookup (404 ResourceNotFoundException). Status and code come from
// the analogy; a message only where an EventInvokeConfig recording pins it
// (the qualifier mismatch). None of these is core (analogous evidence).
//
// suites/name-forms.test.ts implements them, one request per operation; the
// titles say what is sent, `my-function` standing for a name no function of
// the run has (the suite uses the run's own prefix).
import { QUALIFIER_MISMATCH } from '../aws-texts.ts';
import { DELETE, GET, LIST, PUT, UPDATE, analog, model, nameCase, rec, type EvidenceRef, type Operation, type Rule, defineRules } from './rule.ts';

const ALL: Operation[] = [PUT, UPDATE, GET, DELETE, LIST];
/** The operations with a Qualifier parameter. */
const QUALIFIED: Operation[] = [PUT, UPDATE, GET, DELETE];

/** The three operations of the analogous snapshot that, like the five, look a function up (CreateFunction creates one). */
const LOOKUPS = ['get_function', 'delete_function', 'invoke'] as const;
const cases = (kase: string): EvidenceRef[] => LOOKUPS.map((op) => nameCase(kase, op));

/** The status of a ValidationException: recorded on the EventInvokeConfig operations (the snapshot above reduces it to its code). */
const VALIDATION_STATUS = rec('put_destination_invalid_arn_pattern', 'ValidationException answers 400');
/** The status of a ResourceNotFoundException. */
const NOT_FOUND_STATUS = model('ResourceNotFoundException', { trait: 'smithy.api#httpError', note: '404' });

/** A FunctionName fault that every lookup operation rejects by validation. */
function nameValidation<const Id extends string>({
  id,
  kase,
  name,
  what,
}: {
  id: Id;
  kase: string;
  name: string;
  what: string;
}): Rule<`name.${Id}.validation-exception`> {
  return {
    id: `name.${id}.validation-exception` as const,
    title: `FunctionName ${name} (${what}) answers 400 ValidationException on all five operations, before any lookup`,
    tier: 'complete',
    operations: ALL,
    evidence: {
      class: 'analogous',
      refs: [...cases(kase), VALIDATION_STATUS],
    },
  };
}

export const analogousRules = defineRules([
  nameValidation({
    id: 'invalid-characters',
    kase: 'invalid_characters_in_function_name',
    name: "'my-function!'",
    what: 'a character outside the pattern',
  }),
  nameValidation({
    id: 'asterisk',
    kase: 'function_name_is_single_invalid',
    name: "'*'",
    what: 'a single invalid character',
  }),
  nameValidation({
    id: 'partial-arn-invalid-account',
    kase: 'invalid_account_id_in_partial_arn',
    name: "'invalid-account:function:my-function'",
    what: 'a partial ARN whose account is not 12 digits',
  }),
  nameValidation({
    id: 'arn-invalid-region',
    kase: 'invalid_region_in_arn',
    name: "'arn:<partition>:lambda:invalid-region:<account>:function:my-function'",
    what: 'a region that is not one',
  }),
  nameValidation({
    id: 'arn-missing-region',
    kase: 'missing_region_in_arn',
    name: "'arn:<partition>:lambda::<account>:function:my-function'",
    what: 'an empty region',
  }),
  nameValidation({
    id: 'arn-missing-account',
    kase: 'missing_account_id_in_arn',
    name: "'arn:<partition>:lambda:<region>::function:my-function'",
    what: 'an empty account',
  }),
  nameValidation({
    id: 'non-lambda-arn',
    kase: 'non_lambda_arn',
    name: "'arn:<partition>:ec2:<region>:<account>:instance:i-1234567890abcdef0'",
    what: 'the ARN of another service',
  }),
  nameValidation({
    id: 'arn-two-qualifiers',
    kase: 'full_arn_with_multiple_qualifiers',
    name: "'arn:<partition>:lambda:<region>:<account>:function:my-function:1:2'",
    what: 'two qualifiers',
  }),
  nameValidation({
    id: 'partial-arn-extra-qualifier',
    kase: 'partial_arn_with_extra_qualifier',
    name: "'function:my-function:$LATEST:extra'",
    what: 'a partial ARN with a qualifier after $LATEST',
  }),
  nameValidation({
    id: 'arn-misspelled-latest',
    kase: 'misspelled_latest_in_arn',
    name: "'arn:<partition>:lambda:<region>:<account>:function:my-function:$LATES'",
    what: 'a misspelled $LATEST',
  }),
  {
    id: 'name.bare-name-over-64.not-found',
    title:
      'A bare FunctionName of 65 characters that names no function is a lookup, not a validation error: 404 ResourceNotFoundException on all five operations',
    tier: 'complete',
    operations: ALL,
    evidence: {
      class: 'analogous',
      refs: [...cases('function_name_too_long'), NOT_FOUND_STATUS],
      note: 'The docs limit a bare name to 64 characters, but GetFunction, DeleteFunction and Invoke look a 65-character name up (only CreateFunction rejects it).',
    },
  },
  {
    id: 'name.several-faults.all-reported',
    title:
      "A function ARN with an invalid region together with a Qualifier of 129 characters answers one 400 ValidationException that names both 'functionName' and 'qualifier'",
    tier: 'strict',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [...cases('full_arn_and_qualifier_too_long_and_invalid_region'), VALIDATION_STATUS],
      note: 'The analogous snapshot keeps the count (2) and the violations, not the message: only that both members are named is asserted.',
    },
  },
  {
    id: 'qualifier.invalid-characters.validation-exception',
    title: "Qualifier 'invalid!' answers 400 ValidationException, before any lookup",
    tier: 'complete',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [...cases('invalid_characters_in_qualifier'), VALIDATION_STATUS],
    },
  },
  {
    id: 'qualifier.too-long.validation-exception',
    title: 'A Qualifier of 129 characters answers 400 ValidationException, before any lookup',
    tier: 'complete',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [...cases('qualifier_too_long'), VALIDATION_STATUS],
    },
  },
  {
    id: 'qualifier.lowercase-latest.not-found',
    title: "Qualifier '$latest' is not $LATEST: on a function with a $LATEST config it answers 404 ResourceNotFoundException and leaves that config as it was",
    tier: 'complete',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [
        ...cases('lowercase_latest_qualifier'),
        rec('put_alias_doesnotexist', 'a Put on an alias that does not exist is a 404'),
        rec('get_qualifier_doesnotexist', 'a Get on a qualifier that does not exist is a 404'),
      ],
      note: 'Recorded on a missing function (GetFunction names ...:my-function:$latest, not normalised); on an existing function the alias $latest does not exist either.',
    },
  },
  {
    id: 'qualifier.unpublished-version.not-found',
    title: 'A Qualifier naming a version that was never published (1221) answers 404 ResourceNotFoundException',
    tier: 'complete',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [
        analog('TestLambdaFunction::test_ops_on_nonexisting_version[get_function]', 'version_not_found_exception'),
        analog('TestLambdaFunction::test_ops_on_nonexisting_version[get_function_configuration]', 'version_not_found_exception'),
        rec('get_qualifier_doesnotexist', 'an alias-shaped missing qualifier is recorded'),
      ],
    },
  },
  {
    id: 'qualifier.mismatch.all-operations',
    title: 'The unqualified function ARN + :$LATEST with Qualifier 1 is a qualifier mismatch on Update, Get and Delete too: 400 InvalidParameterValueException',
    tier: 'complete',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [...cases('latest_version_with_additional_qualifier'), rec('put_shorthand_qualifier_mismatch_2', 'the same mismatch on Put, as <name>:$LATEST')],
    },
  },
  {
    id: 'qualifier.mismatch.all-operations-message',
    title: `The qualifier mismatch says '${QUALIFIER_MISMATCH}' on Update, Get and Delete too`,
    tier: 'strict',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [
        ...cases('latest_version_with_additional_qualifier'),
        rec('put_shorthand_qualifier_mismatch_2', 'the text, recorded on Put'),
        analog('TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[get_function]', 'not_match_exception', 'the same text on GetFunction'),
      ],
    },
  },
  {
    id: 'qualifier.mismatch.checked-before-function-exists',
    title:
      'arn:...:function:<missing>:1 with Qualifier $LATEST answers the 400 mismatch (InvalidParameterValueException), not 404: the mismatch is checked before the function is looked up',
    tier: 'strict',
    operations: QUALIFIED,
    evidence: {
      class: 'analogous',
      refs: [
        analog('TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[get_function]', 'not_match_exception'),
        analog('TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[delete_function]', 'not_match_exception'),
        analog('TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[get_function_configuration]', 'not_match_exception'),
        rec('put_alias_qualifiedarn_qualifierconflict', 'recorded on Put before the alias lookup'),
      ],
    },
  },
  {
    id: 'name.other-region-arn.not-found',
    title:
      "The ARN of an existing function with another region in it, sent to the caller's region, answers 404 ResourceNotFoundException on all five operations and changes nothing",
    tier: 'complete',
    operations: ALL,
    evidence: {
      class: 'analogous',
      refs: [
        analog('TestLambdaFunction::test_get_function_wrong_region[get_function]', 'wrong_region_exception'),
        analog('TestLambdaFunction::test_get_function_wrong_region[delete_function]', 'wrong_region_exception'),
        analog('TestLambdaFunction::test_get_function_wrong_region[invoke]', 'wrong_region_exception'),
      ],
      note: "GetFunction's message (Functions from '<r>' are not reachable in this region) is that family's wording: not asserted here.",
    },
  },
]);
