// Validators of the contract schema (ajv): strict about the schema except for
// our annotation keywords. Compiling them was a tenth of every process that
// validates (the emulator in each vitest worker), so `npm run gen` precompiles
// the ones in use into specs/generated/validators.cjs (ajv's standalone code,
// specs/gen-validators.ts). That file is used only while it matches the schema
// and ajv it was made from; otherwise, and for any other pointer, the validator
// is compiled here on first use. Either way: once per process.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import type { JSONSchemaType, ValidateFunction } from 'ajv';
import { contractSchema, EIC_OPERATIONS } from './contract.ts';

const require = createRequire(import.meta.url);

// Patterns from the model use classes like [a-zA-Z0-9-_], legal only without the u flag.
// `verbose` keeps the failing schema on each error, so messages can quote x-aws-pattern.
export interface ValidatorOptions {
  /** Query strings arrive as text: MaxItems=5 must validate as the integer 5. */
  coerce?: boolean;
  /** Remove members the schema does not define (the emulator ignores unknown members). */
  strip?: boolean;
}

/** The kind of a validator by its options: one ajv, and one namespace of the precompiled file, per kind. */
export const kindOf = (opts: ValidatorOptions) => `${opts.coerce ? 'c' : ''}${opts.strip ? 's' : ''}` || 'plain';

/** An ajv with the contract schema and the options of this kind of validator (the same in `npm run gen`). */
export function newAjv(opts: ValidatorOptions, extra: Options = {}): Ajv2020 {
  // Loaded on first use: the rule catalogue reads the contract too, and the
  // CLI's own process (which lists rules but validates nothing) need not load ajv.
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    unicodeRegExp: false,
    strict: true,
    coerceTypes: opts.coerce ?? false,
    removeAdditional: opts.strip ? 'all' : false,
    ...extra,
  });
  ajv.addVocabulary(['x-aws-pattern', 'x-variants', 'x-used-by', 'x-observed', 'x-http']);
  ajv.addSchema(contractSchema as unknown as JSONSchemaType<unknown>);
  return ajv;
}

export const refOf = (pointer: string) => `${contractSchema.$id as string}#/$defs/${pointer}`;

/** What `npm run gen` precompiles: every def as the suites check bodies, each request as the emulator validates it. */
export function precompiledPointers(): Array<{ pointer: string; opts: ValidatorOptions }> {
  const defs = contractSchema.$defs;
  return [
    ...Object.keys(defs).map((pointer) => ({ pointer, opts: {} })),
    ...EIC_OPERATIONS.map((op) => ({ pointer: `${op}Request`, opts: { coerce: true, strip: true } })),
    ...EIC_OPERATIONS.filter((op) => defs[`${op}Request`]?.properties?.body).map((op) => ({ pointer: `${op}Request/properties/body`, opts: { strip: true } })),
  ];
}

/** The precompiled file's name for a validator within its kind. */
export const exportName = (pointer: string) => pointer.replace(/[^A-Za-z0-9]/g, '_');

/** What the precompiled file was made from: the schema's content and ajv's version. */
export function sourceKey(schema: object = contractSchema): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  return `ajv ${ajvVersion}, schema sha256 ${createHash('sha256').update(JSON.stringify(schema)).digest('hex')}`;
}

type Precompiled = { sourceKey: string; kinds: Record<string, Record<string, ValidateFunction>> };
let precompiled: Precompiled | null | undefined;
function precompiledFile(): Precompiled | null {
  if (precompiled !== undefined) return precompiled;
  try {
    const file = require('./generated/validators.cjs') as Precompiled;
    precompiled = file.sourceKey === sourceKey() ? file : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    precompiled = null;
  }
  return precompiled;
}

const ajvs = new Map<string, Ajv2020>();
const cache = new Map<string, ValidateFunction>();

/** A validator for `$defs/<pointer>` (a def name, or a JSON pointer below one), made once per process. */
export function validatorFor(pointer: string, opts: ValidatorOptions = {}): ValidateFunction {
  const kind = kindOf(opts);
  const key = `${kind}:${pointer}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = precompiledFile()?.kinds[kind]?.[exportName(pointer)];
    if (!fn) {
      let ajv = ajvs.get(kind);
      if (!ajv) {
        ajv = newAjv(opts);
        ajvs.set(kind, ajv);
      }
      fn = ajv.getSchema(refOf(pointer));
      if (!fn) throw new Error(`specs: no schema at ${refOf(pointer)}`);
    }
    cache.set(key, fn);
  }
  return fn;
}

/** Whether validators come precompiled in this process (for tests and the benchmark). */
export const usingPrecompiled = (): boolean => precompiledFile() !== null;
