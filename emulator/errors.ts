// Errors as AWS Lambda sends them: status, `x-amzn-ErrorType` header (the
// restJson1 convention the SDKs read first) and a JSON body whose member casing
// follows the model's error shape (`message` or `Message`).
import { errorStatus } from '../specs/contract.ts';

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

// The messages real AWS gave (see fixtures/aws-observed); one place so that
// every handler says them the same way.
export const errors = {
  functionNotFound: () => new ApiError('ResourceNotFoundException', "The function doesn't exist."),
  noConfig: (qualifiedArn: string) =>
    new ApiError('ResourceNotFoundException', `The function ${qualifiedArn} doesn't have an EventInvokeConfig`),
  qualifierMismatch: () =>
    new ApiError('InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.'),
  noSettings: () =>
    new ApiError('InvalidParameterValueException', 'You must specify at least one of error handling or destination setting.'),
  invalidParameter: (message: string) => new ApiError('InvalidParameterValueException', message),
  conflict: (message: string) => new ApiError('ResourceConflictException', message),
  notFound: (message: string) => new ApiError('ResourceNotFoundException', message),
  validation: (violations: string[]) =>
    new ApiError(
      'ValidationException',
      `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
    ),
  badContent: (detail: string) =>
    new ApiError('InvalidRequestContentException', `Could not parse request body into json: ${detail}`),
  tooLarge: (limit: number) =>
    new ApiError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the operation.`),
  unknownOperation: (method: string, path: string) =>
    new ApiError('UnknownOperationException', `Unknown operation ${method} ${path}`),
};
