import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

// Teller documents its errors by HTTP status, plus one family of codes: a disconnected
// enrollment answers 404 with an error.code beginning with "enrollment.disconnected".
// The same meanings arrive as the reason of the enrollment.disconnected webhook, spelled
// without the "enrollment." prefix: each code lists that spelling as an alias.
const data = {
  id: 'teller',
  name: 'Teller',
  source: 'errors',
  sources: {
    errors: 'https://teller.io/docs/api/errors',
    webhooks: 'https://teller.io/docs/api/webhooks',
    developer: 'https://teller.io/developer/documentation',
    accounts: 'https://teller.io/docs/api/accounts',
    balances: 'https://teller.io/docs/api/account/balances',
    details: 'https://teller.io/docs/api/account/details',
    transactions: 'https://teller.io/docs/api/account/transactions',
    identity: 'https://teller.io/docs/api/identity',
    payments: 'https://teller.io/docs/api/account/payments',
  },
  baseUrls: { production: 'https://api.teller.io' },
  body: { code: ['error.code'], message: ['error.message'] },
  codes: {
    bad_request: {
      kind: 'auth',
      statuses: [400],
      message: 'Missing certificate: Retry request using your Teller client certificate.',
      description: 'The request was unacceptable; the docs show it for a request that needs a client certificate and was made without one.',
      note: 'The only use the docs give for 400 and bad_request is a missing client certificate, which is our own credential: classified as auth so that it pages.',
      source: 'errors',
    },
    forbidden: {
      kind: 'reconnect-required',
      detail: 'consent',
      legacy: true,
      message: 'Authorization token is invalid',
      description: "The error object example of Teller's older API documentation: the authorization token is invalid.",
      note: 'Only the older developer documentation prints this code, without a status; its message is the meaning the current docs give 403 ("a request was made with an invalid or revoked access token"), so it takes the 403 meaning: the access token identifies one end user\'s enrollment, and a revoked one is made again through Teller Connect.',
      source: 'developer',
    },
    unprocessable_entity: {
      kind: 'invalid-request',
      legacy: true,
      message: 'Please check and fix your errors',
      description:
        "The older developer documentation's example for invalid data submitted by the developer; the body also carries error.params, the errors by field.",
      note: 'Only the older developer documentation prints this code, without a status; it is the meaning the current docs give 422 (an invalid request body).',
      source: 'developer',
    },
    'enrollment.disconnected': {
      kind: 'reconnect-required',
      detail: 'connection',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected'],
      description: 'The enrollment is disconnected; generic, no more information is available.',
      note: 'Also the type of the webhook Teller sends when an enrollment is "irrecoverably broken and cannot be automatically restored" (the user "should reconnect using Teller Connect"); its payload.reason "disconnected" is this code\'s alias. To restore an unhealthy enrollment, initialize Teller Connect in update mode and direct the user to reconnect.',
      source: 'errors',
    },
    'enrollment.disconnected.account_locked': {
      kind: 'reconnect-required',
      detail: 'account-locked',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.account_locked'],
      description: 'Access to the account has been restricted by the financial institution.',
      note: 'The webhook page\'s example reason: the institution "has completely locked the account. This may happen for legal reasons, because an account has been involved in fraud, or an attacker has repeatedly tried to login by guessing the end user\'s credentials." Only the institution can lift it: the user visits (or calls) the institution before reconnecting.',
      source: 'errors',
      hints: { userAction: 'visit-institution' },
    },
    'enrollment.disconnected.credentials_invalid': {
      kind: 'reconnect-required',
      detail: 'credentials',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.credentials_invalid'],
      description: 'The end user has changed their credentials at the financial institution.',
      note: 'Reconnecting in Teller Connect update mode means entering the new credentials: reenter-credentials.',
      source: 'errors',
      hints: { userAction: 'reenter-credentials' },
    },
    'enrollment.disconnected.enrollment_inactive': {
      kind: 'reconnect-required',
      detail: 'consent',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.enrollment_inactive'],
      description: 'The enrollment was disconnected due to inactivity.',
      note: 'Reason consent: the access granted at enrollment lapsed because it went unused; neither the credentials nor the institution are at fault, and the user grants it again by reconnecting.',
      source: 'errors',
    },
    'enrollment.disconnected.user_action.captcha_required': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.user_action.captcha_required'],
      description: 'The end user must solve a CAPTCHA.',
      note: "Reason institution-attention: the institution demands an interactive step before it lets Teller in. The CAPTCHA is solved in Teller Connect (update mode), not at the bank's website, so the action stays reconnect.",
      source: 'errors',
    },
    'enrollment.disconnected.user_action.contact_information_required': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.user_action.contact_information_required'],
      description: 'The end user must update their contact information.',
      note: 'The contact information is kept by the institution: the user updates it there, then reconnects.',
      source: 'errors',
      hints: { userAction: 'visit-institution' },
    },
    'enrollment.disconnected.user_action.insufficient_permissions': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.user_action.insufficient_permissions'],
      description: 'The end user lacks the permissions for the requested operation.',
      note: 'Permissions on an account (e.g. a joint or business account) are granted at the institution; reconnecting alone does not change them, so the user visits the institution first.',
      source: 'errors',
      hints: { userAction: 'visit-institution' },
    },
    'enrollment.disconnected.user_action.mfa_required': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.user_action.mfa_required'],
      message: 'User MFA is required.',
      description: 'The end user must complete a multi-factor authentication challenge.',
      note: 'Not mfa-expired: no MFA round of ours timed out; the institution asks for MFA before the enrollment can be used again (reason institution-attention). The user answers it in Teller Connect update mode: restart-mfa.',
      source: 'errors',
      hints: { userAction: 'restart-mfa' },
    },
    'enrollment.disconnected.user_action.web_login_required': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [404],
      arrives: 'webhook',
      aliases: ['disconnected.user_action.web_login_required'],
      description: "The end user must log in to the financial institution's online banking, e.g. to accept the institution's terms and conditions.",
      source: 'errors',
      hints: { userAction: 'visit-institution' },
    },
  },
  prefixes: {
    'enrollment.disconnected': {
      kind: 'reconnect-required',
      description: 'Any disconnected enrollment: Teller returns 404 "with an error code beginning with enrollment.disconnected".',
      note: 'A code Teller adds to the family later is still a disconnected enrollment, which the user restores by reconnecting in Teller Connect update mode.',
      source: 'errors',
    },
    'disconnected.': {
      kind: 'reconnect-required',
      description: 'Any reason of the enrollment.disconnected webhook: every documented reason begins with "disconnected".',
      note: 'The webhook reasons spell the API codes without "enrollment."; a reason added later is still a disconnected enrollment.',
      source: 'webhooks',
    },
  },
  statuses: {
    '400': {
      kind: 'auth',
      description: 'The request was unacceptable. Used when a request that requires a client certificate is made without one.',
      note: 'The client certificate is our own credential, so a 400 is classified as auth.',
      source: 'errors',
    },
    '401': {
      kind: 'auth',
      description: 'A request was made without an access token where one was required.',
      note: 'Only our request can omit the token: an integration bug, not the end user.',
      source: 'errors',
    },
    '403': {
      kind: 'reconnect-required',
      detail: 'consent',
      description: 'A request was made with an invalid or revoked access token.',
      note: 'Teller authenticates the integrator with its TLS client certificate; the access token only identifies the end user whose accounts are read and comes from that user enrolling in Teller Connect. A revoked or invalid token therefore means the enrollment must be made again: reconnect-required, not auth.',
      source: 'errors',
    },
    '404': {
      kind: 'not-found',
      description: 'The requested resource was not found.',
      note: 'Overloaded: a request involving a disconnected enrollment also answers 404, with an error.code beginning with enrollment.disconnected. Only the code tells the two apart: those codes (and any code of that prefix) are reconnect-required; a 404 with any other code, or none, is a resource that does not exist.',
      source: 'errors',
    },
    '410': {
      kind: 'not-found',
      description: 'The resource requested is no longer available and that condition is permanent, e.g. because a financial account was closed.',
      note: 'Gone for good, usually because the account was closed at the bank: the end user links another account, and nobody on our side needs a ticket.',
      source: 'errors',
      hints: { retryable: false, userAction: 'link-another-account', owner: 'end-user', severity: 'info' },
    },
    '422': { kind: 'invalid-request', description: 'A request was made with an invalid request body.', source: 'errors' },
    '429': {
      kind: 'rate-limited',
      detail: 'client',
      description: 'The application has exceeded its rate limit: too many requests in a given period of time; the request was denied.',
      note: "Absent from the older stored copy of the errors page, which ends its status list at 502; the current page lists it. Teller's API reference adds that free-tier thresholds are not publicly documented and cannot be adjusted, so no wait is given: a Retry-After header, when sent, is honoured.",
      source: 'errors',
    },
    '502': {
      kind: 'fi-unavailable',
      detail: 'down',
      description:
        'The financial institution is unavailable, or a 500 level response was received from it where a graceful fallback is not possible, e.g. a payment instruction.',
      note: 'The older stored copy reads only "A 500 level response was received when making a request to a financial institution where a graceful fallback is not possible"; the current page adds "the financial institution is unavailable, or". Both name the institution, not Teller: fi-unavailable, counted rather than paged.',
      source: 'errors',
    },
  },
  endpoints: {
    'GET /accounts': {
      source: 'accounts',
      note: "Lists the accounts the end user granted access to; Teller's API reference shows it as its example request (curl https://api.teller.io/accounts).",
      rows: [],
    },
    'DELETE /accounts': {
      source: 'accounts',
      thirdParty:
        "The method and path are read from the api-evangelist copy of Teller's API (https://raw.githubusercontent.com/api-evangelist/teller/refs/heads/main/json-structure/teller-banking-structure.json); the stored teller.io accounts page ends before its endpoint list.",
      rows: [],
    },
    'GET /accounts/{account_id}': {
      source: 'accounts',
      note: "The account's self link (links.self, e.g. https://api.teller.io/accounts/acc_oiin624iajrg2mp2ea000 in the balances example).",
      rows: [],
    },
    'DELETE /accounts/{account_id}': {
      source: 'accounts',
      thirdParty:
        "The method and path are read from the api-evangelist copy of Teller's API (https://raw.githubusercontent.com/api-evangelist/teller/refs/heads/main/json-structure/teller-banking-structure.json); the stored teller.io accounts page ends before its endpoint list.",
      rows: [],
    },
    'GET /accounts/{account_id}/balances': { source: 'balances', rows: [] },
    'GET /accounts/{account_id}/details': { source: 'details', rows: [] },
    'GET /accounts/{account_id}/transactions': {
      source: 'transactions',
      note: 'The docs warn that the initial call can time out for accounts with an abnormally large number of transactions: "wait a few seconds and try again". No status is printed for it, so no row.',
      rows: [],
    },
    'GET /accounts/{account_id}/transactions/{transaction_id}': {
      source: 'transactions',
      thirdParty:
        "The path is read from the api-evangelist copy of Teller's API (https://capabilities.apis.io/capabilities/teller/teller-transactions/); the stored teller.io transactions page ends before its endpoint list.",
      rows: [],
    },
    'GET /identity': {
      source: 'identity',
      thirdParty:
        "The path is read from the api-evangelist copy of Teller's API (https://raw.githubusercontent.com/api-evangelist/teller/refs/heads/main/json-structure/teller-banking-structure.json); the stored teller.io identity page ends before its endpoint list.",
      rows: [],
    },
    'POST /accounts/{account_id}/payees': {
      source: 'payments',
      note: "Beta. When the institution requires MFA to create the payee, the response body carries connect_token instead of the payee, to initialize Teller Connect with: a step, not an error, but one the catalog cannot describe as pending (a pending step is keyed on a code, and this body has none). Teller's sample app (tellerhq/examples, python/teller.py) calls /accounts/{account_id}/payments/{scheme}/payees and /accounts/{account_id}/payments/{scheme} instead; those older paths are not the API reference's and are left out.",
      rows: [],
    },
  },
  notes: [
    'Teller keys errors on the HTTP status; the error object is {"error": {"code", "message"}}, the message "a human readable string describing the error and how to resolve it". Failed requests do not generate billing events.',
    'Documented codes: bad_request (the error object example), the enrollment.disconnected family (404; "To restore an unhealthy enrollment initialize Teller Connect in update mode and direct the user to reconnect"), and, from the older developer documentation, forbidden and unprocessable_entity (legacy).',
    'The Enrollment Errors section and the 429 row are read from a full markdown copy of https://teller.io/docs/api/errors; the stored teller.io copy of that page is older: it has no 429, no Enrollment Errors section, and an older 502 wording.',
    'The enrollment.disconnected webhook (https://teller.io/docs/api/webhooks) carries payload.reason: each reason is the alias of the API code of the same meaning ("disconnected.account_locked" normalizes as enrollment.disconnected.account_locked), and the webhook type enrollment.disconnected is the generic code itself.',
    'Access tokens identify the user whose accounts a call operates on; the TLS client certificate authenticates the application (https://teller.io/docs/api/2020-10-12).',
    'Endpoints are the paths the stored API reference shows; its pages end before most endpoint lists, so paths seen only in a third-party copy say so. Left out: institutions, payments other than creating a payee, and account-number verification, whose paths no stored page shows.',
  ],
} as const;

/**
 * The Teller catalog: HTTP statuses, the disconnected-enrollment codes (and their webhook
 * reasons) and the `{"error":{"code","message"}}` body from Teller's API docs.
 *
 * @public
 */
export const teller: Catalog<typeof data> = defineCatalog(data);
