// The seam between msw and the emulator's logic: each operation is one
// `http.<verb>(path, resolver)` handler; a resolver throws ApiError for AWS
// errors, and anything unexpected becomes a JSON ServiceException (never an
// HTML page or a stack trace on the wire).
import { http, type HttpHandler } from 'msw';
import { ApiError } from './errors.ts';
import { errorResponse } from './respond.ts';
import { requestContext, type EmulatorOptions, type RequestContext } from './context.ts';
import type { EmulatorState } from './state.ts';

export interface EmulatorEnv {
  state: EmulatorState;
  options: EmulatorOptions;
}

export interface ResolverArgs {
  request: Request;
  params: Record<string, string>;
  query: URLSearchParams;
  ctx: RequestContext;
  env: EmulatorEnv;
}

export type Resolver = (args: ResolverArgs) => Promise<Response> | Response;
type Verb = 'get' | 'put' | 'post' | 'delete';

export function route(env: EmulatorEnv, verb: Verb, path: string, resolver: Resolver): HttpHandler {
  // '*' in front matches any origin: the same handlers serve any endpoint URL.
  return http[verb](`*${path}`, async ({ request, params }) => {
    try {
      return await resolver({
        request,
        params: params as Record<string, string>,
        query: new URL(request.url).searchParams,
        ctx: requestContext(request, env.options),
        env,
      });
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e);
      // A bug in the emulator: say so in AWS's form, keep details off the wire.
      console.error(`emulator: internal error on ${request.method} ${new URL(request.url).pathname}:`, e);
      return errorResponse(new ApiError('ServiceException', 'The emulator encountered an internal error.'));
    }
  });
}
