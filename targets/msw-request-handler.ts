// An SDK request handler that answers from msw handlers in-process, with msw's
// getResponse semantics: no network, no interception of Node's http module. The
// embedded target uses it; anyone with msw handlers can reuse it. The emulator's
// own handlers are answered without a fetch Request/Response per call
// (emulator/dispatch.ts); any other handler through msw's getResponse.
import type { HttpHandler as MswHandler } from 'msw';
import type { HttpRequest, HttpResponse, HttpHandlerOptions, RequestHandler } from '@smithy/types';
import { answerBytes, directRequest, HandlerDispatch } from '../emulator/dispatch.ts';

function requestUrl(req: HttpRequest): string {
  const port = req.port ? `:${req.port}` : '';
  let qs = '';
  if (req.query) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) {
      if (v === null) query.append(k, '');
      else for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
    }
    qs = query.size ? `?${query.toString()}` : '';
  }
  return `${req.protocol}//${req.hostname}${port}${req.path}${qs}`;
}

const hasBody = (req: HttpRequest) => req.body !== undefined && req.body !== null && req.method !== 'GET' && req.method !== 'HEAD';

function toFetchRequest(req: HttpRequest, url: string): Request {
  return new Request(url, {
    method: req.method,
    headers: req.headers,
    body: hasBody(req) ? (req.body as BodyInit) : undefined,
  });
}

export class MswRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly dispatch: HandlerDispatch;

  constructor(handlers: readonly MswHandler[]) {
    this.dispatch = new HandlerDispatch(handlers);
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (options?.abortSignal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    const url = requestUrl(request);
    const body = hasBody(request) ? request.body : undefined;
    // Text and bytes (the SDK's JSON bodies are Uint8Arrays) have a light form; streams go through a fetch Request.
    const light =
      body === undefined || typeof body === 'string' || body instanceof Uint8Array
        ? directRequest(request.method, url, Object.entries(request.headers), body)
        : undefined;
    const res = await this.dispatch.answer(light, () => toFetchRequest(request, url));
    if (!res) throw new Error(`no msw handler answered ${request.method} ${request.path}`);
    return { response: { statusCode: res.status, headers: res.headers, body: answerBytes(res) } };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}
