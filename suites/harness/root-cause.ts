// The kind of a difference, said so that the same divergence reads the same in
// every rule it fails: "404 ResourceNotFoundException instead of 400",
// "unqualified ARN instead of one qualified by $LATEST", "string instead of
// number". What varies from rule to rule (names, ARNs, counts, timestamps) is
// left out, so rules group under one root cause.

const ARN = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::(.+))?$/;
const ABSENT = '(absent)';

/** Names, ARNs, timestamps and numbers replaced by placeholders; cut to `max` characters. */
export function normalised(text: string, max = 90): string {
  const s = text
    .replace(/arn:[^\s,)'"\]}]+/g, '<arn>')
    .replace(/lc-(RUNID|[0-9a-f]{6})-[A-Za-z0-9_.$-]*/g, '<name>')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, '<time>')
    .replace(/\d+(\.\d+)?/g, 'N');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const typeName = (v: unknown) =>
  v === ABSENT || v === undefined ? 'absent' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;

/** A qualifier's kind, not its value: `$LATEST`, a version, an alias, or none. */
function qualifierKind(arn: string): string {
  const q = ARN.exec(arn)?.[2];
  if (q === undefined) return 'unqualified';
  if (q === '$LATEST') return 'qualified by $LATEST';
  return /^\d+$/.test(q) ? 'qualified by a version' : 'qualified by an alias';
}

function arnDifference(expected: string, actual: string): string | undefined {
  const e = ARN.exec(expected);
  const a = ARN.exec(actual);
  if (!e || !a) return undefined;
  if (e[1] !== a[1]) return 'the ARN of another function';
  const [ek, ak] = [qualifierKind(expected), qualifierKind(actual)];
  const arnOf = (kind: string) => (kind === 'unqualified' ? 'an unqualified ARN' : `an ARN ${kind}`);
  return ek === ak ? 'another qualifier of the same kind' : `${arnOf(ak)} instead of ${arnOf(ek)}`;
}

/** "404 ResourceNotFoundException" from a status mismatch's actual (`404 ResourceNotFoundException: msg`, or a number). */
function statusOf(actual: unknown): string {
  const m = /^(\d{3})(?: (\w+))?/.exec(String(actual));
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ''}` : normalised(String(actual));
}

function keysOf(v: unknown): string {
  return v && typeof v === 'object' && !Array.isArray(v) ? `{${Object.keys(v).sort().join(', ')}}` : typeName(v);
}

export function describeDifference(field: string, expected: unknown, actual: unknown): string {
  // Status codes stay: 400 and 404 are different divergences.
  if (field === 'status') return `${statusOf(actual)} instead of ${String(expected)}`;
  if (field === 'error code') return `${normalised(String(actual))} instead of ${normalised(String(expected))}`;
  if (actual === ABSENT || actual === undefined) return expected === undefined ? 'different value' : 'absent';
  if (/LastModified$/.test(field))
    return typeof actual === 'number' ? 'epoch seconds out of range' : `${typeName(actual)} instead of epoch seconds (a JSON number)`;
  if (expected === ABSENT) return `present (${typeName(actual)}) where it must be absent`;
  if (typeof expected === 'string' && typeof actual === 'string') {
    const arn = arnDifference(expected, actual);
    if (arn) return arn;
    return `"${normalised(actual)}" instead of "${normalised(expected)}"`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${actual.length < expected.length ? 'fewer' : 'more'} items than expected`;
    const i = expected.findIndex((x, n) => JSON.stringify(x) !== JSON.stringify(actual[n]));
    return i < 0 ? 'different order' : describeDifference(field, expected[i], actual[i]);
  }
  if (typeName(expected) !== typeName(actual)) return `${typeName(actual)} instead of ${typeName(expected)}`;
  if (typeof expected === 'object' && expected !== null) {
    const [ek, ak] = [keysOf(expected), keysOf(actual)];
    return ek !== ak ? `members ${ak} instead of ${ek}` : 'different values';
  }
  return 'different value';
}
