/**
 * Teller's webhooks as connection events. The reason of `enrollment.disconnected`
 * is an alias of the Teller API code of the same meaning in the Teller catalog
 * (`disconnected.account_locked` is `enrollment.disconnected.account_locked`),
 * so the event gives the same reason and user action as a 404 from the API.
 */
import { isoTime, undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import { own } from '../util/own.js';
import { byEvent, eventIn, classifyCode, type EventRow, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions } from './options.js';
import { readPayload } from './payload.js';

const WEBHOOKS_PAGE = 'https://teller.io/docs/api/webhooks';

const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  'enrollment.disconnected': {
    state: 'needs-reconnect',
    description:
      "Teller determined that the enrollment's connection to the institution is irrecoverably broken and cannot be restored automatically: the user should reconnect using Teller Connect. payload.reason (disconnected, disconnected.account_locked, disconnected.credentials_invalid, disconnected.enrollment_inactive, disconnected.user_action.*) is classified by the Teller catalog.",
    source: WEBHOOKS_PAGE,
  },
  'transactions.processed': {
    state: 'info',
    description:
      'Teller found new transactions after polling (at least once every 24 hours); not sent while connectivity is lost but not yet classified as disconnected.',
    source: WEBHOOKS_PAGE,
  },
  'account.number_verification.processed': {
    state: 'info',
    description: 'Microdeposit account number verification completed or expired (payload.status completed | expired).',
    note: "The events seed saw it only in a third-party copy; the provider seed reads it on a full copy of Teller's webhooks page.",
    source: WEBHOOKS_PAGE,
  },
  'webhook.test': { state: 'info', description: 'A test event; its payload is an empty object.', source: WEBHOOKS_PAGE },
};

const rows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);

/** The documented rows of the Teller adapter, for the events table. */
export const TELLER_ROWS: readonly (readonly [string, EventRow])[] = [...rows];

function tellerEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('teller', 'unreadable');
  const type = textOf(own(body, 'type'), 128) ?? 'unknown';
  const data = own(body, 'payload');
  const enrollment = textOf(own(data, 'enrollment_id'));
  const connection: ConnectionRef | undefined = enrollment === undefined ? undefined : { type: 'enrollment', id: enrollment };
  const facts = { provider: 'teller', event: type, connection, at: isoTime(own(body, 'timestamp')) };
  const row = rows.get(type);
  if (row === undefined) return undocumentedEvent('teller', type, facts);
  const match = byEvent(row.source, row.description);
  if (type !== 'enrollment.disconnected') return eventIn(row.state, { ...facts, match });
  // No reason is the generic disconnection, the code the webhook type itself names.
  const reason = textOf(own(data, 'reason'), 128) ?? 'enrollment.disconnected';
  const { error } = classifyCode(normalizerOf(options), 'teller', reason);
  return eventIn('needs-reconnect', { ...facts, error, match });
}

/**
 * Turns a Teller webhook into a connection event: `enrollment.disconnected` is
 * `needs-reconnect`, its reason classified by the Teller catalog.
 *
 * @public
 */
export function tellerWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return tellerEvent(payload, options);
  } catch {
    return undocumentedEvent('teller', 'unreadable');
  }
}
