import { own, read } from '../util/own.js';
import { planThrown, type RetryAdapterOptions } from './retry-adapter.js';

/**
 * The context cockatiel passes a backoff: the retry's number and what failed.
 *
 * @public
 */
export interface BackoffContextLike {
  /** The retry about to be made, from 1. */
  readonly attempt: number;
  /** What the last call did: `{ error }` when it threw, `{ value }` when its result was handled. */
  readonly result: unknown;
}

/**
 * One backoff step, in cockatiel's shape (`IBackoff`).
 *
 * @public
 */
export interface BackoffLike {
  /** The milliseconds to wait before this retry. */
  readonly duration: number;
  /** The next step. */
  next(context: BackoffContextLike): BackoffLike;
}

/**
 * A backoff factory, in cockatiel's shape (`IBackoffFactory`).
 *
 * @public
 */
export interface BackoffFactoryLike {
  /** The first step. */
  next(context: BackoffContextLike): BackoffLike;
}

/**
 * A cockatiel backoff whose waits are the provider's: `Retry-After` measured
 * against the response's `Date`, documented rate-limit headers and body waits;
 * otherwise capped exponential backoff with full jitter (the base is
 * `throttlingBaseMs` after a throttling answer).
 *
 * @remarks
 * It only times retries; {@link retryFilter} decides them. cockatiel's own
 * delay cannot be cut short by a signal. Typed structurally: this package does
 * not depend on cockatiel. Never throws.
 *
 * @example
 * ```ts
 * import { handleWhen, retry } from 'cockatiel';
 * const policy = retry(handleWhen(retryFilter({ provider: 'plaid' })), { maxAttempts: 2, backoff: retryAfterBackoff({ provider: 'plaid' }) });
 * ```
 *
 * @public
 */
export function retryAfterBackoff(options?: RetryAdapterOptions): BackoffFactoryLike {
  const step = (context: BackoffContextLike): BackoffLike => {
    const attempt = own(context, 'attempt');
    const plan = planThrown(read(own(context, 'result'), 'error'), typeof attempt === 'number' ? attempt : 1, options, false);
    const duration = plan !== undefined && (plan.action === 'retry' || plan.action === 'poll-job') ? plan.delayMs : 0;
    return { duration, next: step };
  };
  return { next: step };
}
