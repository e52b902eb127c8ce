// No secret leaves a run: every artefact and log line passes through redact(),
// which removes the credentials in use (registered at start), signatures and
// session tokens, whatever put them there (an error body echoing a header, say).

const secrets = new Set<string>();

/** Registers a value that must never appear in output (ignores short or empty values). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

/** The credentials of the environment: registered before anything is printed. */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN']) registerSecret(env[k]);
  // An access key id is a credential too, unless it is a bare account number
  // (the emulator convention for choosing the account), which reports must show.
  if (!/^\d{12}$/.test(env.AWS_ACCESS_KEY_ID ?? '')) registerSecret(env.AWS_ACCESS_KEY_ID);
}

const PATTERNS: Array<[RegExp, string]> = [
  [/(Signature=)[0-9a-f]{64}/gi, '$1<redacted>'],
  [/(X-Amz-Signature=)[0-9a-f]{64}/gi, '$1<redacted>'],
  [/(X-Amz-Security-Token[=:]\s*)[^\s&"',]+/gi, '$1<redacted>'],
  [/(Credential=)[A-Z0-9]{16,128}\//g, '$1<redacted>/'],
  // Secret-looking values only: `AWS_SECRET_ACCESS_KEY=test` in advice is no secret.
  [/(aws_secret_access_key\s*[=:]\s*)[A-Za-z0-9/+=]{20,}/gi, '$1<redacted>'],
  [/(aws_session_token\s*[=:]\s*)[A-Za-z0-9/+=]{20,}/gi, '$1<redacted>'],
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('<redacted>');
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}
