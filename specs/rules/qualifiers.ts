// Qualifier forms (?Qualifier=, name:qualifier, qualified ARN, partial ARN),
// the string-equality rule for two qualifiers, and one config per qualifier.
import { FUNCTION_DOES_NOT_EXIST, QUALIFIER_MISMATCH } from '../aws-texts.ts';
import { GET, LIST, PUT, doc, rec, defineRules } from './rule.ts';

const APPEND_QUALIFIER = doc('api-reference', 'You can append a version number or alias to any of the formats.');

export const qualifierRules = defineRules([
  {
    id: 'qualifier.latest-explicit',
    title: 'Put with Qualifier=$LATEST acts on $LATEST: an unqualified Get reads it back, and the version keeps its own config',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_latest_explicit_qualifier'), rec('put_destination_latest')],
    },
  },
  {
    id: 'qualifier.version-param',
    title: 'Put with Qualifier=<version> configures that version: a Get of the version reads it back, and $LATEST keeps its own config',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_destination_version'), rec('put_published_invokeconfig'), rec('get_published_invokeconfig')],
    },
  },
  {
    id: 'qualifier.alias-param',
    title: 'Put with Qualifier=<alias> configures the alias itself: not the version it points to, not $LATEST',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_functionname_qualifier', 'FunctionArn ends with the alias, not the version'), rec('list_configs')],
    },
  },
  {
    id: 'qualifier.shorthand-version',
    title: 'FunctionName <name>:<version> configures that version, not $LATEST',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_version_shorthand')],
    },
  },
  {
    id: 'qualifier.shorthand-alias',
    title: 'FunctionName <name>:<alias> configures that alias: not the version it points to, not $LATEST',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_shorthand')],
    },
  },
  {
    id: 'qualifier.shorthand-latest',
    title: 'FunctionName <name>:$LATEST without a Qualifier acts on $LATEST: an unqualified Get reads it back, and the version keeps its own config',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_shorthand_qualifier_match', '<fn>:$LATEST with Qualifier=$LATEST acts on $LATEST'),
        rec('put_version_shorthand', 'a qualifier in the name alone is enough'),
      ],
      note: 'Recorded with an equal Qualifier; without one, the derived qualifier alone applies as for <name>:1.',
    },
  },
  {
    id: 'qualifier.qualified-arn',
    title: 'A qualified function ARN as FunctionName configures that qualifier',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_qualifiedarn', 'an alias ARN'), rec('put_version_shorthand', 'a version qualifier in the name'), APPEND_QUALIFIER],
      note: 'The alias ARN is recorded; the version ARN combines it with the recorded <name>:<version>.',
    },
  },
  {
    id: 'qualifier.unqualified-arn',
    title: 'An unqualified function ARN as FunctionName acts on $LATEST (and not on the version)',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [
        rec('update_eventinvokeconfig_config_doesnotexist_without_qualifier', 'the unqualified function ARN as FunctionName is answered for <arn>:$LATEST'),
        rec('put_functionname_arn_notfound', 'Put takes the full unqualified ARN as a name'),
      ],
    },
  },
  {
    id: 'qualifier.partial-arn',
    title: 'A partial ARN (<account>:function:<name>) as FunctionName acts on that function',
    tier: 'complete',
    operations: [PUT, GET],
    evidence: {
      class: 'documented',
      refs: [doc('api-reference', 'Partial ARN - 123456789012:function:my-function.')],
      note: 'The partial-ARN form is documented, not recorded.',
    },
  },
  {
    id: 'qualifier.same-twice-accepted',
    title: 'A qualifier given both in the name and as Qualifier is accepted when the two are equal',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_shorthand_qualifier'), rec('put_alias_qualifiedarn_qualifier'), rec('put_shorthand_qualifier_match')],
    },
  },
  {
    id: 'qualifier.mismatch.rejected',
    title: 'Different qualifiers in the name and in Qualifier answer 400',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_shorthand_qualifier_mismatch_1'), rec('put_shorthand_qualifier_mismatch_2'), rec('put_alias_shorthand_qualifierconflict')],
    },
  },
  {
    id: 'qualifier.mismatch.error-code',
    title: 'A qualifier mismatch answers InvalidParameterValueException',
    tier: 'complete',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_shorthand_qualifier_mismatch_1'), rec('put_shorthand_qualifier_mismatch_2'), rec('put_alias_shorthand_qualifierconflict')],
    },
  },
  {
    id: 'qualifier.mismatch.message',
    title: `A qualifier mismatch says '${QUALIFIER_MISMATCH}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_shorthand_qualifier_mismatch_1'), rec('put_shorthand_qualifier_mismatch_2'), rec('put_alias_shorthand_qualifierconflict')],
    },
  },
  {
    id: 'qualifier.mismatch.compared-as-strings',
    title: '<name>:1 with Qualifier=<alias> is a mismatch even when the alias points to version 1: the same answer as a plain mismatch',
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_shorthand_qualifier_mismatch_3'), rec('put_shorthand_qualifier_mismatch_1', 'the plain mismatch it is compared with')],
    },
  },
  {
    id: 'qualifier.mismatch.checked-before-alias-exists',
    title: 'A qualified ARN with a different, non-existent Qualifier answers the 400 mismatch (the same answer as a plain mismatch), not 404',
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_qualifiedarn_qualifierconflict'), rec('put_shorthand_qualifier_mismatch_1', 'the plain mismatch it is compared with')],
    },
  },
  {
    id: 'qualifier.missing-alias.put-not-found',
    title: 'Put on an alias that does not exist answers 404',
    tier: 'core',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_doesnotexist')],
    },
  },
  {
    id: 'qualifier.missing-alias.put-message',
    title: `Put on a missing alias says '${FUNCTION_DOES_NOT_EXIST}'`,
    tier: 'strict',
    operations: [PUT],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_doesnotexist')],
    },
  },
  {
    id: 'qualifier.versions-separate',
    title: '$LATEST and a version have separate configs',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [
        rec('put_published_invokeconfig'),
        rec('get_published_invokeconfig'),
        rec('get_invokeconfig'),
        rec('list_paging_nolimit_postdelete', 'after Delete of $LATEST the version config remains'),
      ],
    },
  },
  {
    id: 'qualifier.alias-separate-from-version',
    title: 'An alias and the version it points to have separate configs',
    tier: 'core',
    operations: [PUT, GET],
    evidence: {
      class: 'recorded',
      refs: [rec('put_alias_functionname_qualifier'), rec('list_configs', 'version 1 and the alias listed with their own configs')],
    },
  },
  {
    id: 'qualifier.publish-does-not-copy',
    title: 'PublishVersion does not copy the $LATEST config to the new version',
    tier: 'core',
    operations: ['PublishVersion', GET],
    evidence: {
      class: 'recorded',
      refs: [rec('get_invokeconfig_postpublish')],
    },
  },
  {
    id: 'qualifier.arn-placement-respected',
    title:
      "A function ARN naming another account does not act on the caller's function of that name: a 4xx (not 2xx, not 5xx), and no config is made on the caller's function",
    tier: 'complete',
    operations: [PUT, GET],
    evidence: {
      class: 'documented',
      refs: [doc('api-reference', 'Function ARN - arn:aws:lambda:us-west-2:123456789012:function:my-function.', 'region and account are part of the name')],
      note: 'Another account is recorded nowhere: only what any correct answer satisfies is asserted (a 4xx, no config made; a 429 is inconclusive). Another region is name.other-region-arn.not-found (analogous: 404).',
    },
  },
  {
    id: 'qualifier.list-covers-all-qualifiers',
    title: 'List returns the configs of $LATEST, versions and aliases of the function',
    tier: 'core',
    operations: [LIST],
    evidence: {
      class: 'recorded',
      refs: [rec('list_configs')],
    },
  },
]);
