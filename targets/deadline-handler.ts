// A whole-request deadline for every SDK call to a remote target: Node's
// socket timeout never fires while a slow body keeps dripping, so without an
// overall deadline one stuck answer could hold a run (or its cleanup) forever.
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

export class DeadlineHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  private readonly inner = new NodeHttpHandler({ connectionTimeout: 5_000 });
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly timeoutMs: number) {}

  handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal as AbortSignal, deadline]) : deadline;
    return this.inner.handle(request as Parameters<NodeHttpHandler["handle"]>[0], { ...options, abortSignal });
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
