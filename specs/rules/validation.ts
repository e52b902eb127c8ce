// Validation rules, derived from the contract schema rather than listed by hand:
// for every constrained member of every operation, a rule per edge (the limit
// itself is accepted, one step past it is rejected; a pattern breaker is
// rejected). Plus, per operation, the error code and message form of a violation.
import { EIC_OPERATIONS, deref, requestDef, type EicOperation, type SchemaNode } from '../contract.ts';
import { OP_ID, model, rec, type ConstraintEdge, type Rule } from './rule.ts';

const kebab = (s: string) => s.replace(/\./g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
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
    out.push({ suffix: 'min', title: `accepts ${leaf.member} = ${n.minimum} (minimum)`, edge: { ...base, keyword: 'minimum', limit: n.minimum, accepted: true } });
    out.push({ suffix: 'below-min', title: `rejects ${leaf.member} = ${n.minimum - 1} (below minimum ${n.minimum})`, edge: { ...base, keyword: 'minimum', limit: n.minimum, accepted: false } });
  }
  if (n.maximum !== undefined) {
    out.push({ suffix: 'max', title: `accepts ${leaf.member} = ${n.maximum} (maximum)`, edge: { ...base, keyword: 'maximum', limit: n.maximum, accepted: true } });
    out.push({ suffix: 'above-max', title: `rejects ${leaf.member} = ${n.maximum + 1} (above maximum ${n.maximum})`, edge: { ...base, keyword: 'maximum', limit: n.maximum, accepted: false } });
  }
  // Length 0 of an optional string is "not sent" for the SDK, and the empty path
  // label of FunctionName cannot be sent at all: below-min applies to query strings only.
  if (n.minLength !== undefined && n.minLength > 0) {
    out.push({ suffix: 'min-length', title: `accepts ${leaf.member} of length ${n.minLength} (minimum)`, edge: { ...base, keyword: 'minLength', limit: n.minLength, accepted: true } });
    if (leaf.location === 'query') {
      out.push({ suffix: 'below-min-length', title: `rejects an empty ${leaf.member} (minimum length ${n.minLength})`, edge: { ...base, keyword: 'minLength', limit: n.minLength, accepted: false } });
    }
  }
  if (n.maxLength !== undefined) {
    out.push({ suffix: 'max-length', title: `accepts ${leaf.member} of length ${n.maxLength} (maximum)`, edge: { ...base, keyword: 'maxLength', limit: n.maxLength, accepted: true } });
    out.push({ suffix: 'above-max-length', title: `rejects ${leaf.member} of length ${n.maxLength + 1} (above maximum ${n.maxLength})`, edge: { ...base, keyword: 'maxLength', limit: n.maxLength, accepted: false } });
  }
  if (n.pattern !== undefined) {
    out.push({ suffix: 'pattern', title: `rejects a ${leaf.member} that breaks the whole-string pattern`, edge: { ...base, keyword: 'pattern', limit: n['x-aws-pattern'] ?? n.pattern, accepted: false } });
  }
  return out;
}

const MAX_ITEMS_UNPINNED = 'Out-of-range MaxItems is not recorded; the rule follows the model (1..50).';

function edgeRules(op: EicOperation): Rule[] {
  return constrainedMembers(op).flatMap((leaf) =>
    edgesOf(leaf).map(({ suffix, title, edge }) => ({
      id: `${OP_ID[op]}.validation.${memberId(leaf.member)}.${suffix}`,
      title: `${op} ${title}${edge.accepted ? '' : ' with 400'}`,
      tier: 'core' as const,
      concern: 'validation' as const,
      operations: [op],
      sources: [model(leaf.shape)],
      edge,
      ...(leaf.member === 'MaxItems' ? { documentedOnly: MAX_ITEMS_UNPINNED } : {}),
    })),
  );
}

function violationRules(op: EicOperation): Rule[] {
  const id = OP_ID[op];
  const recorded = op === 'PutFunctionEventInvokeConfig' ? [rec('put_destination_invalid_arn_pattern')] : [];
  return [
    {
      id: `${id}.validation.error-code`,
      title: `${op} answers a constraint violation with ValidationException (not InvalidParameterValueException)`,
      tier: 'complete',
      concern: 'validation',
      operations: [op],
      sources: [...recorded, model('ValidationException')],
    },
    {
      id: `${id}.validation.message`,
      title: `${op} words a constraint violation as "1 validation error detected: Value '<v>' at '<lowerCamelPath>' failed to satisfy constraint: Member must ..."`,
      tier: 'strict',
      concern: 'validation',
      operations: [op],
      sources: [...recorded, model('ValidationException')],
    },
  ];
}

export const validationRules: Rule[] = EIC_OPERATIONS.flatMap((op) => [...edgeRules(op), ...violationRules(op)]);
