import type { NormalizedError } from './normalized-error.js';
import { own } from '../util/own.js';

/**
 * Whether an alerting rule should wake someone for this error.
 *
 * @public
 */
export function shouldPage(error: Pick<NormalizedError, 'severity'>): boolean {
  return own(error, 'severity') === 'page';
}

/**
 * Whether only the end user can resolve this error (reconnect, answer MFA, pick another account).
 *
 * @public
 */
export function needsEndUser(error: Pick<NormalizedError, 'owner' | 'userAction'>): boolean {
  const action = own(error, 'userAction');
  return own(error, 'owner') === 'end-user' && typeof action === 'string' && action !== 'none';
}

/**
 * Whether sending the same request again can succeed without anyone acting.
 *
 * @public
 */
export function isRetryable(error: Pick<NormalizedError, 'retry'>): boolean {
  return own(own(error, 'retry'), 'retryable') === true;
}
