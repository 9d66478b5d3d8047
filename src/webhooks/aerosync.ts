/**
 * Aerosync's webhooks (the job lifecycle events, bank.revocation,
 * migration_tool, test.event) as connection events.
 */
import { isoTime, undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import { own } from '../util/own.js';
import { byError, eventIn, byEvent, classifyBody, type EventRow, stateOfError, table, textOf } from './classify.js';
import { normalizerOf, type WebhookEventOptions } from './options.js';
import { readPayload } from './payload.js';

const EVENTS = 'https://api-aerosync.readme.io/docs/events-you-can-subscribe-to';

const JOB =
  'A job lifecycle event; data.status is initiated, pending_mfa (prompt the user to complete MFA in the widget; the final completed or failed webhook follows), completed or failed (no webhook is sent for in_progress).';

const WEBHOOKS: Readonly<Record<string, EventRow>> = {
  'job.balance': { state: 'info', description: `Balance refresh job. ${JOB}`, source: EVENTS },
  'job.transaction': { state: 'info', description: `Transaction history job. ${JOB}`, source: EVENTS },
  'job.identity': { state: 'info', description: `Identity job. ${JOB}`, source: EVENTS },
  'bank.revocation': {
    state: 'revoked',
    description:
      'The user\'s bank consent was revoked (data: client_id, user_id, connection_id the same as user_id, account_id, status "revoked"): notify the end user to reconnect their bank. Only some banks (e.g. Bank of America, PNC) send it.',
    source: EVENTS,
  },
  migration_tool: {
    state: 'info',
    description: 'A migration job started (initiated: the CSV was queued) or finished processing every record (completed).',
    source: EVENTS,
  },
  'test.event': { state: 'info', description: 'A connectivity test.', source: EVENTS },
};

/** What each documented job status means for the connection. */
const JOB_STATUSES: Readonly<Record<string, EventRow & { readonly step?: string }>> = {
  initiated: { state: 'info', description: 'The job was created and started.', source: EVENTS },
  pending_mfa: {
    state: 'pending',
    step: 'mfa',
    description: 'The job requires MFA: prompt the user to complete it in the widget; the final completed or failed webhook follows.',
    source: EVENTS,
  },
  completed: { state: 'info', description: 'The job finished successfully.', source: EVENTS },
  failed: {
    state: 'degraded',
    description:
      'The job encountered an error and failed: its data is late. An error object in data, where Aerosync sends one, is classified by the Aerosync catalog and decides the state.',
    note: 'The page documents no error field for a failed job: without one, nobody is asked to act.',
    source: EVENTS,
  },
};

const rows: ReadonlyMap<string, EventRow> = table(WEBHOOKS);
const jobStatuses: ReadonlyMap<string, EventRow & { readonly step?: string }> = table(JOB_STATUSES);

/** The documented rows of the Aerosync adapter, for the events table. */
export const AEROSYNC_ROWS: readonly (readonly [string, EventRow])[] = [
  ...rows,
  ...[...jobStatuses].map(([status, row]): [string, EventRow] => [`job.* ${status}`, row]),
];

function aerosyncEvent(payload: unknown, options: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('aerosync', 'unreadable');
  const name = textOf(own(body, 'event'), 128) ?? 'unknown';
  const data = own(body, 'data');
  // connection_id is "the same as user_id": one id, whichever is sent.
  const id = textOf(own(data, 'connection_id')) ?? textOf(own(data, 'user_id'));
  const connection: ConnectionRef | undefined = id === undefined ? undefined : { type: 'user', id };
  const account = textOf(own(data, 'account_id'));
  const facts = {
    provider: 'aerosync',
    event: name,
    connection,
    user: textOf(own(data, 'user_id')),
    accounts: account === undefined ? [] : [account],
    at: isoTime(own(body, 'timestamp')),
  };
  const row = rows.get(name);
  if (row === undefined) return undocumentedEvent('aerosync', name, facts);
  if (name === 'bank.revocation') return eventIn('revoked', { ...facts, scope: 'connection', match: byEvent(row.source, row.description) });
  if (!name.startsWith('job.')) return eventIn(row.state, { ...facts, match: byEvent(row.source, row.description) });
  const status = textOf(own(data, 'status'), 64);
  const job = jobStatuses.get(status ?? '');
  if (job === undefined) return undocumentedEvent('aerosync', `${name} ${status ?? ''}`.trim(), facts);
  const match = byEvent(job.source, job.description);
  if (status === 'failed') {
    const error = classifyBody(normalizerOf(options), 'aerosync', data);
    const state = error === undefined ? undefined : stateOfError(error);
    if (error !== undefined && state !== undefined) return eventIn(state, { ...facts, error, match: byError(error) });
    return eventIn('degraded', { ...facts, error, match });
  }
  // A webhook announcing an MFA step asks the app to bring the user back to the widget.
  if (job.state === 'pending') return eventIn('pending', { ...facts, step: job.step, userAction: 'reconnect', match });
  return eventIn(job.state, { ...facts, match });
}

/**
 * Turns an Aerosync webhook (`{"event", "timestamp", "merchant_id", "data"}`)
 * into a connection event.
 *
 * @public
 */
export function aerosyncWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  try {
    return aerosyncEvent(payload, options);
  } catch {
    return undocumentedEvent('aerosync', 'unreadable');
  }
}
