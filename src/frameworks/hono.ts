import { own, read } from '../util/own.js';
import { plainProblem, problemFor, type FrameworkOptions, type SerializedProblem } from './problem-for.js';

/**
 * Options of {@link honoErrorHandler}.
 *
 * @public
 */
export interface HonoErrorHandlerOptions extends FrameworkOptions {
  /**
   * Answers an error that is not a provider's.
   *
   * @defaultValue Hono's `HTTPException` answers with its own response; anything else is a problem+json 500 without its message
   */
  readonly fallback?: (error: unknown, context: unknown) => Response | Promise<Response>;
}

function respond(problem: SerializedProblem): Response {
  return new Response(problem.body, { status: problem.status, headers: problem.headers });
}

/**
 * A Hono error handler (`app.onError`) that answers every provider error with
 * RFC 9457 problem+json: the status of `toProblem`, and `Retry-After` when the
 * provider or its docs say how long to wait.
 *
 * @remarks
 * It builds a web `Response`, so it runs wherever Hono runs (Node, edge
 * runtimes). Anything that is not a provider error (see `providerError`) goes
 * to `fallback`. The provider's developer message and anything from the
 * request never reach the answer. Typed structurally: this package does not
 * depend on Hono. Never throws, unless `fallback` does.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const app = new Hono();
 * app.onError(honoErrorHandler({ provider: 'plaid', normalizer }));
 * ```
 *
 * @public
 */
export function honoErrorHandler(options?: HonoErrorHandlerOptions): (error: unknown, context: unknown) => Response | Promise<Response> {
  return (error, context) => {
    const problem = problemFor(error, context, options);
    if (problem !== undefined) return respond(problem);
    const fallback = own(options, 'fallback');
    if (typeof fallback === 'function') return fallback(error, context) as Response | Promise<Response>;
    const getResponse = read(error, 'getResponse');
    if (typeof getResponse === 'function') {
      try {
        const response: unknown = getResponse.call(error);
        if (typeof Response !== 'undefined' && response instanceof Response) return response;
      } catch {
        // An HTTPException that cannot answer gets the plain answer.
      }
    }
    return respond(plainProblem(error, context, options));
  };
}
