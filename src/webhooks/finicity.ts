/**
 * Finicity / Mastercard Open Finance Connect webhooks as connection events: the
 * Connect session events, the report events and Australia's consent
 * notifications. An account's aggregationStatusCode is a code of the Finicity
 * catalog, so a failing account added in Connect agrees with the API's answer.
 */
import { undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { arrayItems, own } from '../util/own.js';
import { byError, eventIn, byEvent, classifyCode, type EventRow, idsOf, stateOfError, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions, type WebhookNormalizer } from './options.js';
import { readPayload } from './payload.js';

const EVENTS_LIST = 'https://docs.finicity.com/webhook-events-list/';
const EVENTS_US = 'https://developer.mastercard.com/open-finance-us/documentation/webhooks/webhooks-connect/webhooks-events-connect/';
const EVENTS_AU = 'https://developer.mastercard.com/open-finance-au/documentation/connect/webhooks/webhooks-event-connect/';
const CUSTOM = 'https://developer.mastercard.com/open-finance-us/documentation/webhooks/webhooks-connect/webhooks-custom/';
const REPORTS = 'https://developer.mastercard.com/open-finance-au/documentation/connect/webhooks/webhooks-event-report/';
const CONSENT = 'https://developer.mastercard.com/open-finance-au/documentation/consent/consent-notifications-structure/';

const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  ping: {
    state: 'info',
    description:
      'Sent when Generate Connect URL is called, to verify that the webhook URL is reachable; it must answer a 2xx or the Generate Connect URL call fails.',
    source: EVENTS_AU,
  },
  started: { state: 'info', description: 'A Connect session started (the example of custom webhook data).', source: CUSTOM },
  adding: {
    state: 'info',
    description: "The customer is adding accounts (the page is cut after the event's name; no meaning beyond its name is read).",
    source: EVENTS_LIST,
  },
  added: {
    state: 'connected',
    description:
      'The customer landed on the eligible accounts page and selected the accounts to share; they are saved for the customer. Each account carries its aggregationStatusCode: a failing one is classified by the Finicity catalog and decides the state.',
    source: EVENTS_LIST,
  },
  accountsDeleted: {
    state: 'revoked',
    description: 'The specified accounts were deleted for the customer: data stops for them, and nobody is asked to act.',
    note: 'Neither page says who deleted them; the accounts are listed and userAction is none rather than reconnect.',
    source: EVENTS_US,
  },
  financialConsentCreated: {
    state: 'info',
    description: 'Deprecated (Australia): the customer consented to sharing data through Open Finance; relevant only when the customer adds accounts.',
    source: EVENTS_AU,
  },
  done: { state: 'info', description: 'A report webhook: all pending reports are complete.', source: REPORTS },
  failed: {
    state: 'info',
    description: 'A report webhook: a report failed to generate.',
    note: 'A report, not a connection: counted, never a banner.',
    source: REPORTS,
  },
  INSTITUTIONS_REVOKED: {
    state: 'revoked',
    description: 'An Australian consent notification (eventContext CONSENT): the consent to the institutions listed in payload.changes.details was revoked.',
    source: CONSENT,
  },
};

const rows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);

/** The documented rows of the Finicity adapter, for the events table. */
export const FINICITY_ROWS: readonly (readonly [string, EventRow])[] = [...rows];

const MAX_ACCOUNTS = 64;

/** The first failing aggregation status among the accounts, classified; 0 is success. */
function failingAccount(accounts: readonly unknown[], normalizer: WebhookNormalizer | undefined): NormalizedError | undefined {
  for (const account of accounts) {
    const code = textOf(own(account, 'aggregationStatusCode'), 16);
    if (code === undefined || code === '0') continue;
    const { error } = classifyCode(normalizer, 'finicity', code);
    if (error !== undefined) return error;
  }
  return undefined;
}

function finicityEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('finicity', 'unreadable');
  const name = textOf(own(body, 'eventType'), 128) ?? textOf(own(body, 'eventName'), 128) ?? 'unknown';
  const data = own(body, 'payload');
  const user = textOf(own(body, 'customerId'));
  const row = rows.get(name);
  if (row === undefined) return undocumentedEvent('finicity', name, { user });
  const facts = { provider: 'finicity', event: name, user, match: byEvent(row.source, row.description) };
  switch (name) {
    case 'added': {
      const accounts = arrayItems(own(data, 'accounts'), MAX_ACCOUNTS);
      const login = accounts.map((account) => textOf(own(account, 'institutionLoginId'))).find((id) => id !== undefined);
      const connection: ConnectionRef | undefined = login === undefined ? undefined : { type: 'institution-login', id: login };
      const error = failingAccount(accounts, normalizerOf(options));
      const withAccounts = { ...facts, connection, accounts: idsOf(accounts, MAX_ACCOUNTS, 'id') };
      const state = error === undefined ? undefined : stateOfError(error);
      if (error !== undefined && state !== undefined) return eventIn(state, { ...withAccounts, error, match: byError(error) });
      return eventIn('connected', { ...withAccounts, error });
    }
    case 'accountsDeleted':
      return eventIn('revoked', { ...facts, accounts: idsOf(own(data, 'accounts'), MAX_ACCOUNTS), scope: 'accounts', userAction: 'none' });
    case 'INSTITUTIONS_REVOKED': {
      const details = arrayItems(own(own(data, 'changes'), 'details'), MAX_ACCOUNTS);
      const login = details.map((detail) => textOf(own(detail, 'institutionLoginId'))).find((id) => id !== undefined);
      const accounts = details.flatMap((detail) => idsOf(own(detail, 'accountIds'), MAX_ACCOUNTS));
      return eventIn('revoked', {
        ...facts,
        connection: login === undefined ? undefined : { type: 'institution-login', id: login },
        accounts,
        scope: 'connection',
      });
    }
    default:
      return eventIn(row.state, facts);
  }
}

/**
 * Turns a Finicity / Mastercard Connect webhook (`eventType`), a report webhook
 * (`eventName`) or an Australian consent notification into a connection event.
 *
 * @public
 */
export function finicityWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return finicityEvent(payload, options);
  } catch {
    return undocumentedEvent('finicity', 'unreadable');
  }
}
