// Destinations per service and side, and the checks AWS makes on them.
//
// A destination rule judges the side it sent: accepted (and echoed, and read
// back) or refused as recorded. Whether the answer also carries the other side
// as {} and a qualified FunctionArn is response-shape's concern, not judged
// here. Error code and message rules judge an error only once there is one
// (else they are blocked by the status rule).
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { DestinationService } from '../fixtures/companions.ts';
import {
  invalidDestinationArn,
  invalidDestinationConfig,
  malformedDestinationMessage,
  ONE_VALIDATION_ERROR,
  SELF_DESTINATION,
  violationText,
} from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import { expectEqual, expectError, expectMembers, expectOk, expectThat, given, requireErrorStatus, whereIn } from './harness/expect.ts';
import { Inconclusive, Unsupported } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('destinations');
const SIDES = ['OnSuccess', 'OnFailure'] as const;
type Side = (typeof SIDES)[number];
const INVALID_PARAMETER = { status: 400, code: 'InvalidParameterValueException' } as const;
/** `destinationConfig.onSuccess.destination`: the member path AWS names in a ValidationException. */
const pathOf = (side: Side) => `destinationConfig.${side[0]!.toLowerCase()}${side.slice(1)}.destination`;

/** The unqualified ARN a function called `name` would have, next to `fn`. */
const lambdaArn = (fn: FunctionFixture, name: string) => `arn:${fn.partition}:lambda:${fn.region}:${fn.account}:function:${name}`;
/** A well-formed ARN of `service` in the fixture's partition, region and account (nothing is created). */
const synthetic = (fn: FunctionFixture, service: string, resource: string) => `arn:${fn.partition}:${service}:${fn.region}:${fn.account}:${resource}`;
const wrongService = (fn: FunctionFixture) => `arn:${fn.partition}:iam:${fn.region}:${fn.account}:function:${fn.name}`;
const malformed = (fn: FunctionFixture) => `arn:${fn.partition}:_-/!lambda:${fn.region}:${fn.account}:function:${fn.name}`;

const dc = (side: Side, destination: string) => ({ [side]: { Destination: destination } });

/**
 * The side `side` of a config answer (Put, Update or Get) is `expected`. An
 * answer without that side is not judged when `absentAllowed` (whether both
 * sides are always there is response.destination-config.both-sides' concern).
 */
function expectSide(o: Observation, side: Side, expected: { Destination?: string }, absentAllowed = false): void {
  const body = expectOk(o);
  const config = body.DestinationConfig as Record<string, unknown> | undefined;
  if (absentAllowed && (config === undefined || !(side in config))) return;
  expectEqual(whereIn(o, `body.DestinationConfig.${side}`), config?.[side] ?? '(absent)', expected);
}

/**
 * The destination of `service` for this run: on a remote target the real one
 * set-up created there (fixtures/environment.ts); where the target lacks the
 * service the rule is skipped, where it could not be created inconclusive,
 * with the reason. The embedded emulator never looks SQS, SNS, EventBridge or
 * S3 up: a well-formed synthetic ARN.
 */
function destinationOf(t: RuleContext, fn: FunctionFixture, service: DestinationService, o: { syntheticWhereNoService?: boolean } = {}): string {
  const env = t.config.environment;
  if (!env) return SYNTHETIC[service](t, fn);
  const arn = env.destinations[service];
  if (arn) return arn;
  const why = env.unavailable[service] ?? { verdict: 'inconclusive', reason: `no ${service} destination was set up` };
  // A target without the service cannot look the resource up either: for a refusal that rests on the side alone, a synthetic ARN tells as much.
  if (why.verdict === 'skip' && o.syntheticWhereNoService) return SYNTHETIC[service](t, fn);
  throw why.verdict === 'skip' ? new Unsupported(why.reason) : new Inconclusive(why.reason);
}

const SYNTHETIC: Record<DestinationService, (t: RuleContext, fn: FunctionFixture) => string> = {
  sqs: (t, fn) => synthetic(fn, 'sqs', `${t.config.prefix}queue`),
  sns: (t, fn) => synthetic(fn, 'sns', `${t.config.prefix}topic`),
  eventbridge: (t, fn) => synthetic(fn, 'events', `event-bus/${t.config.prefix}bus`),
  // S3 bucket ARNs carry no region or account: arn:<partition>:s3:::<bucket>.
  s3: (t, fn) => `arn:${fn.partition}:s3:::${t.config.prefix}bucket`,
};

/**
 * `service`'s destination on `sides`, each on a function of its own (so no
 * check depends on a second Put replacing the first): the Put is accepted
 * (a refusal of a real resource fails, with the answer as evidence), echoes
 * the side and a Get reads it back.
 */
async function expectAccepted(t: RuleContext, service: DestinationService, sides: readonly Side[]): Promise<void> {
  for (const side of sides) {
    const fn = await t.fn(side === 'OnSuccess' ? 'succ' : 'fail');
    const destination = destinationOf(t, fn, service);
    t.subject = `a ${service} destination on ${side}`;
    expectSide(await t.put({ FunctionName: fn.name, DestinationConfig: dc(side, destination) }), side, { Destination: destination });
    expectSide(await t.get({ FunctionName: fn.name }), side, { Destination: destination });
  }
}

s.rule('destination.lambda.accepted', async (t) => {
  const fn = await t.fn();
  const other = await t.sharedFn();
  t.subject = 'another function as OnSuccess destination';
  expectSide(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', other.arn) }), 'OnSuccess', { Destination: other.arn });
  expectSide(await t.get({ FunctionName: fn.name }), 'OnSuccess', { Destination: other.arn });
});

/** Put on `fn` with `destination` on OnSuccess. */
const putOnSuccess = (t: RuleContext, fn: FunctionFixture, destination: string) =>
  t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', destination) });

s.rule('destination.lambda.missing-rejected', async (t) => {
  const fn = await t.fn();
  t.subject = 'a Lambda destination that does not exist';
  expectError(await putOnSuccess(t, fn, lambdaArn(fn, `${t.config.prefix}doesnotexist`)), { status: 400 });
});

s.rule('destination.lambda.missing-message', async (t) => {
  const fn = await t.fn();
  const missing = lambdaArn(fn, `${t.config.prefix}doesnotexist`);
  const o = await putOnSuccess(t, fn, missing);
  requireErrorStatus(o, 400, 'destination.lambda.missing-rejected');
  expectError(o, { message: invalidDestinationArn(missing) });
});

s.rule('destination.self-rejected', async (t) => {
  const fn = await t.fn();
  t.subject = 'the function as its own destination';
  expectError(await putOnSuccess(t, fn, fn.arn), { status: 400 });
});

s.rule('destination.self-message', async (t) => {
  const fn = await t.fn();
  const o = await putOnSuccess(t, fn, fn.arn);
  requireErrorStatus(o, 400, 'destination.self-rejected');
  expectError(o, { message: SELF_DESTINATION });
});

s.rule('destination.unsupported-service-rejected', async (t) => {
  const fn = await t.fn();
  t.subject = 'a destination of an unsupported service (iam)';
  expectError(await putOnSuccess(t, fn, wrongService(fn)), INVALID_PARAMETER);
});

s.rule('destination.unsupported-service-message', async (t) => {
  const fn = await t.fn();
  const arn = wrongService(fn);
  const o = await putOnSuccess(t, fn, arn);
  requireErrorStatus(o, 400, 'destination.unsupported-service-rejected');
  expectError(o, { message: invalidDestinationConfig({ OnSuccess: { Destination: arn } }) });
});

s.rule('destination.malformed-arn.validation-exception', async (t) => {
  const fn = await t.fn();
  const arn = malformed(fn);
  for (const side of SIDES) {
    t.subject = `a malformed destination on ${side}`;
    const o = await t.put({ FunctionName: fn.name, DestinationConfig: dc(side, arn) });
    expectError(o, { status: 400, code: 'ValidationException' });
    // The recorded form up to the constraint (which constraint text follows is the message rule's concern).
    const start = `${ONE_VALIDATION_ERROR}${violationText(arn, pathOf(side), '')}`;
    expectThat(
      (o.message ?? '').startsWith(start),
      `${o.op} error message: Received: ${o.message} / Expected: to start with ${start}`,
      `${start}…`,
      o.message,
      whereIn(o, 'error message'),
    );
  }
});

s.rule('destination.malformed-arn.message', async (t) => {
  // The quoted pattern changed between the 2024 and 2025 recordings (DESTINATION_PATTERN_QUOTED): this pins the 2025 text.
  const fn = await t.fn();
  const arn = malformed(fn);
  const o = await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnFailure', arn) });
  requireErrorStatus(o, 400, 'destination.malformed-arn.validation-exception');
  expectError(o, { message: malformedDestinationMessage(arn, 'onFailure') });
});

s.rule('destination.empty-side-echoed-empty', async (t) => {
  const fn = await t.fn();
  const other = await t.sharedFn();
  for (const side of SIDES) {
    // That side holds a destination first: a {} that leaves it in place shows.
    given(await t.put({ FunctionName: fn.name, DestinationConfig: dc(side, other.arn) }));
    t.subject = 'a side sent as {} over a destination';
    expectSide(await t.put({ FunctionName: fn.name, DestinationConfig: { [side]: {} } }), side, {}, true);
    expectSide(await t.get({ FunctionName: fn.name }), side, {}, true);
  }
});

s.rule('destination.empty-string.passes-validation', async (t) => {
  // The model admits a Destination of length 0 (min 0; the pattern's first alternative is empty).
  // What AWS then does is not recorded: accepted (200), or refused by the destination check (400 InvalidParameterValueException).
  const fn = await t.fn();
  const passes = (o: Observation) => {
    const answered = `${o.status}${o.errorCode ? ` ${o.errorCode}: ${o.message}` : ''}`;
    const ok = o.status === 200 || (o.status === 400 && o.errorCode === INVALID_PARAMETER.code);
    expectThat(
      ok,
      `${o.op} status: Received: ${answered} / Expected: 200, or 400 InvalidParameterValueException`,
      '200, or 400 InvalidParameterValueException',
      answered,
      whereIn(o, 'status'),
    );
  };
  for (const side of SIDES) {
    t.subject = `an empty Destination on ${side}`;
    passes(await t.put({ FunctionName: fn.name, DestinationConfig: dc(side, '') }));
  }
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  for (const side of SIDES) {
    t.subject = `an empty Destination on ${side}`;
    passes(await t.update({ FunctionName: fn.name, DestinationConfig: dc(side, '') }));
  }
});

s.rule('destination.sqs.accepted', async (t) => {
  await expectAccepted(t, 'sqs', SIDES);
});

s.rule('destination.sns.accepted', async (t) => {
  await expectAccepted(t, 'sns', SIDES);
});

s.rule('destination.eventbridge.accepted', async (t) => {
  await expectAccepted(t, 'eventbridge', SIDES);
});

s.rule('destination.s3.on-failure-accepted', async (t) => {
  await expectAccepted(t, 's3', ['OnFailure']);
});

s.rule('destination.s3.on-success-rejected', async (t) => {
  const fn = await t.fn();
  t.subject = 'an S3 bucket on OnSuccess';
  expectError(await putOnSuccess(t, fn, destinationOf(t, fn, 's3', { syntheticWhereNoService: true })), INVALID_PARAMETER);
});

s.rule('destination.update-keeps-other-settings', async (t) => {
  const fn = await t.fn();
  // A Lambda destination is a real resource on every target.
  const destination = (await t.sharedFn()).arn;
  const settings = { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120 };
  given(await t.put({ FunctionName: fn.name, ...settings }));
  t.subject = 'Update with only a DestinationConfig';
  const kept = (o: Observation) => {
    expectMembers(o, settings);
    expectSide(o, 'OnFailure', { Destination: destination });
  };
  kept(await t.update({ FunctionName: fn.name, DestinationConfig: dc('OnFailure', destination) }));
  kept(await t.get({ FunctionName: fn.name }));
});
