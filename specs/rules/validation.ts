// Validation rules, derived from the contract schema rather than listed by hand:
// for every constrained member of every operation, a rule per edge (the limit
// itself is accepted, one step past it is rejected; a pattern breaker is
// rejected). Plus, per operation, the error code and message form of a violation.
import { EIC_OPERATIONS, deref, requestDef, type EicOperation, type SchemaNode } from '../contract.ts';
import { ONE_VALIDATION_ERROR, violationText } from '../aws-texts.ts';
import { OP_ID, PUT, doc, model, nameCase, rec, type ConstraintEdge, type EvidenceRef, type ModelConstraint, type Rule, type RuleEvidence } from './rule.ts';

const kebab = (s: string) =>
  s
    .replace(/\./g, '-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
/** `DestinationConfig.OnSuccess.Destination` -> `on-success-destination`: shorter ids, still unique. */
const memberId = (member: string) => kebab(member.replace(/^DestinationConfig\./, ''));

interface Leaf {
  member: string;
  location: ConstraintEdge['location'];
  node: SchemaNode;
  shape: string;
}

/** Every constrained leaf member of an operation's request, with its location. */
export function constrainedMembers(op: EicOperation): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (node: SchemaNode, path: string[], location: Leaf['location'], shape: string) => {
    const def = deref(node);
    const shapeName = node.$ref ? node.$ref.replace('#/$defs/', '') : shape;
    if (def.type === 'object') {
      for (const [k, child] of Object.entries(def.properties ?? {})) walk(child, [...path, k], location, shapeName);
    } else if (['minimum', 'maximum', 'minLength', 'maxLength', 'pattern'].some((k) => k in def)) {
      leaves.push({ member: path.join('.'), location, node: def, shape: shapeName });
    }
  };
  for (const [part, node] of Object.entries(requestDef(op).properties ?? {})) {
    walk(node, [], part as Leaf['location'], op);
  }
  return leaves;
}

function edgesOf(leaf: Leaf): Array<{ suffix: string; title: string; edge: ConstraintEdge }> {
  const n = leaf.node;
  const base = { member: leaf.member, location: leaf.location };
  const out: Array<{ suffix: string; title: string; edge: ConstraintEdge }> = [];
  if (n.minimum !== undefined) {
    out.push({
      suffix: 'min',
      title: `accepts ${leaf.member} = ${n.minimum} (minimum)`,
      edge: { ...base, keyword: 'minimum', limit: n.minimum, accepted: true },
    });
    out.push({
      suffix: 'below-min',
      title: `rejects ${leaf.member} = ${n.minimum - 1} (below minimum ${n.minimum})`,
      edge: { ...base, keyword: 'minimum', limit: n.minimum, accepted: false },
    });
  }
  if (n.maximum !== undefined) {
    out.push({
      suffix: 'max',
      title: `accepts ${leaf.member} = ${n.maximum} (maximum)`,
      edge: { ...base, keyword: 'maximum', limit: n.maximum, accepted: true },
    });
    out.push({
      suffix: 'above-max',
      title: `rejects ${leaf.member} = ${n.maximum + 1} (above maximum ${n.maximum})`,
      edge: { ...base, keyword: 'maximum', limit: n.maximum, accepted: false },
    });
  }
  // Length 0 of an optional string is "not sent" for the SDK, and the empty path
  // label of FunctionName cannot be sent at all: below-min applies to query strings only.
  if (n.minLength !== undefined && n.minLength > 0) {
    out.push({
      suffix: 'min-length',
      title: `accepts ${leaf.member} of length ${n.minLength} (minimum)`,
      edge: { ...base, keyword: 'minLength', limit: n.minLength, accepted: true },
    });
    if (leaf.location === 'query') {
      // Only the Qualifier is a constrained query string: what an empty one must get is unpinned (see edgeEvidence).
      out.push({
        suffix: 'below-min-length',
        title: `reads an empty ${leaf.member} either as a value below its minimum length ${n.minLength} (400 ValidationException) or as no ${leaf.member}, never as another ${leaf.member.toLowerCase()}`,
        edge: { ...base, keyword: 'minLength', limit: n.minLength, accepted: false },
      });
    }
  }
  if (n.maxLength !== undefined) {
    out.push({
      suffix: 'max-length',
      title: `accepts ${leaf.member} of length ${n.maxLength} (maximum)`,
      edge: { ...base, keyword: 'maxLength', limit: n.maxLength, accepted: true },
    });
    out.push({
      suffix: 'above-max-length',
      title: `rejects ${leaf.member} of length ${n.maxLength + 1} (above maximum ${n.maxLength})`,
      edge: { ...base, keyword: 'maxLength', limit: n.maxLength, accepted: false },
    });
  }
  if (n.pattern !== undefined) {
    out.push({
      suffix: 'pattern',
      title: `rejects a ${leaf.member} that breaks the whole-string pattern`,
      edge: { ...base, keyword: 'pattern', limit: n['x-aws-pattern'] ?? n.pattern, accepted: false },
    });
  }
  return out;
}

/** The contract names two constrained shapes differently from the official models. */
const MODEL_SHAPE: Record<string, string> = {
  Qualifier: 'NumericLatestPublishedOrAliasQualifier',
  MaxItems: 'MaxFunctionEventInvokeConfigListItems',
};
const CONSTRAINT_OF: Record<ConstraintEdge['keyword'], ModelConstraint> = {
  minimum: 'range',
  maximum: 'range',
  minLength: 'length',
  maxLength: 'length',
  pattern: 'pattern',
};

/** Recordings (or analogous ones) that show an edge, beside the model constraint it rests on. */
function supportOf(op: EicOperation, leaf: Leaf, suffix: string): EvidenceRef[] {
  const member = leaf.member;
  if (member.endsWith('.Destination') && suffix === 'pattern') {
    return [rec('put_destination_invalid_arn_pattern', op === PUT ? 'OnFailure' : 'recorded on Put, the same shape here')];
  }
  if (op === PUT && member === 'MaximumRetryAttempts' && suffix === 'min') return [rec('put_invokeconfig_retries_0')];
  if (op === PUT && member === 'MaximumEventAgeInSeconds' && suffix === 'min') return [rec('put_invokeconfig_eventage_60')];
  if (op === PUT && suffix === 'max' && (member === 'MaximumRetryAttempts' || member === 'MaximumEventAgeInSeconds'))
    return [rec('put_maxevent_maxvalue_result')];
  if (member === 'Qualifier' && suffix === 'above-max-length') return [nameCase('qualifier_too_long', 'get_function')];
  if (member === 'Qualifier' && (suffix === 'min-length' || suffix === 'max-length')) {
    // The value names no alias: past validation the lookup finds nothing, and $LATEST is left alone.
    return [rec('put_alias_doesnotexist', 'a Qualifier that names no alias: 404 after validation'), rec('get_qualifier_doesnotexist', 'the same on Get')];
  }
  if (member === 'Qualifier' && suffix === 'pattern') return [nameCase('invalid_characters_in_qualifier', 'get_function')];
  if (member === 'FunctionName' && suffix === 'pattern') return [nameCase('invalid_characters_in_function_name', 'get_function')];
  return [];
}

function edgeEvidence(op: EicOperation, leaf: Leaf, suffix: string, edge: ConstraintEdge): RuleEvidence {
  const shape = MODEL_SHAPE[leaf.shape] ?? leaf.shape;
  const constraint = model(shape, { constraint: CONSTRAINT_OF[edge.keyword] });
  const binding = model(`${op}Request`, { member: leaf.member.split('.')[0]! });
  if (leaf.member === 'Qualifier' && suffix === 'below-min-length') {
    return {
      class: 'documented',
      refs: [constraint, binding, doc('api-reference', 'Pattern: (|[a-zA-Z0-9$_-]+)', "the docs' Qualifier pattern admits the empty string")],
      note:
        'The model says length 1..128, the docs admit the empty string, and whether AWS reads an empty ?Qualifier= as a value of length 0 or as no qualifier is not recorded: ' +
        'the rule accepts either reading (400 ValidationException, or exactly what the request without a Qualifier gets, on $LATEST) and fails only another qualifier or another error.',
    };
  }
  if (leaf.member === 'MaxItems') {
    return {
      class: 'modelled',
      refs: [constraint, binding, nameCase('qualifier_too_long', 'get_function', 'a query parameter beyond its model constraint is a validation error there')],
      note: 'Out-of-range MaxItems is not recorded: the rule rests on the model range 1..50.',
    };
  }
  return { class: 'modelled', refs: [constraint, binding, ...supportOf(op, leaf, suffix)] };
}

/** The ids of the validation rules, generated from the schema: `<op>.validation.<member>.<edge>` and `<op>.validation.{error-code,message}`. */
export type ValidationRuleId = `${(typeof OP_ID)[EicOperation]}.validation.${string}`;

/** The one place validation rule ids are built (a member's edge, or the error code/message rules). */
export function validationRuleId(op: EicOperation, ...rest: [member: string, edge: string] | ['error-code' | 'message']): ValidationRuleId {
  const tail = rest.length === 2 ? `${memberId(rest[0])}.${rest[1]}` : rest[0];
  return `${OP_ID[op]}.validation.${tail}` as ValidationRuleId;
}

/** The strongest tier the evidence allows (test/catalogue.test.ts). */
const tierOf = (c: RuleEvidence['class']): Rule['tier'] => (c === 'inferred' ? 'strict' : c === 'recorded' || c === 'modelled' ? 'core' : 'complete');

function edgeRules(op: EicOperation): Array<Rule<ValidationRuleId>> {
  return constrainedMembers(op).flatMap((leaf) =>
    edgesOf(leaf).map(({ suffix, title, edge }): Rule<ValidationRuleId> => {
      const evidence = edgeEvidence(op, leaf, suffix, edge);
      return {
        id: validationRuleId(op, leaf.member, suffix),
        title: `${op} ${title}${edge.accepted || suffix === 'below-min-length' ? '' : ' with 400'}`,
        tier: tierOf(evidence.class),
        operations: [op],
        evidence,
        edge,
      };
    }),
  );
}

/** Where AWS showed a constraint violation answered as ValidationException: recorded on Put, analogous elsewhere. */
function violationRefs(op: EicOperation): EvidenceRef[] {
  return [
    ...(op === PUT ? [rec('put_destination_invalid_arn_pattern')] : []),
    nameCase('invalid_characters_in_function_name', 'get_function', 'a FunctionName pattern violation'),
    nameCase('qualifier_too_long', 'delete_function', 'a Qualifier length violation'),
  ];
}

function violationRules(op: EicOperation): Array<Rule<ValidationRuleId>> {
  return [
    {
      id: validationRuleId(op, 'error-code'),
      title: `${op} answers a constraint violation with ValidationException (not InvalidParameterValueException)`,
      tier: 'complete',
      operations: [op],
      evidence: {
        class: 'analogous',
        refs: violationRefs(op),
        note:
          'Neither model has a ValidationException shape. ' +
          (op === PUT ? 'Recorded for the destination pattern; ' : '') +
          'the other members (name, qualifier, ranges) rest on other Lambda operations answering model-constraint violations with ValidationException.',
      },
    },
    {
      id: validationRuleId(op, 'message'),
      title: `${op} words a constraint violation as "${ONE_VALIDATION_ERROR}${violationText('<v>', '<lowerCamelPath>', '<constraint>')}" (the constraint's text pinned only for a malformed destination and a maximum length)`,
      tier: 'strict',
      operations: [op],
      evidence: {
        class: 'analogous',
        refs: violationRefs(op),
        note:
          'The form up to the constraint is recorded (Put, destination pattern) and asserted for every fault; the whole text only for a malformed destination (recorded, whose quoted pattern changed between the 2024 and 2025 recordings) ' +
          "and for a maximum length (analogous: qualifier_too_long). The range texts are shown nowhere, and the FunctionName pattern AWS quotes on other operations is not the model's: neither is asserted.",
      },
    },
  ];
}

export const validationRules: ReadonlyArray<Rule<ValidationRuleId>> = EIC_OPERATIONS.flatMap((op) => [...edgeRules(op), ...violationRules(op)]);
