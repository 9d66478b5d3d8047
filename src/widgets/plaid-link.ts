/**
 * Plaid Link's callbacks (web `react-plaid-link` and the React Native SDK) as
 * connection events. The table follows Plaid's own types and spec; where they
 * list different values, every value any of them lists is accepted.
 */
import { isoTime } from '../connections/build.js';
import type { ConnectionEvent } from '../connections/event.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { UserAction } from '../taxonomy/hints.js';
import { arrayItems, own, ownEntry } from '../util/own.js';
import { emit, type Row, type Signal } from './emit.js';
import { classify, readOptions, text, type ReadOptions, type WidgetOptions } from './widget-options.js';

/**
 * The Plaid Link callbacks {@link plaidLinkEvent} reads.
 *
 * @public
 */
export type PlaidLinkCallback = 'onSuccess' | 'onExit' | 'onEvent' | 'onLoad';

const WEB = 'https://github.com/plaid/react-plaid-link/blob/f620b4822a30d6e979ee1443e91ecd122cee5247/src/types/index.ts';
const RN = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/56b62315fad86c98337541ef55fd55549e0d434a/src/ReactNativePlaidLinkSdk.types.ts';
const RN12 = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/1c8f44caf7bcc5d85f0c7a49d710f7c3338e191a/src/Types.ts';
const SPEC = 'https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml';
const ANALYTICS = 'https://support.plaid.com/hc/en-us/articles/360010300134-Tracking-Plaid-Link-analytics';

const EXIT: Row = { state: 'cancelled', source: WEB, description: 'The user exited Link without an error.' };
const FAILED: Row = { state: 'failed', source: WEB, description: 'The user exited Link after an error.', failure: 'error' };

// LinkSessionExitMetadata.status ([SPEC], with its descriptions); the React Native SDK adds five values ([RN]).
const EXIT_STATUSES: Readonly<Record<string, Row>> = {
  requires_questions: { state: 'cancelled', source: SPEC, description: 'User prompted to answer security questions.' },
  requires_selections: { state: 'cancelled', source: SPEC, description: 'User prompted to answer multiple choice question(s).' },
  requires_code: { state: 'cancelled', source: SPEC, description: 'User prompted to provide a one-time passcode.' },
  choose_device: { state: 'cancelled', source: SPEC, description: 'User prompted to select a device on which to receive a one-time passcode.' },
  requires_credentials: {
    state: 'cancelled',
    source: SPEC,
    description: 'User prompted to provide credentials for the selected financial institution or has not yet selected a financial institution.',
  },
  requires_account_selection: { state: 'cancelled', source: SPEC, description: 'User prompted to select one or more financial accounts to share.' },
  requires_oauth: { state: 'cancelled', source: SPEC, description: 'User prompted to enter an OAuth flow.' },
  institution_not_found: {
    state: 'failed',
    source: SPEC,
    description: 'User exited the Link flow after unsuccessfully (no results returned) searching for a financial institution.',
    failure: 'institution-not-found',
    userAction: 'link-another-account',
  },
  institution_not_supported: {
    state: 'failed',
    source: SPEC,
    description: 'User exited the Link flow after discovering their selected institution is no longer supported by Plaid.',
    failure: 'institution-unsupported',
    userAction: 'link-another-account',
  },
  connected: { state: 'cancelled', source: RN },
  requires_external_action: { state: 'cancelled', source: RN },
  requires_recaptcha: { state: 'cancelled', source: RN },
  requires_deposit_switch_allocation_configuration: { state: 'cancelled', source: RN },
  requires_deposit_switch_allocation_selection: { state: 'cancelled', source: RN },
};

// Without a normalizer, what the end user does after an error of each type: the kind
// Plaid's catalog gives the type (ITEM_ERROR reconnect-required; institution, API and
// rate-limit errors wait). Other types keep the failed state's default.
const TYPE_ACTIONS: Readonly<Record<string, UserAction>> = {
  ITEM_ERROR: 'reconnect',
  INSTITUTION_ERROR: 'wait',
  API_ERROR: 'wait',
  RATE_LIMIT_EXCEEDED: 'wait',
};

// onEvent names: [RN]'s LinkEventName (66, a superset of the spec's 26 and the web SDK's 13 stable
// events) and MATCHED_CONSENT from the older SDK ([RN12]). Documented, but saying nothing about health.
const INFO_EVENTS: ReadonlySet<string> = new Set(
  (
    'AUTO_SELECT_SAVED_INSTITUTION AUTO_SUBMIT_PHONE BANK_INCOME_INSIGHTS_COMPLETED CLOSE_OAUTH CONNECT_NEW_INSTITUTION FAIL_OAUTH ' +
    'IDENTITY_MATCH_PASSED IDENTITY_MATCH_FAILED IDENTITY_VERIFICATION_CLOSE_UI IDENTITY_VERIFICATION_CREATE_SESSION IDENTITY_VERIFICATION_FAIL_SESSION ' +
    'IDENTITY_VERIFICATION_FAIL_STEP IDENTITY_VERIFICATION_OPEN_UI IDENTITY_VERIFICATION_PASS_SESSION IDENTITY_VERIFICATION_PASS_STEP ' +
    'IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION IDENTITY_VERIFICATION_PENDING_REVIEW_STEP IDENTITY_VERIFICATION_RESUME_SESSION ' +
    'IDENTITY_VERIFICATION_RESUME_UI IDENTITY_VERIFICATION_START_STEP ISSUE_FOLLOWED LAYER_AUTOFILL_NOT_AVAILABLE LAYER_NOT_AVAILABLE LAYER_READY ' +
    'MATCHED_SELECT_INSTITUTION MATCHED_SELECT_VERIFY_METHOD OPEN_MY_PLAID OPEN_OAUTH PLAID_CHECK_PANE PROFILE_ELIGIBILITY_CHECK_ERROR ' +
    'PROFILE_ELIGIBILITY_CHECK_READY REMEMBER_ME_DISABLED REMEMBER_ME_ENABLED REMEMBER_ME_HOLDOUT SEARCH_INSTITUTION SELECT_ACCOUNT SELECT_AUTH_TYPE ' +
    'SELECT_BRAND SELECT_DEGRADED_INSTITUTION SELECT_DENYLISTED_INSTITUTION SELECT_DOWN_INSTITUTION SELECT_FALLBACK_ROUTING_INSTITUTION ' +
    'SELECT_FILTERED_INSTITUTION SELECT_INSTITUTION SELECT_REMEMBER_ME_DUPLICATE_INSTITUTION SELECT_SAVED_ACCOUNT SELECT_SAVED_INSTITUTION ' +
    'SKIP_SUBMIT_EMAIL SKIP_SUBMIT_PHONE SUBMIT_ACCOUNT_NUMBER SUBMIT_CREDENTIALS SUBMIT_DOCUMENTS SUBMIT_DOCUMENTS_ERROR SUBMIT_DOCUMENTS_SUCCESS ' +
    'SUBMIT_EMAIL SUBMIT_MFA SUBMIT_OTP SUBMIT_PHONE SUBMIT_ROUTING_NUMBER VERIFY_PHONE VIEW_DATA_TYPES'
  ).split(' '),
);
const INFO_EVENT: Row = { state: 'info', source: RN };
const MATCHED_CONSENT: Row = { state: 'info', source: RN12 };

const EVENTS: Readonly<Record<string, Row>> = {
  OPEN: { state: 'info', source: ANALYTICS, description: 'The user first launched Plaid Link.' },
  HANDOFF: { state: 'connected', source: ANALYTICS, description: 'The user successfully linked their account by completing the Plaid Link flow.' },
  ERROR: { state: 'info', source: ANALYTICS, description: 'The user ran into a recoverable error within Plaid Link; Link shows it and the flow goes on.' },
  TRANSITION_VIEW: { state: 'info', source: ANALYTICS, description: 'The user moved from one pane of Plaid Link to the next (view_name).' },
};
const MFA_VIEW: Row = { state: 'pending', source: SPEC, description: 'The user reached an MFA pane (TRANSITION_VIEW with view_name MFA).', step: 'mfa' };

/** A field of Plaid's snake_case (web, spec) or the React Native SDK's camelCase, whichever is set and not `""`. */
function field(value: unknown, snake: string, camel: string): string | undefined {
  return text(own(value, snake)) ?? text(own(value, camel));
}

/** The error of an exit or an event, classified when a normalizer is given. */
function readError(
  value: unknown,
  requestId: string | undefined,
  options: ReadOptions,
): { readonly code: string | undefined; readonly type: string | undefined; readonly error: NormalizedError | undefined } | undefined {
  const code = field(value, 'error_code', 'errorCode');
  const type = field(value, 'error_type', 'errorType');
  // The React Native bridge sends an absent error as {} and absent strings as "".
  if (code === undefined && type === undefined) return undefined;
  const body = {
    error_code: code,
    error_type: type,
    error_message: field(value, 'error_message', 'errorMessage'),
    // Not the older SDK's errorDisplayMessage: "DO NOT USE, data not guaranteed" ([RN12]).
    display_message: field(value, 'display_message', 'displayMessage'),
    request_id: requestId,
  };
  return { code, type, error: classify(options, { provider: 'plaid', body }) };
}

/** An exit (the onExit callback, or the EXIT event's metadata): cancelled unless an error or the status says the attempt failed. */
function exit(
  event: string,
  status: string | undefined,
  errorSource: unknown,
  requestId: string | undefined,
  at: string | undefined,
  options: ReadOptions,
): ConnectionEvent {
  const found = readError(errorSource, requestId, options);
  const statusRow = status === undefined ? undefined : ownEntry(EXIT_STATUSES, status);
  const signal: Signal = { step: status, at, error: found?.error };
  if (statusRow?.state === 'failed') return emit('plaid', event, statusRow, signal, options);
  if (found === undefined) return emit('plaid', event, statusRow ?? EXIT, signal, options);
  const unsupported = found.code === 'INSTITUTION_NO_LONGER_SUPPORTED';
  return emit(
    'plaid',
    event,
    FAILED,
    {
      ...signal,
      failure: unsupported ? 'institution-unsupported' : 'error',
      userAction: unsupported ? 'link-another-account' : found.type === undefined ? undefined : ownEntry(TYPE_ACTIONS, found.type),
    },
    options,
  );
}

function onEvent(payload: unknown, options: ReadOptions): ConnectionEvent {
  // Web and React Native: { eventName, metadata }; the spec's LinkEvent (LINK EVENTS webhook): { event_name, event_metadata, timestamp }.
  const name = text(own(payload, 'eventName'), 128) ?? text(own(payload, 'event_name'), 128);
  const metadata = own(payload, 'metadata') ?? own(payload, 'event_metadata');
  const at = isoTime(own(metadata, 'timestamp') ?? own(payload, 'timestamp'));
  const requestId = field(metadata, 'request_id', 'requestId');
  if (name === undefined) return emit('plaid', 'onEvent', undefined, { at }, options);
  if (name === 'EXIT') return exit(name, field(metadata, 'exit_status', 'exitStatus'), metadata, requestId, at, options);
  if (name === 'TRANSITION_VIEW' && field(metadata, 'view_name', 'viewName') === 'MFA') return emit('plaid', name, MFA_VIEW, { at }, options);
  const row = ownEntry(EVENTS, name) ?? (INFO_EVENTS.has(name) ? INFO_EVENT : name === 'MATCHED_CONSENT' ? MATCHED_CONSENT : undefined);
  const found = name === 'ERROR' ? readError(metadata, requestId, options) : undefined;
  return emit('plaid', name, row, { at, error: found?.error }, options);
}

function onSuccess(payload: unknown, options: ReadOptions): ConnectionEvent {
  // The public token is a credential for the token exchange: never read, never kept.
  const accounts = arrayItems(own(own(payload, 'metadata'), 'accounts'), 64)
    .map((account) => text(own(account, 'id')))
    .filter((id): id is string => id !== undefined);
  return emit('plaid', 'onSuccess', { state: 'connected', source: WEB, description: 'The user successfully completed Link.' }, { accounts }, options);
}

/**
 * The connection event of a Plaid Link callback, on the web (`react-plaid-link`,
 * Link's JavaScript) or in React Native; never throws.
 *
 * @remarks
 * Pass the callback's arguments as one object: `{ error, metadata }` for
 * `onExit` (the React Native `LinkExit` as it is), `{ eventName, metadata }` for
 * `onEvent`, `{ metadata }` for `onSuccess` (the public token is never read).
 * An exit without an error is `cancelled`, with Link's `status` as `step`;
 * `institution_not_supported` is `failed` (`institution-unsupported`),
 * `institution_not_found` is `failed` (`institution-not-found`), and an exit
 * with an error is `failed` with the error classified when `options.normalizer`
 * is given. The React Native bridge's `{}` and `""` for absent values read as
 * absent. `onEvent` names say nothing about health (`info`) except `HANDOFF`
 * (`connected`), `EXIT` (as `onExit`) and a `TRANSITION_VIEW` to the MFA pane
 * (`pending`); an unknown name is `info` with the name kept.
 *
 * @example
 * ```ts
 * import { plaidLinkEvent } from 'aggregator-errors/widgets';
 *
 * const onExit = (error: unknown, metadata: unknown) => show(plaidLinkEvent('onExit', { error, metadata }));
 * ```
 *
 * @public
 */
export function plaidLinkEvent(callback: PlaidLinkCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  try {
    switch (name) {
      case 'onExit': {
        const metadata = own(payload, 'metadata');
        return exit(name, text(own(metadata, 'status')), own(payload, 'error'), field(metadata, 'request_id', 'requestId'), undefined, read);
      }
      case 'onEvent':
        return onEvent(payload, read);
      case 'onSuccess':
        return onSuccess(payload, read);
      case 'onLoad':
        return emit('plaid', name, { state: 'info', source: WEB, description: 'The Link module finished loading.' }, {}, read);
      default:
        return emit('plaid', name, undefined, {}, read);
    }
  } catch {
    return emit('plaid', name, undefined, {}, read);
  }
}
