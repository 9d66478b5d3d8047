/**
 * MX Connect's post messages as connection events: the web widget's
 * `{ mx: true, type, metadata }`, the legacy JSON strings
 * (`{ type, payload, moneyDesktop: true }`), the WebView URLs
 * (`mx://connect/<event>?metadata=<JSON>`), the Web SDK's `onEvent` and its
 * per-event callback props. Types compare case-insensitively (MX's SDK accepts
 * all-lowercase aliases), with or without the `mx/` prefix, in both spellings
 * MX's own sources use (`memberStatusUpdate`/`memberStatusUpdated`,
 * `connected/primaryAction`/`memberConnected/primaryAction`).
 */
import type { ConnectionEvent } from '../connections/event.js';
import type { UserAction } from '../taxonomy/hints.js';
import { isObject, own, ownEntry } from '../util/own.js';
import { emit, type Row, type Signal } from './emit.js';
import { parseMessage } from './parse-message.js';
import { classify, readOptions, text, type ReadOptions, type WidgetOptions } from './widget-options.js';

/**
 * The MX Connect callbacks {@link mxConnectEvent} reads: `'message'` for a
 * post message's `data` (or a WebView URL), `'onEvent'` for the Web SDK's single
 * callback, and the SDK's per-event callback props with their payload.
 *
 * @public
 */
export type MxConnectCallback =
  | 'message'
  | 'onEvent'
  | 'onLoaded'
  | 'onEnterCredentials'
  | 'onInstitutionSearch'
  | 'onSelectedInstitution'
  | 'onMemberConnected'
  | 'onConnectedPrimaryAction'
  | 'onMemberDeleted'
  | 'onCreateMemberError'
  | 'onMemberStatusUpdate'
  | 'onOAuthError'
  | 'onOAuthRequested'
  | 'onStepChange'
  | 'onSubmitMFA'
  | 'onUpdateCredentials'
  | 'onBackToSearch'
  | 'onInvalidData';

const WIDGET = 'https://github.com/mxenabled/connect-widget/blob/10780353adc3ee6fea65c3328a009582bbc3d20c/';
const DEF = 'https://github.com/mxenabled/widget-post-message-definitions/blob/6110b5a654dd83e572cdd1703a7f9dd76b5fdabe/lib/post_message_definition.yml';
const DOC = `${WIDGET}docs/POST_MESSAGES.md`;
const STATUSES = `${WIDGET}src/const/Statuses.js`;
const LOGIN_ERROR = `${WIDGET}src/views/loginError/LoginError.js`;
const OAUTH_ERROR = `${WIDGET}src/views/oauth/OAuthError.js`;
const CONNECTING = `${WIDGET}src/views/connecting/Connecting.js`;
const POST_MESSAGE = `${WIDGET}src/utilities/PostMessage.js`;

const info = (source: string, description?: string): Row => (description === undefined ? { state: 'info', source } : { state: 'info', source, description });

// Keyed by the type in lower case, without the mx/ prefix.
const MESSAGES: Readonly<Record<string, Row>> = {
  'connect/loaded': info(DEF, 'The widget loaded (initial_step).'),
  'connect/entercredentials': info(DEF, 'The user submitted credentials for an institution for the first time.'),
  'connect/institutionsearch': info(DEF, 'The user searched for an institution.'),
  'connect/selectedinstitution': info(DEF, 'The user selected an institution.'),
  'connect/memberconnected': {
    state: 'connected',
    source: DEF,
    description: 'The member connected and the data requested in the config finished aggregating.',
  },
  'connect/connected/primaryaction': info(DEF, 'The user pressed the primary button of the connected step.'),
  'connect/memberconnected/primaryaction': info(DOC, 'The user pressed the primary button of the connected step.'),
  'connect/memberdeleted': { state: 'revoked', source: DEF, description: 'The user deleted the member in the widget.', userAction: 'none' },
  'connect/createmembererror': {
    state: 'failed',
    source: DEF,
    description: 'The member failed to be created when credentials were entered.',
    failure: 'widget',
  },
  'connect/oauthrequested': { state: 'pending', source: DEF, description: 'The user is sent to the institution’s OAuth page.', step: 'oauth' },
  'connect/stepchange': info(DEF, 'The widget moved to another step (for analytics; the payload may change).'),
  'connect/submitmfa': info(DEF, 'The user submitted an MFA answer.'),
  'connect/updatecredentials': info(DEF, 'The user submitted credentials while updating existing ones.'),
  'connect/backtosearch': info(DEF, 'The user is sent back to the search step.'),
  'connect/invaliddata': {
    state: 'failed',
    source: DEF,
    description: 'The member has no valid demand deposit (DDA) account (code 1000, NO_VERIFIABLE_ACCOUNTS).',
    failure: 'widget',
    userAction: 'link-another-account',
  },
  'connect/initialdataready': info(DOC, 'The initial data of a job is ready (deprecated by MX).'),
  'connect/invaliddata/primaryaction': info(DOC),
  'connect/membererror/primaryaction': info(DOC),
  'connect/backbuttonclicked': info(DOC),
  load: info(DEF),
  ping: info(DEF, 'Keeps the widget session alive.'),
  navigation: info(DEF),
  focustrap: info(DEF),
  'client/oauthcomplete': info(DEF),
  'pulse/overdraftwarning/cta/transferfunds': info(DEF),
  'account/created': info(DEF),
  // Post Message v1 (ui_message_version below 4), sent as JSON strings.
  'mxconnect:widgetloaded': info(POST_MESSAGE, 'The widget loaded (Post Message v1).'),
  'mxconnect:memberadded': { state: 'connected', source: CONNECTING, description: 'The member connected (Post Message v1).' },
  'atrium:memberadded': { state: 'connected', source: CONNECTING, description: 'The member connected (Atrium WebView URL).' },
};
const MICRODEPOSITS: Row = info(DOC, 'A microdeposit step of the widget.');
const STATUS_CHANGE: Row = info(DEF, 'A member’s connection status changed while connecting.');

// connection_status ids, in order ([STATUSES]; MX's API spec lists the same 22 names in the same order).
const STATUS_NAMES: readonly string[] =
  'CREATED PREVENTED DENIED CHALLENGED REJECTED LOCKED CONNECTED IMPEDED RECONNECTED DEGRADED DISCONNECTED DISCONTINUED CLOSED DELAYED FAILED UPDATED DISABLED IMPORTED RESUMED EXPIRED IMPAIRED PENDING'.split(
    ' ',
  );

const processing = (step: string): Row => ({ state: 'pending', source: STATUSES, description: 'A processing status: aggregation is under way.', step });
const failedWith = (userAction: UserAction, failure: NonNullable<Row['failure']> = 'error'): Row => ({
  state: 'failed',
  source: LOGIN_ERROR,
  failure,
  userAction,
});
const degraded: Row = { state: 'degraded', source: LOGIN_ERROR, userAction: 'wait' };

// What each status means in the widget: Statuses.js groups them (processing, MFA, error); the login-error
// view's actions say what the user does; the statuses MX's catalog classifies as fi-unavailable (the
// institution or MX must act, the member stays) are degraded rather than failed.
const STATUS_ROWS: Readonly<Record<string, Row>> = {
  CREATED: processing('CREATED'),
  RECONNECTED: processing('RECONNECTED'),
  UPDATED: processing('UPDATED'),
  RESUMED: processing('RESUMED'),
  PENDING: {
    state: 'pending',
    source: CONNECTING,
    description: 'The member is pending; it may take much longer than other statuses to resolve.',
    step: 'PENDING',
  },
  CHALLENGED: { state: 'pending', source: STATUSES, description: 'An MFA challenge waits for the user.', step: 'mfa' },
  CONNECTED: { state: 'connected', source: STATUSES },
  PREVENTED: failedWith('reenter-credentials'),
  DENIED: failedWith('reenter-credentials'),
  IMPAIRED: failedWith('reenter-credentials'),
  IMPORTED: failedWith('reenter-credentials'),
  REJECTED: failedWith('restart-mfa'),
  EXPIRED: failedWith('restart-mfa'),
  LOCKED: failedWith('visit-institution'),
  IMPEDED: failedWith('visit-institution'),
  CLOSED: failedWith('link-another-account'),
  DISCONTINUED: failedWith('link-another-account', 'institution-unsupported'),
  DEGRADED: degraded,
  DISCONNECTED: degraded,
  DELAYED: degraded,
  FAILED: degraded,
  DISABLED: degraded,
};

// OAuthError.js: the error_reason it sends, what it tells the user, and its "Try again" button.
const OAUTH_REASONS: Readonly<Record<string, Row>> = {
  CANCELLED: { state: 'cancelled', source: OAUTH_ERROR, description: 'The user cancelled, rejected or denied OAuth.', step: 'oauth' },
  DENIED: { state: 'failed', source: OAUTH_ERROR, description: 'The user could not authenticate.', failure: 'widget', userAction: 'reconnect' },
  IMPEDED: {
    state: 'failed',
    source: OAUTH_ERROR,
    description: 'The user must resolve an issue at the institution.',
    failure: 'widget',
    userAction: 'visit-institution',
  },
  PROVIDER_ERROR: { state: 'failed', source: OAUTH_ERROR, description: 'The OAuth provider answered an error.', failure: 'widget', userAction: 'wait' },
  SERVER_ERROR: { state: 'failed', source: OAUTH_ERROR, description: 'An MX error.', failure: 'widget', userAction: 'reconnect' },
};
const OAUTH_ERROR_ROW: Row = {
  state: 'failed',
  source: DEF,
  description: 'The user landed on the OAuth error page.',
  failure: 'widget',
  userAction: 'reconnect',
};

// The Web SDK's per-event props that are not "connect/" + the rest of their name.
const PROP_TYPES: Readonly<Record<string, string>> = { onConnectedPrimaryAction: 'connected/primaryAction' };

const MAX_URL_CHARS = 256 * 1024;

/** A message's type and metadata, from any of its shapes. */
function readMessage(message: unknown): { readonly type: string | undefined; readonly metadata: unknown } {
  if (typeof message === 'string' && /^(mx|atrium):\/\//i.test(message) && message.length <= MAX_URL_CHARS) {
    const scheme = message.slice(0, message.indexOf(':')).toLowerCase();
    const rest = message.slice(scheme.length + 3);
    const at = rest.indexOf('?');
    const path = at < 0 ? rest : rest.slice(0, at);
    if (scheme === 'atrium') {
      // atrium://memberAdded/<member guid>
      const slash = path.indexOf('/');
      return {
        type: `atrium:${slash < 0 ? path : path.slice(0, slash)}`,
        metadata: { member_guid: slash < 0 ? undefined : safeDecode(path.slice(slash + 1)) },
      };
    }
    const params = new URLSearchParams(at < 0 ? '' : rest.slice(at + 1));
    const metadata = params.get('metadata');
    // Current URLs carry the metadata as JSON; Post Message v1 URLs carry key=value pairs.
    return { type: `mx/${path}`, metadata: metadata === null ? Object.fromEntries(params) : parseMessage(metadata) };
  }
  const data = parseMessage(message);
  const type = text(own(data, 'type'), 256);
  const inner = own(data, 'metadata') ?? own(data, 'payload');
  return { type, metadata: typeof inner === 'string' ? parseMessage(inner) : inner };
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A connection_status as sent: a number (its id), a numeric string (WebView URLs) or its name. */
function statusName(value: unknown): string | undefined {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : undefined;
  if (id !== undefined) return Number.isInteger(id) ? STATUS_NAMES[id] : undefined;
  const name = text(value, 32)?.toUpperCase();
  return name !== undefined && STATUS_NAMES.includes(name) ? name : undefined;
}

function statusEvent(event: string, status: unknown, signal: Signal, options: ReadOptions): ConnectionEvent {
  if (status === undefined || status === null) return emit('mx', event, STATUS_CHANGE, signal, options);
  const name = statusName(status);
  const row = name === undefined ? undefined : ownEntry(STATUS_ROWS, name);
  if (name === undefined || row === undefined) return emit('mx', event, undefined, signal, options);
  // The failing statuses are codes of MX's catalog (the widget's numeric ids are their aliases).
  const error = row.state === 'failed' || row.state === 'degraded' ? classify(options, { provider: 'mx', code: name }) : undefined;
  return emit('mx', event, row, { ...signal, error }, options);
}

function fromMessage(type: string | undefined, metadata: unknown, options: ReadOptions): ConnectionEvent {
  if (type === undefined) return emit('mx', 'message', undefined, {}, options);
  const key = type.toLowerCase().replace(/^mx\//, '');
  const member = own(metadata, 'member');
  const guid = text(own(metadata, 'member_guid')) ?? text(own(member, 'guid'));
  const signal: Signal = { connection: guid === undefined ? undefined : { type: 'member', id: guid }, user: text(own(metadata, 'user_guid')) };
  switch (key) {
    case 'connect/memberstatusupdate':
    case 'connect/memberstatusupdated':
      return statusEvent(type, own(metadata, 'connection_status'), signal, options);
    case 'connect/membererror':
      return statusEvent(type, own(member, 'connection_status') ?? own(metadata, 'connection_status'), signal, options);
    case 'connect/oautherror': {
      const reason = text(own(metadata, 'error_reason'), 32);
      return emit('mx', type, reason === undefined ? OAUTH_ERROR_ROW : ownEntry(OAUTH_REASONS, reason), signal, options);
    }
    default:
      return emit('mx', type, ownEntry(MESSAGES, key) ?? (key.startsWith('connect/microdeposits/') ? MICRODEPOSITS : undefined), signal, options);
  }
}

/**
 * The connection event of an MX Connect post message or Web SDK callback; never throws.
 *
 * @remarks
 * `'message'` and `'onEvent'` take the message as MX sends it: an object, its
 * JSON text, or a WebView URL (`mx://connect/memberStatusUpdate?metadata=...`).
 * A per-event prop (`'onMemberStatusUpdate'`) takes its metadata. A
 * `connection_status` (a number, as the widget sends it, or its name) decides
 * the state: `CONNECTED` is `connected`, `CHALLENGED` `pending` (`mfa`), the
 * processing statuses `pending`, the statuses the institution or MX must fix
 * `degraded`, and the statuses the user must act on `failed`, with MX's
 * catalog's error when `options.normalizer` is given. An OAuth error the user
 * declined (`CANCELLED`) is `cancelled`. Check the message's origin before
 * passing it: anything can post a message to a window.
 *
 * @example
 * ```ts
 * import { mxConnectEvent } from 'aggregator-errors/widgets';
 *
 * const widgetOrigin = new URL(widgetUrl).origin; // the URL MX's API gave for this session
 * window.addEventListener('message', (message) => {
 *   if (message.origin === widgetOrigin) show(mxConnectEvent('message', message.data));
 * });
 * ```
 *
 * @public
 */
export function mxConnectEvent(callback: MxConnectCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  try {
    if (name === 'message' || name === 'onEvent') {
      const { type, metadata } = readMessage(payload);
      return fromMessage(type, isObject(metadata) ? metadata : undefined, read);
    }
    if (/^on[A-Z]/.test(name)) {
      const rest = ownEntry(PROP_TYPES, name) ?? `${name.charAt(2).toLowerCase()}${name.slice(3)}`;
      const entity = /^account[A-Z]/.test(rest) ? `mx/account/${rest.slice(7).toLowerCase()}` : `mx/connect/${rest}`;
      return fromMessage(entity, parseMessage(payload), read);
    }
    return emit('mx', name, undefined, {}, read);
  } catch {
    return emit('mx', name, undefined, {}, read);
  }
}
