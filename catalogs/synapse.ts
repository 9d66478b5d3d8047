import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const data = {
  id: 'synapse',
  name: 'Synapse',
  source: 'https://docs.synapsefi.com/docs/errors',
  baseUrls: {
    sandbox: 'https://uat-api.synapsefi.com/v3.1',
    production: 'https://api.synapsefi.com/v3.1',
  },
  pathPrefix: '/v3.1',
  timeout: { ms: 100000, source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login' },
  body: {
    code: ['error_code'],
    message: ['error.en'],
    status: ['http_code'],
    encode: { code: 'string', status: 'string' },
    constant: { success: false },
  },
  codes: {
    '100': {
      kind: 'auth',
      description: 'Incorrect client credentials.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '110': {
      kind: 'reconnect-required',
      detail: 'credentials',
      description: 'Incorrect user credentials.',
      note: 'The user re-enters their credentials: the sync table reads 401/110 as "Update the user\'s credentials by re-linking the account via bank logins".',
      source: 'https://docs.synapsefi.com/docs/errors',
      hints: { userAction: 'reenter-credentials' },
    },
    '120': {
      kind: 'auth',
      description: 'Unauthorized fingerprint.',
      note: "A fingerprint identifies one user's device, not our platform credentials: the integrator must act, but it is a ticket, not a page.",
      source: 'https://docs.synapsefi.com/docs/errors',
      hints: { severity: 'ticket' },
    },
    '200': {
      kind: 'invalid-request',
      description: 'Error in payload.',
      note: 'At bank login the docs read 400/200 as bad bank credentials; that row overrides this meaning on POST /users/{user_id}/nodes.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '300': {
      kind: 'invalid-request',
      description: 'Unauthorized action.',
      note: 'The SDKs describe it as "User/Client not allowed to perform this action": the credentials were accepted and the action refused, so it is not auth; the integrator acts.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '400': {
      kind: 'invalid-request',
      description: 'Incorrect values supplied (insufficient balance, wrong MFA answer, wrong micro-deposits).',
      note: 'Every documented example is a value the end user supplied or owns, so owner end-user and severity info.',
      source: 'https://docs.synapsefi.com/docs/errors',
      hints: { owner: 'end-user', severity: 'info' },
    },
    '404': {
      kind: 'not-found',
      description: 'Object not found.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '410': {
      kind: 'unsupported',
      description: 'Action not allowed on the object.',
      note: 'The SDKs add "either you do not have permissions or the action on this object is not supported"; classified as unsupported, the meaning of the only documented row (a refresh the bank does not support).',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '429': {
      kind: 'rate-limited',
      detail: 'client',
      description: 'Too many requests.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '450': {
      kind: 'invalid-request',
      description: 'Idempotency key already in use.',
      note: 'Not retried: sending the same key again cannot succeed, and the earlier request with this key may have gone through; look it up first.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '460': {
      kind: 'unknown',
      description: 'Request failed but not due to server error.',
      note: 'The docs give no cause beyond "not due to server error"; only an endpoint row gives it a meaning (402/460 at bank login: no ACH-capable account).',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '500': {
      kind: 'provider-unavailable',
      detail: 'server-error',
      description: 'Server error.',
      note: 'Rows override it: at bank login 402/500 is a locked account or a bank asking for attention, at sync 500/500 an unknown refresh error.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '503': {
      kind: 'provider-unavailable',
      detail: 'maintenance',
      description: 'Service unavailable.',
      note: 'Rows override it at bank login (bank or Synapse maintenance) and at sync (refresh temporarily unavailable); elsewhere it is Synapse itself.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    '504': {
      kind: 'provider-unavailable',
      detail: 'timeout',
      description: 'Server timeout.',
      note: 'SynapseGo only: neither the docs errors page nor SynapsePy lists it.',
      source: 'https://github.com/SynapseFI/SynapseGo/blob/master/error.go',
    },
  },
  endpoints: {
    'POST /users/{user_id}/nodes': {
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
      note: "Bank login: type ACH-US with info.bank_id, info.bank_pw and info.bank_name. Other node types are created on the same path; these rows are the bank login's. Bank logins may take a while: Synapse recommends a 100 second timeout (see the catalog timeout).",
      rows: [
        {
          status: 400,
          code: '200',
          kind: 'reconnect-required',
          detail: 'credentials',
          description:
            'Triggered when something is not correct at the payload level. Mostly always for bad user credentials. But can also be triggered when payload is not formatted correctly or the institution is not supported.',
          note: 'Classified by its usual cause ("mostly always for bad user credentials"): the user re-enters credentials. A malformed payload or an unsupported institution answers the same and cannot be told apart.',
          source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors',
          hints: { userAction: 'reenter-credentials' },
        },
        {
          status: 402,
          code: '460',
          kind: 'no-accounts',
          description: 'No ACH capable account found',
          source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors',
        },
        {
          status: 402,
          code: '500',
          kind: 'reconnect-required',
          detail: 'institution-attention',
          description:
            "Either the account is locked or the bank is requesting user's attention (because they are not set up completely or set up or for some other reason).",
          note: "Not a server error. One code for two causes: institution-attention rather than account-locked, because a locked account is also the bank asking for the user's attention, and the sandbox names this case synapse_bank_request. Either way the user visits the bank.",
          source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors',
          hints: { userAction: 'visit-institution' },
        },
        {
          status: 503,
          code: '503',
          kind: 'fi-unavailable',
          detail: 'maintenance',
          description: 'Service unavailable due to Bank or Synapse maintenance.',
          note: 'Bank or Synapse maintenance: classified as fi-unavailable (counted, never paged) because a Synapse-wide outage also shows on every other endpoint, where 503 pages.',
          source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors',
        },
      ],
    },
    'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes': {
      source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors',
      note: 'A sync is a force refresh of a node: the official clients send GET with ?force_refresh=yes, and only that request matches this endpoint.',
      rows: [
        {
          status: 400,
          code: '410',
          description: 'Refresh not allowed: Refresh is not supported for the selected bank (e.g. Ally).',
        },
        {
          status: 401,
          code: '110',
          description: "Bad credentials: Update the user's credentials by re-linking the account via bank logins.",
        },
        {
          status: 500,
          code: '500',
          kind: 'fi-unavailable',
          detail: 'unknown',
          description: 'Unknown refresh error: Not to be confused with a general server error or unknown login error.',
          note: "The docs say this is not a general server error: the refresh of the user's bank data failed for an unknown reason, so fi-unavailable (unknown), not provider-unavailable.",
        },
        {
          status: 503,
          code: '503',
          printed: '50503',
          kind: 'fi-unavailable',
          detail: 'unknown',
          description:
            'Refresh temporarily unavailable: This account is eligible for refresh but a temporary error (e.g. bank maintenance) caused it to fail. Try again later.',
          note: 'The table prints "50503": the HTTP code 503 and the error code 503 run together. Bank maintenance is only the docs\' example of the temporary error, so the reason is unknown.',
        },
      ],
    },
  },
  pending: [
    {
      step: 'mfa',
      code: '10',
      status: 202,
      when: 'mfa',
      description: 'Accepted, action pending: the bank asks an MFA question (mfa.message); answer it with mfa.access_token.',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
    {
      step: 'two-factor',
      code: '10',
      status: 202,
      description: 'Accepted, action pending: two-factor authentication (message.en).',
      source: 'https://docs.synapsefi.com/docs/errors',
    },
  ],
  sandbox: [
    {
      field: 'info.bank_id',
      value: 'synapse_good',
      with: { 'info.bank_pw': 'test1234', 'info.bank_name': 'fake' },
      endpoint: 'POST /users/{user_id}/nodes',
      status: 202,
      code: '10',
      description: 'Bank login asks an MFA question; the answer test_answer completes it.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_id',
      value: 'synapse_nomfa',
      with: { 'info.bank_name': 'fake' },
      endpoint: 'POST /users/{user_id}/nodes',
      description: 'Bank login links without MFA.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_id',
      value: 'synapse_no_accounts',
      with: { 'info.bank_name': 'fake' },
      endpoint: 'POST /users/{user_id}/nodes',
      status: 402,
      code: '460',
      description: 'Bank login finds no ACH-capable account.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_id',
      value: 'synapse_bank_request',
      with: { 'info.bank_name': 'fake' },
      endpoint: 'POST /users/{user_id}/nodes',
      status: 402,
      code: '500',
      description: "Bank login fails: the account is locked or the bank requests the user's attention.",
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_id',
      value: 'synapse_maintenance',
      with: { 'info.bank_name': 'fake' },
      endpoint: 'POST /users/{user_id}/nodes',
      status: 503,
      code: '503',
      description: 'Bank login fails: bank or Synapse maintenance.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_pw',
      value: '_sync_balance_higher',
      compare: 'suffix',
      endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes',
      description: 'Appended to a bank login password: a force refresh of the node updates the balance to an amount between $800-$1500.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
    {
      field: 'info.bank_pw',
      value: '_sync_balance_lower',
      compare: 'suffix',
      endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes',
      description: 'Appended to a bank login password: a force refresh of the node updates the balance to an amount between $10-$50.',
      source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login',
    },
  ],
  notes: [
    'Code 0 means success and is not an error, so it is not in codes. Code 10 with HTTP 202 is a step (MFA or 2FA), not a failure: it is in pending.',
    'error_code and http_code are strings in the body; http_code stands in for the status when none was observed.',
    'The docs ask integrators to rely on the HTTP status and the error code only: messages are subject to change, so the rows carry none.',
    'Sandbox triggers name where the request body carries them: info.bank_id, info.bank_pw and info.bank_name, the bank login fields of the request table.',
  ],
} as const;

/**
 * The Synapse catalog: the bank login and sync tables of the ACH-US aggregation docs and every documented error code.
 *
 * @public
 */
export const synapse: Catalog<typeof data> = defineCatalog(data);
