// The precompiled validators (specs/generated/validators.cjs) must be the
// validators ajv compiles from the schema today: same verdicts, same errors
// (the emulator quotes keyword, path, data and x-aws-pattern in its messages),
// same changes to the data (stripping unknown members, coercing the query).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contractSchema, EIC_OPERATIONS } from '../specs/contract.ts';
import { newAjv, precompiledPointers, refOf, sourceKey, usingPrecompiled, validatorFor, type ValidatorOptions } from '../specs/validators.ts';
import { boundaryFaults, namespacedFunctionName, placement, singleFault, toContractParts, validRequest } from '../generators/index.ts';

const SEED = 20261130;

/** What a validator says of data: its verdict, its errors as the emulator reads them, and the data after it ran. */
function outcome(validate: ReturnType<typeof validatorFor>, data: unknown) {
  const copy = structuredClone(data);
  const valid = validate(copy);
  const errors = (validate.errors ?? []).map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    params: e.params,
    message: e.message,
    data: e.data,
    awsPattern: (e.parentSchema as { 'x-aws-pattern'?: string } | undefined)?.['x-aws-pattern'],
  }));
  return { valid, errors: valid ? [] : errors, data: copy };
}

const compiledNow = new Map<string, ReturnType<typeof validatorFor>>();
function fresh(pointer: string, opts: ValidatorOptions) {
  const key = `${JSON.stringify(opts)}:${pointer}`;
  if (!compiledNow.has(key)) compiledNow.set(key, newAjv(opts).getSchema(refOf(pointer))!);
  return compiledNow.get(key)!;
}

test('this checkout validates with the precompiled file (so the tests below compare it, not ajv with itself)', () => {
  expect(usingPrecompiled()).toBe(true);
});

test('the precompiled file is tied to the schema it was made from: a changed schema is not served stale', () => {
  const changed = structuredClone(contractSchema) as typeof contractSchema;
  changed.$defs.PutFunctionEventInvokeConfigRequest!.title = 'changed';
  expect(sourceKey(changed)).not.toBe(sourceKey());
});

test('every def and every request kind the emulator uses is precompiled', () => {
  const pointers = precompiledPointers();
  expect(pointers.filter((p) => !p.opts.coerce && !p.opts.strip)).toHaveLength(Object.keys(contractSchema.$defs).length);
  for (const op of EIC_OPERATIONS) expect(pointers).toContainEqual({ pointer: `${op}Request`, opts: { coerce: true, strip: true } });
});

describe.each(EIC_OPERATIONS)('%s: precompiled and freshly compiled validators agree', (op) => {
  const requests = fc.tuple(placement(), namespacedFunctionName()).chain(([p, name]) =>
    fc.oneof(
      validRequest(op, name, p).map((input) => ({ input })),
      singleFault(op, name, p).map((f) => ({ input: f.input })),
    ),
  );
  const kinds: Array<[string, ValidatorOptions]> = [
    [`${op}Request`, { coerce: true, strip: true }],
    [`${op}Request`, {}],
    ...(contractSchema.$defs[`${op}Request`]?.properties?.body ? [[`${op}Request/properties/body`, { strip: true }] as [string, ValidatorOptions]] : []),
  ];

  test.each(kinds)('%s %o, on valid, single-fault and boundary requests, with unknown members and query text', (pointer, opts) => {
    let invalid = 0;
    const agree = (input: unknown, extra: string) => {
      const parts = toContractParts(op, input as Record<string, unknown>) as unknown as Record<string, Record<string, unknown> | undefined>;
      // Query values as they come off the wire (text), and a member no schema defines.
      const raw = {
        ...parts,
        query: Object.fromEntries(Object.entries(parts.query ?? {}).map(([k, v]) => [k, String(v)])),
        ...(parts.body ? { body: { ...parts.body, [`Unknown${extra}`]: 1 } } : {}),
      };
      const data = pointer.endsWith('/body') ? raw.body : raw;
      const expected = outcome(fresh(pointer, opts), data);
      expect(outcome(validatorFor(pointer, opts), data)).toEqual(expected);
      if (!expected.valid) invalid++;
    };
    // The values just past every limit (and the edges themselves pass through validRequest's own edges).
    const boundaries = boundaryFaults(op, 'fn', fc.sample(placement(), { seed: SEED, numRuns: 1 })[0]!);
    expect(boundaries.length).toBeGreaterThan(0);
    for (const f of boundaries) agree(f.input, '');
    fc.assert(
      fc.property(requests, fc.string({ maxLength: 8 }), ({ input }, extra) => agree(input, extra)),
      { seed: SEED, numRuns: 150 },
    );
    // Single faults are half the requests: the errors were compared, not only the passes.
    if (!pointer.endsWith('/body')) expect(invalid).toBeGreaterThan(0);
  });
});
