import type { Kind } from './kinds.js';

/**
 * What a kind means and who acts on it: the design's table, as data.
 *
 * @remarks
 * The README's kinds table and the CLI's explanations are rendered from this.
 *
 * @public
 */
export const KIND_DOCS: { readonly [K in Kind]: { readonly meaning: string; readonly whoActs: string } } = {
  auth: { meaning: "the integrator's own API credentials or token were rejected", whoActs: 'integrator' },
  'invalid-request': { meaning: 'the request was malformed or missed parameters', whoActs: 'integrator' },
  'not-found': { meaning: 'a referenced user, job, account or item does not exist', whoActs: 'integrator' },
  conflict: { meaning: 'another job or operation is already running for this resource', whoActs: 'nobody: wait for it' },
  'rate-limited': { meaning: 'too many requests or attempts (client throttling or a per-user lock)', whoActs: 'nobody: wait' },
  'mfa-expired': { meaning: 'the MFA session timed out before it was answered', whoActs: 'end user: start again' },
  'reconnect-required': {
    meaning:
      "the user's bank connection is broken: bad or changed credentials, consent expired or revoked, FI paused sharing, account locked, bank wants attention",
    whoActs: 'end user',
  },
  'manual-link-unsupported': { meaning: 'the operation is unavailable for a manually linked account', whoActs: 'end user / product' },
  unsupported: { meaning: 'the FI or account does not support this operation', whoActs: 'end user / product' },
  'no-accounts': { meaning: 'login worked, but no eligible account was found', whoActs: 'end user' },
  'fi-unavailable': { meaning: 'the financial institution is down, unreachable, or sent incomplete data', whoActs: 'nobody: wait' },
  'provider-unavailable': {
    meaning: 'the aggregator itself failed: 5xx, maintenance, timeout, network error, unreadable body',
    whoActs: 'nobody: wait; operators watch',
  },
  unknown: { meaning: 'nothing documented matched', whoActs: 'operators' },
};
