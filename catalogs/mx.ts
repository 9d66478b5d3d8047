import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const data = {
  id: 'mx',
  name: 'MX Platform API',
  source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
  codes: {
    PREVENTED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'connection_status',
      message: 'The last 3 attempts to connect have failed. Please re-enter your credentials to continue importing data.',
      description:
        'The end user’s entered credentials have failed to connect three times in a row. MX has locked the account to avoid locking the end user out of their account on the financial institution’s website. The end user must reenter their username and password to continue updating their data.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state.',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
      hints: { userAction: 'reenter-credentials' },
    },
    DENIED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'connection_status',
      message: 'The credentials entered do not match your credentials at this institution. Please re-enter your credentials to continue importing data.',
      description: 'The credentials provided for the member were invalid.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state.',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
      hints: { userAction: 'reenter-credentials' },
    },
    REJECTED: {
      kind: 'mfa-expired',
      arrives: 'connection_status',
      message: 'The answer or answers provided were incorrect. Please try again.',
      description: 'An MFA challenge was answered incorrectly. Another challenge may follow or aggregation may need to be restarted.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state. The taxonomy has no kind for a wrong MFA answer; the MFA round is over and the end user must answer again, which is what mfa-expired asks (restart-mfa).',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
    },
    LOCKED: {
      kind: 'reconnect-required',
      detail: 'account-locked',
      arrives: 'connection_status',
      description: 'The financial institution is preventing authentication. The end user must go to the FI’s website or contact the financial institution.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state.',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
      hints: { userAction: 'visit-institution' },
    },
    EXPIRED: {
      kind: 'mfa-expired',
      arrives: 'connection_status',
      description: 'The MFA answer was not provided within the time allotted by the financial institution; a CHALLENGED member changes to EXPIRED when the end user fails to complete MFA.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state.',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
    },
    IMPAIRED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'connection_status',
      description: 'The end user has not entered credentials, or entered only part of the credentials needed to connect the accounts.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state.',
      source: 'https://academy.mx.com/hc/en-us/sections/360010440912-Connection-Status-Help-',
      hints: { userAction: 'reenter-credentials' },
    },
    IMPEDED: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      arrives: 'connection_status',
      description: 'An end-user-actionable state in which the institution needs the end user’s attention before aggregation can continue.',
      note: 'Fires the connection-status webhook: MX lists it as an end-user-actionable state. The stored copies of MX’s status table end before this row and its help center groups it with IMPAIRED; classified as institution-attention (visit the institution), the end-user action MX’s troubleshooting asks for when the institution shows notifications that prevent access.',
      source: 'https://docs.mx.com/resources/webhooks/connection-status',
      hints: { userAction: 'visit-institution' },
    },
    DEGRADED: {
      kind: 'fi-unavailable',
      arrives: 'connection_status',
      description:
        'Multiple attempts to aggregate the end user’s data have failed. This could be due to website maintenance or other factors that are preventing account aggregation.',
      note: 'Does not fire the connection-status webhook: nobody but MX and the institution can act.',
      source: 'https://academy.mx.com/hc/en-us/articles/4708854368525-Member-Connection-Statuses-Overview',
    },
    DELAYED: {
      kind: 'fi-unavailable',
      arrives: 'connection_status',
      description:
        'Connecting the account is taking longer than usual, for reasons outside MX’s control such as internet bandwidth or problems at the financial institution’s website. Check back the next day.',
      note: 'Does not fire the connection-status webhook.',
      source: 'https://academy.mx.com/hc/en-us/articles/4708854368525-Member-Connection-Statuses-Overview',
    },
    DISCONNECTED: {
      kind: 'fi-unavailable',
      arrives: 'connection_status',
      description: 'The financial institution is not updating the data: a problem with the connection is causing aggregation to fail.',
      note: 'Does not fire the connection-status webhook, so the end user is not asked to act.',
      source: 'https://academy.mx.com/hc/en-us/sections/360010440912-Connection-Status-Help-',
    },
    DISCONTINUED: {
      kind: 'unsupported',
      arrives: 'connection_status',
      description: 'MX has lost connection support for the financial institution.',
      note: 'Does not fire the connection-status webhook; the end user can only link another institution.',
      source: 'https://academy.mx.com/hc/en-us/sections/360010440912-Connection-Status-Help-',
    },
    DISABLED: {
      kind: 'fi-unavailable',
      arrives: 'connection_status',
      description: 'Aggregation has been momentarily paused but the account is still connected.',
      note: 'Does not fire the connection-status webhook; documented as a pause, so it waits rather than reporting the institution unsupported.',
      source: 'https://academy.mx.com/hc/en-us/sections/360010440912-Connection-Status-Help-',
    },
    FAILED: {
      kind: 'fi-unavailable',
      arrives: 'connection_status',
      description: 'MX is unable to successfully pull data for the financial institution accounts.',
      note: 'Does not fire the connection-status webhook.',
      source: 'https://academy.mx.com/hc/en-us/sections/360010440912-Connection-Status-Help-',
    },
  },
  statuses: {
    '202': {
      kind: 'conflict',
      description:
        'When attempting a job on a member, a job of the same type is already running; or a standard aggregation was attempted within the default minimum time between standard aggregations.',
      note: 'MX also answers 202 when everything worked and its system is processing the request, with nothing in the status to tell the two apart. Either way the right move is the same: do not start another job, poll the member until the running one finishes.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '400': {
      kind: 'invalid-request',
      description: 'A required parameter was missing, or a premium aggregation-type job was requested but the institution associated with the member does not support it.',
      note: 'The second meaning is unsupported, but the status alone cannot tell them apart: classified as the integrator’s request.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '401': { kind: 'auth', description: 'Invalid MX-API-Key or MX-Client-ID provided.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '403': {
      kind: 'auth',
      description: 'The request was made from a non-whitelisted address or the feature is not available to the client.',
      note: 'Both causes are our own integration’s configuration, so it pages like a bad key.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '404': { kind: 'not-found', description: 'Invalid item/id/URL requested.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '405': {
      kind: 'invalid-request',
      description: 'A constraint on the requested endpoint wasn’t met.',
      note: 'e.g. resuming aggregation on a member whose connection_status is not CHALLENGED.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '406': { kind: 'invalid-request', description: 'The request didn’t specify a valid API version.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '409': {
      kind: 'conflict',
      description:
        'An object with the given attributes already exists, or the member already has an aggregation of a different type running (e.g. calling verify while a standard aggregation runs).',
      note: 'MX does not allow duplicate members; a duplicate is not a job to wait for, but the status alone cannot tell the two meanings apart.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '422': { kind: 'invalid-request', description: 'The data provided cannot be processed.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '429': {
      kind: 'rate-limited',
      detail: 'client',
      description:
        'The maximum number of concurrent connections or the rate limit for requests per second was exceeded. Requests receiving a 429 should be retried once the rate limit window has expired.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
    '500': { kind: 'provider-unavailable', detail: 'server-error', description: 'Something went wrong with MX’s servers.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '502': { kind: 'provider-unavailable', detail: 'server-error', description: 'Something went wrong with MX’s servers.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '503': { kind: 'provider-unavailable', detail: 'maintenance', description: 'The MX Platform is being updated.', source: 'https://docs.mx.com/api-reference/platform-api/overview/errors' },
    '504': {
      kind: 'provider-unavailable',
      detail: 'timeout',
      description: 'Something went wrong with MX’s servers.',
      note: 'MX groups 500, 502 and 504 as server errors; 504 is a gateway timeout, so the request may still have done its work.',
      source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
    },
  },
  pending: [
    {
      step: 'mfa',
      code: 'CHALLENGED',
      description:
        'The connection is waiting for the end user to complete a multifactor authentication (MFA) challenge. This is not an error and will change to an EXPIRED status if the end user fails to complete MFA. Fires the connection-status webhook.',
      source: 'https://docs.mx.com/api-reference/nexus/reference/01-members-overview',
    },
  ],
  notes: [
    'Platform API failures are keyed on the HTTP status alone; the errors page promises only "supplementary error messaging as needed within response bodies" and shows no body shape, so no body field is read. (MX\'s SSO API documents {"error": "..."} for its own errors: https://docs.mx.com/api-reference/sso/v2/errors.)',
    'Member connection_status values arrive in a 200 response (read member, read member status) or in the connection-status webhook, never as an HTTP error: normalize them as a bare code, e.g. { provider: \'mx\', code: \'DENIED\' }. Statuses that fire the webhook say so in their note (https://docs.mx.com/resources/webhooks/connection-status).',
    'CREATED, CONNECTED, UPDATED, RECONNECTED, RESUMED, PENDING and IMPORTED are not failures and are left out: as a bare code they classify as unknown. CHALLENGED is a pending MFA step. Member statuses are listed at https://docs.mx.com/api-reference/platform-api/reference/members.',
    'CLOSED is a documented connection_status, but no stored MX page describes it; it is left out rather than guessed, and classifies as unknown.',
    'The status table with descriptions is quoted from MX\'s Nexus API reference (https://docs.mx.com/api-reference/nexus/reference/01-members-overview); the statuses are the same platform-wide. Statuses that table does not reach are described from MX\'s help center (https://academy.mx.com/hc/en-us/articles/4708854368525-Member-Connection-Statuses-Overview).',
  ],
} as const;

/**
 * The MX Platform API catalog: HTTP statuses and member connection statuses, as MX documents them.
 *
 * @public
 */
export const mx: Catalog<typeof data> = defineCatalog(data);
