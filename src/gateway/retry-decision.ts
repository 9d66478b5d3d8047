import { own } from '../util/own.js';
import { functionOption, numberOption } from './options.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';

/**
 * Options of {@link retryDecision}.
 *
 * @public
 */
export interface RetryOptions {
  /** How many attempts were made so far, the failed one included (1 after the first). */
  readonly attempt: number;
  /**
   * The first backoff ceiling in milliseconds; it doubles on every attempt.
   *
   * @defaultValue 200
   */
  readonly baseMs?: number;
  /**
   * The largest backoff ceiling in milliseconds.
   *
   * @defaultValue 5000
   */
  readonly capMs?: number;
  /**
   * How many attempts in all, the first one included.
   *
   * @defaultValue 3
   */
  readonly maxAttempts?: number;
  /**
   * The longest wait a gateway accepts before the next attempt; a longer
   * `Retry-After` stops here, so the gateway answers its client at once.
   *
   * @defaultValue 10000
   */
  readonly maxWaitMs?: number;
  /**
   * Whether sending the request twice is harmless (GET, or a POST with an
   * idempotency key); when `false`, an error that may have succeeded stops.
   *
   * @defaultValue true
   */
  readonly idempotent?: boolean;
  /**
   * A source of numbers in [0, 1) for the jitter, injectable for tests.
   *
   * @defaultValue Math.random
   */
  readonly random?: () => number;
}

/**
 * Why a gateway should stop trying.
 *
 * @public
 */
export type StopReason = 'not-retryable' | 'attempts-exhausted' | 'may-have-succeeded' | 'wait-too-long';

/**
 * What a gateway should do after a failed attempt.
 *
 * @remarks
 * - `retry`: send the same request again after `delayMs`.
 * - `poll-job`: a job is already running for this resource: poll it after
 *   `delayMs`; never start another.
 * - `stop`: answer the client now; `retryAfterMs` is what the provider asked
 *   for, to pass on as `Retry-After`.
 *
 * @public
 */
export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly source: 'retry-after' | 'catalog' | 'backoff' }
  | { readonly action: 'poll-job'; readonly delayMs: number; readonly source: 'retry-after' | 'catalog' | 'backoff' }
  | { readonly action: 'stop'; readonly reason: StopReason; readonly retryAfterMs: number | undefined };

// The longest wait a timer can hold (setTimeout's limit): every delay is at most this.
const MAX_DELAY_MS = 2_147_483_647;

/**
 * Decides whether and when to try again after a failed attempt.
 *
 * @remarks
 * The provider's `Retry-After` (or the catalog's documented wait) is honoured as
 * given; otherwise the wait is capped exponential backoff with full jitter
 * (AWS, "Exponential Backoff and Jitter"): a random wait in
 * `[0, min(capMs, baseMs * 2 ** (attempt - 1)))`. A `conflict` polls the
 * running job instead of starting another. Never throws.
 *
 * Never throws, and every delay is a finite number of milliseconds.
 *
 * @example
 * ```ts
 * for (let attempt = 1; ; attempt++) {
 *   const error = await callProvider();
 *   if (error === undefined) break;
 *   const next = retryDecision(error, { attempt, idempotent: method === 'GET' });
 *   if (next.action !== 'retry') return toProblem(error);
 *   await sleep(next.delayMs);
 * }
 * ```
 *
 * @public
 */
export function retryDecision(error: Pick<NormalizedError, 'retry'>, options: RetryOptions): RetryDecision {
  const retry = own(error, 'retry');
  const after = own(retry, 'afterMs');
  const afterMs = typeof after === 'number' && Number.isFinite(after) && after >= 0 ? Math.min(after, MAX_DELAY_MS) : undefined;
  const stop = (reason: StopReason): RetryDecision => ({ action: 'stop', reason, retryAfterMs: afterMs });
  if (own(retry, 'retryable') !== true) return stop('not-retryable');
  const maxAttempts = numberOption(options, 'maxAttempts') ?? 3;
  const attempt = own(options, 'attempt');
  const done = typeof attempt === 'number' && Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : Number.POSITIVE_INFINITY;
  if (done >= maxAttempts) return stop('attempts-exhausted');
  const poll = own(retry, 'waitForJob') === true;
  // Polling a job only reads it; sending the request again might do the work twice.
  if (!poll && own(retry, 'mayHaveSucceeded') === true && own(options, 'idempotent') === false) return stop('may-have-succeeded');
  const action = poll ? 'poll-job' : 'retry';
  if (afterMs !== undefined) {
    if (afterMs > (numberOption(options, 'maxWaitMs') ?? 10_000)) return stop('wait-too-long');
    return { action, delayMs: afterMs, source: own(retry, 'afterSource') === 'catalog' ? 'catalog' : 'retry-after' };
  }
  // 2 ** 1024 is Infinity, and 0 * Infinity is NaN: the exponent stops growing long before.
  const growth = 2 ** Math.min(done - 1, 52);
  const ceiling = Math.min(numberOption(options, 'capMs') ?? 5_000, (numberOption(options, 'baseMs') ?? 200) * growth, MAX_DELAY_MS);
  let r = 0;
  try {
    const random = functionOption(options, 'random');
    r = random === undefined ? Math.random() : Number(random());
  } catch {
    // A broken random source waits the least, rather than throwing in a gateway's error path.
  }
  if (!(r >= 0 && r < 1)) r = r >= 1 ? 1 - Number.EPSILON : 0;
  return { action, delayMs: Math.floor(r * ceiling), source: 'backoff' };
}
