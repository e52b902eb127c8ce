// No secret leaves a run: every artefact and log line passes through redact(),
// which removes the credentials in use (registered at start), signatures and
// session tokens, whatever put them there (an error body echoing a header, say).
// Text is always redacted before it is cut (excerpt()), and a piece of a
// secret (8 characters or more) that a cut made elsewhere left at a text's
// edge or before an ellipsis is treated as the secret itself.

const secrets = new Set<string>();

/** The shortest piece of a secret that is still treated as the secret. */
const MIN_FRAGMENT = 8;

/** Registers a value that must never appear in output (ignores short or empty values). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_FRAGMENT) secrets.add(value);
}

/** The credentials of the environment: registered before anything is printed. */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN']) registerSecret(env[k]);
  // An access key id is a credential too, unless it is a bare account number
  // (the emulator convention for choosing the account), which reports must show.
  if (!/^\d{12}$/.test(env.AWS_ACCESS_KEY_ID ?? '')) registerSecret(env.AWS_ACCESS_KEY_ID);
}

const PATTERNS: Array<[RegExp, string]> = [
  [/(Signature=)[0-9a-f]{8,64}/gi, '$1<redacted>'],
  [/(X-Amz-Signature=)[0-9a-f]{8,64}/gi, '$1<redacted>'],
  // A token's value, not a shell variable naming it; never a backslash (it may escape a quote in JSON).
  [/(X-Amz-Security-Token["']?\s*[=:]\s*["']?)(?!\$)[^\s&"',\\]+/gi, '$1<redacted>'],
  [/(Credential=)[A-Z0-9]{8,128}(\/|\b)/g, '$1<redacted>$2'],
  // Secret-looking values only: `AWS_SECRET_ACCESS_KEY=test` in advice is no secret.
  [/(aws_secret_access_key\s*[=:]\s*)[A-Za-z0-9/+=]{20,}/gi, '$1<redacted>'],
  [/(aws_session_token\s*[=:]\s*)[A-Za-z0-9/+=]{20,}/gi, '$1<redacted>'],
];

const EDGE_AFTER = /^($|\.\.\.|…|["'\s,;)\]}])/;
const EDGE_BEFORE = /(^|\.\.\.|…|["'\s,;([{=:])$/;

/**
 * A secret's head cut off (`AKIAIOSFODNN7EX...`) or its tail (`...N7EXAMPLE`):
 * pieces of MIN_FRAGMENT characters or more that end (or start) where the text
 * does, or at an ellipsis, a quote or a separator, as a cut leaves them. Found
 * from each occurrence of the secret's first (or last) MIN_FRAGMENT characters.
 */
function fragments(text: string, secret: string): string {
  const cuts: Array<[number, number]> = [];
  const head = secret.slice(0, MIN_FRAGMENT);
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    let n = MIN_FRAGMENT;
    while (n < secret.length && text[i + n] === secret[n]) n++;
    if (EDGE_AFTER.test(text.slice(i + n, i + n + 3))) cuts.push([i, i + n]);
  }
  const tail = secret.slice(-MIN_FRAGMENT);
  for (let i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
    let start = i;
    let k = secret.length - MIN_FRAGMENT;
    while (k > 0 && start > 0 && text[start - 1] === secret[k - 1]) {
      start--;
      k--;
    }
    if (EDGE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) cuts.push([start, i + MIN_FRAGMENT]);
  }
  if (!cuts.length) return text;
  cuts.sort((x, y) => y[0] - x[0]);
  let out = text;
  let limit = Infinity;
  for (const [from, to] of cuts) {
    if (to > limit) continue; // overlaps a piece already replaced
    out = `${out.slice(0, from)}<redacted>${out.slice(to)}`;
    limit = from;
  }
  return out;
}

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    out = out.split(s).join('<redacted>');
    out = fragments(out, s);
  }
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}

/** At most `max` characters of a text, redacted first (a cut never leaves a secret's piece behind). */
export function excerpt(text: string, max = 2_000): string {
  const clean = redact(text);
  if (clean.length <= max) return clean;
  // Never cut a marker in half: it would read as text.
  const marker = clean.lastIndexOf('<redacted>', max);
  const at = marker >= 0 && marker + '<redacted>'.length > max ? marker : max;
  return `${redact(clean.slice(0, at))}... (${clean.length - at} more characters)`;
}
