import type { NormalizedError } from './normalized-error.js';

/**
 * Whether an alerting rule should wake someone for this error.
 *
 * @public
 */
export function shouldPage(error: Pick<NormalizedError, 'severity'>): boolean {
  return error.severity === 'page';
}

/**
 * Whether only the end user can resolve this error (reconnect, answer MFA, pick another account).
 *
 * @public
 */
export function needsEndUser(error: Pick<NormalizedError, 'owner' | 'userAction'>): boolean {
  return error.owner === 'end-user' && error.userAction !== 'none';
}

/**
 * Whether sending the same request again can succeed without anyone acting.
 *
 * @public
 */
export function isRetryable(error: Pick<NormalizedError, 'retry'>): boolean {
  return error.retry.retryable;
}
