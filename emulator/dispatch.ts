// Answering a request from an ordered array of msw handlers, the way msw's
// getResponse does, without msw's per-request work where the emulator's own
// handlers allow it. getResponse builds a fetch Request, clones it, and for
// every handler it tries parses the URL and cookies and compiles the handler's
// path into a regular expression; then the answer is a fetch Response whose
// body is read back through a stream. The in-process paths (the embedded
// target's SDK handler, the raw wire client) and the served emulator call this
// for every request instead:
//
// - each emulator handler (emulator/route.ts, the fallback) is registered here
//   with its method, its msw path and its resolver; its matcher is compiled
//   ONCE, with the same library and options msw uses (path-to-regexp's `match`,
//   msw's path coercion, decodeURIComponent on parameters), and tried in the
//   same order with the same checks (a route answers when both its method
//   and its path match; the method is compared first, as it is cheaper);
// - the request is a light object with what resolvers read (method, url,
//   headers.get, text()), built only when a fetch Request would have been
//   built the same way without complaint; otherwise (an unusual method, header
//   or URL) the fetch Request is built and msw answers, so errors stay the same;
// - answers are plain data (status, lower-case headers, body text).
//
// A handler the emulator did not build (msw handlers of a test or a mutant in
// front of the reference ones, the STS stand-in) is answered by msw's
// getResponse itself, from that handler on, with a real Request.
import { createRequire } from 'node:module';
import { cleanUrl, getResponse, type HttpHandler } from 'msw';
import { replyAnswer, responseAnswer, type Answer } from './answer.ts';
import type { Reply } from './respond.ts';
import { DirectRequest, type EmulatorRequest } from './request.ts';

// What the handlers' users (the embedded target, the raw wire client, the server) take from here.
export { answerBytes, answerText, replyAnswer, responseAnswer, type Answer } from './answer.ts';
export { directRequest, urlOf } from './request.ts';

type Params = Record<string, string>;
type Matcher = (path: string) => false | { params: Params };

// path-to-regexp as msw itself loads it (resolved from msw's own location).
const pathToRegexp = createRequire(createRequire(import.meta.url).resolve('msw'))('path-to-regexp') as {
  match(path: string, options: { decode: (s: string) => string }): Matcher;
};

/** msw's coercePath (utils/matching/matchRequestUrl), verbatim: `*` wildcards to `(.*)`, escaped port colons. */
function coercePath(path: string): string {
  return path
    .replace(/([:a-zA-Z_-]*)(\*{1,2})+/g, (_, parameterName: string, wildcard: string) => {
      const expression = '(.*)';
      if (!parameterName) return expression;
      return parameterName.startsWith(':') ? `${parameterName}${wildcard}` : `${parameterName}${expression}`;
    })
    .replace(/([^/])(:)(?=(?:\d+|\(\.\*\))(?=\/|$))/, '$1\\$2')
    .replace(/^([^/]+)(:)(?=\/\/)/, '$1\\$2');
}

interface DirectRoute {
  /** Lower-case method, or undefined for `http.all` (any method). */
  method: string | undefined;
  match: Matcher;
  answer(request: EmulatorRequest, params: Params): Promise<Reply>;
}

const DIRECT = new WeakMap<object, DirectRoute>();

/**
 * Registers an emulator handler for direct dispatch: `path` is the handler's
 * msw path (starting with `*`), `method` its msw method (undefined: any), and
 * `answer` does exactly what the handler's resolver does, as a Reply.
 */
export function direct<H extends HttpHandler>(handler: H, method: string | undefined, path: string, answer: DirectRoute['answer']): H {
  if (!path.startsWith('*')) return handler; // msw would resolve it against a base URL: leave it to msw
  DIRECT.set(handler, { method: method?.toLowerCase(), match: pathToRegexp.match(coercePath(cleanUrl(path)), { decode: decodeURIComponent }), answer });
  return handler;
}

/** Answers requests from one handler array, matchers compiled once (recompiled if the array changes). */
export class HandlerDispatch {
  private routes: Array<DirectRoute | undefined> = [];
  private seen: HttpHandler[] = [];

  constructor(private readonly handlers: readonly HttpHandler[]) {
    this.compile();
  }

  private compile(): void {
    this.seen = [...this.handlers];
    this.routes = this.seen.map((h) => DIRECT.get(h));
  }

  private changed(): boolean {
    if (this.handlers.length !== this.seen.length) return true;
    for (let i = 0; i < this.seen.length; i++) if (this.handlers[i] !== this.seen[i]) return true;
    return false;
  }

  /**
   * What getResponse(handlers, fetchRequest()) would answer. `request` is the
   * light form of the same request (undefined: only the fetch Request will do).
   */
  async answer(request: EmulatorRequest | undefined, fetchRequest: () => Request): Promise<Answer | undefined> {
    if (this.changed()) this.compile();
    if (request instanceof DirectRequest) {
      const url = request.parsed;
      const clean = [url.origin, url.pathname].filter(Boolean).join(''); // @mswjs/interceptors getCleanUrl
      const method = request.method.toLowerCase();
      for (let i = 0; i < this.routes.length; i++) {
        const route = this.routes[i];
        if (!route) return this.viaMsw(this.seen.slice(i), fetchRequest());
        // The method first: a cheap comparison that skips the path match (side-effect free) of most routes.
        if (route.method !== undefined && route.method !== method) continue;
        const m = route.match(clean);
        if (m === false) continue;
        return replyAnswer(await route.answer(request, m.params));
      }
      return undefined;
    }
    return this.viaMsw(this.seen, fetchRequest());
  }

  private async viaMsw(handlers: HttpHandler[], request: Request): Promise<Answer | undefined> {
    const res = await getResponse(handlers, request);
    return res ? responseAnswer(res) : undefined;
  }
}
