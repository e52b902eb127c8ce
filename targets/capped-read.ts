// Reading an answer's body with a cap: no answer of this API comes near it, so
// a body past it (50 MB of JSON, an endless chunked stream) is a broken target,
// and reading stops there instead of filling memory.
import { Readable } from 'node:stream';

/** The largest answer a run reads: no answer of this API comes near it; a runaway body ends here. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export class AnswerTooLarge extends Error {
  override name = 'AnswerTooLarge';
}

/** Reads a body to its end, or throws AnswerTooLarge past `max` bytes (and stops reading). */
export async function readCapped(body: unknown, max = MAX_ANSWER_BYTES): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) {
    if (body.byteLength > max) throw new AnswerTooLarge(`answer over ${max} bytes`);
    return body;
  }
  const stream = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.byteLength;
    if (size > max) {
      stream.destroy();
      throw new AnswerTooLarge(`answer over ${max} bytes: stopped reading`);
    }
    chunks.push(b);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
