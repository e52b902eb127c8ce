// Function names in every form the API accepts (name, name:qualifier, partial
// ARN, full ARN, qualified ARN), and the qualifier rule: a qualifier in the
// name and one in `?Qualifier=` must be string-equal.
import { errors } from './errors.ts';
import type { RequestContext } from './context.ts';

const REGION = '(?:eusc-)?[a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\\d';
const NAME_FORMS = new RegExp(
  `^(?:arn:(?<partition>aws[a-zA-Z-]*)?:lambda:(?<arnRegion>${REGION}):(?<arnAccount>\\d{12}):` +
    `|(?:(?<region>${REGION}):)?(?:(?<account>\\d{12}):)?)` +
    `(?:function:)?(?<name>[a-zA-Z0-9-_.]+)(?::(?<qualifier>\\$LATEST(?:\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$`,
);

export interface FunctionRef {
  account: string;
  region: string;
  partition: string;
  name: string;
  /** Qualifier written inside the name or ARN, if any. */
  derivedQualifier?: string;
}

/** Parses a FunctionName that already passed the contract's pattern. */
export function parseFunctionName(functionName: string, ctx: RequestContext): FunctionRef {
  const g = NAME_FORMS.exec(functionName)?.groups;
  // Validation runs first, so this only happens if the two patterns drift apart.
  if (!g?.name) throw errors.invalidParameter(`The function name ${functionName} is not valid.`);
  return {
    account: g.arnAccount ?? g.account ?? ctx.account,
    region: g.arnRegion ?? g.region ?? ctx.region,
    partition: g.partition ?? ctx.partition,
    name: g.name,
    derivedQualifier: g.qualifier,
  };
}

/** The qualifier a request acts on; throws the recorded mismatch error. */
export function effectiveQualifier(ref: FunctionRef, queryQualifier: string | undefined): string {
  if (ref.derivedQualifier !== undefined && queryQualifier !== undefined && ref.derivedQualifier !== queryQualifier) {
    throw errors.qualifierMismatch();
  }
  return ref.derivedQualifier ?? queryQualifier ?? '$LATEST';
}

export function functionArn(ref: Pick<FunctionRef, 'partition' | 'region' | 'account' | 'name'>, qualifier?: string): string {
  const base = `arn:${ref.partition}:lambda:${ref.region}:${ref.account}:function:${ref.name}`;
  return qualifier === undefined ? base : `${base}:${qualifier}`;
}
