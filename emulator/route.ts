// The seam between msw and the emulator's logic: each operation is one
// `http.<verb>(path, resolver)` handler; a resolver throws ApiError for AWS
// errors, and anything unexpected becomes a JSON ServiceException (never an
// HTML page or a stack trace on the wire). Each handler is also registered for
// direct dispatch (emulator/dispatch.ts): the same resolver, without msw's
// per-request work, for the in-process paths and the server.
import { http, type HttpHandler } from 'msw';
import { ApiError } from './errors.ts';
import { errorReply, toResponse, type Reply } from './respond.ts';
import { requestContext, type EmulatorOptions, type RequestContext } from './context.ts';
import { direct, urlOf } from './dispatch.ts';
import type { EmulatorState } from './state.ts';

export interface EmulatorEnv {
  state: EmulatorState;
  options: EmulatorOptions;
}

/** What resolvers read of a request: a fetch Request has it, and so has dispatch.ts's lighter one. */
export interface EmulatorRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

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
      // A bug in the emulator: say so in AWS's form, keep details off the wire.
      console.error(`emulator: internal error on ${request.method} ${new URL(request.url).pathname}:`, e);
      return errorReply(new ApiError('ServiceException', 'The emulator encountered an internal error.'));
    }
  };
  // '*' in front matches any origin: the same handlers serve any endpoint URL.
  const handler = http[verb](`*${path}`, async ({ request, params }) => toResponse(await answer(request, params as Record<string, string>)));
  return direct(handler, verb, `*${path}`, answer);
}
