import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';


const data = {
  id: 'teller',
  name: 'Teller',
  source: 'https://teller.io/docs/api/errors',
  baseUrls: { production: 'https://api.teller.io' },
  body: { code: ['error.code'], message: ['error.message'] },
  codes: {
    bad_request: {
      kind: 'auth',
      statuses: [400],
      message: 'Missing certificate: Retry request using your Teller client certificate.',
      description: 'The request was unacceptable; the docs show it for a request that needs a client certificate and was made without one.',
      note: 'The only use the docs give for 400 and bad_request is a missing client certificate, which is our own credential: classified as auth so that it pages.',
      source: 'https://teller.io/docs/api/errors',
    },
    'enrollment.disconnected': {
      kind: 'reconnect-required',
      arrives: 'webhook',
      description: 'Webhook type: the enrollment is disconnected and the user should reconnect using Teller Connect.',
      source: 'https://teller.io/docs/api/webhooks',
    },
    'disconnected.account_locked': {
      kind: 'reconnect-required',
      detail: 'account-locked',
      arrives: 'webhook',
      description: 'Webhook reason: the financial institution has completely locked the account (legal reasons, fraud, or repeated guessing of the credentials).',
      source: 'https://teller.io/docs/api/webhooks',
      hints: { userAction: 'visit-institution' },
    },
  },
  statuses: {
    '400': {
      kind: 'auth',
      description: 'The request was unacceptable. Used when a request that requires a client certificate is made without one.',
      note: 'The client certificate is our own credential, so a 400 is classified as auth.',
      source: 'https://teller.io/docs/api/errors',
    },
    '401': {
      kind: 'auth',
      description: 'A request was made without an access token where one was required.',
      note: 'Only our request can omit the token: an integration bug, not the end user.',
      source: 'https://teller.io/docs/api/errors',
    },
    '403': {
      kind: 'reconnect-required',
      detail: 'consent',
      description: 'A request was made with an invalid or revoked access token.',
      note: 'Teller authenticates the integrator with its TLS client certificate; the access token only identifies the end user whose accounts are read and comes from that user enrolling in Teller Connect. A revoked or invalid token therefore means the enrollment must be made again: reconnect-required, not auth.',
      source: 'https://teller.io/docs/api/errors',
    },
    '404': { kind: 'not-found', description: 'The requested resource was not found.', source: 'https://teller.io/docs/api/errors' },
    '410': {
      kind: 'not-found',
      description: 'The resource requested is no longer available and that condition is permanent, e.g. because a financial account was closed.',
      note: 'Gone for good, usually because the account was closed at the bank: the end user links another account, and nobody on our side needs a ticket.',
      source: 'https://teller.io/docs/api/errors',
      hints: { retryable: false, userAction: 'link-another-account', owner: 'end-user', severity: 'info' },
    },
    '422': { kind: 'invalid-request', description: 'A request was made with an invalid request body.', source: 'https://teller.io/docs/api/errors' },
    '502': {
      kind: 'fi-unavailable',
      detail: 'down',
      description: 'A 500 level response was received when making a request to a financial institution where a graceful fallback is not possible, e.g. a payment instruction.',
      source: 'https://teller.io/docs/api/errors',
    },
  },
  notes: [
    'Teller keys errors on the HTTP status; the error object carries a code and a message. The docs print one code, bad_request.',
    'Failed requests do not generate billing events.',
    'Codes such as enrollment.disconnected.credentials_invalid or enrollment.disconnected.user_action.mfa_required in API error bodies appear only in third-party code, not in the docs; they are left out and classify by status.',
    'Access tokens identify the user whose accounts a call operates on; the TLS client certificate authenticates the application (https://teller.io/docs/api/2020-10-12).',
  ],
} as const;

/**
 * The Teller catalog: HTTP statuses and the `{"error":{"code","message"}}` body from Teller's API docs.
 *
 * @public
 */
export const teller: Catalog<typeof data> = defineCatalog(data);
