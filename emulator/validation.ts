// Request validation as AWS does it: an unparsable body or a member of the wrong
// JSON type is InvalidRequestContentException; a value that breaks a length,
// range or pattern constraint of the model is ValidationException with AWS's
// message form (`Value '<v>' at '<lowerCamelPath>' failed to satisfy constraint: ...`).
import type { ErrorObject } from 'ajv';
import type { EicOperation } from '../specs/contract.ts';
import { validatorFor } from '../specs/validators.ts';
import { constraintText as awsConstraintText, violationText } from '../specs/aws-texts.ts';
import { errors } from './errors.ts';

export const MAX_BODY_BYTES = 256 * 1024;

/** Reads a JSON object body; an empty body is `{}`. */
export async function readJsonBody(request: { text(): Promise<string> }): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw errors.tooLarge(MAX_BODY_BYTES);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw errors.badContent(`Could not parse payload into json: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.badContent('Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

const lowerCamel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** `/body/DestinationConfig/OnFailure/Destination` -> `destinationConfig.onFailure.destination`. */
function memberPath(instancePath: string): string {
  return instancePath.split('/').slice(2).map(lowerCamel).join('.');
}

/** AWS's constraint text of an ajv error (the wording lives in specs/aws-texts.ts); undefined for keywords that are no constraint violation. */
function constraintText(e: ErrorObject): string | undefined {
  const limit = (e.params as { limit?: number }).limit;
  switch (e.keyword) {
    case 'pattern':
      return awsConstraintText('pattern', (e.parentSchema as { 'x-aws-pattern'?: string })['x-aws-pattern'] ?? String(e.schema));
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
      return awsConstraintText(e.keyword, limit as number);
    default:
      return undefined;
  }
}

export interface RequestParts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Validates (and, for query strings, coerces) a request against `<op>Request`; throws the AWS error. */
export function validateRequest(op: EicOperation, parts: RequestParts): void {
  const validate = validatorFor(`${op}Request`, { coerce: true, strip: true });
  // Coercion must only touch the query (text on the wire): a "1" in the JSON
  // body is a type error, not the number 1. So check body types first, uncoerced.
  if (parts.body) {
    const bodyTypes = validatorFor(`${op}Request/properties/body`, { strip: true });
    if (!bodyTypes(parts.body)) {
      const typeError = bodyTypes.errors?.find((e) => e.keyword === 'type');
      if (typeError) {
        throw errors.badContent(`Value at '${memberPath(`/body${typeError.instancePath}`)}' ${typeError.message ?? 'has the wrong type'}.`);
      }
    }
  }
  if (validate(parts)) return;
  const violations: string[] = [];
  for (const e of validate.errors ?? []) {
    const text = constraintText(e);
    if (text === undefined) {
      throw errors.badContent(`Value at '${memberPath(e.instancePath) || 'request'}' ${e.message ?? 'is not valid'}.`);
    }
    violations.push(violationText(e.data, memberPath(e.instancePath), text));
  }
  throw errors.validation(violations);
}
