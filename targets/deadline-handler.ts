// Every SDK call to a remote target, bounded: a whole-request deadline (Node's
// socket timeout never fires while a slow body keeps dripping, so without one a
// stuck answer could hold a run, or its clean-up, forever), and a cap on the
// answer's size (a 50 MB or endless body ends at MAX_ANSWER_BYTES instead of
// filling memory). The body is read here, within the deadline, and handed on
// as bytes; past the cap the call fails with AnswerTooLarge.
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { MAX_ANSWER_BYTES, readCapped } from './capped-read.ts';

export class DeadlineHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  private readonly inner = new NodeHttpHandler({ connectionTimeout: 5_000 });
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(
    private readonly timeoutMs: number,
    private readonly maxBytes = MAX_ANSWER_BYTES,
  ) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal as AbortSignal, deadline]) : deadline;
    const out = await this.inner.handle(request as Parameters<NodeHttpHandler['handle']>[0], { ...options, abortSignal });
    const body = out.response.body as NodeJS.ReadableStream & { destroy?: (e?: Error) => void };
    // The deadline covers the body too: a body still dripping when it passes is cut off.
    const stop = () =>
      body?.destroy?.(Object.assign(new Error('Request aborted: the deadline passed while the answer was still arriving'), { name: 'AbortError' }));
    abortSignal.addEventListener('abort', stop, { once: true });
    try {
      out.response.body = await readCapped(out.response.body, this.maxBytes);
    } finally {
      abortSignal.removeEventListener('abort', stop);
    }
    return out;
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }
  httpHandlerConfigs() {
    return this.inner.httpHandlerConfigs();
  }
  destroy(): void {
    this.inner.destroy();
  }
}
