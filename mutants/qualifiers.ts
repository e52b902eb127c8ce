// Qualifier mutants: which config a request acts on ($LATEST, a version, an
// alias), the name forms, and how a qualifier in the name meets ?Qualifier=.
import { constraintText, FUNCTION_DOES_NOT_EXIST, validationMessage, violationText } from '../specs/aws-texts.ts';
import { contractSchema } from '../specs/contract.ts';
import {
  EIC,
  PUBLISH,
  aliasesOf,
  apiError,
  around,
  callerOf,
  companion,
  functionNameOf,
  jsonOf,
  prepend,
  renameQualifier,
  targetOf,
  withFunctionName,
  withQuery,
  type Call,
  type Json,
  type Mutant,
  type Next,
} from './rewrite.ts';

/** The call acting on `qualifier` instead, passed as ?Qualifier= (the name left unqualified). */
function onQualifier(c: Call, qualifier: string): Call {
  const t = targetOf(c);
  const name = t.nameQualifier === undefined ? t.functionName : t.functionName.slice(0, -(t.nameQualifier.length + 1));
  return withQuery(withFunctionName(c, name), 'Qualifier', qualifier);
}
const effective = (c: Call) => targetOf(c).nameQualifier ?? targetOf(c).qualifier;
const isVersion = (q: string | undefined): q is string => q !== undefined && /^\d+$/.test(q);
/** Both qualifiers given, and they differ as strings. */
const mismatch = (c: Call) => {
  const t = targetOf(c);
  return t.nameQualifier !== undefined && t.qualifier !== undefined && t.nameQualifier !== t.qualifier ? t : undefined;
};
/** A FunctionName pattern violation in AWS's form, quoting the contract's pattern (which pattern text AWS quotes here is not recorded: no rule pins it). */
const INVALID_NAME = (name: string) =>
  validationMessage([violationText(name, 'functionName', constraintText('pattern', contractSchema.$defs.NamespacedFunctionName!['x-aws-pattern']!))]);

export const qualifierMutants: Mutant[] = [
  {
    id: 'qualifier-ignored',
    title: '?Qualifier= is ignored',
    bug: 'The Qualifier query parameter is dropped, so every request without a qualifier in the name acts on $LATEST.',
    killers: ['qualifier.version-param', 'qualifier.alias-param', 'qualifier.mismatch.rejected'],
    mutate: prepend(around('all', EIC, (c, next) => next(withQuery(c, 'Qualifier', undefined)))),
  },
  {
    id: 'versions-share-latest',
    title: 'Versions share the $LATEST config',
    bug: 'A numbered version reads and writes the config of $LATEST (the answer still names the version).',
    killers: ['qualifier.versions-separate', 'qualifier.publish-does-not-copy'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const q = effective(c);
        return isVersion(q) ? renameQualifier(await next(onQualifier(c, '$LATEST')), targetOf(c).name, '$LATEST', q) : next(c);
      }),
    ),
  },
  {
    id: 'alias-resolved-to-version',
    title: 'An alias is resolved to its version',
    bug: 'A request on an alias acts on the config of the version the alias points to (the answer still names the alias).',
    killers: ['qualifier.alias-param', 'qualifier.alias-separate-from-version'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const q = effective(c);
        const version = q && q !== '$LATEST' && !isVersion(q) ? (await aliasesOf(c, next, targetOf(c).name)).get(q) : undefined;
        return version ? renameQualifier(await next(onQualifier(c, version)), targetOf(c).name, version, q!) : next(c);
      }),
    ),
  },
  {
    id: 'publish-copies-config',
    title: 'PublishVersion copies the config',
    bug: 'PublishVersion copies the $LATEST EventInvokeConfig to the version it publishes.',
    // (get.missing-config.message publishes before $LATEST has a config: nothing to copy there.)
    killers: ['qualifier.publish-does-not-copy'],
    mutate: prepend(
      around('post', PUBLISH, async (c, next) => {
        const res = await next(c);
        const version = res.status === 201 ? String(((await jsonOf(res)) as Json).Version) : undefined;
        const eic = `/2019-09-25/functions/${encodeURIComponent(functionNameOf(c))}/event-invoke-config`;
        const latest = version ? ((await jsonOf(await next(companion(c, 'GET', eic)))) as Json | undefined) : undefined;
        if (version && latest?.FunctionArn) {
          const { MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig } = latest;
          await next(companion(c, 'PUT', `${eic}?Qualifier=${version}`, JSON.stringify({ MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig })));
        }
        return res;
      }),
    ),
  },
  {
    id: 'qualifier-mismatch-accepted',
    title: 'A qualifier mismatch is accepted',
    bug: 'When the name carries a qualifier and ?Qualifier= names another, the name wins instead of a 400.',
    // The code, message and order rules are blocked (no error to judge) by qualifier.mismatch.rejected.
    killers: ['qualifier.mismatch.rejected', 'qualifier.mismatch.all-operations'],
    mutate: prepend(around('all', EIC, (c, next) => next(mismatch(c) ? withQuery(c, 'Qualifier', undefined) : c))),
  },
  {
    id: 'qualifier-mismatch-resolved',
    title: 'Qualifiers are compared after resolving aliases',
    bug: '<name>:1 with Qualifier=<alias of version 1> is accepted, because both resolve to the same version.',
    killers: ['qualifier.mismatch.compared-as-strings'],
    mutate: prepend(
      around('all', EIC, async (c, next: Next) => {
        const t = mismatch(c);
        if (!t) return next(c);
        const aliases = await aliasesOf(c, next, t.name);
        const resolve = (q: string) => aliases.get(q) ?? q;
        return next(resolve(t.nameQualifier!) === resolve(t.qualifier!) ? withQuery(c, 'Qualifier', undefined) : c);
      }),
    ),
  },
  {
    id: 'qualifier-existence-before-mismatch',
    title: 'A missing ?Qualifier= is looked up before the mismatch check',
    bug: 'A qualified name with a different Qualifier that does not exist answers 404 instead of the 400 mismatch.',
    killers: ['qualifier.mismatch.checked-before-alias-exists'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        const t = mismatch(c);
        const missing = t && t.qualifier !== '$LATEST' && !isVersion(t.qualifier) && !(await aliasesOf(c, next, t.name)).has(t.qualifier!);
        return missing ? apiError('ResourceNotFoundException', FUNCTION_DOES_NOT_EXIST) : next(c);
      }),
    ),
  },
  {
    id: 'name-latest-rejected',
    title: '<name>:$LATEST is rejected',
    bug: "A FunctionName ending in :$LATEST fails validation (the name pattern lacks '$').",
    killers: ['qualifier.same-twice-accepted', 'qualifier.shorthand-latest'],
    mutate: prepend(
      around('all', EIC, (c, next) =>
        functionNameOf(c).endsWith(':$LATEST') ? Promise.resolve(apiError('ValidationException', INVALID_NAME(functionNameOf(c)))) : next(c),
      ),
    ),
  },
  {
    id: 'partial-arn-rejected',
    title: 'A partial ARN is rejected',
    bug: 'A FunctionName of the form <account>:function:<name> fails validation.',
    killers: ['qualifier.partial-arn'],
    mutate: prepend(
      around('all', EIC, (c, next) =>
        /^\d{12}:function:/.test(functionNameOf(c)) ? Promise.resolve(apiError('ValidationException', INVALID_NAME(functionNameOf(c)))) : next(c),
      ),
    ),
  },
  {
    // (It replaces 'partial-arn-crashes': a 5xx is never a verdict, it makes a rule inconclusive.)
    id: 'partial-arn-misread',
    title: 'A partial ARN is looked up as a bare name',
    bug: 'A FunctionName of the form <account>:function:<name> is taken whole as the name of a function, which does not exist: 404.',
    killers: ['qualifier.partial-arn'],
    mutate: prepend(
      around('all', EIC, (c, next) =>
        /^\d{12}:function:/.test(functionNameOf(c)) ? next(withFunctionName(c, functionNameOf(c).replace(/:/g, '-'))) : next(c),
      ),
    ),
  },
  {
    id: 'arn-placement-ignored',
    title: 'Region and account inside an ARN are ignored',
    bug: "A full ARN naming another region or account acts on the caller's own region and account.",
    killers: ['qualifier.arn-placement-respected', 'name.other-region-arn.not-found'],
    mutate: prepend(
      around('all', EIC, async (c, next) => {
        // Only ARNs that pass validation either way: the bug is in the lookup, not in validation.
        const arn =
          /^arn:(aws[a-zA-Z-]*):lambda:(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d:\d{12}:(function:[a-zA-Z0-9-_.]+(?::[a-zA-Z0-9-_$.]+)?)$/.exec(
            functionNameOf(c),
          );
        const { account, region } = callerOf(c);
        const mine = arn && `arn:${arn[1]}:lambda:${region}:${account}:${arn[2]}`;
        return next(mine && mine.length <= 256 && functionNameOf(c).length <= 256 ? withFunctionName(c, mine) : c);
      }),
    ),
  },
  {
    id: 'delete-ignores-qualifier',
    title: 'Delete removes every qualifier',
    bug: "Delete of one qualifier's config removes the configs of all the function's qualifiers.",
    killers: ['delete.only-its-qualifier', 'qualifier.versions-separate'],
    mutate: prepend(
      around('delete', EIC, async (c, next) => {
        const res = await next(c);
        const list = res.status === 204 ? ((await jsonOf(await next(companion(c, 'GET', `${c.url.pathname}/list`)))) as Json) : {};
        for (const item of (list.FunctionEventInvokeConfigs ?? []) as Json[])
          await next(withFunctionName({ ...c, url: new URL(c.url.pathname, c.url) }, String(item.FunctionArn)));
        return res;
      }),
    ),
  },
];
