// Deliberately wrong emulators for testing that the suite catches divergences:
// the reference handlers with one msw override in front (msw answers with the
// first handler that returns a response).
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createEmulator } from '../../emulator/index.ts';

const EIC = '*/2019-09-25/functions/:FunctionName/event-invoke-config';

/** Put merges into an existing config instead of replacing it (an Update in disguise). */
export function putMergesEmulator(): HttpHandler[] {
  const base = createEmulator().handlers;
  const override = http.put(EIC, async ({ request }) => {
    const body = await request.text();
    const existing = await getResponse(base, new Request(request.url, { method: 'GET', headers: request.headers }));
    const method = existing?.status === 200 ? 'POST' : 'PUT';
    return getResponse(base, new Request(request.url, { method, headers: request.headers, body }));
  });
  return [override, ...base];
}

/** Get answers an HTML 404 page, as a misrouted web server would. */
export function htmlGetEmulator(): HttpHandler[] {
  const override = http.get(
    EIC,
    // On several lines, as Flask and most servers send it.
    () =>
      new HttpResponse('<!doctype html>\n<html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n</html>\n', {
        status: 404,
        headers: { 'content-type': 'text/html' },
      }),
  );
  return [override, ...createEmulator().handlers];
}

/** Lacks ListFunctionEventInvokeConfigs, answering as LocalStack does for unimplemented actions. */
export function noListEmulator(): HttpHandler[] {
  const override = http.get(`${EIC}/list`, () =>
    HttpResponse.json(
      { __type: 'InternalFailure', message: "API action 'ListFunctionEventInvokeConfigs' for service 'lambda' not yet implemented or pro feature" },
      { status: 501, headers: { 'x-amzn-ErrorType': 'InternalFailure' } },
    ),
  );
  return [override, ...createEmulator().handlers];
}

/** Refuses every CreateFunction the way moto does for a role of another account: no fixture can be made. */
export function refusesCreateFunctionEmulator(): HttpHandler[] {
  const override = http.post('*/2015-03-31/functions', () =>
    HttpResponse.json(
      { __type: 'AccessDeniedException', message: 'Cross-account pass role is not allowed.' },
      { status: 400, headers: { 'x-amzn-ErrorType': 'AccessDeniedException' } },
    ),
  );
  return [override, ...createEmulator().handlers];
}
