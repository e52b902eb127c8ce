// Telling an answer of the Lambda API from a fault: the probe, the fixtures
// and every rule ask the same question, so that no fault becomes a verdict.
import { excerpt } from './redact.ts';

/** The JSON object of a raw answer, or undefined when it is not one. */
export function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Line breaks and runs of blanks as one space (an HTML error page spans many lines). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Why an answer is no answer of the Lambda API, so that no rule judges it: the
 * target failed on its side (5xx, after the retries), or sent something other
 * than JSON where JSON is due (an HTML error page, an empty error). A success
 * without a body (Delete's 204) is an answer.
 */
export function notAnAwsAnswer(status: number, headers: Record<string, string>, text: string): string | undefined {
  // On one line: the reason becomes a cause's title in the console, summary.md and the report.
  const what = () => `${status} ${headers['content-type'] ?? '(no content-type)'}: ${oneLine(excerpt(text, 200)) || '(empty body)'}`;
  if (status >= 500) return `the target failed on its side: ${what()}`;
  if (status >= 200 && status < 300 && text.trim() === '') return undefined;
  if (!jsonObjectOf(text)) return `not an AWS answer (JSON is due): ${what()}`;
  return undefined;
}
