import { own } from '../util/own.js';
import { planThrown, type RetryAdapterOptions } from './retry-adapter.js';
import { signalOption } from '../gateway/options.js';
import { sleep } from './sleep.js';

/**
 * The context p-retry passes `shouldRetry`.
 *
 * @public
 */
export interface PRetryContextLike {
  /** What the attempt threw. */
  readonly error: unknown;
  /** The attempt that failed, from 1. */
  readonly attemptNumber: number;
}

/**
 * A `shouldRetry` for p-retry: `true` when a retry plan would send the request
 * again, after waiting what the provider asked for.
 *
 * @remarks
 * The same decisions as {@link retryFilter} (not a provider error, not
 * retryable, one end user's limit, a spent daily quota, a wait longer than
 * `maxWaitMs`, a non-idempotent request that may have succeeded, a spent
 * `budget`: no). When the provider stated a wait (`Retry-After`, a documented
 * rate-limit header or body wait), it is waited here, before p-retry's own
 * backoff; `signal` ends that wait and answers no. p-retry's `retries` bounds
 * the attempts. Typed structurally: this package does not depend on p-retry.
 * Never throws.
 *
 * @example
 * ```ts
 * import pRetry from 'p-retry';
 * const balance = await pRetry(() => plaid.accountsBalanceGet({ access_token }), {
 *   retries: 2,
 *   shouldRetry: pRetryShouldRetry({ provider: 'plaid', normalizer, budget, request: { method: 'POST' } }),
 * });
 * ```
 *
 * @public
 */
export function pRetryShouldRetry(options?: RetryAdapterOptions): (context: PRetryContextLike) => Promise<boolean> {
  return async (context) => {
    const attempt = own(context, 'attemptNumber');
    const plan = planThrown(own(context, 'error'), typeof attempt === 'number' ? attempt : 1, options, true);
    if (plan?.action !== 'retry') return false;
    if (plan.source === 'backoff') return true;
    return sleep(plan.delayMs, signalOption(options));
  };
}
