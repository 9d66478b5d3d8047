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

// One row of the table below, written as a row: thirteen objects spelled out repeat every key thirteen times in every bundle.
const hints = (retryable: boolean, userAction: UserAction, owner: Owner, severity: Severity): KindHints => ({ retryable, userAction, owner, severity });

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
  // hints(retryable, userAction, owner, severity)
  auth: hints(false, 'contact-support', 'integrator', 'page'),
  'invalid-request': hints(false, 'contact-support', 'integrator', 'ticket'),
  'not-found': hints(false, 'none', 'integrator', 'ticket'),
  conflict: hints(true, 'wait', 'provider', 'info'),
  'rate-limited': hints(true, 'wait', 'integrator', 'ticket'),
  'mfa-expired': hints(false, 'restart-mfa', 'end-user', 'info'),
  'reconnect-required': hints(false, 'reconnect', 'end-user', 'info'),
  'manual-link-unsupported': hints(false, 'link-another-account', 'end-user', 'info'),
  unsupported: hints(false, 'link-another-account', 'institution', 'info'),
  'no-accounts': hints(false, 'link-another-account', 'end-user', 'info'),
  'fi-unavailable': hints(true, 'wait', 'institution', 'info'),
  'provider-unavailable': hints(true, 'wait', 'provider', 'page'),
  unknown: hints(false, 'contact-support', 'provider', 'ticket'),
};
