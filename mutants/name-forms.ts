// Name-form mutants: how the five operations validate and look up a
// FunctionName and a Qualifier (the analogous rules, suites/name-forms.test.ts):
// what is a validation error, what is a lookup, and where the qualifier
// mismatch is checked.
import { constraintText, FUNCTION_DOES_NOT_EXIST, validationMessage, violationText } from '../specs/aws-texts.ts';
import { contractSchema } from '../specs/contract.ts';
import {
  EIC,
  EIC_LIST,
  apiError,
  around,
  editError,
  errorOf,
  functionExists,
  functionNameOf,
  prepend,
  targetOf,
  withFunctionName,
  withQuery,
  type Around,
  type Call,
  type Mutant,
} from './rewrite.ts';

/** Every operation that takes a FunctionName: the four on a config and List. */
const everywhere = (fn: Around) => prepend(around('all', EIC, fn), around('get', EIC_LIST, fn));

/** Both qualifiers given, and they differ as strings. */
const mismatched = (c: Call) => {
  const t = targetOf(c);
  return t.nameQualifier !== undefined && t.qualifier !== undefined && t.nameQualifier !== t.qualifier ? t : undefined;
};

/** The FunctionName pattern of the contract, without the anchoring a whole-string match needs. */
const LOOSE_NAME = new RegExp(contractSchema.$defs.NamespacedFunctionName!['x-aws-pattern']!);
/** A ValidationException whose only violation is the FunctionName pattern. */
const ONLY_NAME_PATTERN =
  /^1 validation error detected: Value '.*' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern/s;

export const nameFormMutants: Mutant[] = [
  {
    id: 'bare-name-64-enforced',
    title: 'A bare name over 64 characters fails validation',
    bug: "A FunctionName without ':' longer than 64 characters answers 400 ValidationException, where AWS looks it up (the docs' 64 is CreateFunction's limit).",
    killers: ['name.bare-name-over-64.not-found'],
    mutate: everywhere((c, next) => {
      const name = functionNameOf(c);
      return !name.includes(':') && name.length > 64
        ? Promise.resolve(apiError('ValidationException', validationMessage([violationText(name, 'functionName', constraintText('maxLength', 64))])))
        : next(c);
    }),
  },
  {
    id: 'latest-case-insensitive',
    title: '$latest is read as $LATEST',
    bug: "A Qualifier spelled '$latest' (any case) acts on $LATEST instead of being looked up as an alias that does not exist.",
    killers: ['qualifier.lowercase-latest.not-found'],
    mutate: prepend(
      around('all', EIC, (c, next) => {
        const q = targetOf(c).qualifier;
        return next(q !== undefined && q !== '$LATEST' && q.toUpperCase() === '$LATEST' ? withQuery(c, 'Qualifier', '$LATEST') : c);
      }),
    ),
  },
  {
    id: 'mismatch-after-lookup',
    title: 'The qualifier mismatch is checked after the function lookup',
    bug: 'A name and Qualifier that differ answer 404 when the function does not exist, instead of the 400 mismatch.',
    killers: ['qualifier.mismatch.checked-before-function-exists'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const t = mismatched(c);
        return t && !(await functionExists(c, next, t.name)) ? apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST) : next(c);
      }),
    ),
  },
  {
    id: 'mismatch-put-only',
    title: 'Only Put compares the two qualifiers',
    bug: 'Update, Get and Delete with a qualifier in the name and another Qualifier act on the Qualifier instead of answering the 400 mismatch.',
    killers: ['qualifier.mismatch.all-operations'],
    mutate: prepend(
      around('all', EIC, (c, next) => {
        const t = mismatched(c);
        return next(t && c.method !== 'PUT' ? withFunctionName(c, t.functionName.slice(0, -(t.nameQualifier!.length + 1))) : c);
      }),
    ),
  },
  {
    id: 'first-violation-only',
    title: 'A ValidationException lists only the first violation',
    bug: 'A request with several constraint violations is answered with the first one alone (1 validation error detected: ...).',
    killers: ['name.several-faults.all-reported'],
    mutate: everywhere(async (c, next) => {
      const res = await next(c);
      if (res.status !== 400) return res;
      const { code, message } = await errorOf(res);
      const first = /^\d+ validation errors detected: (.*?); /s.exec(message)?.[1];
      return code === 'ValidationException' && first ? editError(res, (b) => ({ ...b, message: validationMessage([first]) })) : res;
    }),
  },
  {
    id: 'name-pattern-loose',
    title: 'FunctionName is matched with an unanchored pattern',
    bug: 'A FunctionName that merely contains a match of the pattern passes validation and is looked up (404), as when the pattern is used without ^...$.',
    killers: [
      'name.invalid-characters.validation-exception',
      'name.partial-arn-invalid-account.validation-exception',
      'name.arn-invalid-region.validation-exception',
      'name.arn-missing-region.validation-exception',
      'name.arn-missing-account.validation-exception',
      'name.non-lambda-arn.validation-exception',
      'name.arn-two-qualifiers.validation-exception',
      'name.partial-arn-extra-qualifier.validation-exception',
      'name.arn-misspelled-latest.validation-exception',
    ],
    mutate: everywhere(async (c, next) => {
      const res = await next(c);
      if (res.status !== 400) return res;
      const { code, message } = await errorOf(res);
      const name = functionNameOf(c);
      if (code !== 'ValidationException' || !ONLY_NAME_PATTERN.test(message) || !LOOSE_NAME.test(name)) return res;
      // Looked up instead: under a name of the same letters, which no function has.
      return next(withFunctionName(c, name.replace(/[^a-zA-Z0-9_-]/g, '')));
    }),
  },
];
