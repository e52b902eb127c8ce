// Name and qualifier faults whose answers rest on other Lambda operations
// (specs/rules/analogous.ts, ../shared/aws-recordings/analogous): whether a
// fault is a validation error (400 ValidationException, before any lookup) or
// passes validation and becomes a lookup (404 ResourceNotFoundException), on
// every operation that takes the name. Status and code only; a message only
// where an EventInvokeConfig recording pins it (the qualifier mismatch).
//
// One request per operation, each judged as soon as it is answered. Put and
// Update carry one setting, so the name (or qualifier) is the only fault.
// Names that must not exist carry the run's prefix: no rule can touch a
// function the run did not create.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { QUALIFIER_MISMATCH } from '../specs/aws-texts.ts';
import type { Observation } from '../targets/observe.ts';
import { blockedBy, expectError, expectMembers, expectThat, given, requireErrorStatus, whereIn } from './harness/expect.ts';
import { mismatch } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import type { RuleId } from '../specs/rules/index.ts';

const s = conformanceSuite('name-forms');

type Op = 'Put' | 'Update' | 'Get' | 'Delete' | 'List';
/** The operations that take a FunctionName. */
const ALL: readonly Op[] = ['Put', 'Update', 'Get', 'Delete', 'List'];
/** The operations that also take a Qualifier (List has none). */
const QUALIFIED: readonly Op[] = ['Put', 'Update', 'Get', 'Delete'];

const VALIDATION = { status: 400, code: 'ValidationException' } as const;
const NOT_FOUND = { status: 404, code: 'ResourceNotFoundException' } as const;
const MISMATCH = { status: 400, code: 'InvalidParameterValueException' } as const;

/** One request of `op` on `functionName` (and `qualifier`); Put and Update send `settings`. */
function send(
  t: RuleContext,
  op: Op,
  functionName: string,
  qualifier?: string,
  settings: Record<string, unknown> = { MaximumRetryAttempts: 1 },
): Promise<Observation> {
  const input = { FunctionName: functionName, ...(qualifier !== undefined ? { Qualifier: qualifier } : {}) };
  switch (op) {
    case 'Put':
      return t.put({ ...input, ...settings });
    case 'Update':
      return t.update({ ...input, ...settings });
    case 'Get':
      return t.get(input);
    case 'Delete':
      return t.remove(input);
    case 'List':
      return t.list({ FunctionName: functionName });
  }
}

/** Where the names of a rule live: the target's partition, region and account. */
interface Place {
  partition: string;
  region: string;
  account: string;
}

/** The target's partition, region and account: from the run's set-up on a remote target, else from the run's shared function. */
async function placeOf(t: RuleContext): Promise<Place> {
  const env = t.config.environment;
  if (env?.account) return { partition: env.partition, region: t.target.region, account: env.account };
  const { partition, region, account } = await t.sharedFn();
  return { partition, region, account };
}

/** A name no function has: the run's prefix keeps it off every function the run did not create. */
const missingName = (t: RuleContext) => `${t.config.prefix}doesnotexist`;
/** `my-function` of the analogous cases, within the run's name space. */
const myFunction = (t: RuleContext) => `${t.config.prefix}my-function`;

// ---------------------------------------------------------------- FunctionName faults: 400 ValidationException

const NAME_FAULTS: Array<{ id: RuleId; what: string; name: (p: Place, my: string) => string }> = [
  { id: 'name.invalid-characters.validation-exception', what: 'a character outside the pattern', name: (_, my) => `${my}!` },
  { id: 'name.asterisk.validation-exception', what: 'a single invalid character', name: () => '*' },
  {
    id: 'name.partial-arn-invalid-account.validation-exception',
    what: 'a partial ARN whose account is not 12 digits',
    name: (_, my) => `invalid-account:function:${my}`,
  },
  {
    id: 'name.arn-invalid-region.validation-exception',
    what: 'a region that is not one',
    name: (p, my) => `arn:${p.partition}:lambda:invalid-region:${p.account}:function:${my}`,
  },
  { id: 'name.arn-missing-region.validation-exception', what: 'an empty region', name: (p, my) => `arn:${p.partition}:lambda::${p.account}:function:${my}` },
  { id: 'name.arn-missing-account.validation-exception', what: 'an empty account', name: (p, my) => `arn:${p.partition}:lambda:${p.region}::function:${my}` },
  {
    id: 'name.non-lambda-arn.validation-exception',
    what: 'the ARN of another service',
    name: (p) => `arn:${p.partition}:ec2:${p.region}:${p.account}:instance:i-1234567890abcdef0`,
  },
  {
    id: 'name.arn-two-qualifiers.validation-exception',
    what: 'two qualifiers',
    name: (p, my) => `arn:${p.partition}:lambda:${p.region}:${p.account}:function:${my}:1:2`,
  },
  {
    id: 'name.partial-arn-extra-qualifier.validation-exception',
    what: 'a partial ARN with a qualifier after $LATEST',
    name: (_, my) => `function:${my}:$LATEST:extra`,
  },
  {
    id: 'name.arn-misspelled-latest.validation-exception',
    what: 'a misspelled $LATEST',
    name: (p, my) => `arn:${p.partition}:lambda:${p.region}:${p.account}:function:${my}:$LATES`,
  },
];

for (const fault of NAME_FAULTS) {
  s.rule(fault.id, async (t) => {
    // The name would name no function if it were looked up: a target that looks it up first answers 404.
    const name = fault.name(await placeOf(t), myFunction(t));
    // One subject for all: a target that skips the pattern fails them all for one reason.
    t.subject = 'a FunctionName that breaks the pattern';
    for (const op of ALL) expectError(await send(t, op, name), VALIDATION);
  });
}

s.rule('name.bare-name-over-64.not-found', async (t) => {
  // 65 characters: over the docs' 64 for a bare name, well under the model's 256.
  const name = t.config.prefix.padEnd(65, 'a');
  t.subject = 'a bare FunctionName of 65 characters';
  for (const op of ALL) expectError(await send(t, op, name), NOT_FOUND);
});

s.rule('name.several-faults.all-reported', async (t) => {
  const p = await placeOf(t);
  const base = `arn:${p.partition}:lambda:invalid-region:${p.account}:function:${myFunction(t)}-`;
  // Under the model's 256 characters: the only FunctionName fault is the region.
  const name = base + 'a'.repeat(Math.max(1, Math.min(170, 256 - base.length)));
  const qualifier = 'a'.repeat(129);
  t.subject = 'an invalid-region ARN with a Qualifier of 129 characters';
  for (const op of QUALIFIED) {
    const o = await send(t, op, name, qualifier);
    // That each fault is a ValidationException is judged by the rules of each fault alone.
    requireErrorStatus(o, 400, 'name.arn-invalid-region.validation-exception');
    if (o.errorCode !== VALIDATION.code)
      throw blockedBy(mismatch(whereIn(o, 'error code'), VALIDATION.code, o.errorCode ?? '(none)'), 'name.arn-invalid-region.validation-exception');
    const message = o.message ?? '';
    const both = message.includes("at 'functionName'") && message.includes("at 'qualifier'");
    expectThat(
      both,
      `${o.op} error message: Received: ${message} / Expected: a message naming both 'functionName' and 'qualifier'`,
      "violations at 'functionName' and at 'qualifier'",
      message,
      whereIn(o, 'error message'),
    );
  }
});

// ---------------------------------------------------------------- Qualifier faults

s.rule('qualifier.invalid-characters.validation-exception', async (t) => {
  t.subject = "Qualifier 'invalid!'";
  for (const op of QUALIFIED) expectError(await send(t, op, missingName(t), 'invalid!'), VALIDATION);
});

s.rule('qualifier.too-long.validation-exception', async (t) => {
  t.subject = 'a Qualifier of 129 characters';
  for (const op of QUALIFIED) expectError(await send(t, op, missingName(t), 'a'.repeat(129)), VALIDATION);
});

s.rule('qualifier.lowercase-latest.not-found', async (t) => {
  const fn = await t.fn();
  // $LATEST holds a config: a target that reads '$latest' as $LATEST answers from it (or changes it).
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2 }));
  t.subject = "Qualifier '$latest'";
  for (const op of ['Get', 'Put', 'Update', 'Delete'] as const) expectError(await send(t, op, t.arn(fn), '$latest', { MaximumRetryAttempts: 0 }), NOT_FOUND);
  t.subject = "$LATEST's config after requests on '$latest'";
  expectMembers(await t.get({ FunctionName: fn.name }), { MaximumRetryAttempts: 2 });
});

s.rule('qualifier.unpublished-version.not-found', async (t) => {
  const fn = await t.fn();
  // $LATEST holds a config: a target that falls back to it for an unknown version answers 200.
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 2 }));
  t.subject = 'a Qualifier naming a version never published';
  for (const op of QUALIFIED) expectError(await send(t, op, fn.name, '1221'), NOT_FOUND);
});

// ---------------------------------------------------------------- the qualifier mismatch on every operation

/** `<unqualified ARN>:$LATEST` with Qualifier 1 on a function never published (t.freshFn): the mismatch of latest_version_with_additional_qualifier. */
const latestWithQualifierOne = (fn: FunctionFixture) => [`${fn.arn}:$LATEST`, '1'] as const;

s.rule('qualifier.mismatch.all-operations', async (t) => {
  const fn = await t.freshFn();
  t.subject = '<function ARN>:$LATEST with Qualifier=1';
  for (const op of QUALIFIED) expectError(await send(t, op, ...latestWithQualifierOne(fn)), MISMATCH);
});

s.rule('qualifier.mismatch.all-operations-message', async (t) => {
  const fn = await t.freshFn();
  for (const op of QUALIFIED) {
    const o = await send(t, op, ...latestWithQualifierOne(fn));
    requireErrorStatus(o, 400, 'qualifier.mismatch.all-operations');
    expectError(o, { message: QUALIFIER_MISMATCH });
  }
});

s.rule('qualifier.mismatch.checked-before-function-exists', async (t) => {
  const fn = await t.freshFn();
  const missing = `arn:${fn.partition}:lambda:${fn.region}:${fn.account}:function:${missingName(t)}:1`;
  for (const op of QUALIFIED) {
    // The same mismatch on a function that exists: a target that detects none gives this rule nothing to judge.
    const reference = await send(t, op, ...latestWithQualifierOne(fn));
    requireErrorStatus(reference, 400, 'qualifier.mismatch.all-operations');
    t.subject = 'a qualifier mismatch on a function that does not exist';
    expectError(await send(t, op, missing, '$LATEST'), { status: 400, ...(reference.errorCode ? { code: reference.errorCode } : {}) });
  }
});

// ---------------------------------------------------------------- another region

/** Another region of the same partition. */
function otherRegion(partition: string, region: string): string {
  const pairs: Record<string, [string, string]> = {
    aws: ['us-west-2', 'eu-west-1'],
    'aws-cn': ['cn-north-1', 'cn-northwest-1'],
    'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  };
  const [a, b] = pairs[partition] ?? pairs.aws!;
  return region === a ? b : a;
}

s.rule('name.other-region-arn.not-found', async (t) => {
  const fn = await t.fn();
  const settings = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 };
  // The caller's function holds a config: a request that acts on it instead of looking in the other region shows.
  given(await t.put({ FunctionName: fn.name, ...settings }));
  const arn = `arn:${fn.partition}:lambda:${otherRegion(fn.partition, fn.region)}:${fn.account}:function:${fn.name}`;
  t.subject = "the ARN of the caller's function with another region";
  for (const op of ['Get', 'List', 'Update', 'Put', 'Delete'] as const) expectError(await send(t, op, arn, undefined, { MaximumRetryAttempts: 1 }), NOT_FOUND);
  t.subject = "the caller's config after requests on another region's ARN";
  expectMembers(await t.get({ FunctionName: fn.name }), settings);
});
