// A rule of the catalogue: one behaviour the suite asserts, under a stable id
// that is the same in specs, the vitest test name, JUnit and the reports.
// Every rule says what it rests on (its evidence class and references), and
// its tier follows from that class (test/catalogue.test.ts enforces it):
//   core      only recorded or modelled rules (the headline figure);
//   complete  also analogous and documented rules;
//   strict    anything, and inferred rules only here.
import type { EicOperation } from '../contract.ts';

/** core: status codes and semantics; complete: error codes, shapes, wire format; strict: exact messages, headers, validation order. */
export type Tier = 'core' | 'complete' | 'strict';
export const TIERS: readonly Tier[] = ['core', 'complete', 'strict'];

export type Operation = EicOperation | 'PublishVersion' | 'CreateAlias';

export type Concern =
  | 'validation'
  | 'semantics'
  | 'idempotence'
  | 'qualifiers'
  | 'name-forms'
  | 'not-found'
  | 'destinations'
  | 'response-shape'
  | 'error-shape'
  | 'wire'
  | 'paging'
  | 'delete';

/**
 * What a rule rests on, strongest first:
 * - recorded: a step of the EventInvokeConfig recordings of real AWS
 *   (../shared/aws-recordings/eventinvokeconfig.snapshot.json, or a row of its
 *   STEPS.md that AWS asserted without saving, cited as `asserted:<name>`);
 * - analogous: a recording of another Lambda operation that shares the shape
 *   (../shared/aws-recordings/analogous/lambda-api.snapshot.json);
 * - modelled: a constraint, type or binding of the official model (../shared/model);
 * - documented: a sentence of the public docs (../shared/seeds);
 * - inferred: none of these (a convention, a guess, or a part of the
 *   assertion that goes beyond the evidence).
 * A rule's class is that of the weakest claim its assertion needs.
 */
export type EvidenceClass = 'recorded' | 'analogous' | 'modelled' | 'documented' | 'inferred';
export const EVIDENCE_CLASSES: readonly EvidenceClass[] = ['recorded', 'analogous', 'modelled', 'documented', 'inferred'];

/** The tiers a rule of each class may be in. */
export const TIERS_FOR_CLASS: Readonly<Record<EvidenceClass, readonly Tier[]>> = {
  recorded: ['core', 'complete', 'strict'],
  modelled: ['core', 'complete', 'strict'],
  analogous: ['complete', 'strict'],
  documented: ['complete', 'strict'],
  inferred: ['strict'],
};

/** The public documents of ../shared/seeds, by the file that holds each. */
export type DocId = 'api-reference' | 'sdk-js-v3' | 'sdk-dart' | 'boto3-put' | 'boto3-update';
export const DOCS: Readonly<Record<DocId, { title: string; seed: string }>> = {
  'api-reference': { title: 'Lambda API reference: PutFunctionEventInvokeConfig', seed: '000_7320c0581769f134.txt' },
  'sdk-js-v3': { title: 'AWS SDK for JavaScript v3: PutFunctionEventInvokeConfigCommand', seed: '001_0584b4aa97efef0e.txt' },
  'sdk-dart': { title: 'AWS SDK for Dart: putFunctionEventInvokeConfig', seed: '002_ffb7a32bf94f3389.txt' },
  'boto3-put': { title: 'boto3: put_function_event_invoke_config', seed: '003_d61ed27beac95c0b.txt' },
  'boto3-update': { title: 'boto3: update_function_event_invoke_config', seed: '004_c8f1e0655855202b.txt' },
};

/** A model constraint as the two models name it (Smithy trait / botocore key). */
export type ModelConstraint = 'length' | 'range' | 'pattern';

/** One reference: something a reader can open and check. */
export type EvidenceRef =
  /** A snapshot key of eventinvokeconfig.snapshot.json, or `asserted:<name>` for a STEPS.md row AWS asserted but did not save (named as in fixtures/aws-observed). */
  | { kind: 'recording'; step: string; note?: string }
  /** A top-level key of analogous/lambda-api.snapshot.json and a key of its recorded-content. */
  | { kind: 'analogous'; entry: string; step: string; note?: string }
  /** A shape of the official models (name without namespace), optionally one member, constraint or trait of it. */
  | { kind: 'model'; shape: string; member?: string; constraint?: ModelConstraint; trait?: string; note?: string }
  /** A sentence of a public doc, quoted as it stands there (whitespace aside). */
  | { kind: 'doc'; doc: DocId; quote: string; note?: string };

export interface RuleEvidence {
  class: EvidenceClass;
  /** At least one, except for inferred rules (which may cite what they extrapolate from). */
  refs: EvidenceRef[];
  /** What the evidence leaves open, or why the class is what it is. */
  note?: string;
}

/** A single-member constraint edge, for generated validation rules. */
export interface ConstraintEdge {
  /** Member path as the SDK input names it, e.g. `DestinationConfig.OnFailure.Destination`. */
  member: string;
  /** Where it travels on the wire. */
  location: 'path' | 'query' | 'body';
  keyword: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern';
  /** The constraint's limit (a number) or the model pattern. */
  limit: number | string;
  /** true: the edge value must pass validation; false: it must be rejected. */
  accepted: boolean;
}

export interface Rule<Id extends string = string> {
  id: Id;
  /** The rule's statement: what the target must do. */
  title: string;
  tier: Tier;
  operations: Operation[];
  evidence: RuleEvidence;
  edge?: ConstraintEdge;
}

/**
 * A list of rules with their ids kept as literal types, from which RuleId is
 * derived (specs/rules/index.ts): a suite, a mutant or a test naming a rule
 * that is not in the catalogue (renamed, deleted) is a type error.
 */
export function defineRules<const Id extends string>(rules: Array<Rule<Id>>): ReadonlyArray<Rule<Id>> {
  return rules;
}

// ---------------------------------------------------------------- reference builders

export const rec = (step: string, note?: string): EvidenceRef => ({ kind: 'recording', step, ...(note ? { note } : {}) });

/** An entry of the analogous snapshot and a step of its recorded content. */
export const analog = (entry: string, step: string, note?: string): EvidenceRef => ({ kind: 'analogous', entry, step, ...(note ? { note } : {}) });

/** A case of `test_function_name_and_qualifier_validation`, for one of the operations it was sent to. */
export const nameCase = (kase: string, op: 'get_function' | 'delete_function' | 'invoke' | 'create_function', note?: string): EvidenceRef =>
  analog(`TestLambdaFunction::test_function_name_and_qualifier_validation[${kase}-${op}]`, `${op}_exception`, note);

export const model = (shape: string, more: Omit<Extract<EvidenceRef, { kind: 'model' }>, 'kind' | 'shape'> = {}): EvidenceRef => ({
  kind: 'model',
  shape,
  ...more,
});

export const doc = (d: DocId, quote: string, note?: string): EvidenceRef => ({ kind: 'doc', doc: d, quote, ...(note ? { note } : {}) });

/** The restJson1 protocol trait of the service shape (Smithy model). */
export const REST_JSON1 = model('AWSGirApiService', { trait: 'aws.protocols#restJson1' });

/** One line per reference, for `rules <id>` and the reports. */
export function describeRef(r: EvidenceRef): string {
  const note = r.note ? ` (${r.note})` : '';
  switch (r.kind) {
    case 'recording':
      return r.step.startsWith('asserted:') ? `recording: ${r.step} (a STEPS.md row AWS asserted, not saved)${note}` : `recording: ${r.step}${note}`;
    case 'analogous':
      return `analogous: ${r.entry} / ${r.step}${note}`;
    case 'model':
      return `model: ${r.shape}${r.member ? `.${r.member}` : ''}${r.constraint ? ` [${r.constraint}]` : ''}${r.trait ? ` [${r.trait}]` : ''}${note}`;
    case 'doc':
      return `doc: ${DOCS[r.doc].title}: "${r.quote}"${note}`;
  }
}

/** Short operation names used in rule ids. */
export const OP_ID: Record<EicOperation, string> = {
  PutFunctionEventInvokeConfig: 'put',
  UpdateFunctionEventInvokeConfig: 'update',
  GetFunctionEventInvokeConfig: 'get',
  DeleteFunctionEventInvokeConfig: 'delete',
  ListFunctionEventInvokeConfigs: 'list',
};

// The five operations, for rule definitions.
export const PUT = 'PutFunctionEventInvokeConfig' as const;
export const UPDATE = 'UpdateFunctionEventInvokeConfig' as const;
export const GET = 'GetFunctionEventInvokeConfig' as const;
export const DELETE = 'DeleteFunctionEventInvokeConfig' as const;
export const LIST = 'ListFunctionEventInvokeConfigs' as const;
