import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

// Two error shapes share one catalog. Data API v1 answers {"error": "<code>", "error_description": "..."};
// Data API v3 answers RFC 7807 problem details {"type", "title", "status", "detail", "trace_id"}, where
// type and title identify the error. The body reads `error` first and `title` second: a v1 body has no
// title and a v3 body has no error, so each finds its own code, and the v3 titles are codes of their own.
const data = {
  id: 'truelayer',
  name: 'TrueLayer (Data API)',
  source: 'v1',
  sources: {
    v1: 'https://docs.truelayer.com/docs/data-api-errors',
    'v1-older': 'https://docs.truelayer.com/docs/error-codes-1',
    v3: 'https://docs.truelayer.com/docs/data-v3-errors',
    'v1-spec': 'https://docs.truelayer.com/openapi/data-api-v1.json',
    'v1-client': 'https://github.com/TrueLayer/truelayer-client-javascript/blob/21bd65c767c66c7f62d9310c75e29b9751aec141/src/v1/DataAPIClient.ts',
    accounts: 'https://docs.truelayer.com/docs/account-data-requests',
    cards: 'https://docs.truelayer.com/docs/card-data-requests',
    'v3-connections': 'https://docs.truelayer.com/docs/create-a-connection-1',
  },
  baseUrls: { production: 'https://api.truelayer.com', sandbox: 'https://api.truelayer-sandbox.com' },
  body: {
    code: ['error', 'title'],
    message: ['error_description', 'detail'],
    requestId: ['trace_id'],
    status: ['status'],
  },
  codes: {
    // Data API v1: the table of https://docs.truelayer.com/docs/data-api-errors (current copy, read up to
    // unauthorized_client) and of https://docs.truelayer.com/docs/error-codes-1 (older copy, read up to
    // provider_too_many_requests). hints.retryable is the table's Retry column.
    validation_error: {
      kind: 'invalid-request',
      statuses: [400],
      description:
        "The supplied parameters are not valid. There's a problem with the request: read the error message, which explains what's wrong with the request specifically.",
      note: 'The Retry column says Yes although the request is at fault and the same request cannot succeed: encoded as documented (retryable), so a retry budget spends one attempt on it. In both the current and the older copy.',
      source: 'v1',
      hints: { retryable: true },
    },
    invalid_date_range: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'Invalid date range provided: change the from and to parameters (the limits are bank-specific).',
      note: 'In both the current and the older copy.',
      source: 'v1',
      hints: { retryable: false },
    },
    deprecated_provider: {
      kind: 'unsupported',
      statuses: [400],
      description: 'The provider has been deprecated. It is no longer supported.',
      note: 'In both the current and the older copy.',
      source: 'v1',
      hints: { retryable: false },
    },
    invalid_grant: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [400],
      description:
        'The provided authorisation grant or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client. Ask the user to reconnect their account.',
      note: "Most often the user's 90 days of consent have expired; rare network errors can also invalidate the bank tokens. Either way the user must reconnect. Only in the current copy.",
      source: 'v1',
      hints: { retryable: false },
    },
    invalid_client: {
      kind: 'auth',
      statuses: [400],
      description: 'The client_id or client_secret are invalid, or belong to the other environment (live or sandbox).',
      note: 'Our own client credentials: auth, which pages. Only in the current copy.',
      source: 'v1',
      hints: { retryable: false },
    },
    invalid_authorization_code: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The authorization code is incorrect, has expired (used more than 5 minutes after it was generated), or was reused.',
      note: 'Only in the current copy.',
      source: 'v1',
      hints: { retryable: false },
    },
    unauthorized: {
      kind: 'auth',
      statuses: [401],
      description: 'The credentials or token are no longer valid: refresh the access token. The access token may be invalid or expired.',
      note: "The access token belongs to one user's connection and expires routinely; the integrator refreshes it with the refresh token. An expired token is not an outage, so it opens a ticket rather than paging (invalid_client and unauthorized_client page). In both the current and the older copy.",
      source: 'v1',
      hints: { retryable: false, severity: 'ticket' },
    },
    unauthorized_client: {
      kind: 'auth',
      statuses: [401],
      description:
        'An incorrect auth link, client_id or redirect_uri is used: check that the credentials are correct and that the auth link is valid for the environment in use (live or sandbox).',
      note: 'Only in the current copy, whose readable text ends inside this row\'s "How to handle".',
      source: 'v1',
      hints: { retryable: false },
    },
    invalid_token: {
      kind: 'auth',
      statuses: [401],
      description: 'The token is no longer valid: refresh the access token.',
      note: "Same handling as unauthorized: the integrator refreshes one user's token, so it opens a ticket rather than paging. Only in the older copy (the current copy is unreadable past unauthorized_client).",
      source: 'v1-older',
      hints: { retryable: false, severity: 'ticket' },
    },
    access_denied: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [403],
      description:
        'Access to a specific resource has been denied: the access to the account is no longer valid, because it expired or because the user revoked it. Ask the user to reconnect their account.',
      note: "TrueLayer's help center says the same (https://support.truelayer.com/hc/en-us/articles/360004162458-What-s-the-difference-between-unauthorized-and-access-denied-errors). Only in the older copy (the current copy is unreadable past unauthorized_client).",
      source: 'v1-older',
      hints: { retryable: false },
    },
    invalid_credentials_key: {
      kind: 'auth',
      statuses: [403],
      description: 'The provided credentials encryption key is invalid.',
      note: "The Retry column is empty for this code: the kind's default (not retryable) applies. Only in the older copy.",
      source: 'v1-older',
    },
    sca_exceeded: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [403],
      description: 'SCA exemption has expired: this resource may only be accessed shortly after the user authenticated; have the user re-authenticate.',
      note: 'Only the protected endpoint is affected (e.g. /info, or transactions older than 90 days, for 5 minutes after consent at some European banks); balances and recent transactions keep working. Only in the older copy.',
      source: 'v1-older',
      hints: { retryable: false },
    },
    account_not_found: {
      kind: 'not-found',
      statuses: [404],
      description: 'The requested account cannot be found: check the accountId against the /accounts endpoint.',
      note: 'Only in the older copy.',
      source: 'v1-older',
      hints: { retryable: false },
    },
    provider_too_many_requests: {
      kind: 'rate-limited',
      statuses: [429],
      description: 'Provider rate limit exceeded.',
      note: 'Only in the older copy, whose readable text ends inside this row\'s "How to handle"; the Retry column says Yes.',
      source: 'v1-older',
      hints: { retryable: true },
    },
    // Data API v3: problem details identified by type and title (https://docs.truelayer.com/docs/data-v3-errors).
    Unauthenticated: {
      kind: 'auth',
      statuses: [401],
      description: 'Get a new access token. The token is missing, malformed, or expired.',
      note: "Data API v3 is called with the integrator's own client_credentials token: a missing, malformed or expired one is our integration's fault and fails every call, so it pages.",
      source: 'v3',
    },
    'Invalid Parameters': {
      kind: 'invalid-request',
      statuses: [400],
      description: 'Check the errors field included in the response for the request body field, query parameter, or header name that was invalid.',
      note: 'One of two v3 errors at 400; the title tells it from Invalid State.',
      source: 'v3',
    },
    Forbidden: {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [403],
      description:
        'Check that the token has the data scope. If the user revoked access, or the Strong Customer Authentication window has expired, ask the user to reconnect their account.',
      note: "Two causes under one title: a token without the data scope (our configuration) or the user's revoked access or expired SCA window. Classified by the cause that reaches production, the user's consent (as v1 answers access_denied and sca_exceeded at 403); a missing scope fails every call from the first one and is found in integration, not here.",
      source: 'v3',
    },
    'Invalid State': {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [400],
      description: 'The data connection is no longer authorized, so no data can be retrieved through it. Ask the user to reconnect their account.',
      note: 'A 400 that is not a request error: the title tells it from Invalid Parameters.',
      source: 'v3',
    },
    'Not Found': {
      kind: 'not-found',
      statuses: [404],
      description: 'Check the Connection-Id header and the identifiers in the request path.',
      source: 'v3',
    },
    'Rate Limit Exceeded': {
      kind: 'rate-limited',
      detail: 'client',
      statuses: [429],
      description: 'Include the Tl-User-IP header, or try again later.',
      note: "The limit applies to requests made without the user present (the Tl-User-IP header shows they are): our client's throttle.",
      source: 'v3',
    },
    'Feature Not Supported': {
      kind: 'unsupported',
      statuses: [502],
      description: "Don't retry. The provider doesn't support this endpoint or feature.",
      note: 'One of two v3 errors at 502, the one not to retry; the title tells it from Provider Error. The docs give the end user nothing to do: userAction none.',
      source: 'v3',
      hints: { retryable: false, userAction: 'none' },
    },
    'Provider Error': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [502],
      description: 'Try again, or wait for the provider to be available again and retry.',
      note: "The provider is the user's bank: fi-unavailable, retried and counted rather than paged. One of two v3 errors at 502; the title tells it from Feature Not Supported.",
      source: 'v3',
      hints: { retryable: true },
    },
    'Unknown Error': {
      kind: 'provider-unavailable',
      detail: 'server-error',
      statuses: [500],
      description: 'Try again, or contact Support if the problem continues.',
      source: 'v3',
    },
  },
  endpoints: {
    'GET /data/v1/me': { source: 'v1-spec', note: 'Connection metadata: data about the access token and account connection.', rows: [] },
    'GET /data/v1/info': {
      source: 'v1-client',
      note: 'At some European banks /info may only be read during the 5 minutes after the user grants access; later it answers sca_exceeded (403).',
      rows: [],
    },
    'GET /data/v1/accounts': { source: 'accounts', rows: [] },
    'GET /data/v1/accounts/{account_id}': { source: 'v1-client', rows: [] },
    'GET /data/v1/accounts/{account_id}/balance': { source: 'v1-client', rows: [] },
    'GET /data/v1/accounts/{account_id}/transactions': {
      source: 'v1-client',
      note: 'Takes from and to; an invalid range answers invalid_date_range (400), and transactions older than 90 days may answer sca_exceeded (403) at some European banks.',
      rows: [],
    },
    'GET /data/v1/cards': { source: 'cards', rows: [] },
    'POST /v3/data-connections': {
      source: 'v3-connections',
      note: 'Data API v3: creates a connection, called with a client_credentials bearer token with the data scope. Further v3 requests carry the connection id (as a path parameter or the Connection-Id header); no stored page shows their paths, so they are not listed.',
      rows: [],
    },
  },
  notes: [
    'Data API v1 errors are {"error": "<code>", "error_description": "..."}; the table has a Retry column, which each code encodes as hints.retryable.',
    'The current copy of the v1 table (https://docs.truelayer.com/docs/data-api-errors) is readable up to unauthorized_client; an older copy of the same table (https://docs.truelayer.com/docs/error-codes-1) lists, in the same position, invalid_token, access_denied, invalid_credentials_key, sca_exceeded, account_not_found and provider_too_many_requests, and is readable up to the last. Both row sets are encoded, each code naming the copy it comes from; whether the current page still lists the older rows after its cut point could not be seen, so none is marked legacy.',
    "v1 codes seen only in third-party code, with no TrueLayer source for their status or retry column, are left out and classify by HTTP status: provider_request_limit_exceeded, endpoint_not_supported, internal_server_error, connector_overload, provider_error, temporarily_unavailable, provider_timeout, connector_timeout. TrueLayer's own JavaScript client names bare 400/401/403/404 bad_request, unauthorized, forbidden and not_found; those are client-side names, not API codes.",
    'Data API v3 errors are RFC 7807 problem details; "the type and title fields identify the error, and the detail field explains exactly what went wrong". The docs print the titles, not the type URIs, so the title is read as the code and detail as the message; trace_id is the request id to give TrueLayer Support. v3 answers 400 for both a request error (Invalid Parameters) and a connection that must be reconnected (Invalid State), and 502 for both "don\'t retry" (Feature Not Supported) and "retry" (Provider Error): the title tells each pair apart.',
    "Endpoints are the Data API v1 and v3 paths a first-party page or TrueLayer's own client shows (v1 base https://api.truelayer.com/data/v1). Pending transactions, standing orders, direct debits and the per-card endpoints are left out: only a third-party client shows their paths.",
  ],
} as const;

/**
 * The TrueLayer Data API catalog: the v1 error codes with the documented retry column,
 * and the v3 problem-details errors, identified by title.
 *
 * @public
 */
export const truelayer: Catalog<typeof data> = defineCatalog(data);
