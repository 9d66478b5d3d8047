/**
 * Every documented link-widget callback and message, as the provider's SDK or
 * widget hands it to a page (the payloads of the providers' own examples where
 * they print one), with the connection event it must become without a
 * normalizer. Plain data: a test feeds each to its adapter.
 */
import type { ConnectionRef, ConnectionState } from '../connections/event.js';
import type { UserAction } from '../taxonomy/hints.js';

/**
 * The widgets the adapters of `aggregator-errors/widgets` read, by catalog id.
 *
 * @public
 */
export type WidgetProvider = 'plaid' | 'mx' | 'teller' | 'finicity' | 'yodlee' | 'aerosync';

/**
 * What the connection event of a fixture must say (without a normalizer).
 *
 * @public
 */
export interface WidgetExpectation {
  /** The state. */
  readonly state: ConnectionState;
  /** The event as the adapter names it. */
  readonly event: string;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** Why a `failed` attempt failed. */
  readonly reason?: string;
  /** The step of a `pending` or `cancelled` event (`undefined`: none). */
  readonly step?: string;
  /** The connection the payload names. */
  readonly connection?: ConnectionRef;
  /** The end user the payload names. */
  readonly user?: string;
  /** The accounts the payload names. */
  readonly accounts?: readonly string[];
  /** Whether a documented table classified it (`match.by` is `'event'`), or it is undocumented (`'none'`). */
  readonly documented: boolean;
}

/**
 * One documented widget signal, as the provider sends it, and its event.
 *
 * @public
 */
export interface WidgetFixture {
  /** A readable name: provider, callback, what it shows. */
  readonly name: string;
  /** The widget's provider. */
  readonly provider: WidgetProvider;
  /** The adapter's first argument: the callback (`'onExit'`) or `'message'`. */
  readonly callback: string;
  /** The adapter's second argument: the callback's payload or the message, as sent (an object, JSON text or a URL). */
  readonly payload: unknown;
  /** The first-party source of the payload's shape. */
  readonly source: string;
  /** What the event must say. */
  readonly expected: WidgetExpectation;
  /** Values in the payload that must never reach the event (tokens, passwords). */
  readonly secrets: readonly string[];
}

type Expect = Omit<WidgetExpectation, 'documented' | 'userAction'> & { readonly documented?: boolean; readonly userAction?: UserAction };

const DEFAULT_ACTIONS: { readonly [S in ConnectionState]: UserAction } = {
  connected: 'none',
  recovered: 'none',
  'needs-reconnect': 'reconnect',
  expiring: 'reconnect',
  revoked: 'reconnect',
  degraded: 'wait',
  pending: 'none',
  'new-accounts': 'reconnect',
  cancelled: 'none',
  failed: 'contact-support',
  info: 'none',
};

function fixture(
  provider: WidgetProvider,
  name: string,
  callback: string,
  payload: unknown,
  source: string,
  expected: Expect,
  secrets: readonly string[] = [],
): WidgetFixture {
  return {
    name: `${provider} ${name}`,
    provider,
    callback,
    payload,
    source,
    expected: { ...expected, userAction: expected.userAction ?? DEFAULT_ACTIONS[expected.state], documented: expected.documented ?? true },
    secrets,
  };
}

// Plaid ------------------------------------------------------------------------------------------

const PLAID_WEB = 'https://github.com/plaid/react-plaid-link/blob/f620b4822a30d6e979ee1443e91ecd122cee5247/src/types/index.ts';
const PLAID_RN = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/56b62315fad86c98337541ef55fd55549e0d434a/src/ReactNativePlaidLinkSdk.types.ts';
const PLAID_RN12 = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/1c8f44caf7bcc5d85f0c7a49d710f7c3338e191a/src/Types.ts';
const PLAID_RN_ANDROID =
  'https://github.com/plaid/react-native-plaid-link-sdk/blob/56b62315fad86c98337541ef55fd55549e0d434a/android/src/main/java/expo/modules/plaidlinksdk/PlaidResultMappers.kt';
const PLAID_SPEC = 'https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml';
const PLAID_INVALID_TOKEN = 'https://plaid.com/docs/link/handle-invalid-link-token/';

const PLAID_PUBLIC_TOKEN = 'public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d';
const PLAID_SESSION = '356dbb28-7f98-44d1-8e6d-0cec580f3171';
const CITIZENS = { name: 'Citizens Bank', institution_id: 'ins_20' };
const EXIT_STATUSES = [
  'requires_questions',
  'requires_selections',
  'requires_code',
  'choose_device',
  'requires_credentials',
  'requires_account_selection',
  'requires_oauth',
];
const RN_EXIT_STATUSES = [
  'connected',
  'requires_external_action',
  'requires_recaptcha',
  'requires_deposit_switch_allocation_configuration',
  'requires_deposit_switch_allocation_selection',
];
// React Native's LinkEventName (a superset of the spec's and the web SDK's stable names), and the older SDK's MATCHED_CONSENT.
const PLAID_INFO_EVENTS =
  'AUTO_SELECT_SAVED_INSTITUTION AUTO_SUBMIT_PHONE BANK_INCOME_INSIGHTS_COMPLETED CLOSE_OAUTH CONNECT_NEW_INSTITUTION FAIL_OAUTH IDENTITY_MATCH_PASSED IDENTITY_MATCH_FAILED IDENTITY_VERIFICATION_CLOSE_UI IDENTITY_VERIFICATION_CREATE_SESSION IDENTITY_VERIFICATION_FAIL_SESSION IDENTITY_VERIFICATION_FAIL_STEP IDENTITY_VERIFICATION_OPEN_UI IDENTITY_VERIFICATION_PASS_SESSION IDENTITY_VERIFICATION_PASS_STEP IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION IDENTITY_VERIFICATION_PENDING_REVIEW_STEP IDENTITY_VERIFICATION_RESUME_SESSION IDENTITY_VERIFICATION_RESUME_UI IDENTITY_VERIFICATION_START_STEP ISSUE_FOLLOWED LAYER_AUTOFILL_NOT_AVAILABLE LAYER_NOT_AVAILABLE LAYER_READY MATCHED_SELECT_INSTITUTION MATCHED_SELECT_VERIFY_METHOD OPEN OPEN_MY_PLAID OPEN_OAUTH PLAID_CHECK_PANE PROFILE_ELIGIBILITY_CHECK_ERROR PROFILE_ELIGIBILITY_CHECK_READY REMEMBER_ME_DISABLED REMEMBER_ME_ENABLED REMEMBER_ME_HOLDOUT SEARCH_INSTITUTION SELECT_ACCOUNT SELECT_AUTH_TYPE SELECT_BRAND SELECT_DEGRADED_INSTITUTION SELECT_DENYLISTED_INSTITUTION SELECT_DOWN_INSTITUTION SELECT_FALLBACK_ROUTING_INSTITUTION SELECT_FILTERED_INSTITUTION SELECT_INSTITUTION SELECT_REMEMBER_ME_DUPLICATE_INSTITUTION SELECT_SAVED_ACCOUNT SELECT_SAVED_INSTITUTION SKIP_SUBMIT_EMAIL SKIP_SUBMIT_PHONE SUBMIT_ACCOUNT_NUMBER SUBMIT_CREDENTIALS SUBMIT_DOCUMENTS SUBMIT_DOCUMENTS_ERROR SUBMIT_DOCUMENTS_SUCCESS SUBMIT_EMAIL SUBMIT_MFA SUBMIT_OTP SUBMIT_PHONE SUBMIT_ROUTING_NUMBER TRANSITION_VIEW VERIFY_PHONE VIEW_DATA_TYPES MATCHED_CONSENT ERROR'.split(
    ' ',
  );

function webExit(status: string | null, error: unknown = null): unknown {
  return { error, metadata: { institution: CITIZENS, status, link_session_id: PLAID_SESSION, request_id: 'u1HcAeiCKtz3qmm' } };
}

const INVALID_CREDENTIALS = {
  error_type: 'ITEM_ERROR',
  error_code: 'INVALID_CREDENTIALS',
  error_message: 'the provided credentials were not correct',
  display_message: 'The provided credentials were not correct. Please try again.',
};

function plaidFixtures(): WidgetFixture[] {
  return [
    fixture(
      'plaid',
      'onSuccess (web): connected, the accounts named, the public token never kept',
      'onSuccess',
      {
        public_token: PLAID_PUBLIC_TOKEN,
        metadata: {
          institution: CITIZENS,
          accounts: [
            {
              id: 'BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J',
              name: 'Plaid Checking',
              mask: '0000',
              type: 'depository',
              subtype: 'checking',
              verification_status: null,
              class_type: null,
            },
          ],
          link_session_id: PLAID_SESSION,
        },
      },
      PLAID_WEB,
      { state: 'connected', event: 'onSuccess', accounts: ['BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J'] },
      [PLAID_PUBLIC_TOKEN],
    ),
    fixture(
      'plaid',
      'onSuccess (React Native LinkSuccess)',
      'onSuccess',
      {
        publicToken: PLAID_PUBLIC_TOKEN,
        metadata: {
          institution: { id: 'ins_20', name: 'Citizens Bank' },
          accounts: [{ id: 'acc-rn-1', name: 'Checking', mask: '0000', type: 'depository', subtype: 'checking' }],
          linkSessionId: PLAID_SESSION,
          metadataJson: '{}',
        },
      },
      PLAID_RN,
      { state: 'connected', event: 'onSuccess', accounts: ['acc-rn-1'] },
      [PLAID_PUBLIC_TOKEN],
    ),
    fixture('plaid', 'onExit (web) with no error and no status: cancelled', 'onExit', webExit(null), PLAID_WEB, { state: 'cancelled', event: 'onExit' }),
    ...[...EXIT_STATUSES, ...RN_EXIT_STATUSES].map((status) =>
      fixture('plaid', `onExit at ${status}: cancelled, never an error`, 'onExit', webExit(status), EXIT_STATUSES.includes(status) ? PLAID_SPEC : PLAID_RN, {
        state: 'cancelled',
        event: 'onExit',
        step: status,
      }),
    ),
    fixture('plaid', 'onExit at institution_not_supported: failed, institution unsupported', 'onExit', webExit('institution_not_supported'), PLAID_SPEC, {
      state: 'failed',
      event: 'onExit',
      reason: 'institution-unsupported',
      userAction: 'link-another-account',
    }),
    fixture('plaid', 'onExit at institution_not_found: failed, institution not found', 'onExit', webExit('institution_not_found'), PLAID_SPEC, {
      state: 'failed',
      event: 'onExit',
      reason: 'institution-not-found',
      userAction: 'link-another-account',
    }),
    fixture('plaid', 'onExit after INVALID_CREDENTIALS: failed with the error', 'onExit', webExit('requires_credentials', INVALID_CREDENTIALS), PLAID_WEB, {
      state: 'failed',
      event: 'onExit',
      reason: 'error',
      userAction: 'reconnect',
    }),
    fixture(
      'plaid',
      'onExit with INVALID_LINK_TOKEN (the link token expired in Link)',
      'onExit',
      webExit('requires_credentials', {
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_LINK_TOKEN',
        error_message: 'invalid link_token provided',
        display_message: null,
      }),
      PLAID_INVALID_TOKEN,
      { state: 'failed', event: 'onExit', reason: 'error' },
    ),
    fixture(
      'plaid',
      'onExit with INSTITUTION_NO_LONGER_SUPPORTED: failed, institution unsupported',
      'onExit',
      webExit(null, {
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_NO_LONGER_SUPPORTED',
        error_message: 'this institution is no longer supported',
        display_message: null,
      }),
      PLAID_RN,
      { state: 'failed', event: 'onExit', reason: 'institution-unsupported', userAction: 'link-another-account' },
    ),
    fixture(
      'plaid',
      'onExit (React Native, Android bridge): error {} and institution "" mean none',
      'onExit',
      { error: {}, metadata: { status: 'requires_credentials', institution: '', linkSessionId: PLAID_SESSION, requestId: '', metadataJson: '' } },
      PLAID_RN_ANDROID,
      { state: 'cancelled', event: 'onExit', step: 'requires_credentials' },
    ),
    fixture(
      'plaid',
      'onExit (React Native, Android bridge): every string "", a cancel with no step',
      'onExit',
      {
        error: { errorCode: '', errorType: '', errorMessage: '', displayMessage: '' },
        metadata: { status: '', institution: '', linkSessionId: PLAID_SESSION, requestId: '' },
      },
      PLAID_RN_ANDROID,
      { state: 'cancelled', event: 'onExit' },
    ),
    fixture(
      'plaid',
      'onExit (React Native LinkExit) with an error',
      'onExit',
      {
        error: {
          errorCode: 'INVALID_CREDENTIALS',
          errorType: 'ITEM_ERROR',
          errorMessage: 'the provided credentials were not correct',
          displayMessage: 'The provided credentials were not correct.',
          errorJson: '{}',
        },
        metadata: {
          status: 'requires_credentials',
          institution: { id: 'ins_20', name: 'Citizens Bank' },
          linkSessionId: PLAID_SESSION,
          requestId: 'ttK0NtGKaVAlbCR',
        },
      },
      PLAID_RN,
      { state: 'failed', event: 'onExit', reason: 'error', userAction: 'reconnect' },
    ),
    ...PLAID_INFO_EVENTS.map((name) =>
      fixture(
        'plaid',
        `onEvent ${name}: nothing about health`,
        'onEvent',
        { eventName: name, metadata: { link_session_id: PLAID_SESSION, timestamp: '2024-05-21T00:17:54Z', request_id: 'ClqZyuhovgkaQ3j' } },
        name === 'MATCHED_CONSENT' ? PLAID_RN12 : PLAID_RN,
        {
          state: 'info',
          event: name,
        },
      ),
    ),
    fixture(
      'plaid',
      'onEvent HANDOFF: connected',
      'onEvent',
      { eventName: 'HANDOFF', metadata: { link_session_id: PLAID_SESSION, timestamp: '2024-05-21T00:18:20Z' } },
      PLAID_WEB,
      {
        state: 'connected',
        event: 'HANDOFF',
      },
    ),
    fixture(
      'plaid',
      'onEvent TRANSITION_VIEW to the MFA pane: pending',
      'onEvent',
      { eventName: 'TRANSITION_VIEW', metadata: { view_name: 'MFA', mfa_type: 'code', timestamp: '2024-05-21T00:18:00Z' } },
      PLAID_SPEC,
      {
        state: 'pending',
        event: 'TRANSITION_VIEW',
        step: 'mfa',
      },
    ),
    fixture(
      'plaid',
      'onEvent (React Native LinkEvent) TRANSITION_VIEW with viewName MFA',
      'onEvent',
      {
        eventName: 'TRANSITION_VIEW',
        metadata: { viewName: 'MFA', mfaType: 'questions', linkSessionId: PLAID_SESSION, timestamp: '2024-05-21T00:18:00Z', metadataJson: '' },
      },
      PLAID_RN,
      { state: 'pending', event: 'TRANSITION_VIEW', step: 'mfa' },
    ),
    // The spec's LinkEvent, verbatim from the LINK EVENTS webhook example.
    fixture(
      'plaid',
      'LinkEvent EXIT from the EVENTS example: failed after INVALID_CREDENTIALS',
      'onEvent',
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
      PLAID_SPEC,
      { state: 'failed', event: 'EXIT', reason: 'error', userAction: 'reconnect' },
    ),
    fixture(
      'plaid',
      'onEvent EXIT with no error: cancelled',
      'onEvent',
      { eventName: 'EXIT', metadata: { exit_status: 'requires_account_selection', timestamp: '2024-05-21T00:18:13Z' } },
      PLAID_WEB,
      {
        state: 'cancelled',
        event: 'EXIT',
        step: 'requires_account_selection',
      },
    ),
    fixture('plaid', 'onLoad', 'onLoad', undefined, PLAID_WEB, { state: 'info', event: 'onLoad' }),
  ];
}

// MX ---------------------------------------------------------------------------------------------

const MX_DEF = 'https://github.com/mxenabled/widget-post-message-definitions/blob/6110b5a654dd83e572cdd1703a7f9dd76b5fdabe/lib/post_message_definition.yml';
const MX_TEST =
  'https://github.com/mxenabled/widget-post-message-definitions/blob/6110b5a654dd83e572cdd1703a7f9dd76b5fdabe/packages/typescript/test/post_message_dispatch_test.ts';
const MX_WIDGET = 'https://github.com/mxenabled/connect-widget/blob/10780353adc3ee6fea65c3328a009582bbc3d20c/';
const SESSION = { user_guid: 'USR-123', session_guid: 'SES-123' };
const MX_STATUSES =
  'CREATED PREVENTED DENIED CHALLENGED REJECTED LOCKED CONNECTED IMPEDED RECONNECTED DEGRADED DISCONNECTED DISCONTINUED CLOSED DELAYED FAILED UPDATED DISABLED IMPORTED RESUMED EXPIRED IMPAIRED PENDING'.split(
    ' ',
  );
const MEMBER: ConnectionRef = { type: 'member', id: 'MBR-123' };

/** What the widget's connection_status means, as the adapter's table says it. */
function mxStatus(name: string): Pick<Expect, 'state' | 'reason' | 'step' | 'userAction'> {
  switch (name) {
    case 'CONNECTED':
      return { state: 'connected' };
    case 'CHALLENGED':
      return { state: 'pending', step: 'mfa' };
    case 'CREATED':
    case 'RECONNECTED':
    case 'UPDATED':
    case 'RESUMED':
    case 'PENDING':
      return { state: 'pending', step: name };
    case 'DEGRADED':
    case 'DISCONNECTED':
    case 'DELAYED':
    case 'FAILED':
    case 'DISABLED':
      return { state: 'degraded', userAction: 'wait' };
    case 'REJECTED':
    case 'EXPIRED':
      return { state: 'failed', reason: 'error', userAction: 'restart-mfa' };
    case 'LOCKED':
    case 'IMPEDED':
      return { state: 'failed', reason: 'error', userAction: 'visit-institution' };
    case 'CLOSED':
      return { state: 'failed', reason: 'error', userAction: 'link-another-account' };
    case 'DISCONTINUED':
      return { state: 'failed', reason: 'institution-unsupported', userAction: 'link-another-account' };
    default:
      return { state: 'failed', reason: 'error', userAction: 'reenter-credentials' };
  }
}

function mx(type: string, metadata: Record<string, unknown>): unknown {
  return { mx: true, type, metadata: { ...SESSION, ...metadata } };
}

function mxFixtures(): WidgetFixture[] {
  const info = (type: string, metadata: Record<string, unknown>, source = MX_DEF, connection?: ConnectionRef): WidgetFixture =>
    fixture(
      'mx',
      `${type}: nothing about health`,
      'message',
      mx(type, metadata),
      source,
      connection === undefined ? { state: 'info', event: type, user: 'USR-123' } : { state: 'info', event: type, user: 'USR-123', connection },
    );
  return [
    fixture(
      'mx',
      'mx/connect/memberDeleted (the definitions test fixture): revoked, nothing for the user to do',
      'message',
      mx('mx/connect/memberDeleted', { member_guid: 'MBR-123' }),
      MX_TEST,
      {
        state: 'revoked',
        event: 'mx/connect/memberDeleted',
        connection: MEMBER,
        user: 'USR-123',
        userAction: 'none',
      },
    ),
    ...MX_STATUSES.map((name, id) =>
      fixture(
        'mx',
        `mx/connect/memberStatusUpdate ${id} (${name})`,
        'message',
        mx('mx/connect/memberStatusUpdate', { member_guid: 'MBR-123', connection_status: id }),
        `${MX_WIDGET}src/const/Statuses.js`,
        {
          ...mxStatus(name),
          event: 'mx/connect/memberStatusUpdate',
          connection: MEMBER,
          user: 'USR-123',
        },
      ),
    ),
    fixture(
      'mx',
      'mx://connect/memberStatusUpdate WebView URL (the definitions test metadata, status 6 CONNECTED)',
      'message',
      `mx://connect/memberStatusUpdate?metadata=${encodeURIComponent(JSON.stringify({ ...SESSION, member_guid: 'MBR-123', connection_status: 6 }))}`,
      MX_TEST,
      { state: 'connected', event: 'mx/connect/memberStatusUpdate', connection: MEMBER, user: 'USR-123' },
    ),
    fixture(
      'mx',
      'memberStatusUpdate as a JSON string, DENIED (2)',
      'message',
      JSON.stringify(mx('mx/connect/memberStatusUpdate', { member_guid: 'MBR-123', connection_status: 2 })),
      `${MX_WIDGET}src/utilities/PostMessage.js`,
      {
        state: 'failed',
        event: 'mx/connect/memberStatusUpdate',
        reason: 'error',
        userAction: 'reenter-credentials',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'mx/connect/memberStatusUpdated (the spelling of the widget docs), LOCKED (5)',
      'message',
      mx('mx/connect/memberStatusUpdated', { member_guid: 'MBR-123', connection_status: 5 }),
      `${MX_WIDGET}docs/POST_MESSAGES.md`,
      {
        state: 'failed',
        event: 'mx/connect/memberStatusUpdated',
        reason: 'error',
        userAction: 'visit-institution',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'mx/connect/memberstatusupdate (the all-lowercase alias), CHALLENGED (3)',
      'message',
      mx('mx/connect/memberstatusupdate', { member_guid: 'MBR-123', connection_status: 3 }),
      'https://github.com/mxenabled/widget-post-message-definitions/blob/6110b5a654dd83e572cdd1703a7f9dd76b5fdabe/packages/typescript/src/generated.ts',
      {
        state: 'pending',
        event: 'mx/connect/memberstatusupdate',
        step: 'mfa',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'connect/memberStatusUpdate without the mx/ prefix (the open-source widget’s onPostMessage)',
      'message',
      { type: 'connect/memberStatusUpdate', metadata: { member_guid: 'MBR-123', connection_status: 6 } },
      `${MX_WIDGET}src/views/connecting/Connecting.js`,
      {
        state: 'connected',
        event: 'connect/memberStatusUpdate',
        connection: MEMBER,
      },
    ),
    fixture(
      'mx',
      'onMemberStatusUpdate Web SDK prop, IMPAIRED (20)',
      'onMemberStatusUpdate',
      { ...SESSION, member_guid: 'MBR-123', connection_status: 20 },
      'https://github.com/mxenabled/widget-post-message-definitions/blob/6110b5a654dd83e572cdd1703a7f9dd76b5fdabe/packages/typescript/docs/web-sdk-generated.md',
      {
        state: 'failed',
        event: 'mx/connect/memberStatusUpdate',
        reason: 'error',
        userAction: 'reenter-credentials',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'onEvent of the Web SDK ({ type, metadata }), memberConnected',
      'onEvent',
      { type: 'mx/connect/memberConnected', metadata: { ...SESSION, member_guid: 'MBR-123' } },
      MX_DEF,
      {
        state: 'connected',
        event: 'mx/connect/memberConnected',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture('mx', 'mx/connect/memberConnected: connected', 'message', mx('mx/connect/memberConnected', { member_guid: 'MBR-123' }), MX_DEF, {
      state: 'connected',
      event: 'mx/connect/memberConnected',
      connection: MEMBER,
      user: 'USR-123',
    }),
    fixture(
      'mx',
      'mx/connect/memberError (the login-error view) with DENIED',
      'message',
      { mx: true, type: 'mx/connect/memberError', metadata: { member: { guid: 'MBR-123', connection_status: 2 } } },
      `${MX_WIDGET}src/views/loginError/LoginError.js`,
      {
        state: 'failed',
        event: 'mx/connect/memberError',
        reason: 'error',
        userAction: 'reenter-credentials',
        connection: MEMBER,
      },
    ),
    fixture(
      'mx',
      'mx/connect/createMemberError: failed',
      'message',
      mx('mx/connect/createMemberError', { institution_guid: 'INS-123', institution_code: 'mxbank' }),
      MX_DEF,
      {
        state: 'failed',
        event: 'mx/connect/createMemberError',
        reason: 'widget',
        user: 'USR-123',
      },
    ),
    ...[
      ['CANCELLED', { state: 'cancelled', step: 'oauth' }],
      ['DENIED', { state: 'failed', reason: 'widget', userAction: 'reconnect' }],
      ['IMPEDED', { state: 'failed', reason: 'widget', userAction: 'visit-institution' }],
      ['PROVIDER_ERROR', { state: 'failed', reason: 'widget', userAction: 'wait' }],
      ['SERVER_ERROR', { state: 'failed', reason: 'widget', userAction: 'reconnect' }],
    ].map(([reason, expected]) =>
      fixture(
        'mx',
        `mx/connect/oauthError with error_reason ${String(reason)}`,
        'message',
        mx('mx/connect/oauthError', { member_guid: 'MBR-123', error_reason: reason }),
        `${MX_WIDGET}src/views/oauth/OAuthError.js`,
        {
          ...(expected as Pick<Expect, 'state' | 'reason' | 'step' | 'userAction'>),
          event: 'mx/connect/oauthError',
          connection: MEMBER,
          user: 'USR-123',
        },
      ),
    ),
    fixture('mx', 'mx/connect/oauthError as the definitions give it (member_guid only)', 'message', mx('mx/connect/oauthError', {}), MX_DEF, {
      state: 'failed',
      event: 'mx/connect/oauthError',
      reason: 'widget',
      userAction: 'reconnect',
      user: 'USR-123',
    }),
    fixture(
      'mx',
      'mx/connect/oauthRequested: pending at OAuth',
      'message',
      mx('mx/connect/oauthRequested', { url: 'https://bank.example/oauth', member_guid: 'MBR-123' }),
      MX_DEF,
      {
        state: 'pending',
        event: 'mx/connect/oauthRequested',
        step: 'oauth',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'mx/connect/invalidData (the definitions: a numeric code)',
      'message',
      mx('mx/connect/invalidData', { member_guid: 'MBR-123', code: 1000 }),
      MX_DEF,
      {
        state: 'failed',
        event: 'mx/connect/invalidData',
        reason: 'widget',
        userAction: 'link-another-account',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'mx/connect/invalidData (the widget docs: a string code)',
      'message',
      mx('mx/connect/invalidData', { code: '1000', member_guid: 'MBR-123' }),
      `${MX_WIDGET}docs/POST_MESSAGES.md`,
      {
        state: 'failed',
        event: 'mx/connect/invalidData',
        reason: 'widget',
        userAction: 'link-another-account',
        connection: MEMBER,
        user: 'USR-123',
      },
    ),
    fixture(
      'mx',
      'mx/connect/invalidData (the widget’s legacy { member: { guid, code } })',
      'message',
      { mx: true, type: 'mx/connect/invalidData', metadata: { member: { guid: 'MBR-123', code: 1000 } } },
      `${MX_WIDGET}src/views/actionableError/ActionableError.tsx`,
      {
        state: 'failed',
        event: 'mx/connect/invalidData',
        reason: 'widget',
        userAction: 'link-another-account',
        connection: MEMBER,
      },
    ),
    fixture(
      'mx',
      'Post Message v1 JSON string mxConnect:memberAdded: connected',
      'message',
      JSON.stringify({
        type: 'mxConnect:memberAdded',
        payload: { member_guid: 'MBR-123', user_guid: 'USR-123' },
        moneyDesktop: true,
        timeStamp: 1700000000000,
      }),
      `${MX_WIDGET}src/views/connecting/Connecting.js`,
      { state: 'connected', event: 'mxConnect:memberAdded', connection: MEMBER, user: 'USR-123' },
    ),
    fixture(
      'mx',
      'Post Message v1 JSON string mxConnect:widgetLoaded',
      'message',
      JSON.stringify({ type: 'mxConnect:widgetLoaded', payload: {}, moneyDesktop: true, timeStamp: 1700000000000 }),
      `${MX_WIDGET}src/utilities/PostMessage.js`,
      {
        state: 'info',
        event: 'mxConnect:widgetLoaded',
      },
    ),
    fixture('mx', 'Atrium WebView URL memberAdded: connected', 'message', 'atrium://memberAdded/MBR-123', `${MX_WIDGET}src/views/connecting/Connecting.js`, {
      state: 'connected',
      event: 'atrium:memberAdded',
      connection: MEMBER,
    }),
    info('mx/connect/loaded', { initial_step: 'search' }),
    info('mx/connect/enterCredentials', { institution: { code: 'mxbank', guid: 'INS-123' } }),
    info('mx/connect/institutionSearch', { query: 'mx bank' }),
    info('mx/connect/selectedInstitution', { code: 'mxbank', guid: 'INS-123', name: 'MX Bank', url: 'https://www.mx.com' }),
    info('mx/connect/connected/primaryAction', {}),
    info('mx/connect/memberConnected/primaryAction', {}, `${MX_WIDGET}docs/POST_MESSAGES.md`),
    info('mx/connect/stepChange', { previous: 'search', current: 'enterCreds' }),
    info('mx/connect/submitMFA', { member_guid: 'MBR-123' }, MX_DEF, MEMBER),
    info('mx/connect/updateCredentials', { member_guid: 'MBR-123', institution: { code: 'mxbank', guid: 'INS-123' } }, MX_DEF, MEMBER),
    info('mx/connect/backToSearch', { context: 'manualAccountAdded' }),
    info('mx/connect/initialDataReady', { member_guid: 'MBR-123' }, `${MX_WIDGET}docs/POST_MESSAGES.md`, MEMBER),
    info('mx/connect/invalidData/primaryAction', { member_guid: 'MBR-123' }, `${MX_WIDGET}docs/POST_MESSAGES.md`, MEMBER),
    info('mx/connect/memberError/primaryAction', { member_guid: 'MBR-123' }, `${MX_WIDGET}docs/POST_MESSAGES.md`, MEMBER),
    info('mx/connect/backButtonClicked', {}, `${MX_WIDGET}docs/POST_MESSAGES.md`),
    info('mx/connect/microdeposits/detailsSubmitted', {}, `${MX_WIDGET}src/const/postMessages.js`),
    info('mx/connect/microdeposits/verified', {}, `${MX_WIDGET}src/const/postMessages.js`),
    fixture('mx', 'mx/load (payload {})', 'message', { mx: true, type: 'mx/load', metadata: {} }, MX_DEF, { state: 'info', event: 'mx/load' }),
    info('mx/ping', {}),
    info('mx/navigation', { did_go_back: true }),
    info('mx/focusTrap', {}),
    info('mx/client/oauthComplete', { url: 'https://app.example/oauth/complete' }),
    info('mx/pulse/overdraftWarning/cta/transferFunds', { account_guid: 'ACT-123', amount: 25 }),
    info('mx/account/created', { guid: 'ACT-123' }),
  ];
}

// Teller -----------------------------------------------------------------------------------------

const TELLER_TYPES = 'https://github.com/tellerhq/teller-connect-react/blob/00151f8a43f3c0231ceaaf6ceb2a3fa4016c6995/src/types/index.ts';
const TELLER_EXAMPLE = 'https://github.com/tellerhq/examples/blob/05f3eec3857844777d23ff9bfc4d284842dc67ad/static/index.js';
const TELLER_TOKEN = 'token_2utqstwpn3pxwgvyno56hu7sdi';

function tellerFixtures(): WidgetFixture[] {
  return [
    fixture('teller', 'onInit', 'onInit', undefined, TELLER_TYPES, { state: 'info', event: 'onInit' }),
    fixture(
      'teller',
      'onSuccess: the enrollment and user named, the access token never kept',
      'onSuccess',
      {
        accessToken: TELLER_TOKEN,
        user: { id: 'usr_oiffb5cocakqmksbkg002' },
        enrollment: { id: 'enr_oiffb5cocakqmksbkg001', institution: { name: 'Chase' } },
        signatures: ['c2lnbmF0dXJl'],
      },
      TELLER_TYPES,
      { state: 'connected', event: 'onSuccess', connection: { type: 'enrollment', id: 'enr_oiffb5cocakqmksbkg001' }, user: 'usr_oiffb5cocakqmksbkg002' },
      [TELLER_TOKEN],
    ),
    fixture('teller', 'onExit (no payload): cancelled', 'onExit', undefined, TELLER_TYPES, { state: 'cancelled', event: 'onExit' }),
    fixture(
      'teller',
      'onFailure of a payee authorization that timed out',
      'onFailure',
      { type: 'payee', code: 'timeout', message: 'The authorization timed out' },
      TELLER_EXAMPLE,
      {
        state: 'failed',
        event: 'onFailure:timeout',
        reason: 'widget',
        userAction: 'restart-mfa',
      },
    ),
    fixture(
      'teller',
      'onFailure of a payment authorization with an error',
      'onFailure',
      { type: 'payment', code: 'error', message: 'The authorization failed' },
      TELLER_EXAMPLE,
      {
        state: 'failed',
        event: 'onFailure:error',
        reason: 'widget',
      },
    ),
    fixture('teller', 'onEvent (an undocumented option): info, the name kept', 'onEvent', { name: 'institution_selected', data: {} }, TELLER_TYPES, {
      state: 'info',
      event: 'institution_selected',
      documented: false,
    }),
  ];
}

// Finicity / Mastercard ---------------------------------------------------------------------------

const FINICITY_EVENTS = 'https://docs.finicity.com/web-sdk-2-0-events/';
const FINICITY_SDK = 'https://github.com/Mastercard/connect-web-sdk/blob/19d78d56f2cab4dc143f36a02225c3e7ad872531/src/index.ts';
const FINICITY_README = 'https://github.com/Mastercard/connect-web-sdk/blob/036c25295df04ee704c6d51663d0efc3746e3b8e/README.md';
const FINICITY_CONSTANTS = 'https://github.com/Mastercard/connect-web-sdk/blob/036c25295df04ee704c6d51663d0efc3746e3b8e/src/constants.ts';
const FINICITY_ROUTE = 'https://developer.mastercard.com/open-finance-au/documentation/connect/integrating-with-connect/events/connect-route-events/';
const FINICITY_USER = 'https://developer.mastercard.com/open-finance-au/documentation/connect/integrating-with-connect/events/connect-user-events/';

function finicityFixtures(): WidgetFixture[] {
  const done = {
    reason: 'complete',
    code: 200,
    reportData: [
      { portfolioId: 'puukbn68n9kf-6-port', type: 'voi', reportId: 'ubjqshpkcsru-voi' },
      { portfolioId: 'puukbn68n9kf-6-port', type: 'transactions', reportId: '9d0kr7s5h4th-transactions' },
    ],
  };
  return [
    fixture('finicity', 'onLoad', 'onLoad', undefined, FINICITY_README, { state: 'info', event: 'onLoad' }),
    fixture('finicity', 'onDone (the docs example): connected', 'onDone', done, FINICITY_EVENTS, { state: 'connected', event: 'onDone' }),
    fixture('finicity', 'onCancel 100 exit (the docs example): cancelled', 'onCancel', { code: 100, reason: 'exit' }, FINICITY_EVENTS, {
      state: 'cancelled',
      event: 'onCancel',
      step: 'exit',
    }),
    fixture('finicity', 'onError 1440 timeout (the docs example)', 'onError', { code: 1440, reason: 'timeout' }, FINICITY_EVENTS, {
      state: 'failed',
      event: 'onError:1440',
      reason: 'widget',
      userAction: 'reconnect',
    }),
    fixture('finicity', 'onError 500 unexpected error (the docs example)', 'onError', { code: 500, reason: 'error' }, FINICITY_EVENTS, {
      state: 'failed',
      event: 'onError:500',
      reason: 'widget',
      userAction: 'wait',
    }),
    fixture('finicity', 'onError 1403 popup blocked (sent by the SDK itself)', 'onError', { reason: 'error', code: 1403 }, FINICITY_SDK, {
      state: 'failed',
      event: 'onError:1403',
      reason: 'widget',
      userAction: 'reconnect',
    }),
    fixture('finicity', 'onRoute (the route-event example)', 'onRoute', { screen: 'sign-in', params: { institutionId: '101732' } }, FINICITY_ROUTE, {
      state: 'info',
      event: 'onRoute',
    }),
    fixture(
      'finicity',
      'onUser AddAccounts, first event (success, accounts, errorCode all null)',
      'onUser',
      { success: null, accounts: null, errorCode: null },
      FINICITY_USER,
      { state: 'info', event: 'onUser' },
    ),
    fixture(
      'finicity',
      'window message route (the route-event example)',
      'message',
      { type: 'route', data: { screen: 'sign-in', params: { institutionId: '101732' } } },
      FINICITY_ROUTE,
      { state: 'info', event: 'onRoute' },
    ),
    fixture('finicity', 'window message cancel', 'message', { type: 'cancel', data: { code: 100, reason: 'exit' } }, FINICITY_SDK, {
      state: 'cancelled',
      event: 'onCancel',
      step: 'exit',
    }),
    fixture('finicity', 'window message error 1440', 'message', { type: 'error', data: { code: 1440, reason: 'timeout' } }, FINICITY_SDK, {
      state: 'failed',
      event: 'onError:1440',
      reason: 'widget',
      userAction: 'reconnect',
    }),
    fixture('finicity', 'window message done', 'message', { type: 'done', data: done }, FINICITY_SDK, { state: 'connected', event: 'onDone' }),
    ...['ack', 'url', 'ping', 'window', 'closePopup'].map((type) =>
      fixture('finicity', `window message ${type}: the SDK's plumbing`, 'message', { type, data: {} }, FINICITY_CONSTANTS, { state: 'info', event: type }),
    ),
  ];
}

// Yodlee -----------------------------------------------------------------------------------------

const YODLEE_ERRORS = 'https://developer.yodlee.com/docs/fastlink/4.0/advanced/handling_errors';
const YODLEE_UPGRADE = 'https://developer.yodlee.com/resources/yodlee/upgrade-guide/docs/fastlink-upgrade-post-messages';
const YODLEE_NATIVE =
  'https://github.com/Yodlee/fastlink/blob/0d2031158c4b08b060359b84b8d317f47c21f82e/v4/mobile/react-native/FastLink/app/views/FastLinkView.js';
const YODLEE_IOS =
  'https://github.com/Yodlee/fastlink/blob/0d2031158c4b08b060359b84b8d317f47c21f82e/v4/mobile/ios-swift/FastLink/FastLink/FastLinkViewController.swift';
const DEEP_LINK: Readonly<Record<string, string>> = {
  E700: 'flow',
  E701: 'providerId',
  E702: 'providerAccountId',
  E703: 'accountId',
  E704: 'container',
  E705: 'bankTransferCode',
};

function yodleeFixtures(): WidgetFixture[] {
  return [
    ...Object.entries(DEEP_LINK).map(([code, parameter]) =>
      fixture(
        'yodlee',
        `onError ${code} (invalid ${parameter}): failed, the integrator's to fix`,
        'onError',
        { code, title: 'INVALID_PARAMETER_OR_VALUE', message: `Invalid value for ${parameter}`, fnToCall: 'errorHandler' },
        YODLEE_ERRORS,
        {
          state: 'failed',
          event: `onError:${code}`,
          reason: 'widget',
        },
      ),
    ),
    fixture(
      'yodlee',
      'errorHandler post message E701 (the docs example)',
      'message',
      { code: 'E701', title: 'INVALID_PARAMETER_OR_VALUE', message: 'Invalid value for providerId', fnToCall: 'errorHandler' },
      YODLEE_ERRORS,
      {
        state: 'failed',
        event: 'errorHandler:E701',
        reason: 'widget',
      },
    ),
    fixture(
      'yodlee',
      'onError account addition failed (accountStatus, as far as the upgrade guide prints it)',
      'onError',
      { fnToCall: 'accountStatus', providerId: 16441 },
      YODLEE_UPGRADE,
      {
        state: 'failed',
        event: 'onError',
        reason: 'widget',
      },
    ),
    fixture('yodlee', 'onSuccess names the provider account', 'onSuccess', { providerAccountId: 10045, providerName: 'Dag Site' }, YODLEE_UPGRADE, {
      state: 'connected',
      event: 'onSuccess',
      connection: { type: 'provider-account', id: '10045' },
    }),
    fixture('yodlee', 'onClose: cancelled', 'onClose', {}, YODLEE_UPGRADE, { state: 'cancelled', event: 'onClose' }),
    fixture('yodlee', 'onEvent', 'onEvent', {}, 'https://developer.yodlee.com/docs/fastlink/4.0/getting-started', { state: 'info', event: 'onEvent' }),
    fixture(
      'yodlee',
      'resizeIframeWindow post message (the upgrade guide example)',
      'message',
      { fnToCall: 'resizeIframeWindow', app: 'fastlink', height: 500 },
      YODLEE_UPGRADE,
      { state: 'info', event: 'resizeIframeWindow' },
    ),
    fixture(
      'yodlee',
      'native POST_MESSAGE with action exit (JSON text): cancelled',
      'message',
      JSON.stringify({ type: 'POST_MESSAGE', data: { action: 'exit' } }),
      YODLEE_NATIVE,
      { state: 'cancelled', event: 'POST_MESSAGE:exit' },
    ),
    fixture(
      'yodlee',
      'native POST_MESSAGE with the account addition status',
      'message',
      JSON.stringify({ type: 'POST_MESSAGE', data: { fnToCall: 'accountStatus', providerId: 16441 } }),
      YODLEE_NATIVE,
      {
        state: 'failed',
        event: 'POST_MESSAGE:accountStatus',
        reason: 'widget',
      },
    ),
    fixture(
      'yodlee',
      'native OPEN_EXTERNAL_URL',
      'message',
      JSON.stringify({ type: 'OPEN_EXTERNAL_URL', data: { url: 'https://www.yodlee.com' } }),
      YODLEE_NATIVE,
      { state: 'info', event: 'OPEN_EXTERNAL_URL' },
    ),
    fixture(
      'yodlee',
      'native BANK_OAUTH_URL: pending at OAuth',
      'message',
      JSON.stringify({ type: 'BANK_OAUTH_URL', data: { url: 'https://bank.example/oauth' } }),
      YODLEE_IOS,
      { state: 'pending', event: 'BANK_OAUTH_URL', step: 'oauth' },
    ),
  ];
}

// Aerosync ---------------------------------------------------------------------------------------

const AEROSYNC_TYPES = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/80c90bd2408c66ebffaf7e7600c4b7e9949d9c99/src/Types.ts';
const AEROSYNC_WEBVIEW = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/80c90bd2408c66ebffaf7e7600c4b7e9949d9c99/src/BankWebView.tsx';
const AEROSYNC_README = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/0d52165a42c630bd07e6e687b5901c8d969f4ead/README.md';
const AEROSYNC_GLOSSARY = 'https://api-aerosync.readme.io/docs/error-glossary';
const AEROSYNC_PASSWORD = 'aeropass-9f8e7d6c';
const INCORRECT_CREDENTIALS =
  'INCORRECT_CREDENTIALS | Code: AC-117 | Message: Sorry, we encountered an issue while linking your account. Please ensure your account and routing numbers are correct.';
const POLLING_TIMEOUT = 'POLLING_TIMEOUT | Code: AR-100 | Message: No response received from the user within the expected time frame. Please try again later.';

function aerosyncFixtures(): WidgetFixture[] {
  const connection = { type: 'user', id: 'a1b2c3d4-connection' };
  return [
    fixture('aerosync', 'onLoad', 'onLoad', undefined, AEROSYNC_TYPES, { state: 'info', event: 'onLoad' }),
    fixture(
      'aerosync',
      'onSuccess (4.0.0)',
      'onSuccess',
      { connectionId: 'a1b2c3d4-connection', clientName: 'Acme', aeroPassUserUuid: 'uuid-aeropass-1' },
      AEROSYNC_TYPES,
      {
        state: 'connected',
        event: 'onSuccess',
        connection,
        user: 'uuid-aeropass-1',
      },
    ),
    fixture(
      'aerosync',
      'onSuccess (3.0, snake_case)',
      'onSuccess',
      { user_id: 'a1b2c3d4-connection', connection_id: 'a1b2c3d4-connection', client_name: 'Acme', aeropass_user_uuid: 'uuid-aeropass-1' },
      AEROSYNC_TYPES,
      {
        state: 'connected',
        event: 'onSuccess',
        connection,
        user: 'uuid-aeropass-1',
      },
    ),
    fixture(
      'aerosync',
      'onSuccess (2.x): the user id names the connection, the password is never kept',
      'onSuccess',
      { user_id: 'a1b2c3d4-connection', user_password: AEROSYNC_PASSWORD, ClientName: 'Acme', FILoginAcctId: 123456 },
      AEROSYNC_TYPES,
      { state: 'connected', event: 'onSuccess', connection },
      [AEROSYNC_PASSWORD],
    ),
    fixture(
      'aerosync',
      'onSuccess with multi-account linking (accounts[])',
      'onSuccess',
      {
        accounts: [
          { connectionId: 'conn-1', accountType: 'checking', accountNumberDisplay: '****1234' },
          { connectionId: 'conn-2', accountType: 'savings', accountNumberDisplay: '****5678' },
        ],
      },
      AEROSYNC_README,
      { state: 'connected', event: 'onSuccess', connection: { type: 'user', id: 'conn-1' }, accounts: ['conn-1', 'conn-2'] },
    ),
    fixture('aerosync', 'onClose: cancelled', 'onClose', undefined, AEROSYNC_README, { state: 'cancelled', event: 'onClose' }),
    fixture('aerosync', 'onEvent', 'onEvent', { pageTitle: 'Select your bank', onLoadApi: '/institutions' }, AEROSYNC_README, {
      state: 'info',
      event: 'onEvent',
    }),
    fixture('aerosync', 'onBankClick (embedded view)', 'onBankClick', { stateCode: 'bank-123' }, AEROSYNC_TYPES, { state: 'info', event: 'onBankClick' }),
    fixture('aerosync', 'onError AC-117 (the glossary example)', 'onError', INCORRECT_CREDENTIALS, AEROSYNC_GLOSSARY, {
      state: 'failed',
      event: 'onError:AC-117',
      reason: 'error',
      userAction: 'reenter-credentials',
    }),
    fixture('aerosync', 'onError AR-100 (the glossary example)', 'onError', POLLING_TIMEOUT, AEROSYNC_GLOSSARY, {
      state: 'failed',
      event: 'onError:AR-100',
      reason: 'error',
      userAction: 'wait',
    }),
    fixture(
      'aerosync',
      'onError AR-500',
      'onError',
      'SERVER_ERROR | Code: AR-500 | Message: A server error occurred. Please try again later.',
      AEROSYNC_GLOSSARY,
      {
        state: 'failed',
        event: 'onError:AR-500',
        reason: 'error',
        userAction: 'wait',
      },
    ),
    fixture(
      'aerosync',
      'onError from the SDK: a WebView message it could not parse',
      'onError',
      'Failed to parse WebView message: SyntaxError: Unexpected token',
      AEROSYNC_WEBVIEW,
      {
        state: 'failed',
        event: 'onError',
        reason: 'widget',
      },
    ),
    fixture(
      'aerosync',
      'onError from the SDK: a URL it could not open',
      'onError',
      'Unable open the URL in the external browser: Error: No activity found',
      AEROSYNC_WEBVIEW,
      {
        state: 'failed',
        event: 'onError',
        reason: 'widget',
      },
    ),
    fixture('aerosync', 'WebView message widgetError', 'message', JSON.stringify({ type: 'widgetError', payload: INCORRECT_CREDENTIALS }), AEROSYNC_WEBVIEW, {
      state: 'failed',
      event: 'onError:AC-117',
      reason: 'error',
      userAction: 'reenter-credentials',
    }),
    fixture(
      'aerosync',
      'WebView message pageSuccess',
      'message',
      JSON.stringify({ type: 'pageSuccess', payload: { connectionId: 'a1b2c3d4-connection', clientName: 'Acme', aeroPassUserUuid: 'uuid-aeropass-1' } }),
      AEROSYNC_WEBVIEW,
      {
        state: 'connected',
        event: 'onSuccess',
        connection,
        user: 'uuid-aeropass-1',
      },
    ),
    fixture('aerosync', 'WebView message widgetClose', 'message', JSON.stringify({ type: 'widgetClose' }), AEROSYNC_WEBVIEW, {
      state: 'cancelled',
      event: 'onClose',
    }),
    fixture(
      'aerosync',
      'WebView message widgetPageLoaded',
      'message',
      JSON.stringify({ type: 'widgetPageLoaded', payload: { pageTitle: 'Connect', onLoadApi: '/start' } }),
      AEROSYNC_WEBVIEW,
      { state: 'info', event: 'onEvent' },
    ),
    fixture(
      'aerosync',
      'WebView message widgetBankClick',
      'message',
      JSON.stringify({ type: 'widgetBankClick', payload: { stateCode: 'bank-123' } }),
      AEROSYNC_WEBVIEW,
      { state: 'info', event: 'onBankClick' },
    ),
    fixture('aerosync', 'WebView text the SDK cannot parse: failed, as the SDK reports it', 'message', 'not json', AEROSYNC_WEBVIEW, {
      state: 'failed',
      event: 'onError',
      reason: 'widget',
    }),
  ];
}

const BUILDERS: { readonly [P in WidgetProvider]: () => WidgetFixture[] } = {
  plaid: plaidFixtures,
  mx: mxFixtures,
  teller: tellerFixtures,
  finicity: finicityFixtures,
  yodlee: yodleeFixtures,
  aerosync: aerosyncFixtures,
};

/**
 * Every documented callback and message of the link widgets, as the provider sends it,
 * with the connection event it must become; fresh copies on every call.
 *
 * @remarks
 * Pass a provider id for one widget's fixtures; any other value gives all of them.
 * The payloads are the providers' own examples where they print one; ids and
 * tokens elsewhere are placeholders in the documented fields.
 *
 * @example
 * ```ts
 * import { widgetFixtures } from 'aggregator-errors/testkit';
 * import { plaidLinkEvent } from 'aggregator-errors/widgets';
 *
 * for (const fixture of widgetFixtures('plaid')) {
 *   expect(plaidLinkEvent(fixture.callback, fixture.payload).state).toBe(fixture.expected.state);
 * }
 * ```
 *
 * @public
 */
export function widgetFixtures(provider?: WidgetProvider | (string & {})): WidgetFixture[] {
  const one = typeof provider === 'string' && Object.hasOwn(BUILDERS, provider) ? BUILDERS[provider as WidgetProvider] : undefined;
  return one === undefined ? Object.values(BUILDERS).flatMap((build) => build()) : one();
}
