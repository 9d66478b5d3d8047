import { planThrown, type RetryAdapterOptions } from './retry-adapter.js';

/**
 * A predicate over anything thrown: `true` when a retry plan would send the
 * request again. Give it to cockatiel's `handleWhen` for a retry policy.
 *
 * @remarks
 * It says no to what is not a provider error, to what is not retryable, to one
 * end user's limit, to a spent daily quota, to a wait longer than `maxWaitMs`,
 * and to a request that is not idempotent and may have succeeded; with a
 * `budget`, every yes takes a retry from it (and a spent budget says no).
 * cockatiel's `maxAttempts` bounds the attempts; cockatiel asks on the last
 * failure too, so with a budget that last yes costs a retry never sent (the
 * budget errs on the strict side). Pair it with
 * {@link retryAfterBackoff} so that the waits are the provider's. Typed
 * structurally: this package does not depend on cockatiel. Never throws.
 *
 * @example
 * ```ts
 * import { handleWhen, retry } from 'cockatiel';
 * const policy = retry(handleWhen(retryFilter({ provider: 'plaid', normalizer, budget })), {
 *   maxAttempts: 2,
 *   backoff: retryAfterBackoff({ provider: 'plaid', normalizer }),
 * });
 * ```
 *
 * @public
 */
export function retryFilter(options?: RetryAdapterOptions): (thrown: unknown) => boolean {
  return (thrown) => planThrown(thrown, 1, options, true)?.action === 'retry';
}
