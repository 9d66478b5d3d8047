/**
 * MX's webhooks (CONNECTION_STATUS, and the members webhook as far as MX's page
 * is readable) as connection events. A failing `connection_status` is a code of
 * the MX catalog (its numeric id an alias), so the event agrees with a member
 * read over HTTP; the statuses that are not failures are this file's table.
 */
import { undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import { own } from '../util/own.js';
import { byError, eventIn, byEvent, classifyCode, type EventRow, stateOfError, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions } from './options.js';
import { readPayload } from './payload.js';

const CONNECTION_STATUS = 'https://docs.mx.com/resources/webhooks/connection-status';
const MEMBER = 'https://docs.mx.com/resources/webhooks/member';
const STATUSES = 'https://github.com/mxenabled/connect-widget/blob/10780353adc3ee6fea65c3328a009582bbc3d20c/src/const/Statuses.js';

const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  CONNECTION_STATUS: {
    state: 'needs-reconnect',
    description:
      "Sent whenever a member's connection_status enters an end-user-actionable state: CHALLENGED, DENIED, EXPIRED, IMPAIRED, IMPEDED, LOCKED, PREVENTED or REJECTED. The status is classified by the MX catalog (CHALLENGED is the pending MFA step).",
    source: CONNECTION_STATUS,
  },
  MEMBER: {
    state: 'info',
    description: "Sent when a member is created, updated or deleted; carries the member's guid and connection_status, classified as in CONNECTION_STATUS.",
    note: "MX's page is readable up to the field is_being_aggregated: the member's guid, connection_status and connection_status_id are read; the event's type value is not shown, so a payload with a guid and a connection_status and no CONNECTION_STATUS type is taken as a member webhook.",
    source: MEMBER,
  },
};

/** The connection_status values that are not failures, with their numeric ids: MX's Connect widget groups them. */
const HEALTHY: Readonly<Record<string, EventRow & { readonly step?: string }>> = {
  CONNECTED: { state: 'connected', description: "The member is connected (the widget's connected status, 6).", source: STATUSES },
  CREATED: { state: 'pending', step: 'aggregation', description: "A new member, not yet aggregated (the widget's processing status 0).", source: STATUSES },
  RECONNECTED: {
    state: 'pending',
    step: 'aggregation',
    description: "The member is reconnecting (the widget's processing status 8); not an error.",
    source: STATUSES,
  },
  UPDATED: {
    state: 'pending',
    step: 'aggregation',
    description: "The member was updated and is processing (the widget's processing status 15).",
    source: STATUSES,
  },
  RESUMED: { state: 'pending', step: 'aggregation', description: "Aggregation resumed after MFA (the widget's processing status 18).", source: STATUSES },
  PENDING: {
    state: 'pending',
    step: 'pending',
    description: 'Pending (21); the widget says it "should not be mentioned or show to the end user".',
    source: STATUSES,
  },
};
const HEALTHY_IDS: Readonly<Record<string, string>> = {
  '0': 'CREATED',
  '6': 'CONNECTED',
  '8': 'RECONNECTED',
  '15': 'UPDATED',
  '18': 'RESUMED',
  '21': 'PENDING',
};

const webhookRows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);
const healthy: ReadonlyMap<string, EventRow & { readonly step?: string }> = table(HEALTHY);
const healthyIds: ReadonlyMap<string, string> = table(HEALTHY_IDS);

/** The documented rows of the MX adapter, for the events table. */
export const MX_ROWS: readonly (readonly [string, EventRow])[] = [
  ...webhookRows,
  ...[...healthy].map(([status, row]): [string, EventRow] => [`connection_status ${status}`, row]),
];

function mxEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('mx', 'unreadable');
  const type = textOf(own(body, 'type'), 64);
  const status = textOf(own(body, 'connection_status'), 64) ?? textOf(own(body, 'connection_status_id'), 64);
  const user = textOf(own(body, 'user_guid'));
  const isMember = type === undefined || type === 'MEMBER' || type === 'MEMBERS';
  const memberId = textOf(own(body, 'member_guid')) ?? (isMember ? textOf(own(body, 'guid')) : undefined);
  const connection: ConnectionRef | undefined = memberId === undefined ? undefined : { type: 'member', id: memberId };
  const name = type === 'CONNECTION_STATUS' ? 'CONNECTION_STATUS' : isMember && status !== undefined ? 'MEMBER' : (type ?? 'unknown');
  const row = webhookRows.get(name);
  if (row === undefined || status === undefined) return undocumentedEvent('mx', name, { connection, user });
  const facts = { provider: 'mx', event: name, connection, user };
  const { error, step } = classifyCode(normalizerOf(options), 'mx', status);
  // A status MX's webhook sends for the user to act on: bring them back to Connect, where the MFA question waits.
  const actionable = name === 'CONNECTION_STATUS';
  if (step !== undefined)
    return eventIn('pending', { ...facts, step, match: byEvent(row.source, row.description), ...(actionable ? { userAction: 'reconnect' as const } : {}) });
  if (error !== undefined) return eventIn(stateOfError(error) ?? 'needs-reconnect', { ...facts, error, match: byError(error) });
  const ok = healthy.get(healthyIds.get(status) ?? status.toUpperCase());
  if (ok !== undefined) return eventIn(ok.state, { ...facts, step: ok.step, match: byEvent(ok.source, ok.description) });
  return undocumentedEvent('mx', `${name} ${status}`, { connection, user });
}

/**
 * Turns an MX webhook (CONNECTION_STATUS, or a members webhook) into a
 * connection event, the member's `connection_status` classified by the MX catalog.
 *
 * @remarks
 * MX's pages show no webhook signature: protect the endpoint by other means
 * (a secret path, an allow list, TLS client authentication).
 *
 * @public
 */
export function mxWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return mxEvent(payload, options);
  } catch {
    return undocumentedEvent('mx', 'unreadable');
  }
}
