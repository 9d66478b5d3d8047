import { problemFor, type FrameworkOptions, type SerializedProblem } from './problem-for.js';
import { read } from '../util/own.js';

/**
 * The parts of a Node `ServerResponse` (Express's `res`) the error middleware uses.
 *
 * @public
 */
export interface NodeResponseLike {
  /** Whether the status line and headers are already out. */
  readonly headersSent: boolean;
  /** Writes the status and headers. */
  writeHead(statusCode: number, headers: Readonly<Record<string, string>>): unknown;
  /** Writes the body and ends the response. */
  end(body: string): unknown;
}

/**
 * Options of {@link expressErrorHandler}.
 *
 * @public
 */
export type ExpressErrorHandlerOptions = FrameworkOptions;

function write(response: NodeResponseLike, problem: SerializedProblem): void {
  response.writeHead(problem.status, problem.headers);
  response.end(problem.body);
}

/**
 * An Express error middleware that answers every provider error with RFC 9457
 * problem+json: the status of `toProblem`, and `Retry-After` when the provider
 * or its docs say how long to wait.
 *
 * @remarks
 * Anything that is not a provider error (see `providerError`) goes on to the
 * next error middleware with `next(error)`, as Express expects; so does an
 * error raised after the headers were sent. The provider's developer message
 * and anything from the request never reach the answer. It takes four
 * arguments, which is how Express tells an error middleware. Typed
 * structurally: this package does not depend on Express. Never throws.
 *
 * @example
 * ```ts
 * import express from 'express';
 * const app = express();
 * app.use(expressErrorHandler({ provider: 'plaid', normalizer }));
 * ```
 *
 * @public
 */
export function expressErrorHandler(
  options?: ExpressErrorHandlerOptions,
): (error: unknown, request: unknown, response: NodeResponseLike, next: (error?: unknown) => void) => void {
  return (error, request, response, next) => {
    const problem = read(response, 'headersSent') === true ? undefined : problemFor(error, request, options);
    if (problem === undefined) return next(error);
    try {
      write(response, problem);
    } catch (cause) {
      next(cause);
    }
  };
}
