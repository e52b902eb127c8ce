// Destinations per service and side, and the checks AWS makes on them.
import type { FunctionFixture } from '../fixtures/provision.ts';
import type { Observation } from '../targets/observe.ts';
import { expectAbsent, expectError, expectMembers, expectOk } from './harness/expect.ts';
import { Inconclusive } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';

const s = conformanceSuite('destinations');
const SIDES = ['OnSuccess', 'OnFailure'] as const;
type Side = (typeof SIDES)[number];
const INVALID_PARAMETER = { status: 400, code: 'InvalidParameterValueException' } as const;
/** The destination pattern exactly as AWS quoted it in the recorded ValidationException (2025). */
const AWS_DESTINATION_PATTERN =
  '$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)';

/** The unqualified ARN a function called `name` would have, next to `fn`. */
const lambdaArn = (fn: FunctionFixture, name: string) => `arn:${fn.partition}:lambda:${fn.region}:${fn.account}:function:${name}`;
/** A well-formed ARN of `service` in the fixture's partition, region and account (nothing is created). */
const synthetic = (fn: FunctionFixture, service: string, resource: string) => `arn:${fn.partition}:${service}:${fn.region}:${fn.account}:${resource}`;
const wrongService = (fn: FunctionFixture) => `arn:${fn.partition}:iam:${fn.region}:${fn.account}:function:${fn.name}`;
const malformed = (fn: FunctionFixture) => `arn:${fn.partition}:_-/!lambda:${fn.region}:${fn.account}:function:${fn.name}`;

/** A success answer (so a failure shows the status and error, not just an absent member) with these members. */
function expectConfig(o: Observation, members: Record<string, unknown>): void {
  expectOk(o);
  expectMembers(o, members);
}

const dc = (side: Side, destination: string) => ({ [side]: { Destination: destination } });
/** The DestinationConfig AWS echoes: both sides, `{}` where unset. */
const echoed = (side: Side, destination: string) => ({ OnSuccess: {}, OnFailure: {}, [side]: { Destination: destination } });

/**
 * Put with a synthetic destination ARN. The embedded emulator never looks SQS,
 * SNS, EventBridge or S3 up; AWS (and emulators that model those services)
 * check the resource and the role's permissions, so there a refusal means the
 * fixture is missing, not that the rule failed: inconclusive, with the answer.
 */
async function putSynthetic(t: RuleContext, input: Record<string, unknown>): Promise<Observation> {
  const o = await t.put(input);
  if (t.target.kind !== 'embedded' && o.errorCode === 'InvalidParameterValueException') {
    throw new Inconclusive(`the target refused a synthetic destination (no such resource here): ${o.message}`);
  }
  return o;
}

/** Put `destination` on each side in turn: accepted and echoed, for $LATEST. */
async function expectAcceptedOnBothSides(t: RuleContext, fn: FunctionFixture, destination: string): Promise<void> {
  for (const side of SIDES) {
    const put = await putSynthetic(t, { FunctionName: fn.name, DestinationConfig: dc(side, destination) });
    expectConfig(put, { FunctionArn: t.arn(fn, '$LATEST'), DestinationConfig: echoed(side, destination) });
    expectConfig(await t.get({ FunctionName: fn.name }), { DestinationConfig: echoed(side, destination) });
  }
}

s.rule('destination.lambda.accepted', async (t) => {
  const fn = await t.fn();
  const other = await t.fn('dest');
  const put = await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', other.arn) });
  expectConfig(put, { FunctionArn: t.arn(fn, '$LATEST'), DestinationConfig: echoed('OnSuccess', other.arn) });
  expectAbsent(put, 'MaximumRetryAttempts', 'MaximumEventAgeInSeconds');
  expectConfig(await t.get({ FunctionName: fn.name }), { DestinationConfig: echoed('OnSuccess', other.arn) });
});

s.rule('destination.lambda.missing-rejected', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', lambdaArn(fn, `${t.config.prefix}doesnotexist`)) }), { status: 400 });
});

s.rule('destination.lambda.missing-message', async (t) => {
  const fn = await t.fn();
  const missing = lambdaArn(fn, `${t.config.prefix}doesnotexist`);
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', missing) }), { message: `The destination ARN ${missing} is invalid.` });
});

s.rule('destination.self-rejected', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', fn.arn) }), { status: 400 });
});

s.rule('destination.self-message', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', fn.arn) }), {
    message: "You can't specify the function as a destination for itself.",
  });
});

s.rule('destination.unsupported-service-rejected', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', wrongService(fn)) }), INVALID_PARAMETER);
});

s.rule('destination.unsupported-service-message', async (t) => {
  const fn = await t.fn();
  const arn = wrongService(fn);
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', arn) }), {
    message: `The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=${arn}), onFailure=null) is invalid.`,
  });
});

s.rule('destination.malformed-arn.validation-exception', async (t) => {
  const fn = await t.fn();
  for (const side of SIDES) {
    const path = `destinationConfig.${side[0]!.toLowerCase()}${side.slice(1)}.destination`;
    expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc(side, malformed(fn)) }), {
      status: 400,
      code: 'ValidationException',
      message: new RegExp(`^1 validation error detected: Value '.*' at '${path.replace(/\./g, '\\.')}' failed to satisfy constraint`),
    });
  }
});

s.rule('destination.malformed-arn.message', async (t) => {
  const fn = await t.fn();
  const arn = malformed(fn);
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnFailure', arn) }), {
    message: `1 validation error detected: Value '${arn}' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ${AWS_DESTINATION_PATTERN}`,
  });
});

s.rule('destination.empty-side-echoed-empty', async (t) => {
  const fn = await t.fn();
  const other = await t.fn('dest');
  expectOk(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', other.arn) }));
  for (const side of SIDES) {
    const put = await t.put({ FunctionName: fn.name, DestinationConfig: { [side]: {} } });
    expectConfig(put, { DestinationConfig: { OnSuccess: {}, OnFailure: {} } });
    expectConfig(await t.get({ FunctionName: fn.name }), { DestinationConfig: { OnSuccess: {}, OnFailure: {} } });
  }
});

s.rule('destination.sqs.accepted', async (t) => {
  const fn = await t.fn();
  await expectAcceptedOnBothSides(t, fn, synthetic(fn, 'sqs', `${t.config.prefix}queue`));
});

s.rule('destination.sns.accepted', async (t) => {
  const fn = await t.fn();
  await expectAcceptedOnBothSides(t, fn, synthetic(fn, 'sns', `${t.config.prefix}topic`));
});

s.rule('destination.eventbridge.accepted', async (t) => {
  const fn = await t.fn();
  await expectAcceptedOnBothSides(t, fn, synthetic(fn, 'events', `event-bus/${t.config.prefix}bus`));
});

// S3 bucket ARNs carry no region or account: arn:<partition>:s3:::<bucket>.
const bucketArn = (t: RuleContext, fn: FunctionFixture) => `arn:${fn.partition}:s3:::${t.config.prefix}bucket`;

s.rule('destination.s3.on-failure-accepted', async (t) => {
  const fn = await t.fn();
  const bucket = bucketArn(t, fn);
  expectConfig(await putSynthetic(t, { FunctionName: fn.name, DestinationConfig: dc('OnFailure', bucket) }), { DestinationConfig: echoed('OnFailure', bucket) });
  expectConfig(await t.get({ FunctionName: fn.name }), { DestinationConfig: echoed('OnFailure', bucket) });
});

s.rule('destination.s3.on-success-rejected', async (t) => {
  const fn = await t.fn();
  expectError(await t.put({ FunctionName: fn.name, DestinationConfig: dc('OnSuccess', bucketArn(t, fn)) }), INVALID_PARAMETER);
});

s.rule('destination.update-keeps-other-settings', async (t) => {
  const fn = await t.fn();
  // A Lambda destination is a real resource on every target.
  const destination = (await t.fn('dest')).arn;
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120 }));
  const expected = { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120, DestinationConfig: echoed('OnFailure', destination) };
  expectConfig(await t.update({ FunctionName: fn.name, DestinationConfig: dc('OnFailure', destination) }), expected);
  expectConfig(await t.get({ FunctionName: fn.name }), expected);
});
