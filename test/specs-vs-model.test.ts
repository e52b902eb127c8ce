// The project's specs restate the official models in its own form; this test
// keeps the two from drifting: constraints, HTTP bindings and error shapes
// against botocore's service-2 subset, the recorded variants against Smithy.
// It reads ../shared/model (beside the checkout, as in CI) and skips if absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { contractSchema, EIC_OPERATIONS, httpBinding, type SchemaNode } from '../specs/contract.ts';

const modelDir = fileURLToPath(new URL('../../shared/model/', import.meta.url));
const botocorePath = `${modelDir}lambda-eventinvokeconfig.botocore.json`;
const smithyPath = `${modelDir}lambda-eventinvokeconfig.smithy.json`;
const present = existsSync(botocorePath) && existsSync(smithyPath);

type BotoShape = {
  min?: number;
  max?: number;
  pattern?: string;
  members?: Record<string, { shape: string; locationName?: string }>;
  error?: { httpStatusCode: number };
};
const boto = present
  ? (JSON.parse(readFileSync(botocorePath, 'utf8')) as {
      operations: Record<string, { http: { method: string; requestUri: string; responseCode: number } }>;
      shapes: Record<string, BotoShape>;
    })
  : undefined;
const smithy = present
  ? (JSON.parse(readFileSync(smithyPath, 'utf8')) as { shapes: Record<string, { traits?: Record<string, { min?: number; max?: number } | string> }> })
  : undefined;

const defs = contractSchema.$defs;
// Our def name -> the model's shape name.
const SAME_SHAPE: Record<string, string> = {
  NamespacedFunctionName: 'NamespacedFunctionName',
  Qualifier: 'NumericLatestPublishedOrAliasQualifier',
  MaximumRetryAttempts: 'MaximumRetryAttempts',
  MaximumEventAgeInSeconds: 'MaximumEventAgeInSeconds',
  MaxItems: 'MaxFunctionEventInvokeConfigListItems',
  DestinationArn: 'DestinationArn',
};

describe.skipIf(!present)('specs agree with the official models (../shared/model)', () => {
  test.each(Object.entries(SAME_SHAPE))('%s has the botocore constraints of %s', (ours, theirs) => {
    const d = defs[ours]!;
    const m = boto!.shapes[theirs]!;
    const isInt = d.type === 'integer';
    expect({ min: isInt ? d.minimum : d.minLength, max: isInt ? d.maximum : d.maxLength }).toEqual({ min: m.min, max: m.max });
    if (m.pattern) {
      expect(d['x-aws-pattern']).toBe(m.pattern);
      // Whole-string matching: the model's top-level '|' must not leak out of the anchors.
      expect(d.pattern).toBe(`^(?:${m.pattern})$`);
    }
  });

  test('the response FunctionArn quotes the model pattern', () => {
    const arn = (defs.FunctionEventInvokeConfig!.properties!.FunctionArn as SchemaNode)['x-aws-pattern'];
    expect(arn).toBe(boto!.shapes.FunctionArn!.pattern);
  });

  test.each([...EIC_OPERATIONS])('%s has the botocore HTTP binding', (op) => {
    const b = boto!.operations[op]!.http;
    expect(httpBinding(op)).toEqual({ method: b.method, uri: b.requestUri, successStatus: b.responseCode });
  });

  test.each(['InvalidParameterValueException', 'ResourceNotFoundException', 'ResourceConflictException', 'ServiceException', 'TooManyRequestsException'])(
    '%s has the model status and member casing',
    (code) => {
      const m = boto!.shapes[code]!;
      const d = defs[code]!;
      expect(d['x-http']?.status).toBe(m.error?.httpStatusCode);
      const bodyMembers = Object.entries(m.members ?? {})
        .filter(([, v]) => !v.locationName)
        .map(([k]) => k)
        .sort();
      expect(Object.keys(d.properties ?? {}).sort()).toEqual(bodyMembers);
    },
  );

  test('the Smithy variants recorded in x-variants are the Smithy model', () => {
    const trait = (shape: string, name: string) => smithy!.shapes[`com.amazonaws.lambda#${shape}`]!.traits?.[`smithy.api#${name}`];
    const fnVariant = (defs.NamespacedFunctionName!['x-variants'] as Record<string, { pattern: string; maxLength: number }>)['smithy-2026-04-27']!;
    expect(fnVariant.pattern).toBe(trait('NamespacedFunctionName', 'pattern'));
    expect(fnVariant.maxLength).toBe((trait('NamespacedFunctionName', 'length') as { max: number }).max);
    const destVariant = (defs.DestinationArn!['x-variants'] as Record<string, { pattern: string }>)['smithy-2026-04-27']!;
    expect(destVariant.pattern).toBe(trait('DestinationArn', 'pattern'));
  });
});

test('whole-string patterns reject junk the bare model pattern would let through', async () => {
  const { validatorFor } = await import('../specs/validators.ts');
  const validate = validatorFor('DestinationArn');
  // The bare pattern starts with '$|', so an unanchored search matches any string.
  expect(new RegExp(defs.DestinationArn!['x-aws-pattern']!).test('foo bar')).toBe(true);
  expect(validate('foo bar')).toBe(false);
  expect(validate('arn:aws:sqs:us-east-1:123456789012:queue')).toBe(true);
  expect(validatorFor('NamespacedFunctionName')('foo bar')).toBe(false);
  expect(validatorFor('Qualifier')('a.b')).toBe(false);
});
