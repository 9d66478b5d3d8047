/**
 * Yodlee's webhooks (REFRESH, DATA_UPDATES, AUTO_REFRESH_UPDATES,
 * LATEST_BALANCE_UPDATES, CDV_STATUS_UPDATES) as connection events. The
 * statuses a provider account carries (providerAccount.status,
 * dataset.additionalStatus, autoRefresh.additionalStatus) are codes and pending
 * steps of the Yodlee catalog, so the event agrees with the same provider
 * account read over HTTP.
 */
import { undocumentedEvent, type EventFacts } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef, ConnectionState } from '../connections/event.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { arrayItems, own } from '../util/own.js';
import { byError, eventIn, byEvent, classifyCode, type EventRow, idsOf, stateOfError, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions, type WebhookNormalizer } from './options.js';
import { readPayload } from './payload.js';

const WEBHOOKS_PAGE = 'https://developer.envestnet.com/resources/yodlee/webhooks';
const REFRESH = 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/Webhooks/Refresh_Event';
const DATA_UPDATES = 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/Webhooks/Data_Updates_Events';
const AUTO_REFRESH = 'https://developer.envestnet.com/resources/yodlee/webhooks/docs/auto_refresh_status_notification';
const LATEST_BALANCE = 'https://developer.envestnet.com/resources/yodlee/webhooks/docs/latest_balance_status_notification';

const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  'REFRESH.PROCESS_COMPLETED': {
    state: 'info',
    description:
      "The process of adding or updating an account has completed. Each providerAccount's dataset.additionalStatus and status are classified by the Yodlee catalog: a failure decides the state, an MFA or refresh still under way is pending, success is connected; a status FAILED or PARTIAL_SUCCESS with no dataset saying why is degraded.",
    note: "The first-party example is cut after aggregationSource; status and dataset are read where present, as the provider account object of Yodlee's API carries them.",
    source: REFRESH,
  },
  'DATA_UPDATES.USER_DATA': {
    state: 'info',
    description:
      'Data changed for the users listed (provider accounts or accounts added, updated, refreshed or deleted; transactions updated); sent every 15 minutes only when there are updates: call Get User Data.',
    source: DATA_UPDATES,
  },
  AUTO_REFRESH_UPDATES: {
    state: 'info',
    description:
      "A provider account's auto refresh changed between enabled and disabled, or the reason it is disabled changed; sent in 15-minute intervals. autoRefresh.additionalStatus is classified by the Yodlee catalog.",
    note: 'The first-party page is cut before its payload: data[].autoRefresh, accountIds and providerAccountId are read as a third-party copy of the page shows them (https://fingoal.notion.site), and only where present.',
    source: AUTO_REFRESH,
  },
  LATEST_BALANCE_UPDATES: {
    state: 'info',
    description:
      'A balance refresh requested with GET /accounts/latestBalances completed; an account whose latestBalanceEvent status is FAILED makes the event degraded (data late for that account).',
    note: "The page's example sends info LATEST_BALANCE_UPDATES while its attribute table says LATEST_BALANCE.COMPLETED: both are accepted.",
    source: LATEST_BALANCE,
  },
  'LATEST_BALANCE.COMPLETED': {
    state: 'info',
    description: 'The info value the attribute table of the latest balance notification gives; the same event as LATEST_BALANCE_UPDATES.',
    source: LATEST_BALANCE,
  },
  CDV_STATUS_UPDATES: {
    state: 'info',
    description: 'A supported webhook event (challenge deposit verification status); its payload is not documented in the pages read.',
    source: WEBHOOKS_PAGE,
  },
};

/** Events whose info value may carry any subtype after the event's name. */
const ANY_SUBTYPE: ReadonlySet<string> = new Set(['AUTO_REFRESH_UPDATES', 'CDV_STATUS_UPDATES']);

const rows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);

/** The documented rows of the Yodlee adapter, for the events table. */
export const YODLEE_ROWS: readonly (readonly [string, EventRow])[] = [...rows];

/** Not failures, so not in the catalog's codes (its notes say so): a finished, successful refresh. */
const SUCCESS: ReadonlySet<string> = new Set(['SUCCESS', 'AVAILABLE_DATA_RETRIEVED']);
/**
 * providerAccount.status values the catalog leaves out because they only summarize
 * the datasets, whose additionalStatus carries the reason: without a dataset that
 * says why, the refresh failed (or half failed) and the data is late.
 */
const SUMMARY_FAILURES: ReadonlySet<string> = new Set(['FAILED', 'PARTIAL_SUCCESS']);

const MAX_ITEMS = 64;

interface Outcome {
  error?: NormalizedError;
  step?: string;
  success?: boolean;
  failed?: boolean;
}

function observe(outcome: Outcome, status: string | undefined, normalizer: WebhookNormalizer | undefined): void {
  if (status === undefined || outcome.error !== undefined) return;
  if (SUCCESS.has(status)) {
    outcome.success = true;
    return;
  }
  if (SUMMARY_FAILURES.has(status)) {
    outcome.failed = true;
    return;
  }
  const { error, step } = classifyCode(normalizer, 'yodlee', status);
  if (error !== undefined) outcome.error = error;
  else if (step !== undefined) outcome.step ??= step;
}

function fromOutcome(outcome: Outcome, facts: EventFacts, otherwise: ConnectionState): ConnectionEvent {
  const { error, step } = outcome;
  if (error !== undefined) {
    const state = stateOfError(error);
    return state === undefined ? eventIn(otherwise, { ...facts, error }) : eventIn(state, { ...facts, error, match: byError(error) });
  }
  // A webhook announcing an MFA step asks the app to bring the user back to FastLink.
  if (step !== undefined) return eventIn('pending', { ...facts, step, ...(step === 'mfa' ? { userAction: 'reconnect' as const } : {}) });
  if (outcome.failed === true) return eventIn('degraded', facts);
  return eventIn(outcome.success === true ? 'connected' : otherwise, facts);
}

function providerAccountRef(id: unknown): ConnectionRef | undefined {
  const text = textOf(id);
  return text === undefined ? undefined : { type: 'provider-account', id: text };
}

function rowOf(info: string): EventRow | undefined {
  const exact = rows.get(info);
  if (exact !== undefined) return exact;
  const base = info.split('.', 1)[0] ?? '';
  return ANY_SUBTYPE.has(base) ? rows.get(base) : undefined;
}

function yodleeEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  const event = own(body, 'event');
  if (body === undefined || typeof event !== 'object' || event === null) return undocumentedEvent('yodlee', 'unreadable');
  const info = textOf(own(event, 'info'), 128) ?? 'unknown';
  const data = own(event, 'data');
  const user = textOf(own(event, 'loginName'));
  const row = rowOf(info);
  if (row === undefined) return undocumentedEvent('yodlee', info, { user });
  const normalizer = normalizerOf(options);
  const facts = { provider: 'yodlee', event: info, user, match: byEvent(row.source, row.description) };
  if (info === 'REFRESH.PROCESS_COMPLETED') {
    const accounts = arrayItems(own(data, 'providerAccount'), MAX_ITEMS);
    const outcome: Outcome = {};
    for (const account of accounts) {
      for (const dataset of arrayItems(own(account, 'dataset'), MAX_ITEMS)) observe(outcome, textOf(own(dataset, 'additionalStatus'), 128), normalizer);
      observe(outcome, textOf(own(account, 'status'), 128), normalizer);
    }
    return fromOutcome(outcome, { ...facts, connection: providerAccountRef(own(accounts[0], 'id')) }, 'info');
  }
  if (info.startsWith('AUTO_REFRESH_UPDATES')) {
    const items = arrayItems(data, MAX_ITEMS);
    const first = items[0];
    const outcome: Outcome = {};
    for (const item of items) observe(outcome, textOf(own(own(item, 'autoRefresh'), 'additionalStatus'), 128), normalizer);
    // Auto refresh going back to enabled is not a success of a refresh: only a failure changes the state.
    delete outcome.success;
    const accounts = items.flatMap((item) => idsOf(own(item, 'accountIds'), MAX_ITEMS));
    return fromOutcome(
      outcome,
      { ...facts, user: user ?? textOf(own(first, 'loginName')), connection: providerAccountRef(own(first, 'providerAccountId')), accounts },
      'info',
    );
  }
  if (info === 'LATEST_BALANCE_UPDATES' || info === 'LATEST_BALANCE.COMPLETED') {
    const balances = arrayItems(own(data, 'latestBalanceEvent'), MAX_ITEMS);
    const failed = balances.filter((balance) => own(balance, 'status') === 'FAILED');
    const connection = providerAccountRef(own(data, 'providerAccountId'));
    if (failed.length > 0)
      return eventIn('degraded', {
        ...facts,
        connection,
        accounts: failed.map((balance) => textOf(own(balance, 'accountId'))).filter((id) => id !== undefined),
      });
    return eventIn('info', { ...facts, connection, accounts: idsOf(balances, MAX_ITEMS, 'accountId') });
  }
  if (info === 'DATA_UPDATES.USER_DATA') {
    const users = arrayItems(own(data, 'userData'), 2);
    const only = users.length === 1 ? textOf(own(own(users[0], 'user'), 'loginName')) : undefined;
    return eventIn('info', { ...facts, user: user ?? only });
  }
  return eventIn(row.state, facts);
}

/**
 * Turns a Yodlee webhook (`{"event": {"info": ..., "data": ...}}`) into a
 * connection event, provider account statuses classified by the Yodlee catalog.
 *
 * @remarks
 * Yodlee documents no payload signature: allow only Yodlee's addresses (its
 * documented best practice) and serve the endpoint over HTTPS.
 *
 * @public
 */
export function yodleeWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return yodleeEvent(payload, options);
  } catch {
    return undocumentedEvent('yodlee', 'unreadable');
  }
}
