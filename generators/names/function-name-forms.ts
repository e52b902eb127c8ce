// Every way a request can name one function (and one of its qualifiers): bare
// name, name:qualifier, full ARN, partial ARN (`<account>:function:<name>`) and
// qualified ARN. The function is a fixture bound at run time; the form is what
// a rule varies. A qualifier inside a name must be one the name's pattern takes
// (see embeddableQualifier): '$' is legal in ?Qualifier= but not after ':'.
import fc from 'fast-check';
import type { Placement } from '../values/placement.ts';

export interface NamedFunction extends Placement {
  name: string;
  /** The unqualified ARN as the target reported it; built from the placement when absent. */
  arn?: string;
}

export type FunctionNameFormKind = 'name' | 'name:qualifier' | 'arn' | 'partial-arn' | 'qualified-arn';

export interface FunctionNameForm {
  kind: FunctionNameFormKind;
  value: string;
  /** The qualifier the form carries inside the name, if any. */
  qualifier?: string;
}

/** The unqualified ARN of a function, as Lambda writes it. */
export const unqualifiedArn = (fn: NamedFunction): string => `arn:${fn.partition}:lambda:${fn.region}:${fn.account}:function:${fn.name}`;

export function functionNameForms(fn: NamedFunction, qualifier?: string): FunctionNameForm[] {
  const arn = fn.arn ?? unqualifiedArn(fn);
  const forms: FunctionNameForm[] = [
    { kind: 'name', value: fn.name },
    { kind: 'arn', value: arn },
    { kind: 'partial-arn', value: `${fn.account}:function:${fn.name}` },
  ];
  if (qualifier !== undefined) {
    forms.push({ kind: 'name:qualifier', value: `${fn.name}:${qualifier}`, qualifier });
    forms.push({ kind: 'qualified-arn', value: `${arn}:${qualifier}`, qualifier });
  }
  return forms;
}

/** One of the forms, chosen by fast-check (so a failing form shrinks towards the bare name). */
export const functionNameForm = (fn: NamedFunction, qualifier?: string): fc.Arbitrary<FunctionNameForm> => fc.constantFrom(...functionNameForms(fn, qualifier));
