import type { Kind } from '../taxonomy/kinds.js';
import type { DetailKey } from './message-catalog.js';

/**
 * The text of a gateway's problem+json answers (RFC 9457 `title` and `detail`),
 * written for the developers and support staff of the gateway's own clients,
 * beside the end users' message tables and keyed the same way
 * (`kind`, then `'kind.detail'` where a detail says more).
 */
export const PROBLEM_TITLES: { readonly [K in Kind]: string } = {
  auth: 'Provider rejected our credentials',
  'invalid-request': 'Provider rejected our request',
  'not-found': 'Not found at the provider',
  conflict: 'Operation already in progress',
  'rate-limited': 'Too many requests',
  'mfa-expired': 'Verification expired',
  'reconnect-required': 'Bank connection needs attention',
  'manual-link-unsupported': 'Not available for manually linked accounts',
  unsupported: 'Not supported by this institution',
  'no-accounts': 'No eligible accounts',
  'fi-unavailable': 'Bank unavailable',
  'provider-unavailable': 'Bank data provider unavailable',
  unknown: 'Unexpected provider error',
};

/** The problem `detail` of each kind: safe for clients, never the provider's developer message. */
export const PROBLEM_DETAILS: { readonly [K in Kind]: string } = {
  auth: 'The bank data provider rejected this service’s credentials. This is not caused by your request; try again later or contact support.',
  'invalid-request': 'This service sent the bank data provider a request it could not accept. Contact support.',
  'not-found': 'The bank data provider has no record of the requested user, account or job.',
  conflict: 'An operation for this connection is already running. Wait for it to finish.',
  'rate-limited': 'The bank data provider is limiting requests. Try again later.',
  'mfa-expired': 'The verification step timed out. Start connecting the account again.',
  'reconnect-required': 'The connection to the bank must be renewed. Reconnect the account.',
  'manual-link-unsupported': 'This is not available for an account linked manually. Link the account by signing in to the bank.',
  unsupported: 'The bank or account does not support this operation.',
  'no-accounts': 'Signing in worked, but no eligible account was found. Link another account.',
  'fi-unavailable': 'The bank is not responding or sent incomplete data. Try again later.',
  'provider-unavailable': 'The bank data provider is temporarily unavailable. Try again later.',
  unknown: 'The bank data provider returned an error this service does not recognize. Try again later or contact support.',
};

/** Problem details for the details that say more than their kind. */
export const PROBLEM_DETAIL_TEXT: { readonly [D in DetailKey]?: string } = {
  'rate-limited.end-user': 'Too many attempts for this connection. Wait before trying again.',
  'reconnect-required.credentials': 'The bank did not accept the sign-in details it has for this account. Reconnect the account with current credentials.',
  'reconnect-required.consent': 'Permission to read this account expired or was revoked. Reconnect the account to grant it again.',
  'reconnect-required.fi-paused-sharing': 'The bank paused sharing data for this account. Reconnect the account to continue.',
  'reconnect-required.account-locked': 'The account is locked at the bank. Unlock it with the bank, then reconnect.',
  'reconnect-required.institution-attention': 'The bank needs the account holder’s attention. Sign in to the bank’s website, then reconnect.',
  'fi-unavailable.maintenance': 'The bank is under maintenance. Try again later.',
  'provider-unavailable.timeout': 'The bank data provider did not answer in time. Try again later.',
  'provider-unavailable.maintenance': 'The bank data provider is under maintenance. Try again later.',
};
