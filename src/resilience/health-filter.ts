import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { providerError, type ProviderErrorOptions } from './provider-error.js';
import { countsAgainstHealth } from './provider-health.js';

/**
 * A predicate over anything thrown: `true` when it is a provider error that
 * counts against the provider's health (see {@link countsAgainstHealth}). Give
 * it to cockatiel's `handleWhen` for a circuit breaker that opens on the
 * provider's failures and never on one end user's.
 *
 * @remarks
 * Anything that is not a provider error (a bug of ours) is not counted. Typed
 * structurally: this package does not depend on cockatiel. Never throws.
 *
 * @example
 * ```ts
 * import { circuitBreaker, ConsecutiveBreaker, handleWhen } from 'cockatiel';
 * const breaker = circuitBreaker(handleWhen(healthFilter({ provider: 'plaid', normalizer })), {
 *   halfOpenAfter: 10_000,
 *   breaker: new ConsecutiveBreaker(5),
 * });
 * ```
 *
 * @public
 */
export function healthFilter(options?: ProviderErrorOptions): (thrown: unknown) => boolean {
  return (thrown) => {
    const error: NormalizedError | undefined = providerError(thrown, options);
    return error !== undefined && countsAgainstHealth(error);
  };
}
