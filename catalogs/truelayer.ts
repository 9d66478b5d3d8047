import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

// An earlier copy of the same table; it keeps the rows the current copy prints after unauthorized_client.

const data = {
  id: 'truelayer',
  name: 'TrueLayer (Data API)',
  source: 'https://docs.truelayer.com/docs/data-api-errors',
  body: { code: ['error'], message: ['error_description'] },
  codes: {
    validation_error: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The supplied parameters are not valid.',
      note: 'The docs\' retry column says Yes although the request is at fault: encoded as documented.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: true },
    },
    invalid_date_range: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'Invalid date range provided: change the from and to parameters.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    deprecated_provider: {
      kind: 'unsupported',
      statuses: [400],
      description: 'The provider has been deprecated. It is no longer supported.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    invalid_grant: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [400],
      description: 'The authorisation grant or refresh token is invalid, expired, revoked, does not match the redirection URI, or was issued to another client. Ask the user to reconnect their account.',
      note: 'Most often the user\'s 90 days of consent have expired; rare network errors can also invalidate the bank tokens. Either way the user must reconnect.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    invalid_client: {
      kind: 'auth',
      statuses: [400],
      description: 'The client_id or client_secret are invalid, or belong to the other environment (live or sandbox).',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    invalid_authorization_code: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The authorization code is incorrect, has expired (used more than 5 minutes after it was generated), or was reused.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    unauthorized: {
      kind: 'auth',
      statuses: [401],
      description: 'The credentials or token are no longer valid: refresh the access token.',
      note: 'The access token belongs to one user\'s connection and expires routinely; the integrator refreshes it with the refresh token. An expired token is not an outage, so it opens a ticket rather than paging (invalid_client and unauthorized_client page).',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false, severity: 'ticket' },
    },
    unauthorized_client: {
      kind: 'auth',
      statuses: [401],
      description: 'An incorrect auth link, client_id or redirect_uri is used.',
      source: 'https://docs.truelayer.com/docs/data-api-errors',
      hints: { retryable: false },
    },
    invalid_token: {
      kind: 'auth',
      statuses: [401],
      description: 'The token is no longer valid: refresh the access token.',
      note: 'Same handling as unauthorized: the integrator refreshes one user\'s token, so it opens a ticket rather than paging.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
      hints: { retryable: false, severity: 'ticket' },
    },
    access_denied: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [403],
      description: 'Access to a specific resource has been denied: the access to the account expired or the user revoked it. Ask the user to reconnect their account.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
      hints: { retryable: false },
    },
    invalid_credentials_key: {
      kind: 'auth',
      statuses: [403],
      description: 'The provided credentials encryption key is invalid.',
      note: 'The docs leave the retry column empty for this code; the kind\'s default (not retryable) applies.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
    },
    sca_exceeded: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [403],
      description: 'SCA exemption has expired: this resource may only be accessed shortly after the user authenticated; have the user re-authenticate.',
      note: 'Only the protected endpoint is affected (e.g. /info, or transactions older than 90 days, for 5 minutes after consent at some European banks); balances and recent transactions keep working.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
      hints: { retryable: false },
    },
    account_not_found: {
      kind: 'not-found',
      statuses: [404],
      description: 'The requested account cannot be found: check the accountId against the /accounts endpoint.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
      hints: { retryable: false },
    },
    provider_too_many_requests: {
      kind: 'rate-limited',
      statuses: [429],
      description: 'Provider rate limit exceeded.',
      source: 'https://docs.truelayer.com/docs/error-codes-1',
      hints: { retryable: true },
    },
  },
  notes: [
    'The Data API (v1) table has a Retry column; each code encodes it as hints.retryable.',
    'Rows the table prints after provider_too_many_requests (codes such as provider_request_limit_exceeded, internal_server_error, endpoint_not_supported, provider_error, temporarily_unavailable, connector_overload, provider_timeout, connector_timeout) were not readable in the stored copy of the docs and are seen only in third-party code: they are left out and classify by HTTP status.',
    'The Data API v3 answers RFC 7807 problem details (type, title, detail, trace_id) instead of error/error_description: https://docs.truelayer.com/docs/data-v3-errors. This catalog covers v1.',
  ],
} as const;

/**
 * The TrueLayer Data API catalog: error codes, statuses and the documented retry column.
 *
 * @public
 */
export const truelayer: Catalog<typeof data> = defineCatalog(data);
