// Generated code is never edited by hand: the checked-in files must be exactly
// what `npm run gen` produces from the schema today.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { generateTypes, generatedTypesPath } from '../specs/gen-types.ts';
import { generateValidators, generatedValidatorsPath } from '../specs/gen-validators.ts';

test('specs/generated/types.ts is what `npm run gen` produces from the schema (run it if this fails)', async () => {
  const checkedIn = await readFile(generatedTypesPath, 'utf8');
  const fresh = await generateTypes();
  expect(checkedIn).toBe(fresh);
  expect(fresh).toContain('export interface PutFunctionEventInvokeConfigRequest');
});

test('specs/generated/validators.cjs is what `npm run gen` produces from the schema (run it if this fails)', async () => {
  const checkedIn = await readFile(generatedValidatorsPath, 'utf8');
  const fresh = generateValidators();
  expect(checkedIn).toBe(fresh);
  expect(fresh).toContain('exports.PutFunctionEventInvokeConfigRequest');
});
