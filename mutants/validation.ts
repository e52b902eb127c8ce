// Validation mutants: bounds, patterns, error codes and messages of a
// violation, the settings check and its order, destinations, type errors.
import { anyMessageOf, constraintText, FUNCTION_DOES_NOT_EXIST, invalidDestinationArn, validationMessage, violationText } from '../specs/aws-texts.ts';
import { limitOf, memberNamed } from '../generators/contract/members.ts';
import {
  EIC,
  EIC_LIST,
  apiError,
  around,
  aroundWrites,
  bodyOf,
  editError,
  editJson,
  errorOf,
  functionExists,
  hasNoSettings,
  jsonOf,
  prepend,
  reply,
  stored,
  targetOf,
  withBody,
  withQuery,
  type Around,
  type Call,
  type Json,
  type Mutant,
} from './rewrite.ts';
import { validationRuleId } from '../specs/rules/index.ts';

/** The operations with a Qualifier parameter. */
const QUALIFIED_OPS = [
  'PutFunctionEventInvokeConfig',
  'UpdateFunctionEventInvokeConfig',
  'GetFunctionEventInvokeConfig',
  'DeleteFunctionEventInvokeConfig',
] as const;

type Setting = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
type Side = 'OnSuccess' | 'OnFailure';
const SIDES: Side[] = ['OnSuccess', 'OnFailure'];
const everywhere = (fn: Around) => prepend(around('all', EIC, fn), around('get', EIC_LIST, fn));

/** `member` values for which `wrong` holds are accepted: sent on as `inRange`, then stored and echoed as sent. */
const accepts = (member: Setting, wrong: (v: number) => boolean, inRange: number) =>
  prepend(
    ...aroundWrites(async (c, next, ref) => {
      const b = bodyOf(c);
      const v = b?.[member];
      if (typeof v !== 'number' || !wrong(v)) return next(c);
      const res = await next(withBody(c, { ...b, [member]: inRange }));
      const config = res.status === 200 ? stored(ref, String(((await jsonOf(res)) as Json).FunctionArn)) : undefined;
      if (config) config[member] = v;
      return editJson(res, (x) => ({ ...x, [member]: v }));
    }),
  );

/** An error answer matching `match` is replaced by `by`. */
const swap = (match: (e: { code?: string; message: string }) => boolean, by: (res: Response, c: Call) => Response | Promise<Response>) =>
  everywhere(async (c, next) => {
    const res = await next(c);
    return res.status >= 400 && match(await errorOf(res)) ? by(res, c) : res;
  });
/** A ValidationException about `at` (the member, or a member under it) breaking `constraint`. */
const isValidation = (at: string, constraint: string) => (e: { code?: string; message: string }) =>
  e.code === 'ValidationException' && new RegExp(`at '${at}[.']`).test(e.message) && e.message.includes(constraint);
const recode = (code: string, type: 'User' | undefined) => (res: Response) =>
  editError(
    res,
    ({ Type: _, ...b }) => ({ ...(type ? { Type: type } : {}), ...b }),
    (h) => h.set('x-amzn-ErrorType', code),
  );

/** On the destination error `message`, the destinations `offending` picks are accepted anyway: stored and echoed. */
const acceptsDestination = (message: RegExp, offending: (arn: string, side: Side, c: Call, error: string) => boolean) =>
  prepend(
    ...aroundWrites(async (c, next, ref) => {
      const res = await next(c);
      const error = (await errorOf(res)).message;
      if (res.status !== 400 || !message.test(error)) return res;
      const b = bodyOf(c)!;
      const dc = { ...(b.DestinationConfig as Partial<Record<Side, { Destination?: string }>>) };
      const forced: Partial<Record<Side, string>> = {};
      for (const side of SIDES) {
        const d = dc[side]?.Destination;
        if (d && offending(d, side, c, error)) [forced[side], dc[side]] = [d, {}];
      }
      const retry = await next(withBody(c, { ...b, DestinationConfig: dc }));
      const config = retry.status === 200 ? stored(ref, String(((await jsonOf(retry)) as Json).FunctionArn)) : undefined;
      if (!config) return retry;
      Object.assign(config, forced);
      const shown = Object.fromEntries(Object.entries(forced).map(([s, d]) => [s, { Destination: d }]));
      return editJson(retry, (x) => ({ ...x, DestinationConfig: { ...(x.DestinationConfig as Json), ...shown } }));
    }),
  );
const service = (arn: string) => arn.split(':')[2];
/** The model's maximum length of a destination (read from the contract). */
const DESTINATION_MAX = limitOf(memberNamed('DestinationConfig.OnFailure.Destination').node, 'maxLength');
/** Any `invalidDestinationArn(<arn>)` message (specs/aws-texts.ts), whatever the ARN. */
const INVALID_DESTINATION_ARN = anyMessageOf(invalidDestinationArn);

export const validationMutants: Mutant[] = [
  {
    id: 'retry-lower-bound-unchecked',
    title: 'MaximumRetryAttempts below 0 accepted',
    bug: 'A negative MaximumRetryAttempts is stored and echoed instead of failing validation.',
    killers: ['put.validation.maximum-retry-attempts.below-min', 'update.validation.maximum-retry-attempts.below-min'],
    mutate: accepts('MaximumRetryAttempts', (v) => v < 0, 0),
  },
  {
    id: 'retry-upper-bound-off-by-one',
    title: 'MaximumRetryAttempts = 3 accepted',
    bug: 'The upper bound of MaximumRetryAttempts is checked with > 3 instead of > 2, so 3 is accepted.',
    killers: ['put.validation.maximum-retry-attempts.above-max', 'update.validation.maximum-retry-attempts.above-max'],
    mutate: accepts('MaximumRetryAttempts', (v) => v === 3, 2),
  },
  {
    id: 'event-age-upper-bound-off-by-one',
    title: 'MaximumEventAgeInSeconds = 21601 accepted',
    bug: 'The upper bound of MaximumEventAgeInSeconds is off by one: 21601 is accepted.',
    killers: ['put.validation.maximum-event-age-in-seconds.above-max', 'update.validation.maximum-event-age-in-seconds.above-max'],
    mutate: accepts('MaximumEventAgeInSeconds', (v) => v === 21601, 21600),
  },
  {
    id: 'event-age-minimum-rejected',
    title: 'MaximumEventAgeInSeconds = 60 rejected',
    bug: 'The lower bound of MaximumEventAgeInSeconds is checked with <= 60, so the minimum itself fails validation.',
    killers: ['put.validation.maximum-event-age-in-seconds.min', 'update.validation.maximum-event-age-in-seconds.min'],
    mutate: prepend(
      ...aroundWrites(async (c, next) =>
        bodyOf(c)?.MaximumEventAgeInSeconds === 60
          ? apiError('ValidationException', validationMessage([violationText(60, 'maximumEventAgeInSeconds', constraintText('minimum', 60))]))
          : next(c),
      ),
    ),
  },
  {
    id: 'function-name-length-unchecked',
    title: 'FunctionName longer than 256 looked up',
    bug: 'A FunctionName over 256 characters is not validated but looked up, answering 404 instead of 400.',
    killers: [
      'put.validation.function-name.above-max-length',
      'get.validation.function-name.above-max-length',
      'list.validation.function-name.above-max-length',
    ],
    mutate: swap(isValidation('functionName', 'length less than or equal to'), () => apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST)),
  },
  {
    id: 'qualifier-pattern-unchecked',
    title: 'Qualifier pattern unchecked',
    bug: 'A Qualifier that breaks the pattern is looked up instead of failing validation, answering 404 instead of 400.',
    killers: ['put.validation.qualifier.pattern', 'get.validation.qualifier.pattern', 'delete.validation.qualifier.pattern'],
    mutate: swap(isValidation('qualifier', 'regular expression pattern'), () => apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST)),
  },
  {
    id: 'validation-as-invalid-parameter',
    title: 'ValidationException sent as InvalidParameterValueException',
    bug: 'Constraint violations answer InvalidParameterValueException (with Type "User") instead of ValidationException.',
    killers: ['put.validation.error-code', 'update.validation.error-code', 'list.validation.error-code', 'destination.malformed-arn.validation-exception'],
    mutate: swap((e) => e.code === 'ValidationException', recode('InvalidParameterValueException', 'User')),
  },
  {
    id: 'invalid-parameter-as-validation',
    title: 'InvalidParameterValueException sent as ValidationException',
    bug: 'Semantic errors (no settings, qualifier mismatch, bad destination) answer ValidationException instead of InvalidParameterValueException.',
    killers: ['put.no-settings.error-code', 'qualifier.mismatch.error-code', 'destination.unsupported-service-rejected'],
    mutate: swap((e) => e.code === 'InvalidParameterValueException', recode('ValidationException', undefined)),
  },
  {
    id: 'validation-message-pascal-path',
    title: 'Validation messages name members in PascalCase',
    bug: "A ValidationException names the member as the SDK does ('DestinationConfig.OnFailure.Destination') instead of AWS's lowerCamel path.",
    killers: ['put.validation.message', 'update.validation.message', 'destination.malformed-arn.message'],
    mutate: swap(
      (e) => e.code === 'ValidationException',
      (res) =>
        editError(res, (b) => ({
          ...b,
          message: String(b.message).replace(/at '([\w.]+)'/g, (_, p: string) => `at '${p.replace(/(^|\.)(\w)/g, (m) => m.toUpperCase())}'`),
        })),
    ),
  },
  {
    id: 'destination-pattern-as-invalid-parameter',
    title: 'Malformed destination reported as an invalid destination',
    bug: 'A destination that breaks the ARN pattern answers InvalidParameterValueException "The destination ARN ... is invalid." instead of a ValidationException.',
    killers: ['destination.malformed-arn.validation-exception', 'destination.malformed-arn.message'],
    mutate: swap(isValidation('destinationConfig', 'pattern'), (res) =>
      editError(
        res,
        (b) => ({ Type: 'User', message: invalidDestinationArn(/Value '(.*?)' at/.exec(String(b.message))?.[1] ?? '') }),
        (h) => h.set('x-amzn-ErrorType', 'InvalidParameterValueException'),
      ),
    ),
  },
  {
    id: 'no-settings-put-accepted',
    title: 'Put without settings accepted',
    bug: 'Put with none of MaximumRetryAttempts, MaximumEventAgeInSeconds and DestinationConfig creates an empty config instead of answering 400.',
    killers: ['put.no-settings.rejected'],
    mutate: prepend(
      around('put', EIC, (c, next) => {
        const b = bodyOf(c);
        return next(b && hasNoSettings(b) ? withBody(c, { ...b, DestinationConfig: {} }) : c);
      }),
    ),
  },
  {
    id: 'no-settings-after-existence',
    title: 'Settings checked after the function lookup',
    bug: 'Put without settings on a missing function answers 404, because the function is looked up before the settings are checked.',
    killers: ['put.no-settings.checked-before-existence'],
    mutate: prepend(
      around('put', EIC, async (c, next) => {
        const b = bodyOf(c);
        return b && hasNoSettings(b) && !(await functionExists(c, next, targetOf(c).functionName))
          ? apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST)
          : next(c);
      }),
    ),
  },
  {
    id: 's3-on-success-accepted',
    title: 'S3 accepted as OnSuccess',
    bug: 'An S3 bucket ARN is accepted as OnSuccess destination, though S3 is supported on OnFailure only.',
    killers: ['destination.s3.on-success-rejected'],
    mutate: acceptsDestination(/destination config/, (arn, side) => side === 'OnSuccess' && service(arn) === 's3'),
  },
  {
    id: 'self-destination-accepted',
    title: 'The function as its own destination accepted',
    bug: 'A function is accepted as its own destination.',
    killers: ['destination.self-rejected'],
    mutate: acceptsDestination(/as a destination for itself/, (arn, _side, c) => service(arn) === 'lambda' && arn.split(':')[6] === targetOf(c).name),
  },
  {
    id: 'unsupported-service-accepted',
    title: 'Unsupported destination service accepted',
    bug: 'A well-formed ARN of a service that cannot be a destination (iam) is accepted.',
    killers: ['destination.unsupported-service-rejected'],
    mutate: acceptsDestination(/destination config/, (arn) => !['lambda', 'sqs', 'sns', 'events', 's3'].includes(service(arn) ?? '')),
  },
  {
    id: 'missing-lambda-destination-accepted',
    title: 'Missing Lambda destination accepted',
    bug: 'A Lambda destination that does not exist is accepted without a lookup.',
    killers: ['destination.lambda.missing-rejected'],
    mutate: acceptsDestination(INVALID_DESTINATION_ARN, (arn, _side, _c, error) => error === invalidDestinationArn(arn)),
  },
  {
    id: 'unknown-qualifier-falls-to-latest',
    title: 'A Qualifier that names nothing acts on $LATEST',
    bug: 'A Qualifier that names no version or alias is ignored: the request reads, writes or deletes the config of $LATEST instead of answering 404.',
    killers: QUALIFIED_OPS.flatMap((op) => [validationRuleId(op, 'Qualifier', 'min-length'), validationRuleId(op, 'Qualifier', 'max-length')]),
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const res = await next(c);
        const q = c.url.searchParams.get('Qualifier');
        return res.status === 404 && q && q !== '$LATEST' ? next(withQuery(c, 'Qualifier', undefined)) : res;
      }),
    ),
  },
  {
    id: 'empty-qualifier-not-found',
    title: 'An empty Qualifier is looked up',
    bug: 'An empty ?Qualifier= is read as the name of a qualifier, which no function has: 404 instead of a ValidationException or the answer for $LATEST.',
    killers: QUALIFIED_OPS.map((op) => validationRuleId(op, 'Qualifier', 'below-min-length')),
    mutate: prepend(
      around('all', EIC, async (c, next) =>
        c.url.searchParams.get('Qualifier') === '' ? apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST) : next(c),
      ),
    ),
  },
  {
    id: 'update-answers-previous-config',
    title: 'Update answers the config as it was',
    bug: 'Update applies the new settings but answers the config as it was before the Update.',
    killers: [
      'update.validation.maximum-retry-attempts.min',
      'update.validation.maximum-retry-attempts.max',
      'update.validation.maximum-event-age-in-seconds.min',
      'update.validation.maximum-event-age-in-seconds.max',
    ],
    mutate: prepend(
      around('post', EIC, async (c, next) => {
        const before = await next({ ...c, method: 'GET', text: '' });
        const res = await next(c);
        return res.status === 200 && before.status === 200 ? reply(res, await before.text()) : res;
      }),
    ),
  },
  {
    id: 'destination-max-length-off-by-one',
    title: 'A destination of the maximum length rejected',
    bug: 'The length of a destination is checked with >= 350 instead of > 350: a destination of exactly 350 characters fails validation.',
    killers: [
      'put.validation.on-success-destination.max-length',
      'put.validation.on-failure-destination.max-length',
      'update.validation.on-success-destination.max-length',
      'update.validation.on-failure-destination.max-length',
    ],
    mutate: prepend(
      ...aroundWrites(async (c, next) => {
        const dc = (bodyOf(c)?.DestinationConfig ?? {}) as Partial<Record<Side, { Destination?: unknown }>>;
        const side = SIDES.find((s) => String(dc[s]?.Destination ?? '').length === DESTINATION_MAX);
        if (!side) return next(c);
        const path = `destinationConfig.${side.charAt(0).toLowerCase()}${side.slice(1)}.destination`;
        return apiError(
          'ValidationException',
          validationMessage([violationText(dc[side]!.Destination, path, constraintText('maxLength', DESTINATION_MAX - 1))]),
        );
      }),
    ),
  },
  {
    id: 'wrong-json-type-500',
    title: 'A wrong JSON type crashes the handler',
    bug: 'A string where an integer belongs (MaximumRetryAttempts: "1") makes the handler throw: 500 instead of 400.',
    killers: ['wire.wrong-json-type.rejected'],
    mutate: prepend(
      ...aroundWrites(async (c, next) => {
        const b = bodyOf(c) ?? {};
        const bad = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'].some((k) => k in b && typeof b[k] !== 'number');
        return bad ? apiError('ServiceException', 'The emulator encountered an internal error.') : next(c);
      }),
    ),
  },
];
