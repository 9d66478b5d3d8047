import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { detailOf, kindOf, ownerOf } from '../taxonomy/read-error.js';

/**
 * Whether an error counts against the provider's health: the signal a circuit
 * breaker or a retry budget should count.
 *
 * @remarks
 * Counts: `provider-unavailable` (5xx, maintenance, timeouts, broken
 * connections, unreadable bodies), `fi-unavailable` (the institution is down
 * behind the provider), and a `rate-limited` of scope `client` (the provider
 * throttles our client: backing off for everyone is the point).
 *
 * Never counts: what one end user's state explains (`reconnect-required`, a
 * locked account, `mfa-expired`, `no-accounts`, a per-user or per-Item
 * `rate-limited` of scope `end-user`, anything owned by the end user), our own
 * bugs (`auth`, `invalid-request`, `not-found`), a running job (`conflict`),
 * a product limit (`unsupported`, `manual-link-unsupported`) and what nothing
 * documents (`unknown`). A user with a locked bank account never opens a
 * breaker for everyone. Never throws.
 *
 * @example
 * ```ts
 * if (countsAgainstHealth(error)) breaker.recordFailure();
 * ```
 *
 * @public
 */
export function countsAgainstHealth(error: NormalizedError): boolean {
  if (ownerOf(error) === 'end-user') return false;
  switch (kindOf(error)) {
    case 'provider-unavailable':
    case 'fi-unavailable':
      return true;
    case 'rate-limited':
      return detailOf(error) !== 'end-user';
    default:
      return false;
  }
}
