// Qualifier forms (?Qualifier=, name:qualifier, qualified ARN, partial ARN),
// the string-equality rule for two qualifiers, and one config per qualifier.
import { GET, LIST, PUT, doc, rec, type Rule } from './rule.ts';


export const qualifierRules: Rule[] = [
  { id: 'qualifier.latest-explicit', title: 'Put with Qualifier=$LATEST acts on the unqualified function (FunctionArn ends with :$LATEST)', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_destination_latest_explicit_qualifier')] },
  { id: 'qualifier.version-param', title: 'Put with Qualifier=<version> configures that version (FunctionArn ends with :<version>)', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_destination_version'), rec('put_published_invokeconfig')] },
  { id: 'qualifier.alias-param', title: 'Put with Qualifier=<alias> configures the alias itself, not the version it points to', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_functionname_qualifier')] },
  { id: 'qualifier.shorthand-version', title: 'FunctionName <name>:<version> configures that version', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_version_shorthand')] },
  { id: 'qualifier.shorthand-alias', title: 'FunctionName <name>:<alias> configures that alias', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_shorthand')] },
  { id: 'qualifier.qualified-arn', title: 'A qualified function ARN as FunctionName configures that qualifier', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_qualifiedarn')] },
  { id: 'qualifier.unqualified-arn', title: 'An unqualified function ARN as FunctionName acts on $LATEST', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_destination_other_lambda'), doc('api-reference')] },
  { id: 'qualifier.partial-arn', title: 'A partial ARN (<account>:function:<name>) as FunctionName acts on that function', tier: 'core', concern: 'qualifiers', operations: [PUT, GET], sources: [doc('api-reference')], documentedOnly: 'The partial-ARN form is documented, not recorded.' },
  { id: 'qualifier.same-twice-accepted', title: 'A qualifier given both in the name and as Qualifier is accepted when the two are equal', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_shorthand_qualifier'), rec('put_alias_qualifiedarn_qualifier'), rec('put_shorthand_qualifier_match')] },
  { id: 'qualifier.mismatch.rejected', title: 'Different qualifiers in the name and in Qualifier answer 400', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_shorthand_qualifier_mismatch_1'), rec('put_shorthand_qualifier_mismatch_2'), rec('put_alias_shorthand_qualifierconflict')] },
  { id: 'qualifier.mismatch.error-code', title: 'A qualifier mismatch answers InvalidParameterValueException', tier: 'complete', concern: 'qualifiers', operations: [PUT], sources: [rec('put_shorthand_qualifier_mismatch_1')] },
  { id: 'qualifier.mismatch.message', title: "A qualifier mismatch says 'The derived qualifier from the function name does not match the specified qualifier.'", tier: 'strict', concern: 'qualifiers', operations: [PUT], sources: [rec('put_shorthand_qualifier_mismatch_1')] },
  { id: 'qualifier.mismatch.compared-as-strings', title: '<name>:1 with Qualifier=<alias> is a mismatch even when the alias points to version 1', tier: 'strict', concern: 'qualifiers', operations: [PUT], sources: [rec('put_shorthand_qualifier_mismatch_3')] },
  { id: 'qualifier.mismatch.checked-before-alias-exists', title: 'A qualified ARN with a different, non-existent Qualifier answers the 400 mismatch, not 404', tier: 'strict', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_qualifiedarn_qualifierconflict')] },
  { id: 'qualifier.missing-alias.put-not-found', title: 'Put on an alias that does not exist answers 404', tier: 'core', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_doesnotexist')] },
  { id: 'qualifier.missing-alias.put-message', title: "Put on a missing alias says 'The function doesn't exist.'", tier: 'strict', concern: 'qualifiers', operations: [PUT], sources: [rec('put_alias_doesnotexist')] },
  { id: 'qualifier.versions-separate', title: '$LATEST and a version have separate configs', tier: 'core', concern: 'qualifiers', operations: [PUT, GET], sources: [rec('put_published_invokeconfig'), rec('get_published_invokeconfig'), rec('get_invokeconfig')] },
  { id: 'qualifier.alias-separate-from-version', title: 'An alias and the version it points to have separate configs', tier: 'core', concern: 'qualifiers', operations: [PUT, GET], sources: [rec('put_alias_functionname_qualifier'), rec('list_configs')] },
  { id: 'qualifier.publish-does-not-copy', title: 'PublishVersion does not copy the $LATEST config to the new version', tier: 'core', concern: 'qualifiers', operations: ['PublishVersion', GET], sources: [rec('get_invokeconfig_postpublish')] },
  { id: 'qualifier.list-covers-all-qualifiers', title: 'List returns the configs of $LATEST, versions and aliases of the function', tier: 'core', concern: 'qualifiers', operations: [LIST], sources: [rec('list_configs')] },
];
