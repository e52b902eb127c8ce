// Errors as AWS Lambda sends them: status, `x-amzn-ErrorType` header (the
// restJson1 convention the SDKs read first) and a JSON body whose member casing
// follows the model's error shape (`message` or `Message`).
import { errorStatus } from '../specs/contract.ts';
import { FUNCTION_DOES_NOT_EXIST, NO_SETTINGS, QUALIFIER_MISMATCH, noEventInvokeConfig, validationMessage } from '../specs/aws-texts.ts';

interface ErrorKind {
  status: number;
  /** Body member carrying the text, as the model's error shape names it. */
  messageKey: 'message' | 'Message';
  /** The `Type` member, absent for errors outside the model (ValidationException). */
  type?: 'User' | 'Service';
}

const kind = (code: string, messageKey: ErrorKind['messageKey'], type?: ErrorKind['type'], status?: number): [string, ErrorKind] => {
  const s = status ?? errorStatus(code);
  if (s === undefined) throw new Error(`emulator: no status for ${code} in specs and none given`);
  return [code, { status: s, messageKey, type }];
};

const KINDS = new Map<string, ErrorKind>([
  kind('InvalidParameterValueException', 'message', 'User'),
  kind('ResourceNotFoundException', 'Message', 'User'),
  kind('ResourceConflictException', 'message', 'User'),
  kind('ServiceException', 'Message', 'Service'),
  kind('TooManyRequestsException', 'message', 'User'),
  kind('ValidationException', 'message'),
  // Outside the five operations' model: what Lambda answers for unparsable
  // bodies, oversized requests and paths it does not route.
  kind('InvalidRequestContentException', 'message', 'User', 400),
  kind('RequestTooLargeException', 'message', 'User', 413),
  kind('UnknownOperationException', 'message', undefined, 404),
]);

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    // An ApiError is an answer, not a bug: capturing its stack trace was the
    // costliest part of answering an error, and nothing ever reads it.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
  get status(): number {
    return kindOf(this.code).status;
  }
  body(): Record<string, string> {
    const k = kindOf(this.code);
    return { ...(k.type ? { Type: k.type } : {}), [k.messageKey]: this.message };
  }
}

function kindOf(code: string): ErrorKind {
  const k = KINDS.get(code);
  if (!k) throw new Error(`emulator: unknown error code ${code}`);
  return k;
}

// The messages real AWS gave, in one place so that every handler says them the
// same way. AWS's texts come from specs/aws-texts.ts, where the suites and the
// mutants read them too (defined once; test/evidence.test.ts checks them
// against the recordings). The texts of badContent, tooLarge and
// unknownOperation are the emulator's own on purpose: no recording shows what
// AWS says there, and no rule pins them.
export const errors = {
  functionNotFound: () => new ApiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST),
  noConfig: (qualifiedArn: string) => new ApiError('ResourceNotFoundException', noEventInvokeConfig(qualifiedArn)),
  qualifierMismatch: () => new ApiError('InvalidParameterValueException', QUALIFIER_MISMATCH),
  noSettings: () => new ApiError('InvalidParameterValueException', NO_SETTINGS),
  invalidParameter: (message: string) => new ApiError('InvalidParameterValueException', message),
  conflict: (message: string) => new ApiError('ResourceConflictException', message),
  notFound: (message: string) => new ApiError('ResourceNotFoundException', message),
  /** AWS's message form (specs/aws-texts.ts): `N validation error(s) detected: a; b`. */
  validation: (violations: string[]) => new ApiError('ValidationException', validationMessage(violations)),
  badContent: (detail: string) => new ApiError('InvalidRequestContentException', `Could not parse request body into json: ${detail}`),
  tooLarge: (limit: number) => new ApiError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the operation.`),
  unknownOperation: (method: string, path: string) => new ApiError('UnknownOperationException', `Unknown operation ${method} ${path}`),
};

/**
 * An error of the HTTP layer in front of the operations (request line, Host,
 * framing, timeouts): the body and `x-amzn-ErrorType` of one of the kinds
 * above, with the HTTP status that names the fault (408, 417, 431) where the
 * kind's own would hide it.
 */
export class ProtocolError extends ApiError {
  constructor(
    code: string,
    message: string,
    private readonly httpStatus?: number,
  ) {
    super(code, message);
  }
  override get status(): number {
    return this.httpStatus ?? super.status;
  }
}

/** What the served emulator answers to requests it cannot read as an operation call (see emulator/serve.ts). */
export const protocolErrors = {
  /** Lambda's InvalidRequestContentException covers "the request body could not be parsed as JSON, or a request header is invalid". */
  badRequest: (message: string, status?: number) => new ProtocolError('InvalidRequestContentException', message, status),
  tooLarge: (message: string, status?: number) => new ProtocolError('RequestTooLargeException', message, status),
};
