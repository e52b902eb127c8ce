// The seam between msw and the emulator's logic: each operation is one
// `http.<verb>(path, resolver)` handler; a resolver throws ApiError for AWS
// errors, and anything unexpected becomes a JSON ServiceException (never an
// HTML page or a stack trace on the wire). Each handler is also registered for
// direct dispatch (emulator/dispatch.ts): the same resolver, without msw's
// per-request work, for the in-process paths and the server.
import { http, type HttpHandler } from 'msw';
import { ApiError } from './errors.ts';
import { errorReply, internalError, toResponse, type Reply } from './respond.ts';
import { requestContext, type EmulatorOptions, type RequestContext } from './context.ts';
import { direct } from './dispatch.ts';
import { urlOf, type EmulatorRequest } from './request.ts';
import type { EmulatorState } from './state.ts';

export interface EmulatorEnv {
  state: EmulatorState;
  options: EmulatorOptions;
}

export type { EmulatorRequest };

export interface ResolverArgs {
  request: EmulatorRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  ctx: RequestContext;
  env: EmulatorEnv;
}

export type Resolver = (args: ResolverArgs) => Promise<Reply> | Reply;
type Verb = 'get' | 'put' | 'post' | 'delete';

export function route(env: EmulatorEnv, verb: Verb, path: string, resolver: Resolver): HttpHandler {
  const answer = async (request: EmulatorRequest, params: Record<string, string>): Promise<Reply> => {
    try {
      return await resolver({
        request,
        params,
        query: urlOf(request).searchParams,
        ctx: requestContext(request, env.options),
        env,
      });
    } catch (e) {
      if (e instanceof ApiError) return errorReply(e);
      // A bug in the emulator: say so in AWS's form, keep details off the wire (one line on stderr).
      return errorReply(internalError(request.method, urlOf(request).pathname, e));
    }
  };
  // '*' in front matches any origin: the same handlers serve any endpoint URL.
  const handler = http[verb](`*${path}`, async ({ request, params }) => toResponse(await answer(request, params as Record<string, string>)));
  return direct(handler, verb, `*${path}`, answer);
}
