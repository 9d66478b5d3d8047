import type { Kind } from './kinds.js';
import type { Owner, Severity, UserAction } from './hints.js';

/**
 * The action hints a kind implies unless a catalog row says otherwise.
 *
 * @public
 */
export interface KindHints {
  /** Whether sending the same request again can succeed without anyone acting. */
  readonly retryable: boolean;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** Who must act or is at fault. */
  readonly owner: Owner;
  /** How loudly alerting should react. */
  readonly severity: Severity;
}

/**
 * The default hints of every kind.
 *
 * @remarks
 * Only failures of our own integration (`auth`) or of the provider for everyone
 * (`provider-unavailable`) page; an end user's broken bank connection is counted,
 * never paged.
 *
 * @public
 */
export const KIND_DEFAULTS: { readonly [K in Kind]: KindHints } = {
  auth: { retryable: false, userAction: 'contact-support', owner: 'integrator', severity: 'page' },
  'invalid-request': { retryable: false, userAction: 'contact-support', owner: 'integrator', severity: 'ticket' },
  'not-found': { retryable: false, userAction: 'none', owner: 'integrator', severity: 'ticket' },
  conflict: { retryable: true, userAction: 'wait', owner: 'provider', severity: 'info' },
  'rate-limited': { retryable: true, userAction: 'wait', owner: 'integrator', severity: 'ticket' },
  'mfa-expired': { retryable: false, userAction: 'restart-mfa', owner: 'end-user', severity: 'info' },
  'reconnect-required': { retryable: false, userAction: 'reconnect', owner: 'end-user', severity: 'info' },
  'manual-link-unsupported': { retryable: false, userAction: 'link-another-account', owner: 'end-user', severity: 'info' },
  unsupported: { retryable: false, userAction: 'link-another-account', owner: 'institution', severity: 'info' },
  'no-accounts': { retryable: false, userAction: 'link-another-account', owner: 'end-user', severity: 'info' },
  'fi-unavailable': { retryable: true, userAction: 'wait', owner: 'institution', severity: 'info' },
  'provider-unavailable': { retryable: true, userAction: 'wait', owner: 'provider', severity: 'page' },
  unknown: { retryable: false, userAction: 'contact-support', owner: 'provider', severity: 'ticket' },
};
