import type { ConnectionState } from '../connections/event.js';
import { AEROSYNC_ROWS } from './aerosync.js';
import type { EventRow } from './classify.js';
import { FINICITY_ROWS } from './finicity.js';
import { MX_ROWS } from './mx.js';
import { PLAID_ROWS } from './plaid.js';
import { SYNAPSE_ROWS } from './synapse.js';
import { TELLER_ROWS } from './teller.js';
import type { WebhookProvider } from './webhook-event.js';
import { YODLEE_ROWS } from './yodlee.js';

/**
 * One documented webhook event (or status of one) and the state it means, with its source.
 *
 * @public
 */
export interface WebhookEventDoc {
  /** The provider that sends it. */
  readonly provider: WebhookProvider;
  /** The event as the provider names it (`'ITEM.ERROR'`, `'enrollment.disconnected'`), or the event and the status it carries (`'job.* pending_mfa'`). */
  readonly event: string;
  /** The state it means before any error it carries refines it. */
  readonly state: ConnectionState;
  /** The documented meaning, condensed. */
  readonly description: string;
  /** The first-party page or file that documents it. */
  readonly source: string;
  /** Where the sources disagree or are incomplete, and how it was resolved. */
  readonly note: string | undefined;
}

function docs(provider: WebhookProvider, rows: readonly (readonly [string, EventRow])[]): WebhookEventDoc[] {
  return rows.map(([event, row]) => Object.freeze({ provider, event, state: row.state, description: row.description, source: row.source, note: row.note }));
}

/**
 * Every webhook event the adapters document, one row each, from the same
 * tables they classify with: the events table of the guide is generated from it.
 *
 * @public
 */
export const WEBHOOK_EVENTS: readonly WebhookEventDoc[] = Object.freeze([
  ...docs('plaid', PLAID_ROWS),
  ...docs('mx', MX_ROWS),
  ...docs('teller', TELLER_ROWS),
  ...docs('finicity', FINICITY_ROWS),
  ...docs('yodlee', YODLEE_ROWS),
  ...docs('aerosync', AEROSYNC_ROWS),
  ...docs('synapse', SYNAPSE_ROWS),
]);
