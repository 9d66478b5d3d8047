/**
 * Plaid's server-side webhooks (ITEM, LINK, TRANSACTIONS) as connection events.
 * Facts: Plaid's OpenAPI spec (the webhook schemas), Plaid's Link SDK types and
 * Plaid's support article on Link analytics.
 */
import { isoTime, undocumentedEvent, type EventFacts } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { arrayItems, own } from '../util/own.js';
import { byError, eventIn, byEvent, classifyBody, type EventRow, stateOfError, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions, type WebhookNormalizer } from './options.js';
import { readPayload } from './payload.js';

const SPEC = 'https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml';
const LINK_TYPES = 'https://github.com/plaid/react-plaid-link/blob/f620b4822a30d6e979ee1443e91ecd122cee5247/src/types/index.ts';
const ANALYTICS = 'https://support.plaid.com/hc/en-us/articles/360010300134-Tracking-Plaid-Link-analytics';
const LINK_RN = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/56b62315fad86c98337541ef55fd55549e0d434a/src/ReactNativePlaidLinkSdk.types.ts';

function infoRows(names: string, description: string, source: string): Record<string, EventRow> {
  return Object.fromEntries(names.split(' ').map((name): [string, EventRow] => [name, { state: 'info', description, source }]));
}

/** Every Plaid webhook the seed documents, keyed `webhook_type.webhook_code`. */
const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  'ITEM.ERROR': {
    state: 'needs-reconnect',
    description:
      "Fired when an error is encountered with an Item; the error can be resolved by having the user go through Link's update mode (ItemErrorWebhook).",
    note: "The error object is classified by the Plaid catalog: a reconnect-required error keeps the state and gives its reason; an error nobody at the user's end can fix (an institution or Plaid outage) makes the event degraded.",
    source: SPEC,
  },
  'ITEM.LOGIN_REPAIRED': {
    state: 'recovered',
    description:
      'The Item exited ITEM_LOGIN_REQUIRED without update mode in your app (e.g. the user fixed it in another app): silence your re-authentication messaging (ItemLoginRepairedWebhook).',
    source: SPEC,
  },
  'ITEM.NEW_ACCOUNTS_AVAILABLE': {
    state: 'new-accounts',
    description:
      'Plaid detected a new account: prompt the user to share it through update mode (US/CA) or by linking again (EU/UK) (NewAccountsAvailableWebhook).',
    source: SPEC,
  },
  'ITEM.PENDING_DISCONNECT': {
    state: 'expiring',
    description:
      'The Item is expected to be disconnected at disconnect_time (currently sent 7 days before; US/CA institutions only) (PendingDisconnectWebhook).',
    source: SPEC,
  },
  'ITEM.PENDING_EXPIRATION': {
    state: 'expiring',
    description:
      "The Item's access consent expires at consent_expiration_time, in 7 days (EU/UK; US/CA Items use PENDING_DISCONNECT) (PendingExpirationWebhook).",
    source: SPEC,
  },
  'ITEM.USER_PERMISSION_REVOKED': {
    state: 'revoked',
    description:
      'The end user revoked the permission of your application to access the Item (through the Plaid Portal or support; through the institution it "may not always fire") (UserPermissionRevokedWebhook).',
    source: SPEC,
  },
  'ITEM.USER_ACCOUNT_REVOKED': {
    state: 'revoked',
    description:
      "The end user revoked access to one account (account_id) on the data provider's portal; currently sent only for PNC Items (UserAccountRevokedWebhook).",
    source: SPEC,
  },
  'ITEM.WEBHOOK_UPDATE_ACKNOWLEDGED': {
    state: 'info',
    description: "The Item's webhook URL was updated; sent to the new URL (WebhookUpdateAcknowledgedWebhook).",
    source: SPEC,
  },
  'TRANSACTIONS.SYNC_UPDATES_AVAILABLE': {
    state: 'info',
    description:
      'New transaction changes can be fetched with /transactions/sync; sent only after /transactions/sync was called once on the Item (SyncUpdatesAvailableWebhook).',
    source: SPEC,
  },
  'LINK.ITEM_ADD_RESULT': {
    state: 'connected',
    description: 'An Item was added in a Hosted Link or Multi-Item Link session (ItemAddResultWebhook).',
    source: SPEC,
  },
  'LINK.SESSION_FINISHED': {
    state: 'connected',
    description: 'The final state of a Link session: status is "SUCCESS" (connected) or "EXITED" (the user left: cancelled) (LinkSessionFinishedWebhook).',
    source: SPEC,
  },
  'LINK.EVENTS': {
    state: 'info',
    description:
      "A summary of a Link session's events, sent after the session ends or 5 to 15 minutes after the last interaction when it was abandoned; it may repeat (LinkEventsWebhook). Summarized by its outcome: HANDOFF connected, EXIT cancelled (failed when it carries an error or an institution not found or supported), neither cancelled (abandoned).",
    source: SPEC,
  },
};

const PENDING_DISCONNECT_REASONS: ReadonlyMap<string, string> = table({
  INSTITUTION_MIGRATION:
    'The institution is moving to an API or a different integration (e.g. non-OAuth to OAuth): the Item disconnects at disconnect_time unless the user reconnects through update mode.',
  INSTITUTION_TOKEN_EXPIRATION:
    'The consent on a US/CA Item is about to expire: the Item disconnects at disconnect_time unless the user renews it through update mode.',
});

/** Link events a server sees in the LINK EVENTS webhook: the stable set of Link's SDK types and the spec's LinkEventName enum. */
const LINK_EVENTS: Readonly<Record<string, EventRow>> = {
  OPEN: { state: 'info', description: 'Fired when the user first launches Plaid Link (stable).', source: ANALYTICS },
  TRANSITION_VIEW: {
    state: 'info',
    description:
      'The user moved from one pane of Plaid Link to the next; the pane is in view_name. To the MFA pane (view_name MFA), an MFA step is under way: pending.',
    source: ANALYTICS,
  },
  EXIT: {
    state: 'cancelled',
    description:
      'The user exited Plaid Link without completing the flow (stable); exit_status is where they left. With an error, or with exit_status institution_not_found / institution_not_supported, the attempt failed.',
    source: ANALYTICS,
  },
  ERROR: {
    state: 'info',
    description:
      'The user ran into a recoverable error within Plaid Link (stable); the error is in the event metadata and classified, but the session goes on.',
    source: ANALYTICS,
  },
  HANDOFF: { state: 'connected', description: 'The user successfully linked their account by completing the Plaid Link flow (stable).', source: ANALYTICS },
  ...infoRows(
    'SELECT_INSTITUTION BANK_INCOME_INSIGHTS_COMPLETED IDENTITY_MATCH_FAILED IDENTITY_MATCH_PASSED IDENTITY_VERIFICATION_PASS_SESSION IDENTITY_VERIFICATION_FAIL_SESSION LAYER_READY LAYER_NOT_AVAILABLE LAYER_AUTOFILL_NOT_AVAILABLE',
    'A stable Link event of the web SDK\'s types (PlaidLinkStableEvent, "will not be deprecated or changed"); it says nothing about a connection\'s health.',
    LINK_TYPES,
  ),
  ...infoRows(
    'CLOSE_OAUTH FAIL_OAUTH ISSUE_FOLLOWED OPEN_MY_PLAID OPEN_OAUTH SEARCH_INSTITUTION SELECT_AUTH_TYPE SELECT_BRAND SELECT_DEGRADED_INSTITUTION SELECT_DOWN_INSTITUTION ' +
      'SELECT_FILTERED_INSTITUTION SUBMIT_ACCOUNT_NUMBER SUBMIT_CREDENTIALS SUBMIT_DOCUMENTS SUBMIT_DOCUMENTS_ERROR SUBMIT_DOCUMENTS_SUCCESS SUBMIT_MFA SUBMIT_ROUTING_NUMBER VIEW_DATA_TYPES',
    "A Link event of the spec's LinkEventName enum: informational and subject to change, so it never changes a connection's health.",
    SPEC,
  ),
  ...infoRows(
    'AUTO_SELECT_SAVED_INSTITUTION AUTO_SUBMIT_PHONE CONNECT_NEW_INSTITUTION IDENTITY_VERIFICATION_CLOSE_UI IDENTITY_VERIFICATION_CREATE_SESSION IDENTITY_VERIFICATION_FAIL_STEP ' +
      'IDENTITY_VERIFICATION_OPEN_UI IDENTITY_VERIFICATION_PASS_STEP IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION IDENTITY_VERIFICATION_PENDING_REVIEW_STEP ' +
      'IDENTITY_VERIFICATION_RESUME_SESSION IDENTITY_VERIFICATION_RESUME_UI IDENTITY_VERIFICATION_START_STEP MATCHED_SELECT_INSTITUTION MATCHED_SELECT_VERIFY_METHOD ' +
      'PLAID_CHECK_PANE PROFILE_ELIGIBILITY_CHECK_ERROR PROFILE_ELIGIBILITY_CHECK_READY REMEMBER_ME_DISABLED REMEMBER_ME_ENABLED REMEMBER_ME_HOLDOUT SELECT_ACCOUNT ' +
      'SELECT_DENYLISTED_INSTITUTION SELECT_FALLBACK_ROUTING_INSTITUTION SELECT_REMEMBER_ME_DUPLICATE_INSTITUTION SELECT_SAVED_ACCOUNT SELECT_SAVED_INSTITUTION ' +
      'SKIP_SUBMIT_EMAIL SKIP_SUBMIT_PHONE SUBMIT_EMAIL SUBMIT_OTP SUBMIT_PHONE VERIFY_PHONE',
    "A Link event of the React Native SDK's LinkEventName (which the EVENTS webhook also carries, e.g. SKIP_SUBMIT_PHONE in the spec's example): informational, it never changes a connection's health.",
    LINK_RN,
  ),
};

const webhookRows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);
const linkRows: ReadonlyMap<string, EventRow> = table(LINK_EVENTS);

/** The documented rows of the Plaid adapter, for the events table. */
export const PLAID_ROWS: readonly (readonly [string, EventRow])[] = [
  ...webhookRows,
  ...[...linkRows].map(([name, row]): [string, EventRow] => [`LINK.EVENTS ${name}`, row]),
];

function itemOf(payload: object): ConnectionRef | undefined {
  const id = textOf(own(payload, 'item_id'));
  return id === undefined ? undefined : { type: 'item', id };
}

function sessionOf(payload: object): ConnectionRef | undefined {
  const id = textOf(own(payload, 'link_session_id'));
  return id === undefined ? undefined : { type: 'link-session', id };
}

/** One Link event (of the EVENTS webhook) as a connection event. */
function linkEvent(
  event: unknown,
  base: { readonly connection: ConnectionRef | undefined; readonly user: string | undefined },
  normalizer: WebhookNormalizer | undefined,
): ConnectionEvent {
  const name = textOf(own(event, 'event_name'), 128) ?? 'unknown';
  const metadata = own(event, 'event_metadata');
  const at = isoTime(own(event, 'timestamp'));
  const facts = { provider: 'plaid', event: name, connection: base.connection, user: base.user, at };
  const row = linkRows.get(name);
  if (row === undefined) return undocumentedEvent('plaid', name, facts);
  const error = textOf(own(metadata, 'error_code')) === undefined ? undefined : classifyBody(normalizer, 'plaid', metadata);
  const match = byEvent(row.source, row.description);
  if (name === 'EXIT') return exitEvent(textOf(own(metadata, 'exit_status'), 128), error, { ...facts, match });
  if (name === 'TRANSITION_VIEW' && own(metadata, 'view_name') === 'MFA') return eventIn('pending', { ...facts, step: 'mfa', match });
  return eventIn(row.state, { ...facts, error, match });
}

/**
 * Where the user left Link decides between a cancel and a failure: an error, or
 * an institution that could not be found or is not supported, is a failed attempt.
 */
function exitEvent(status: string | undefined, error: NormalizedError | undefined, facts: EventFacts): ConnectionEvent {
  // The user picks another institution: the widget adapters say the same of Link's onExit.
  if (status === 'institution_not_found')
    return eventIn('failed', { ...facts, error, step: status, failure: 'institution-not-found', userAction: 'link-another-account' });
  if (status === 'institution_not_supported' || error?.code === 'INSTITUTION_NO_LONGER_SUPPORTED') {
    return eventIn('failed', { ...facts, error, step: status, failure: 'institution-unsupported', userAction: 'link-another-account' });
  }
  if (error !== undefined) return eventIn('failed', { ...facts, error, failure: 'error' });
  return eventIn('cancelled', { ...facts, step: status });
}

function timestampOf(event: unknown): number {
  const at = Date.parse(textOf(own(event, 'timestamp'), 64) ?? '');
  return Number.isFinite(at) ? at : 0;
}

/** The Link events of an EVENTS webhook, each once (Plaid may repeat them: dedupe by event_id), in time order. */
function sessionEvents(payload: object): unknown[] {
  const seen = new Set<string>();
  const events: unknown[] = [];
  for (const event of arrayItems(own(payload, 'events'), MAX_LINK_EVENTS)) {
    const id = textOf(own(event, 'event_id'));
    if (id !== undefined) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    events.push(event);
  }
  // A stable sort: events with the same (or no) timestamp keep the order Plaid sent.
  return events
    .map((event, index) => ({ event, index, at: timestampOf(event) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event);
}

const MAX_LINK_EVENTS = 1000;

function sessionSummary(payload: object, row: EventRow, normalizer: WebhookNormalizer | undefined): ConnectionEvent {
  const connection = sessionOf(payload);
  const user = textOf(own(payload, 'user_id'));
  const events = sessionEvents(payload);
  const facts = { provider: 'plaid', event: 'LINK.EVENTS', connection, user, match: byEvent(row.source, row.description) };
  const last = (name: string): unknown => events.findLast((event) => own(event, 'event_name') === name);
  const handoff = last('HANDOFF');
  if (handoff !== undefined) return eventIn('connected', { ...facts, at: isoTime(own(handoff, 'timestamp')) });
  const exit = last('EXIT');
  if (exit !== undefined) {
    const metadata = own(exit, 'event_metadata');
    const error = textOf(own(metadata, 'error_code')) === undefined ? undefined : classifyBody(normalizer, 'plaid', metadata);
    return exitEvent(textOf(own(metadata, 'exit_status'), 128), error, { ...facts, at: isoTime(own(exit, 'timestamp')) });
  }
  // Plaid sends the summary of an abandoned session 5 to 15 minutes after the last interaction: the user left.
  const lastEvent = events.at(-1);
  return eventIn('cancelled', { ...facts, at: lastEvent === undefined ? undefined : isoTime(own(lastEvent, 'timestamp')), step: undefined });
}

function sessionFinished(payload: object, row: EventRow): ConnectionEvent {
  const status = textOf(own(payload, 'status'), 64);
  const facts = {
    provider: 'plaid',
    event: 'LINK.SESSION_FINISHED',
    connection: sessionOf(payload),
    user: textOf(own(payload, 'user_id')),
    match: byEvent(row.source, row.description),
  };
  if (status === 'SUCCESS') return eventIn('connected', facts);
  if (status === 'EXITED') return eventIn('cancelled', { ...facts, step: undefined });
  return undocumentedEvent('plaid', `LINK.SESSION_FINISHED ${status ?? ''}`.trim(), facts);
}

function itemEvent(name: string, payload: object, row: EventRow, normalizer: WebhookNormalizer | undefined): ConnectionEvent {
  const rawError = own(payload, 'error');
  const error = classifyBody(normalizer, 'plaid', rawError);
  const facts = {
    provider: 'plaid',
    event: name,
    connection: itemOf(payload),
    user: textOf(own(payload, 'user_id')),
    error,
    match: byEvent(row.source, row.description),
  };
  switch (name) {
    case 'ITEM.ERROR': {
      const state = error === undefined ? undefined : stateOfError(error);
      if (error !== undefined && state !== undefined) return eventIn(state, { ...facts, match: state === 'needs-reconnect' ? facts.match : byError(error) });
      return eventIn('needs-reconnect', facts);
    }
    case 'ITEM.PENDING_DISCONNECT': {
      const reason = PENDING_DISCONNECT_REASONS.get(textOf(own(payload, 'reason'), 64) ?? '');
      return eventIn('expiring', { ...facts, expiresAt: isoTime(own(payload, 'disconnect_time')), match: byEvent(row.source, reason ?? row.description) });
    }
    case 'ITEM.PENDING_EXPIRATION':
      return eventIn('expiring', { ...facts, expiresAt: isoTime(own(payload, 'consent_expiration_time')) });
    case 'ITEM.USER_PERMISSION_REVOKED':
      return eventIn('revoked', { ...facts, scope: 'connection' });
    case 'ITEM.USER_ACCOUNT_REVOKED': {
      const account = textOf(own(payload, 'account_id'));
      return eventIn('revoked', { ...facts, scope: 'accounts', accounts: account === undefined ? [] : [account] });
    }
    default:
      return eventIn(row.state, facts);
  }
}

function plaidEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('plaid', 'unreadable');
  const type = textOf(own(body, 'webhook_type'), 64) ?? '';
  const code = textOf(own(body, 'webhook_code'), 64) ?? '';
  const name = type === '' && code === '' ? 'unknown' : `${type}.${code}`;
  const row = webhookRows.get(name);
  const normalizer = normalizerOf(options);
  if (row === undefined) {
    // An undocumented code still names its Item, and its error is still classified.
    const error = classifyBody(normalizer, 'plaid', own(body, 'error'));
    return undocumentedEvent('plaid', name, { connection: itemOf(body) ?? sessionOf(body), user: textOf(own(body, 'user_id')), error });
  }
  if (name === 'LINK.EVENTS') return sessionSummary(body, row, normalizer);
  if (name === 'LINK.SESSION_FINISHED') return sessionFinished(body, row);
  if (type === 'LINK')
    return eventIn(row.state, {
      provider: 'plaid',
      event: name,
      connection: sessionOf(body),
      user: textOf(own(body, 'user_id')),
      match: byEvent(row.source, row.description),
    });
  return itemEvent(name, body, row, normalizer);
}

/**
 * Turns a Plaid webhook (ITEM, LINK, TRANSACTIONS) into a connection event;
 * the error an ITEM webhook carries is classified by the Plaid catalog.
 *
 * @remarks
 * Takes the payload parsed or raw (text or bytes). Trusts it: verify its
 * `Plaid-Verification` signature first ({@link receivePlaidWebhook} does both).
 * An undocumented `webhook_code` is `info` with its name kept.
 *
 * @example
 * ```ts
 * const event = plaidWebhookEvent(JSON.parse(body), { normalizer: createNormalizer([plaid]) });
 * if (event.state === 'needs-reconnect') showBanner(event.connection?.id, event.reason);
 * if (event.state === 'recovered') clearBanner(event.connection?.id);
 * ```
 *
 * @public
 */
export function plaidWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return plaidEvent(payload, options);
  } catch {
    return undocumentedEvent('plaid', 'unreadable');
  }
}

/**
 * Every Link event of a Plaid LINK `EVENTS` webhook as a connection event, each
 * once (deduplicated by `event_id`) and in time order; any other payload gives `[]`.
 *
 * @remarks
 * {@link plaidWebhookEvent} summarizes the same webhook by the session's outcome.
 *
 * @public
 */
export function plaidLinkEvents(payload: unknown, options: WebhookEventOptions): readonly ConnectionEvent[] {
  try {
    const body = readPayload(payload);
    if (body === undefined || own(body, 'webhook_type') !== 'LINK' || own(body, 'webhook_code') !== 'EVENTS') return [];
    const normalizer = normalizerOf(options);
    const base = { connection: sessionOf(body), user: textOf(own(body, 'user_id')) };
    return sessionEvents(body).map((event) => linkEvent(event, base, normalizer));
  } catch {
    return [];
  }
}
