/**
 * Every documented webhook as its provider sends it (the providers' example
 * payloads verbatim where they print one, otherwise built from the documented
 * field list), what it must classify as, and a sender that signs and POSTs them
 * to a loopback receiver the way each provider signs.
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { JsonObject } from 'type-fest';
import type { ConnectionState } from '../connections/event.js';
import type { ReconnectReason } from '../taxonomy/details.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { Kind } from '../taxonomy/kinds.js';
import { own } from '../util/own.js';
import { hmacSha256, sha256Hex, toHex, utf8 } from '../webhooks/crypto.js';
import type { PlaidJwk } from '../webhooks/plaid-signature.js';
import type { WebhookProvider } from '../webhooks/webhook-event.js';

/**
 * One documented webhook as the provider sends it, and what it must classify as.
 *
 * @public
 */
export interface WebhookFixture {
  /** A readable name: provider, event and variant. */
  readonly name: string;
  /** The provider that sends it. */
  readonly provider: WebhookProvider;
  /** The body, as the provider sends it. */
  readonly payload: JsonObject;
  /** Whether `payload` is the provider's own example, verbatim (else it is built from the documented fields). */
  readonly example: boolean;
  /** The page or file that documents it. */
  readonly source: string;
  /** What the connection event must say. */
  readonly expected: {
    /** The state. */
    readonly state: ConnectionState;
    /** The event name as the adapters keep it. */
    readonly event: string;
    /** The kind of the error it carries, when it carries one. */
    readonly kind?: Kind;
    /** The reason of a `needs-reconnect` event. */
    readonly reason?: ReconnectReason;
    /** What the end user should do. */
    readonly userAction?: UserAction;
    /** The step of a `pending` or `cancelled` event. */
    readonly step?: string;
    /** The connection's id, when the webhook names one. */
    readonly connection?: string;
  };
}

const PLAID_SPEC = 'https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml';
const MX_CONNECTION_STATUS = 'https://docs.mx.com/resources/webhooks/connection-status';
const MX_MEMBER = 'https://docs.mx.com/resources/webhooks/member';
const TELLER = 'https://teller.io/docs/api/webhooks';
const FINICITY_LIST = 'https://docs.finicity.com/webhook-events-list/';
const MC_US = 'https://developer.mastercard.com/open-finance-us/documentation/webhooks/webhooks-connect/webhooks-events-connect/';
const MC_AU = 'https://developer.mastercard.com/open-finance-au/documentation/connect/webhooks/webhooks-event-connect/';
const MC_CUSTOM = 'https://developer.mastercard.com/open-finance-us/documentation/webhooks/webhooks-connect/webhooks-custom/';
const MC_REPORT = 'https://developer.mastercard.com/open-finance-au/documentation/connect/webhooks/webhooks-event-report/';
const MC_CONSENT = 'https://developer.mastercard.com/open-finance-au/documentation/consent/consent-notifications-structure/';
const YODLEE_DATA = 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/Webhooks/Data_Updates_Events';
const YODLEE_REFRESH = 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/Webhooks/Refresh_Event';
const YODLEE_AUTO = 'https://developer.envestnet.com/resources/yodlee/webhooks/docs/auto_refresh_status_notification';
const YODLEE_BALANCE = 'https://developer.envestnet.com/resources/yodlee/webhooks/docs/latest_balance_status_notification';
const YODLEE = 'https://developer.envestnet.com/resources/yodlee/webhooks';
const AEROSYNC = 'https://api-aerosync.readme.io/docs/events-you-can-subscribe-to';
const SYNAPSE = 'https://docs.synapsefi.com/api-references/nodes/update-node';

const ITEM = 'wz666MBjYWTp2PDzzggYhM6oWWmBb';
const USER = 'usr_9nSp2KuZ2x4JDw';

function plaidItem(code: string, fields: JsonObject): JsonObject {
  return { webhook_type: 'ITEM', webhook_code: code, item_id: ITEM, user_id: USER, ...fields, environment: 'production' };
}

const LINK_EVENTS_EXAMPLE: JsonObject = {
  environment: 'sandbox',
  link_session_id: '1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e',
  link_token: 'link-sandbox-79e723b0-0e04-4248-8a33-15ceb6828a45',
  webhook_code: 'EVENTS',
  webhook_type: 'LINK',
  events: [
    {
      event_id: '9469937a-6fac-40be-9322-f86e8c0b94ed',
      event_metadata: { request_id: 'ClqZyuhovgkaQ3j' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:17:54Z',
    },
    {
      event_id: '4b2390cf-33a2-4078-b933-62468b9e53a5',
      event_metadata: {
        error_code: 'INVALID_CREDENTIALS',
        error_message: 'the provided credentials were not correct',
        error_type: 'ITEM_ERROR',
        institution_id: 'ins_20',
        institution_name: 'Citizens Bank',
        request_id: 'ttK0NtGKaVAlbCR',
      },
      event_name: 'ERROR',
      timestamp: '2024-05-21T00:18:09Z',
    },
    {
      event_id: '45f76afe-f2aa-495c-a326-f37e043a1ccd',
      event_metadata: { request_id: 'WRJqqeh8Hxife05' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:17:56Z',
    },
    {
      event_id: '978b772c-f2cc-404f-9449-2113e4671c4f',
      event_metadata: {
        error_code: 'INVALID_CREDENTIALS',
        error_message: 'the provided credentials were not correct',
        error_type: 'ITEM_ERROR',
        exit_status: 'requires_credentials',
        institution_id: 'ins_20',
        institution_name: 'Citizens Bank',
        request_id: 'u1HcAeiCKtz3qmm',
      },
      event_name: 'EXIT',
      timestamp: '2024-05-21T00:18:13Z',
    },
    {
      event_id: 'a873db76-aa4e-4a00-9d60-7ae08aa8e63f',
      event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: 'ttK0NtGKaVAlbCR' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:18:09Z',
    },
    {
      event_id: 'ca85566d-5f32-4716-909f-82f3a0b6160b',
      event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: 'XRvev3cP9wYUFz5' },
      event_name: 'SUBMIT_CREDENTIALS',
      timestamp: '2024-05-21T00:18:07Z',
    },
    {
      event_id: '09220752-6b83-407e-baf0-f6228df16ea0',
      event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: 'WRJqqeh8Hxife05' },
      event_name: 'SELECT_INSTITUTION',
      timestamp: '2024-05-21T00:18:01Z',
    },
    {
      event_id: '1c75d2ee-19c1-4d1b-8600-7d06cecbb270',
      event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: '5vc1IyBHfLkIVFx' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:18:12Z',
    },
    {
      event_id: '1c9c9059-c065-4362-836a-d9afb91a6125',
      event_metadata: { request_id: 'MlFW5NSWtCs1KLI' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:17:50Z',
    },
    {
      event_id: '4f381b3f-172b-4bca-9804-c230f8d36a3b',
      event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: 'XRvev3cP9wYUFz5' },
      event_name: 'TRANSITION_VIEW',
      timestamp: '2024-05-21T00:18:02Z',
    },
    {
      event_id: 'dd9d4747-d4da-4c11-88d6-b5a0e96f1886',
      event_metadata: { request_id: 'ClqZyuhovgkaQ3j' },
      event_name: 'SKIP_SUBMIT_PHONE',
      timestamp: '2024-05-21T00:17:55Z',
    },
  ],
};

function linkSession(events: JsonObject[]): JsonObject {
  return {
    environment: 'sandbox',
    link_session_id: '356dbb28-7f98-44d1-8e6d-0cec580f3171',
    link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
    webhook_code: 'EVENTS',
    webhook_type: 'LINK',
    events,
  };
}

const PLAID: readonly WebhookFixture[] = [
  {
    name: 'plaid ITEM.ERROR (ITEM_LOGIN_REQUIRED, OAuth)',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'ERROR',
      item_id: ITEM,
      user_id: USER,
      error: {
        display_message: "The user's OAuth connection to this institution has been invalidated.",
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_code_reason: 'OAUTH_INVALID_TOKEN',
        error_message:
          "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
        error_type: 'ITEM_ERROR',
        status: 400,
      },
      environment: 'production',
    },
    expected: { state: 'needs-reconnect', event: 'ITEM.ERROR', kind: 'reconnect-required', reason: 'credentials', userAction: 'reconnect', connection: ITEM },
  },
  {
    name: 'plaid ITEM.ERROR (INSTITUTION_DOWN)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: plaidItem('ERROR', {
      error: {
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_DOWN',
        error_message: 'this institution is not currently responding to this request. please try again soon',
        display_message: null,
        status: 400,
      },
    }),
    expected: { state: 'degraded', event: 'ITEM.ERROR', kind: 'fi-unavailable', userAction: 'wait', connection: ITEM },
  },
  {
    name: 'plaid ITEM.LOGIN_REPAIRED',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: { webhook_type: 'ITEM', webhook_code: 'LOGIN_REPAIRED', item_id: ITEM, user_id: USER, environment: 'production' },
    expected: { state: 'recovered', event: 'ITEM.LOGIN_REPAIRED', userAction: 'none', connection: ITEM },
  },
  {
    name: 'plaid ITEM.NEW_ACCOUNTS_AVAILABLE',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'NEW_ACCOUNTS_AVAILABLE',
      item_id: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ',
      user_id: USER,
      error: null,
      environment: 'production',
    },
    expected: { state: 'new-accounts', event: 'ITEM.NEW_ACCOUNTS_AVAILABLE', connection: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ' },
  },
  {
    name: 'plaid ITEM.PENDING_DISCONNECT (INSTITUTION_MIGRATION)',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'PENDING_DISCONNECT',
      item_id: ITEM,
      user_id: USER,
      reason: 'INSTITUTION_MIGRATION',
      disconnect_time: '2020-01-15T13:25:17.766Z',
      environment: 'production',
    },
    expected: { state: 'expiring', event: 'ITEM.PENDING_DISCONNECT', userAction: 'reconnect', connection: ITEM },
  },
  {
    name: 'plaid ITEM.PENDING_DISCONNECT (INSTITUTION_TOKEN_EXPIRATION)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: plaidItem('PENDING_DISCONNECT', { reason: 'INSTITUTION_TOKEN_EXPIRATION', disconnect_time: '2020-01-15T13:25:17.766Z' }),
    expected: { state: 'expiring', event: 'ITEM.PENDING_DISCONNECT', connection: ITEM },
  },
  {
    name: 'plaid ITEM.PENDING_EXPIRATION',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'PENDING_EXPIRATION',
      item_id: ITEM,
      user_id: USER,
      consent_expiration_time: '2020-01-15T13:25:17.766Z',
      environment: 'production',
    },
    expected: { state: 'expiring', event: 'ITEM.PENDING_EXPIRATION', connection: ITEM },
  },
  {
    name: 'plaid ITEM.USER_PERMISSION_REVOKED',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'USER_PERMISSION_REVOKED',
      error: {
        error_code: 'USER_PERMISSION_REVOKED',
        error_message: 'the holder of this account has revoked their permission for your application to access it',
        display_message: null,
        error_type: 'ITEM_ERROR',
        status: 400,
      },
      item_id: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ',
      user_id: USER,
      environment: 'production',
    },
    expected: {
      state: 'revoked',
      event: 'ITEM.USER_PERMISSION_REVOKED',
      kind: 'reconnect-required',
      userAction: 'reconnect',
      connection: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ',
    },
  },
  {
    name: 'plaid ITEM.USER_ACCOUNT_REVOKED',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'USER_ACCOUNT_REVOKED',
      item_id: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ',
      account_id: 'BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J',
      user_id: USER,
      environment: 'production',
    },
    expected: { state: 'revoked', event: 'ITEM.USER_ACCOUNT_REVOKED', connection: 'gAXlMgVEw5uEGoQnnXZ6tn9E7Mn3LBc4PJVKZ' },
  },
  {
    name: 'plaid ITEM.WEBHOOK_UPDATE_ACKNOWLEDGED',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'ITEM',
      webhook_code: 'WEBHOOK_UPDATE_ACKNOWLEDGED',
      item_id: ITEM,
      error: null,
      new_webhook_url: 'https://plaid.com/example/webhook',
      environment: 'production',
    },
    expected: { state: 'info', event: 'ITEM.WEBHOOK_UPDATE_ACKNOWLEDGED', userAction: 'none', connection: ITEM },
  },
  {
    name: 'plaid TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'TRANSACTIONS',
      webhook_code: 'SYNC_UPDATES_AVAILABLE',
      item_id: ITEM,
      user_id: USER,
      initial_update_complete: true,
      historical_update_complete: false,
      environment: 'production',
    },
    expected: { state: 'info', event: 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE', connection: ITEM },
  },
  {
    name: 'plaid LINK.ITEM_ADD_RESULT',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'LINK',
      webhook_code: 'ITEM_ADD_RESULT',
      link_session_id: '356dbb28-7f98-44d1-8e6d-0cec580f3171',
      link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
      public_token: 'public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d',
      environment: 'sandbox',
    },
    expected: { state: 'connected', event: 'LINK.ITEM_ADD_RESULT', connection: '356dbb28-7f98-44d1-8e6d-0cec580f3171' },
  },
  {
    name: 'plaid LINK.SESSION_FINISHED (SUCCESS)',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'LINK',
      webhook_code: 'SESSION_FINISHED',
      status: 'SUCCESS',
      link_session_id: '356dbb28-7f98-44d1-8e6d-0cec580f3171',
      link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
      public_tokens: ['public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d'],
      environment: 'sandbox',
    },
    expected: { state: 'connected', event: 'LINK.SESSION_FINISHED', connection: '356dbb28-7f98-44d1-8e6d-0cec580f3171' },
  },
  {
    name: 'plaid LINK.SESSION_FINISHED (EXITED)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: {
      webhook_type: 'LINK',
      webhook_code: 'SESSION_FINISHED',
      status: 'EXITED',
      link_session_id: '356dbb28-7f98-44d1-8e6d-0cec580f3171',
      link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
      environment: 'sandbox',
    },
    expected: { state: 'cancelled', event: 'LINK.SESSION_FINISHED', userAction: 'none' },
  },
  {
    name: 'plaid LINK.EVENTS (exit after INVALID_CREDENTIALS)',
    provider: 'plaid',
    example: true,
    source: PLAID_SPEC,
    payload: LINK_EVENTS_EXAMPLE,
    expected: { state: 'failed', event: 'LINK.EVENTS', kind: 'reconnect-required', connection: '1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e' },
  },
  {
    name: 'plaid LINK.EVENTS (handoff)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: linkSession([
      { event_id: 'e-1', event_metadata: { request_id: 'r-1' }, event_name: 'OPEN', timestamp: '2024-05-21T00:17:50Z' },
      {
        event_id: 'e-2',
        event_metadata: { institution_id: 'ins_20', institution_name: 'Citizens Bank', request_id: 'r-2' },
        event_name: 'HANDOFF',
        timestamp: '2024-05-21T00:18:40Z',
      },
    ]),
    expected: { state: 'connected', event: 'LINK.EVENTS' },
  },
  {
    name: 'plaid LINK.EVENTS (the user closed Link)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: linkSession([
      { event_id: 'e-1', event_metadata: { request_id: 'r-1' }, event_name: 'OPEN', timestamp: '2024-05-21T00:17:50Z' },
      {
        event_id: 'e-2',
        event_metadata: { exit_status: 'requires_credentials', institution_id: 'ins_20', request_id: 'r-2' },
        event_name: 'EXIT',
        timestamp: '2024-05-21T00:18:40Z',
      },
    ]),
    expected: { state: 'cancelled', event: 'LINK.EVENTS', step: 'requires_credentials', userAction: 'none' },
  },
  {
    name: 'plaid LINK.EVENTS (institution not supported)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: linkSession([
      {
        event_id: 'e-1',
        event_metadata: { exit_status: 'institution_not_supported', request_id: 'r-1' },
        event_name: 'EXIT',
        timestamp: '2024-05-21T00:18:40Z',
      },
    ]),
    expected: { state: 'failed', event: 'LINK.EVENTS', userAction: 'link-another-account' },
  },
  {
    name: 'plaid LINK.EVENTS (abandoned)',
    provider: 'plaid',
    example: false,
    source: PLAID_SPEC,
    payload: linkSession([{ event_id: 'e-1', event_metadata: { request_id: 'r-1' }, event_name: 'OPEN', timestamp: '2024-05-21T00:17:50Z' }]),
    expected: { state: 'cancelled', event: 'LINK.EVENTS', userAction: 'none' },
  },
];

function mxStatus(status: string, id: number, message: string): JsonObject {
  return {
    action: 'CHANGED',
    connection_status: status,
    connection_status_id: id,
    connection_status_message: message,
    member_guid: 'MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a',
    type: 'CONNECTION_STATUS',
    user_guid: 'USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e',
  };
}

const MX_MEMBER_ID = 'MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a';

const MX: readonly WebhookFixture[] = [
  {
    name: 'mx CONNECTION_STATUS CHALLENGED',
    provider: 'mx',
    example: true,
    source: MX_CONNECTION_STATUS,
    payload: mxStatus('CHALLENGED', 3, 'To authenticate your connection to Chase Bank, please answer the following challenge(s).'),
    expected: { state: 'pending', event: 'CONNECTION_STATUS', step: 'mfa', userAction: 'reconnect', connection: MX_MEMBER_ID },
  },
  ...(
    [
      ['DENIED', 2, 'credentials', 'reenter-credentials', 'reconnect-required'],
      ['PREVENTED', 1, 'credentials', 'reenter-credentials', 'reconnect-required'],
      ['IMPAIRED', 20, 'credentials', 'reenter-credentials', 'reconnect-required'],
      ['LOCKED', 5, 'account-locked', 'visit-institution', 'reconnect-required'],
      ['IMPEDED', 7, 'institution-attention', 'visit-institution', 'reconnect-required'],
      ['EXPIRED', 19, 'connection', 'restart-mfa', 'mfa-expired'],
      ['REJECTED', 4, 'connection', 'restart-mfa', 'mfa-expired'],
    ] as const
  ).map(
    ([status, id, reason, userAction, kind]): WebhookFixture => ({
      name: `mx CONNECTION_STATUS ${status}`,
      provider: 'mx',
      example: false,
      source: MX_CONNECTION_STATUS,
      payload: mxStatus(status, id, 'A message MX wrote for the end user.'),
      expected: { state: 'needs-reconnect', event: 'CONNECTION_STATUS', kind, reason, userAction, connection: MX_MEMBER_ID },
    }),
  ),
  {
    name: 'mx member CONNECTED',
    provider: 'mx',
    example: false,
    source: MX_MEMBER,
    payload: {
      aggregated_at: 1700000000,
      connection_status_id: 6,
      connection_status_message: 'Connected to MX Bank.',
      connection_status: 'CONNECTED',
      created_at: 1690000000,
      guid: 'MBR-7c6f361b-e582-15b6-60c0-358f12466b4b',
      id: 'unique_id',
      institution_code: 'mxbank',
      institution_guid: 'INS-f1a3285d-e855-b61f-6aa7-8ae575c0e0e9',
      is_being_aggregated: false,
    },
    expected: { state: 'connected', event: 'MEMBER', connection: 'MBR-7c6f361b-e582-15b6-60c0-358f12466b4b' },
  },
  {
    name: 'mx member DEGRADED',
    provider: 'mx',
    example: false,
    source: MX_MEMBER,
    payload: {
      aggregated_at: 1700000000,
      connection_status_id: 9,
      connection_status: 'DEGRADED',
      guid: 'MBR-7c6f361b-e582-15b6-60c0-358f12466b4b',
      institution_code: 'mxbank',
      is_being_aggregated: false,
    },
    expected: { state: 'degraded', event: 'MEMBER', kind: 'fi-unavailable', userAction: 'wait', connection: 'MBR-7c6f361b-e582-15b6-60c0-358f12466b4b' },
  },
];

function tellerDisconnected(reason: string, id = 'wh_oiffb5cocakqmksbkg000'): JsonObject {
  return { id, payload: { enrollment_id: 'enr_oiffb5cocakqmksbkg001', reason }, timestamp: '2023-07-10T03:49:29Z', type: 'enrollment.disconnected' };
}

const TELLER_FIXTURES: readonly WebhookFixture[] = [
  {
    name: 'teller enrollment.disconnected (disconnected.account_locked)',
    provider: 'teller',
    example: true,
    source: TELLER,
    payload: tellerDisconnected('disconnected.account_locked'),
    expected: {
      state: 'needs-reconnect',
      event: 'enrollment.disconnected',
      kind: 'reconnect-required',
      reason: 'account-locked',
      userAction: 'visit-institution',
      connection: 'enr_oiffb5cocakqmksbkg001',
    },
  },
  ...(
    [
      ['disconnected', 'connection', 'reconnect'],
      ['disconnected.credentials_invalid', 'credentials', 'reenter-credentials'],
      ['disconnected.enrollment_inactive', 'consent', 'reconnect'],
      ['disconnected.user_action.captcha_required', 'institution-attention', 'reconnect'],
      ['disconnected.user_action.contact_information_required', 'institution-attention', 'visit-institution'],
      ['disconnected.user_action.insufficient_permissions', 'institution-attention', 'visit-institution'],
      ['disconnected.user_action.mfa_required', 'institution-attention', 'restart-mfa'],
      ['disconnected.user_action.web_login_required', 'institution-attention', 'visit-institution'],
    ] as const
  ).map(
    ([reason, detail, userAction], index): WebhookFixture => ({
      name: `teller enrollment.disconnected (${reason})`,
      provider: 'teller',
      example: false,
      source: TELLER,
      payload: tellerDisconnected(reason, `wh_oiffb5cocakqmksbkg1${String(index).padStart(2, '0')}`),
      expected: {
        state: 'needs-reconnect',
        event: 'enrollment.disconnected',
        kind: 'reconnect-required',
        reason: detail,
        userAction,
        connection: 'enr_oiffb5cocakqmksbkg001',
      },
    }),
  ),
  {
    name: 'teller transactions.processed',
    provider: 'teller',
    example: false,
    source: TELLER,
    payload: { id: 'wh_oiffb5cocakqmksbkg002', payload: {}, timestamp: '2023-07-10T04:00:00Z', type: 'transactions.processed' },
    expected: { state: 'info', event: 'transactions.processed' },
  },
  {
    name: 'teller account.number_verification.processed',
    provider: 'teller',
    example: false,
    source: TELLER,
    payload: {
      id: 'wh_oiffb5cocakqmksbkg003',
      payload: { status: 'expired' },
      timestamp: '2023-07-10T04:00:00Z',
      type: 'account.number_verification.processed',
    },
    expected: { state: 'info', event: 'account.number_verification.processed' },
  },
  {
    name: 'teller webhook.test',
    provider: 'teller',
    example: false,
    source: TELLER,
    payload: { id: 'wh_oiffb5cocakqmksbkg004', payload: {}, timestamp: '2023-07-10T04:00:00Z', type: 'webhook.test' },
    expected: { state: 'info', event: 'webhook.test' },
  },
];

function finicityAccount(id: string, aggregationStatusCode: number): JsonObject {
  return {
    id,
    number: '2345',
    realAccountNumberLast4: '2345',
    accountNumberDisplay: '2345',
    name: 'Checking',
    balance: 22327.3,
    type: 'checking',
    aggregationStatusCode,
    status: 'active',
    customerId: '1005061234',
    institutionId: '101732',
    balanceDate: 1607450357,
    aggregationSuccessDate: 1607450357,
    aggregationAttemptDate: 1607450357,
    createdDate: 1607450357,
    lastUpdatedDate: 1607450357,
    currency: 'USD',
    lastTransactionDate: 1607450357,
    institutionLoginId: 1007302745,
    detail: {},
    displayPosition: 1,
  };
}

const FINICITY: readonly WebhookFixture[] = [
  {
    name: 'finicity accountsDeleted',
    provider: 'finicity',
    example: true,
    source: MC_US,
    payload: {
      customerId: '7043507659',
      eventType: 'accountsDeleted',
      eventId: '1744671850866-f9b8ef21c571b7d0e80c2c3d',
      payload: { accounts: ['7077265539'], institutionId: '101732' },
    },
    expected: { state: 'revoked', event: 'accountsDeleted', userAction: 'none' },
  },
  {
    name: 'finicity ping',
    provider: 'finicity',
    example: true,
    source: MC_AU,
    payload: { eventType: 'ping', payload: {} },
    expected: { state: 'info', event: 'ping' },
  },
  {
    name: 'finicity started',
    provider: 'finicity',
    example: true,
    source: MC_CUSTOM,
    payload: {
      customerId: '1005061234',
      consumerId: '86238nvnw7269e224a4e3de12352d87d',
      eventType: 'started',
      eventId: '1495468585434-0e73d1719173766fe4dfe1a8',
      payload: {},
      webhookData: { unquiqueCustomerId: '123456789', uniqueRequestId: '234567890' },
    },
    expected: { state: 'info', event: 'started' },
  },
  {
    name: 'finicity adding',
    provider: 'finicity',
    example: false,
    source: FINICITY_LIST,
    payload: { customerId: '1005061234', eventType: 'adding', eventId: '1495468585434-0e73d1719173766fe4dfe1a9', payload: {} },
    expected: { state: 'info', event: 'adding' },
  },
  {
    name: 'finicity added',
    provider: 'finicity',
    example: false,
    source: FINICITY_LIST,
    payload: {
      customerId: '1005061234',
      eventType: 'added',
      eventId: '1495468585434-0e73d1719173766fe4dfe1b0',
      payload: { accounts: [finicityAccount('5011648377', 0)], institutionId: '101732' },
    },
    expected: { state: 'connected', event: 'added', connection: '1007302745' },
  },
  {
    name: 'finicity added (aggregation status 103)',
    provider: 'finicity',
    example: false,
    source: FINICITY_LIST,
    payload: {
      customerId: '1005061234',
      eventType: 'added',
      eventId: '1495468585434-0e73d1719173766fe4dfe1b1',
      payload: { accounts: [finicityAccount('5011648378', 103)], institutionId: '101732' },
    },
    expected: { state: 'needs-reconnect', event: 'added', kind: 'reconnect-required', connection: '1007302745' },
  },
  {
    name: 'finicity financialConsentCreated',
    provider: 'finicity',
    example: false,
    source: MC_AU,
    payload: { customerId: '1017101354', eventType: 'financialConsentCreated', eventId: '1658830298174-f8cc188daccbe833482fe292', payload: {} },
    expected: { state: 'info', event: 'financialConsentCreated' },
  },
  {
    name: 'finicity report done',
    provider: 'finicity',
    example: false,
    source: MC_REPORT,
    payload: {
      eventName: 'done',
      id: 'ubjqshpkcsru-voi',
      consumerId: '86238nvnw7269e224a4e3de12352d87d',
      type: 'voi',
      status: 'success',
      customerId: '1005061234',
    },
    expected: { state: 'info', event: 'done' },
  },
  {
    name: 'finicity report failed',
    provider: 'finicity',
    example: false,
    source: MC_REPORT,
    payload: {
      eventName: 'failed',
      id: 'ubjqshpkcsru-voi',
      consumerId: '86238nvnw7269e224a4e3de12352d87d',
      type: 'voi',
      status: 'failure',
      customerId: '1005061234',
    },
    expected: { state: 'info', event: 'failed' },
  },
  {
    name: 'finicity INSTITUTIONS_REVOKED (Australian consent notification)',
    provider: 'finicity',
    example: false,
    source: MC_CONSENT,
    payload: {
      eventId: 'b5e8d9f0-consent',
      eventType: 'INSTITUTIONS_REVOKED',
      eventContext: 'CONSENT',
      eventTime: '2024-05-21T00:18:13Z',
      customerId: '1017101354',
      payload: {
        changes: {
          errorCode: null,
          summary: 'revoked',
          details: [{ consentReceiptId: 'cr-1', institutionId: '200003', institutionLoginId: '1007302746', accountIds: ['7077265540'] }],
        },
        consent: {},
      },
    },
    expected: { state: 'revoked', event: 'INSTITUTIONS_REVOKED', connection: '1007302746' },
  },
];

const YODLEE_FIXTURES: readonly WebhookFixture[] = [
  {
    name: 'yodlee DATA_UPDATES.USER_DATA',
    provider: 'yodlee',
    example: true,
    source: YODLEE_DATA,
    payload: {
      event: {
        info: 'DATA_UPDATES.USER_DATA',
        data: {
          userCount: 1,
          fromDate: '01-11-2017T10:18:44',
          toDate: '01-11-2017T11:18:43',
          userData: [
            {
              user: { loginName: 'YSL1484052178554' },
              links: [
                { methodType: 'GET', rel: 'getUserData', href: 'userData?fromDate=01-11-2017T10:18:44&toDate=01-11-2017T11:18:43&loginName=YSL1484052178554' },
              ],
            },
          ],
        },
      },
    },
    expected: { state: 'info', event: 'DATA_UPDATES.USER_DATA' },
  },
  {
    name: 'yodlee LATEST_BALANCE_UPDATES',
    provider: 'yodlee',
    example: true,
    source: YODLEE_BALANCE,
    payload: {
      event: {
        notificationId: '63c73475-4db5-49ef-8553-8303337ca7c3',
        info: 'LATEST_BALANCE_UPDATES',
        loginName: 'user1',
        data: {
          providerAccountId: 658552,
          latestBalanceEvent: [
            { accountId: 12345, status: 'SUCCESS' },
            { accountId: 12346, status: 'FAILED' },
          ],
        },
      },
    },
    expected: { state: 'degraded', event: 'LATEST_BALANCE_UPDATES', connection: '658552' },
  },
  {
    name: 'yodlee REFRESH.PROCESS_COMPLETED',
    provider: 'yodlee',
    example: false,
    source: YODLEE_REFRESH,
    payload: {
      event: {
        info: 'REFRESH.PROCESS_COMPLETED',
        loginName: 'YSL1484052178554',
        data: { providerAccount: [{ id: 10928631, providerId: 16441, isManual: false, createdDate: '2017-11-01', aggregationSource: 'USER' }] },
      },
    },
    expected: { state: 'info', event: 'REFRESH.PROCESS_COMPLETED', connection: '10928631' },
  },
  {
    name: 'yodlee REFRESH.PROCESS_COMPLETED (INCORRECT_CREDENTIALS)',
    provider: 'yodlee',
    example: false,
    source: YODLEE_REFRESH,
    payload: {
      event: {
        info: 'REFRESH.PROCESS_COMPLETED',
        loginName: 'YSL1484052178554',
        data: {
          providerAccount: [
            {
              id: 10928631,
              providerId: 16441,
              isManual: false,
              createdDate: '2017-11-01',
              aggregationSource: 'USER',
              status: 'FAILED',
              dataset: [{ name: 'BASIC_AGG_DATA', additionalStatus: 'INCORRECT_CREDENTIALS' }],
            },
          ],
        },
      },
    },
    expected: {
      state: 'needs-reconnect',
      event: 'REFRESH.PROCESS_COMPLETED',
      kind: 'reconnect-required',
      reason: 'credentials',
      userAction: 'reenter-credentials',
      connection: '10928631',
    },
  },
  {
    name: 'yodlee REFRESH.PROCESS_COMPLETED (FAILED, no dataset)',
    provider: 'yodlee',
    example: false,
    source: YODLEE_REFRESH,
    payload: {
      event: {
        info: 'REFRESH.PROCESS_COMPLETED',
        loginName: 'YSL1484052178554',
        data: { providerAccount: [{ id: 10928631, providerId: 16441, isManual: false, aggregationSource: 'USER', status: 'FAILED' }] },
      },
    },
    expected: { state: 'degraded', event: 'REFRESH.PROCESS_COMPLETED', userAction: 'wait', connection: '10928631' },
  },
  {
    name: 'yodlee REFRESH.PROCESS_COMPLETED (success)',
    provider: 'yodlee',
    example: false,
    source: YODLEE_REFRESH,
    payload: {
      event: {
        info: 'REFRESH.PROCESS_COMPLETED',
        loginName: 'YSL1484052178554',
        data: {
          providerAccount: [
            {
              id: 10928631,
              providerId: 16441,
              isManual: false,
              createdDate: '2017-11-01',
              aggregationSource: 'USER',
              status: 'SUCCESS',
              dataset: [{ name: 'BASIC_AGG_DATA', additionalStatus: 'AVAILABLE_DATA_RETRIEVED', updateEligibility: 'ALLOW_UPDATE' }],
            },
          ],
        },
      },
    },
    expected: { state: 'connected', event: 'REFRESH.PROCESS_COMPLETED', connection: '10928631' },
  },
  {
    name: 'yodlee REFRESH.PROCESS_COMPLETED (user input required)',
    provider: 'yodlee',
    example: false,
    source: YODLEE_REFRESH,
    payload: {
      event: {
        info: 'REFRESH.PROCESS_COMPLETED',
        loginName: 'YSL1484052178554',
        data: { providerAccount: [{ id: 10928631, providerId: 16441, isManual: false, aggregationSource: 'USER', status: 'USER_INPUT_REQUIRED' }] },
      },
    },
    expected: { state: 'pending', event: 'REFRESH.PROCESS_COMPLETED', step: 'mfa', userAction: 'reconnect', connection: '10928631' },
  },
  {
    name: 'yodlee AUTO_REFRESH_UPDATES (USER_ACTION_REQUIRED)',
    provider: 'yodlee',
    example: false,
    source: YODLEE_AUTO,
    payload: {
      event: {
        notificationId: 'a1b2c3',
        info: 'AUTO_REFRESH_UPDATES',
        data: [
          { autoRefresh: { status: 'DISABLED', additionalStatus: 'USER_ACTION_REQUIRED' }, accountIds: [12345], loginName: 'user1', providerAccountId: 658552 },
        ],
      },
    },
    expected: { state: 'needs-reconnect', event: 'AUTO_REFRESH_UPDATES', kind: 'reconnect-required', connection: '658552' },
  },
  {
    name: 'yodlee CDV_STATUS_UPDATES',
    provider: 'yodlee',
    example: false,
    source: YODLEE,
    payload: { event: { info: 'CDV_STATUS_UPDATES', data: {} } },
    expected: { state: 'info', event: 'CDV_STATUS_UPDATES' },
  },
];

function aerosyncJob(event: string, status: string): JsonObject {
  return { event, timestamp: 1700000000, merchant_id: 'your_merchant_id', data: { status } };
}

const AEROSYNC_FIXTURES: readonly WebhookFixture[] = [
  {
    name: 'aerosync job.transaction completed',
    provider: 'aerosync',
    example: true,
    source: AEROSYNC,
    payload: aerosyncJob('job.transaction', 'completed'),
    expected: { state: 'info', event: 'job.transaction' },
  },
  {
    name: 'aerosync job.balance initiated',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: aerosyncJob('job.balance', 'initiated'),
    expected: { state: 'info', event: 'job.balance' },
  },
  {
    name: 'aerosync job.balance pending_mfa',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: aerosyncJob('job.balance', 'pending_mfa'),
    expected: { state: 'pending', event: 'job.balance', step: 'mfa', userAction: 'reconnect' },
  },
  {
    name: 'aerosync job.identity failed',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: aerosyncJob('job.identity', 'failed'),
    expected: { state: 'degraded', event: 'job.identity', userAction: 'wait' },
  },
  {
    name: 'aerosync bank.revocation',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: {
      event: 'bank.revocation',
      timestamp: 1700000000,
      merchant_id: 'your_merchant_id',
      data: { client_id: 'client-1', user_id: 'a1b2c3d4', connection_id: 'a1b2c3d4', account_id: 'acct-9', status: 'revoked' },
    },
    expected: { state: 'revoked', event: 'bank.revocation', userAction: 'reconnect', connection: 'a1b2c3d4' },
  },
  {
    name: 'aerosync migration_tool',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: aerosyncJob('migration_tool', 'completed'),
    expected: { state: 'info', event: 'migration_tool' },
  },
  {
    name: 'aerosync test.event',
    provider: 'aerosync',
    example: false,
    source: AEROSYNC,
    payload: { event: 'test.event', timestamp: 1700000000, merchant_id: 'your_merchant_id', data: {} },
    expected: { state: 'info', event: 'test.event' },
  },
];

function synapseNode(allowed: string, code: string): JsonObject {
  return {
    _id: '5bd9e16314c7f70090a9fd1b',
    user_id: '5bd9e16314c7f70090a9fd1a',
    type: 'ACH-US',
    is_active: true,
    allowed,
    allowed_status_code: code,
    info: { nickname: 'Checking' },
  };
}

const SYNAPSE_FIXTURES: readonly WebhookFixture[] = [
  {
    name: 'synapse node LOCKED',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('LOCKED', 'USER_REQUESTED'),
    expected: { state: 'needs-reconnect', event: 'NODE LOCKED', reason: 'connection', connection: '5bd9e16314c7f70090a9fd1b' },
  },
  {
    name: 'synapse node CREDIT-AND-DEBIT',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('CREDIT-AND-DEBIT', 'USER_REQUESTED'),
    expected: { state: 'connected', event: 'NODE CREDIT-AND-DEBIT' },
  },
  {
    name: 'synapse node PENDING',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('PENDING', 'USER_REQUESTED'),
    expected: { state: 'pending', event: 'NODE PENDING', step: 'verification' },
  },
  {
    name: 'synapse node CREDIT',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('CREDIT', 'USER_REQUESTED'),
    expected: { state: 'connected', event: 'NODE CREDIT' },
  },
  {
    name: 'synapse node DEBIT',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('DEBIT', 'USER_REQUESTED'),
    expected: { state: 'connected', event: 'NODE DEBIT' },
  },
  {
    name: 'synapse node REJECTED (LOAN-US)',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: { ...synapseNode('REJECTED', 'USER_REQUESTED'), type: 'LOAN-US' },
    expected: { state: 'info', event: 'NODE REJECTED' },
  },
  {
    name: 'synapse node INACTIVE',
    provider: 'synapse',
    example: false,
    source: SYNAPSE,
    payload: synapseNode('INACTIVE', 'USER_REQUESTED'),
    expected: { state: 'degraded', event: 'NODE INACTIVE' },
  },
];

const ALL: readonly WebhookFixture[] = Object.freeze([
  ...PLAID,
  ...MX,
  ...TELLER_FIXTURES,
  ...FINICITY,
  ...YODLEE_FIXTURES,
  ...AEROSYNC_FIXTURES,
  ...SYNAPSE_FIXTURES,
]);

/**
 * Every documented webhook as the provider sends it, with what it must
 * classify as; one provider's only when `provider` is given.
 *
 * @example
 * ```ts
 * for (const fixture of webhookFixtures()) {
 *   expect(webhookEvent(fixture.payload, { provider: fixture.provider, normalizer }).state).toBe(fixture.expected.state);
 * }
 * ```
 *
 * @public
 */
export function webhookFixtures(provider?: WebhookProvider | (string & {})): readonly WebhookFixture[] {
  return provider === undefined ? ALL : ALL.filter((fixture) => fixture.provider === provider);
}

/**
 * A Plaid signing key made for a test: the private key signs, the JWK is what
 * Plaid's `/webhook_verification_key/get` would answer.
 *
 * @public
 */
export interface PlaidTestKey {
  /** The key id, the JWT's `kid`. */
  readonly kid: string;
  /** Signs webhooks (give it to {@link signWebhook}). */
  readonly privateKey: CryptoKey;
  /** The public key as Plaid's key endpoint answers it. */
  readonly jwk: PlaidJwk;
  /** A key lookup that knows this key only (give it to `receivePlaidWebhook`'s `getKey`). */
  readonly getKey: (kid: string) => Promise<PlaidJwk | undefined>;
}

/**
 * Generates an ES256 key pair standing in for Plaid's webhook signing key.
 *
 * @public
 */
export async function createPlaidTestKey(options?: { readonly kid?: string; readonly expiredAt?: number | null }): Promise<PlaidTestKey> {
  const kidOption = own(options, 'kid');
  const kid = typeof kidOption === 'string' && kidOption !== '' ? kidOption : globalThis.crypto.randomUUID();
  const expiredOption = own(options, 'expiredAt');
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const exported = await exportJWK(publicKey);
  const jwk: PlaidJwk = Object.freeze({
    alg: 'ES256',
    crv: 'P-256',
    kid,
    kty: 'EC',
    use: 'sig',
    x: String(exported.x),
    y: String(exported.y),
    created_at: Math.floor(Date.now() / 1000),
    expired_at: typeof expiredOption === 'number' ? expiredOption : null,
  });
  return { kid, privateKey, jwk, getKey: async (asked) => (asked === kid ? jwk : undefined) };
}

/**
 * What signs webhooks, per provider, as the providers sign theirs.
 *
 * @public
 */
export interface WebhookSigning {
  /** Plaid: a `Plaid-Verification` ES256 JWT; `iat` defaults to now (seconds), `alg` to ES256 (set it to test a refusal). */
  readonly plaid?: { readonly key: PlaidTestKey; readonly iat?: number; readonly bodyHash?: string };
  /** Finicity: `X-Finicity-Signature`, the hex HMAC-SHA256 of the body. */
  readonly finicity?: { readonly secret: string };
  /** Aerosync: `X-Webhook-Signature: sha256=<hex>`. */
  readonly aerosync?: { readonly secret: string };
  /** Teller: `Teller-Signature: t=<timestamp>,v1=<hex>` for each secret (the third-party scheme); the timestamp defaults to now. */
  readonly teller?: { readonly secrets: readonly string[]; readonly timestamp?: number };
}

/**
 * The headers a provider sends with a body: its content type and, where it
 * signs, its signature over these exact bytes.
 *
 * @throws TypeError when a signing key or secret is not one.
 *
 * @public
 */
export async function signWebhook(options: {
  readonly provider: WebhookProvider | (string & {});
  readonly body: string;
  readonly signing?: WebhookSigning;
}): Promise<Record<string, string>> {
  try {
    return await signed(options);
  } catch {
    throw new TypeError('aggregator-errors: signWebhook could not sign: signing.plaid.key must come from createPlaidTestKey, secrets must be strings');
  }
}

async function signed(options: unknown): Promise<Record<string, string>> {
  const provider = own(options, 'provider');
  const bodyOption = own(options, 'body');
  const body = typeof bodyOption === 'string' ? bodyOption : '';
  const signing = own(options, 'signing');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const bytes = utf8(body);
  if (provider === 'plaid') {
    const plaid = own(signing, 'plaid') as WebhookSigning['plaid'];
    const key = own(plaid, 'key') as PlaidTestKey | undefined;
    if (key !== undefined) {
      const iat = own(plaid, 'iat');
      const hash = own(plaid, 'bodyHash');
      headers['plaid-verification'] = await new SignJWT({ request_body_sha256: typeof hash === 'string' ? hash : await sha256Hex(bytes) })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
        .setIssuedAt(typeof iat === 'number' ? iat : Math.floor(Date.now() / 1000))
        .sign(key.privateKey);
    }
  } else if (provider === 'finicity' || provider === 'aerosync') {
    const secret = own(own(signing, provider), 'secret');
    if (typeof secret === 'string') {
      const mac = toHex(await hmacSha256(secret, bytes));
      if (provider === 'finicity') headers['x-finicity-signature'] = mac;
      else headers['x-webhook-signature'] = `sha256=${mac}`;
    }
  } else if (provider === 'teller') {
    const teller = own(signing, 'teller');
    const secrets = own(teller, 'secrets');
    const timestampOption = own(teller, 'timestamp');
    if (Array.isArray(secrets) && secrets.length > 0) {
      const t = typeof timestampOption === 'number' ? Math.floor(timestampOption) : Math.floor(Date.now() / 1000);
      const signed = utf8(`${t}.${body}`);
      const macs: string[] = [];
      for (const secret of secrets.slice(0, 8)) if (typeof secret === 'string') macs.push(`v1=${toHex(await hmacSha256(secret, signed))}`);
      headers['teller-signature'] = [`t=${t}`, ...macs].join(',');
    }
  }
  return headers;
}

/**
 * What a receiver answered.
 *
 * @public
 */
export interface WebhookDelivery {
  /** The HTTP status. */
  readonly status: number;
  /** The response body, as text. */
  readonly body: string;
}

/**
 * Sends a webhook to a (loopback) URL as its provider would: a POST with the
 * JSON body, signed where the provider signs.
 *
 * @remarks
 * Rejects like `fetch` when nothing answers within `timeoutMs`.
 *
 * @example
 * ```ts
 * const key = await createPlaidTestKey();
 * const [fixture] = webhookFixtures('plaid');
 * const answer = await sendWebhook({ url: 'http://127.0.0.1:8080/webhooks/plaid', provider: 'plaid', payload: fixture.payload, signing: { plaid: { key } } });
 * ```
 *
 * @public
 */
export async function sendWebhook(options: {
  /** Where to POST. */
  readonly url: string;
  /** The provider whose signature scheme to use. */
  readonly provider: WebhookProvider | (string & {});
  /** The body: a JSON value (serialized once, and those bytes signed) or raw text. */
  readonly payload: JsonObject | string;
  /** The signing keys; without them the webhook goes unsigned. */
  readonly signing?: WebhookSigning;
  /** Headers to add or override after signing (to test a tampered request). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The request deadline in milliseconds. @defaultValue 10000 */
  readonly timeoutMs?: number;
}): Promise<WebhookDelivery> {
  const payload = options.payload;
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers = {
    ...(await signWebhook({ provider: options.provider, body, ...(options.signing === undefined ? {} : { signing: options.signing }) })),
    ...options.headers,
  };
  const response = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  return { status: response.status, body: await response.text() };
}
