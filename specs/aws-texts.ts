// AWS's own words, defined once: the messages and constraint texts real AWS
// Lambda answered with, for the catalogue's titles, the suites' exact-message
// assertions, the mutants and (if it chooses) the emulator.
//
// Each text says where it comes from:
// - recorded: verbatim in ../shared/aws-recordings/eventinvokeconfig.snapshot.json
//   (RECORDED_MESSAGES below rebuilds each recorded message from these
//   functions; test/evidence.test.ts compares them with the snapshot);
// - analogous: quoted by other Lambda operations in
//   ../shared/aws-recordings/analogous (never an EventInvokeConfig message:
//   a rule must not pin these texts on the five operations);
// - inferred: the same framework's wording where nothing shows it (the
//   emulator needs some text; no rule may pin it exactly).

// ---------------------------------------------------------------- recorded messages

/** ResourceNotFoundException of Put, Update and List on a missing function, and of Put on a missing alias. */
export const FUNCTION_DOES_NOT_EXIST = "The function doesn't exist.";

/** ResourceNotFoundException of Get and Delete (any missing function, qualifier or config), and of Update without a config. */
export const noEventInvokeConfig = (qualifiedArn: string): string => `The function ${qualifiedArn} doesn't have an EventInvokeConfig`;

/** A pattern matching any message `template` makes, whatever its argument (for the mutants that recognise AWS's messages). */
export function anyMessageOf(template: (arg: string) => string): RegExp {
  const parts = template('\u0000').split('\u0000');
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * The ARN a `noEventInvokeConfig` message names, or undefined when the text is
 * not that message: lets a rule tell "names another ARN" (say, unqualified
 * where AWS names `<arn>:$LATEST`) from "another message altogether".
 */
export function arnInNoEventInvokeConfig(message: string): string | undefined {
  const [before = '', after = ''] = noEventInvokeConfig('\u0000').split('\u0000');
  if (message.length <= before.length + after.length || !message.startsWith(before) || !message.endsWith(after)) return undefined;
  const arn = message.slice(before.length, message.length - after.length);
  return /\s/.test(arn) ? undefined : arn;
}

/** InvalidParameterValueException: the qualifier in the name and the Qualifier parameter differ (compared as strings). */
export const QUALIFIER_MISMATCH = 'The derived qualifier from the function name does not match the specified qualifier.';

/** InvalidParameterValueException of Put with none of MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig. */
export const NO_SETTINGS = 'You must specify at least one of error handling or destination setting.';

/** InvalidParameterValueException: the function as its own destination. */
export const SELF_DESTINATION = "You can't specify the function as a destination for itself.";

/** InvalidParameterValueException: a Lambda destination that does not exist. */
export const invalidDestinationArn = (arn: string): string => `The destination ARN ${arn} is invalid.`;

/**
 * Java's toString of a DestinationConfig, as AWS quotes it. Recorded only for
 * one OnSuccess destination and no OnFailure (`onFailure=null`); the other
 * forms (both sides, a side without Destination) follow the same toString but
 * are inferred.
 */
export function destinationConfigToString(dc: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } }): string {
  const side = (name: 'OnSuccess' | 'OnFailure') => {
    const s = dc[name];
    return s ? `${name}(destination=${s.Destination ?? 'null'})` : 'null';
  };
  return `DestinationConfig(onSuccess=${side('OnSuccess')}, onFailure=${side('OnFailure')})`;
}

/** InvalidParameterValueException: a destination of a service AWS does not support there (recorded for iam on OnSuccess). */
export const invalidDestinationConfig = (dc: Parameters<typeof destinationConfigToString>[0]): string =>
  `The provided destination config ${destinationConfigToString(dc)} is invalid.`;

// ---------------------------------------------------------------- validation (ValidationException)

export type ConstraintKeyword = 'pattern' | 'maxLength' | 'minLength' | 'maximum' | 'minimum';

/** The constraint texts of AWS's model validation, with their evidence. */
export const CONSTRAINT_TEXT: Readonly<Record<ConstraintKeyword, (limit: number | string) => string>> = {
  /** recorded (destinationConfig.onFailure.destination); analogous for functionName and qualifier. */
  pattern: (pattern) => `Member must satisfy regular expression pattern: ${pattern}`,
  /** analogous (qualifier: 128, functionName: 140 and 64 on CreateFunction). */
  maxLength: (limit: number | string) => `Member must have length less than or equal to ${limit}`,
  /** inferred. */
  minLength: (limit: number | string) => `Member must have length greater than or equal to ${limit}`,
  /** inferred. */
  maximum: (limit: number | string) => `Member must have value less than or equal to ${limit}`,
  /** inferred. */
  minimum: (limit: number | string) => `Member must have value greater than or equal to ${limit}`,
};

export const constraintText = (keyword: ConstraintKeyword, limit: number | string): string => CONSTRAINT_TEXT[keyword](limit);

/** One violation as AWS words it (recorded form): `Value '<v>' at '<lowerCamelPath>' failed to satisfy constraint: <constraint>`. */
export const violationText = (value: unknown, path: string, constraint: string): string =>
  `Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`;

/**
 * The whole ValidationException message. Recorded for one violation
 * (`1 validation error detected: ...`); for several, AWS counts them all
 * (analogous: Count 2) but the plural and the separator ('; ') are inferred.
 */
export const validationMessage = (violations: readonly string[]): string =>
  `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`;

/** The start every ValidationException message of one violation has (recorded). */
export const ONE_VALIDATION_ERROR = '1 validation error detected: ';

/**
 * The destination pattern AWS quoted in its ValidationException for
 * destinationConfig.onFailure.destination, by recording date. It changed
 * between the two: exact-message rules rest on the latest only, and may break
 * when AWS changes it again.
 */
export const DESTINATION_PATTERN_QUOTED = {
  '2025-11-25':
    '$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
  '2024-04-10': '^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
} as const;
/** The pattern of the latest recording (put_destination_invalid_arn_pattern). */
export const DESTINATION_PATTERN = DESTINATION_PATTERN_QUOTED['2025-11-25'];

/** The whole recorded message for a malformed destination on `side` (lowerCamel path). */
export const malformedDestinationMessage = (value: string, side: 'onSuccess' | 'onFailure'): string =>
  `${ONE_VALIDATION_ERROR}${violationText(value, `destinationConfig.${side}.destination`, CONSTRAINT_TEXT.pattern(DESTINATION_PATTERN))}`;

// ---------------------------------------------------------------- analogous texts (other operations: never pin on the five)

/**
 * The FunctionName pattern GetFunction, DeleteFunction and Invoke quoted in
 * 2025 (analogous). It is neither the Smithy nor the botocore pattern of
 * NamespacedFunctionName: no rule can pin the FunctionName pattern text of the
 * EventInvokeConfig operations.
 */
export const FUNCTION_NAME_PATTERN_QUOTED_BY_GET_FUNCTION =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?';

/** The Qualifier pattern GetFunction, DeleteFunction and Invoke quoted in 2025 (analogous; the same text as botocore's). */
export const QUALIFIER_PATTERN_QUOTED_BY_GET_FUNCTION = '\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+';

/** GetFunction & co. on a function ARN of another region (analogous; 404 ResourceNotFoundException). */
export const notReachableFromRegion = (arnRegion: string, region: string): string =>
  `Functions from '${arnRegion}' are not reachable in this region ('${region}')`;

// ---------------------------------------------------------------- the recorded messages, rebuilt

/** The placeholders of the recordings: the account, partition and region as normalised, the function under test. */
const P = {
  arn: (name: string) => `arn:<partition>:lambda:<region>:111111111111:function:${name}`,
  fn: '<function-name:1>',
};

/**
 * Every error message of the EventInvokeConfig recordings, rebuilt from the
 * texts above with the recordings' placeholders: test/evidence.test.ts checks
 * each against the snapshot, so a text here is AWS's, letter for letter.
 */
export const RECORDED_MESSAGES: ReadonlyArray<{ step: string; message: string }> = [
  { step: 'get_invokeconfig_postpublish', message: noEventInvokeConfig(`${P.arn(P.fn)}:1`) },
  { step: 'put_functionname_name_notfound', message: FUNCTION_DOES_NOT_EXIST },
  { step: 'put_functionname_arn_notfound', message: FUNCTION_DOES_NOT_EXIST },
  { step: 'put_functionname_nootherargs', message: NO_SETTINGS },
  { step: 'put_destination_lambda_doesntexist', message: invalidDestinationArn(P.arn('doesnotexist')) },
  { step: 'put_destination_recursive', message: SELF_DESTINATION },
  {
    step: 'put_destination_invalid_service_arn',
    message: invalidDestinationConfig({ OnSuccess: { Destination: `arn:<partition>:iam:<region>:111111111111:function:${P.fn}` } }),
  },
  {
    step: 'put_destination_invalid_arn_pattern',
    message: malformedDestinationMessage(`arn:<partition>:_-/!lambda:<region>:111111111111:function:${P.fn}`, 'onFailure'),
  },
  { step: 'put_alias_doesnotexist', message: FUNCTION_DOES_NOT_EXIST },
  { step: 'put_alias_qualifiedarn_qualifierconflict', message: QUALIFIER_MISMATCH },
  { step: 'put_alias_shorthand_qualifierconflict', message: QUALIFIER_MISMATCH },
  { step: 'put_shorthand_qualifier_mismatch_1', message: QUALIFIER_MISMATCH },
  { step: 'put_shorthand_qualifier_mismatch_2', message: QUALIFIER_MISMATCH },
  { step: 'put_shorthand_qualifier_mismatch_3', message: QUALIFIER_MISMATCH },
  { step: 'delete_function_not_found', message: noEventInvokeConfig(`${P.arn(P.fn)}:$LATEST`) },
  { step: 'delete_function_doesnotexist', message: noEventInvokeConfig(`${P.arn('doesnotexist')}:$LATEST`) },
  { step: 'list_function_doesnotexist', message: FUNCTION_DOES_NOT_EXIST },
  { step: 'get_function_doesnotexist', message: noEventInvokeConfig(`${P.arn('doesnotexist')}:$LATEST`) },
  { step: 'get_qualifier_doesnotexist', message: noEventInvokeConfig(`${P.arn(P.fn)}:doesnotexist`) },
  { step: 'update_eventinvokeconfig_function_doesnotexist', message: FUNCTION_DOES_NOT_EXIST },
  { step: 'get_eventinvokeconfig_doesnotexist', message: noEventInvokeConfig(`${P.arn(P.fn)}:eventinvokealias`) },
  { step: 'update_eventinvokeconfig_config_doesnotexist_with_qualifier', message: noEventInvokeConfig(`${P.arn(P.fn)}:eventinvokealias`) },
  { step: 'update_eventinvokeconfig_config_doesnotexist_without_qualifier', message: noEventInvokeConfig(`${P.arn(P.fn)}:$LATEST`) },
];
