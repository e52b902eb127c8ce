// An SDK request handler that answers from msw handlers in-process, through
// msw's getResponse: no network, no interception of Node's http module. The
// embedded target uses it; anyone with msw handlers can reuse it.
import type { HttpHandler as MswHandler } from 'msw';
import { getResponse } from 'msw';
import type { HttpRequest, HttpResponse, HttpHandlerOptions, RequestHandler } from '@smithy/types';

function toFetchRequest(req: HttpRequest): Request {
  const port = req.port ? `:${req.port}` : '';
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (v === null) query.append(k, '');
    else for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
  }
  const qs = query.size ? `?${query.toString()}` : '';
  const hasBody = req.body !== undefined && req.body !== null && req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`${req.protocol}//${req.hostname}${port}${req.path}${qs}`, {
    method: req.method,
    headers: req.headers,
    body: hasBody ? (req.body as BodyInit) : undefined,
  });
}

export class MswRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly handlers: readonly MswHandler[]) {}

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (options?.abortSignal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    const res = await getResponse([...this.handlers], toFetchRequest(request));
    if (!res) throw new Error(`no msw handler answered ${request.method} ${request.path}`);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { response: { statusCode: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) } };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}
