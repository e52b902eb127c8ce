// Shape and wire mutants: success bodies (FunctionArn, absent settings, both
// destination sides, LastModified), error bodies and headers, Delete's answer,
// content types, malformed input and unknown paths.
import { anyMessageOf, FUNCTION_DOES_NOT_EXIST, noEventInvokeConfig } from '../specs/aws-texts.ts';
import {
  EIC,
  EIC_LIST,
  apiError,
  around,
  aroundWrites,
  bodyOf,
  editConfigs,
  editError,
  errorOf,
  prepend,
  reply,
  type Around,
  type Json,
  type Mutant,
} from './rewrite.ts';

const configs = (edit: (config: Json) => Json) =>
  prepend(
    around('all', EIC, async (c, next) => editConfigs(await next(c), edit)),
    around('get', EIC_LIST, async (c, next) => editConfigs(await next(c), edit)),
  );
/** Every error answer of the five operations goes through `edit`. */
const errors = (edit: (res: Response) => Response | Promise<Response>) => {
  const fn: Around = async (c, next) => {
    const res = await next(c);
    return res.status >= 400 ? edit(res) : res;
  };
  return prepend(around('all', EIC, fn), around('get', EIC_LIST, fn));
};
const sides = (dc: unknown) => Object.fromEntries(Object.entries((dc ?? {}) as Json).filter(([, v]) => Object.keys(v as Json).length > 0));
/** Any `noEventInvokeConfig(<arn>)` message (specs/aws-texts.ts), whatever the ARN. */
const NO_CONFIG = anyMessageOf(noEventInvokeConfig);
const KNOWN = new Set(['MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'DestinationConfig']);
const html = (status: number) =>
  new Response(`<html><head><title>${status}</title></head><body><h1>${status} Not Found</h1></body></html>`, {
    status,
    headers: { 'content-type': 'text/html' },
  });

export const wireMutants: Mutant[] = [
  {
    id: 'function-arn-unqualified',
    title: 'FunctionArn unqualified',
    bug: 'FunctionArn in success bodies is the unqualified function ARN, without :$LATEST, :<version> or :<alias>.',
    killers: ['response.function-arn.qualified'],
    mutate: configs((x) => ({ ...x, FunctionArn: String(x.FunctionArn).split(':').slice(0, 7).join(':') })),
  },
  {
    id: 'unset-settings-null',
    title: 'Unset settings sent as null',
    bug: 'MaximumRetryAttempts and MaximumEventAgeInSeconds that were never set are sent as null instead of being left out.',
    killers: ['response.settings.absent-not-null'],
    mutate: configs((x) => ({ MaximumRetryAttempts: null, MaximumEventAgeInSeconds: null, ...x })),
  },
  {
    id: 'destination-side-omitted',
    title: 'Unset destination side left out',
    bug: 'DestinationConfig leaves out a side without a destination instead of sending it as {}.',
    killers: ['response.destination-config.both-sides'],
    mutate: configs((x) => ({ ...x, DestinationConfig: sides(x.DestinationConfig) })),
  },
  {
    id: 'last-modified-iso',
    title: 'LastModified as an ISO string',
    bug: 'LastModified is sent as an ISO-8601 string instead of a JSON number of epoch seconds.',
    killers: ['response.last-modified.epoch-seconds'],
    mutate: configs((x) => ({ ...x, LastModified: new Date(Number(x.LastModified) * 1000).toISOString() })),
  },
  {
    id: 'last-modified-millis',
    title: 'LastModified in milliseconds',
    bug: 'LastModified is sent as epoch milliseconds instead of epoch seconds.',
    killers: ['response.last-modified.epoch-seconds'],
    mutate: configs((x) => ({ ...x, LastModified: Math.round(Number(x.LastModified) * 1000) })),
  },
  {
    id: 'error-code-body-only',
    title: 'Error code only in the body',
    bug: 'Errors carry their code as __type in the body and send no x-amzn-ErrorType header.',
    killers: ['error.header.error-type'],
    mutate: errors(async (res) => {
      const { code } = await errorOf(res);
      return editError(
        res,
        (b) => ({ __type: code, ...b }),
        (h) => h.delete('x-amzn-ErrorType'),
      );
    }),
  },
  {
    id: 'error-code-header-only',
    title: 'Error code only in the header',
    bug: 'Errors carry only the x-amzn-ErrorType header: the JSON body is {} (no Type, no message).',
    killers: ['error.shape.type-user', 'error.shape.message-casing', 'put.no-settings.message'],
    mutate: errors((res) => editError(res, () => ({}))),
  },
  {
    id: 'not-found-message-lowercase',
    title: 'ResourceNotFoundException says "message"',
    bug: 'ResourceNotFoundException carries its text in "message" instead of the model\'s "Message".',
    killers: ['error.shape.message-casing'],
    mutate: errors((res) => editError(res, ({ Message, ...b }) => (Message === undefined ? b : { ...b, message: Message }))),
  },
  {
    id: 'html-error-page',
    title: 'Not-found errors as an HTML page',
    bug: 'Every 404 is an HTML page (text/html, no error code) instead of a JSON ResourceNotFoundException.',
    killers: ['error.content-type-json'],
    mutate: errors((res) => (res.status === 404 ? html(404) : res)),
  },
  {
    id: 'delete-200-with-body',
    title: 'Delete answers 200 with a body',
    bug: 'Delete answers 200 with a JSON body instead of 204 with an empty one.',
    killers: ['delete.no-content'],
    mutate: prepend(
      around('delete', EIC, async (c, next) => {
        const res = await next(c);
        return res.status === 204 ? new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }) : res;
      }),
    ),
  },
  {
    id: 'delete-twice-204',
    title: 'Deleting twice answers 204',
    bug: 'Delete of a config that is not there answers 204 (idempotent delete) instead of 404.',
    killers: ['delete.twice.not-found'],
    mutate: prepend(
      around('delete', EIC, async (c, next) => {
        const res = await next(c);
        return res.status === 404 && NO_CONFIG.test((await errorOf(res)).message) ? new Response(null, { status: 204 }) : res;
      }),
    ),
  },
  {
    id: 'success-content-type-text',
    title: 'Success bodies sent as text/plain',
    bug: 'Success bodies are JSON text but sent with Content-Type text/plain.',
    killers: ['response.content-type-json'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const res = await next(c);
        return res.status === 200 ? reply(res, await res.text(), (h) => h.set('content-type', 'text/plain; charset=utf-8')) : res;
      }),
    ),
  },
  {
    id: 'unknown-members-echoed',
    title: 'Unknown body members echoed',
    bug: 'Members the model does not know are echoed back in the Put and Update answers.',
    killers: ['wire.unknown-members.ignored'],
    mutate: prepend(
      ...aroundWrites(async (c, next) => {
        const unknown = Object.fromEntries(Object.entries(bodyOf(c) ?? {}).filter(([k]) => !KNOWN.has(k)));
        return editConfigs(await next(c), (x) => ({ ...x, ...unknown }));
      }),
    ),
  },
  {
    id: 'validation-error-typed',
    title: 'ValidationException carries Type',
    bug: 'ValidationException bodies carry Type: "User" like the modelled errors.',
    killers: ['error.shape.validation-no-type'],
    mutate: errors(async (res) => ((await errorOf(res)).code === 'ValidationException' ? editError(res, (b) => ({ Type: 'User', ...b })) : res)),
  },
  {
    id: 'malformed-json-500',
    title: 'Malformed JSON crashes the handler',
    bug: 'A body that is not JSON makes the handler throw: an HTML 500 page instead of a JSON 400.',
    killers: ['wire.malformed-json.rejected'],
    mutate: prepend(
      ...aroundWrites(async (c, next) =>
        c.text !== '' && bodyOf(c) === undefined
          ? new Response('<html><body>500 Internal Server Error</body></html>', { status: 500, headers: { 'content-type': 'text/html' } })
          : next(c),
      ),
    ),
  },
  {
    id: 'unknown-operation-html',
    title: 'Unknown paths answer an HTML page',
    bug: 'A path no operation routes answers an HTML 404 page instead of a JSON error.',
    killers: ['wire.unknown-operation.json-error'],
    mutate: prepend(
      around('all', '*', async (c, next) => {
        const res = await next(c);
        return (await errorOf(res)).code === 'UnknownOperationException' ? html(404) : res;
      }),
    ),
  },
  {
    id: 'not-found-as-bad-request',
    title: 'Missing function answered 400',
    bug: 'A missing function answers 400 InvalidParameterValueException ("The function doesn\'t exist.") instead of 404 ResourceNotFoundException.',
    killers: ['put.missing-function.not-found', 'list.missing-function.not-found', 'not-found.error-code'],
    mutate: errors(async (res) =>
      (await errorOf(res)).message === FUNCTION_DOES_NOT_EXIST ? apiError('InvalidParameterValueException', FUNCTION_DOES_NOT_EXIST) : res,
    ),
  },
];
