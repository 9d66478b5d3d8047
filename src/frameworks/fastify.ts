import { own } from '../util/own.js';
import { plainProblem, problemFor, type FrameworkOptions, type SerializedProblem } from './problem-for.js';

/**
 * The parts of a Fastify `reply` the error handler uses; Fastify's own reply fits.
 *
 * @public
 */
export interface FastifyReplyLike {
  /** Sets the status. */
  code(statusCode: number): FastifyReplyLike;
  /** Sets headers. */
  headers(values: Readonly<Record<string, string>>): FastifyReplyLike;
  /** Sends the payload. */
  send(payload?: unknown): unknown;
}

/**
 * Options of {@link fastifyErrorHandler}.
 *
 * @public
 */
export interface FastifyErrorHandlerOptions extends FrameworkOptions {
  /**
   * Answers an error that is not a provider's (a bug of ours, a validation error).
   *
   * @defaultValue a problem+json of the error's own 4xx status (Fastify's validation and body-size errors), else 500, without its message
   */
  readonly fallback?: (error: unknown, request: unknown, reply: FastifyReplyLike) => unknown;
}

const encoder = new TextEncoder();

// Bytes, not a string: Fastify appends "; charset=utf-8" to a JSON type sent as a string, and
// application/problem+json defines no charset parameter (RFC 9457, RFC 8259: JSON is UTF-8).
function write(reply: FastifyReplyLike, problem: SerializedProblem): unknown {
  return reply.code(problem.status).headers(problem.headers).send(encoder.encode(problem.body));
}

/**
 * A Fastify error handler (`setErrorHandler`) that answers every provider error
 * with RFC 9457 problem+json: the status of `toProblem`, and `Retry-After` when
 * the provider or its docs say how long to wait.
 *
 * @remarks
 * A provider error is an `AggregatorError` (as `sendWithRetries`' failures are
 * thrown), a normalized error, or, with `provider` set, a client's raw error, a
 * timeout or an open circuit breaker (see `providerError`). Anything else goes to
 * `fallback` (what it throws is Fastify's to handle). The provider's developer message and anything from the request
 * never reach the answer. Typed structurally: this package does not depend on
 * Fastify.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * const app = Fastify();
 * app.setErrorHandler(fastifyErrorHandler({ provider: 'plaid', normalizer }));
 * ```
 *
 * @public
 */
export function fastifyErrorHandler(options?: FastifyErrorHandlerOptions): (error: unknown, request: unknown, reply: FastifyReplyLike) => unknown {
  return (error, request, reply) => {
    const problem = problemFor(error, request, options);
    if (problem !== undefined) return write(reply, problem);
    const fallback = own(options, 'fallback');
    if (typeof fallback === 'function') return fallback(error, request, reply);
    // Fastify's own errors (validation, body too large) carry their status; nothing else is told.
    return write(reply, plainProblem(error, request, options));
  };
}
