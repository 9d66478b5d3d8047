import { healthFilter } from './health-filter.js';
import type { ProviderErrorOptions } from './provider-error.js';

/**
 * An `errorFilter` for opossum's `CircuitBreaker`: `true` (do not count it) for
 * whatever does not count against the provider's health: an end user's state,
 * our own bug, a running job, anything that is not a provider error.
 *
 * @remarks
 * opossum still rejects a filtered error; it only leaves it out of the
 * breaker's failure count. Typed structurally: this package does not depend on
 * opossum. Never throws.
 *
 * @example
 * ```ts
 * import CircuitBreaker from 'opossum';
 * const breaker = new CircuitBreaker(getBalance, { errorFilter: opossumErrorFilter({ provider: 'plaid', normalizer }) });
 * ```
 *
 * @public
 */
export function opossumErrorFilter(options?: ProviderErrorOptions): (thrown: unknown) => boolean {
  const counts = healthFilter(options);
  return (thrown) => !counts(thrown);
}
