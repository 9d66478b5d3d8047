/**
 * Synapse's node webhooks (subscription scopes NODE|POST and NODE|PATCH, which
 * carry the node as it now is) as connection events: the node's `allowed`
 * permission is its status.
 */
import { undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent, ConnectionRef } from '../connections/event.js';
import { own } from '../util/own.js';
import { byEvent, eventIn, type EventRow, table, textOf } from './classify.js';
import type { WebhookEventOptions } from './options.js';
import { readPayload } from './payload.js';

const NODE_STATUSES = 'https://old-docs.synapsefi.com/docs/node-permissions-1';

/** The node statuses of Synapse's older "Node Statuses" table; the newer docs' table was not readable. */
const ALLOWED: Readonly<Record<string, EventRow & { readonly reason?: 'connection'; readonly step?: string }>> = {
  'CREDIT-AND-DEBIT': { state: 'connected', description: 'Funds can be credited and debited from this node.', source: NODE_STATUSES },
  CREDIT: { state: 'connected', description: 'Funds can be credited to this node.', source: NODE_STATUSES },
  DEBIT: { state: 'connected', description: 'Funds can be debited from this node.', source: NODE_STATUSES },
  PENDING: { state: 'pending', step: 'verification', description: 'Node permissions are pending verification.', source: NODE_STATUSES },
  INACTIVE: {
    state: 'degraded',
    description:
      'The node cannot be used to send or receive funds ("freezing" an account; a CARD-US node can still receive); used for the rest of cases and can be updated by the platform.',
    note: "The platform, not the end user, lifts it: degraded, nobody at the user's end acts.",
    source: NODE_STATUSES,
  },
  LOCKED: {
    state: 'needs-reconnect',
    reason: 'connection',
    description:
      'The node has been locked and cannot be used to send or receive funds; used in the case of fraudulent activity and reverted manually by Synapse Support ("closing" an account).',
    note: "Synapse's update-node reference re-authenticates a locked ACH-US node with PATCH ...?reauth=YES (a bank login again): needs-reconnect, reason connection.",
    source: NODE_STATUSES,
  },
  REJECTED: { state: 'info', description: 'The node was created but the funds for the account were not approved (LOAN-US only).', source: NODE_STATUSES },
};

const rows: ReadonlyMap<string, EventRow & { readonly reason?: 'connection'; readonly step?: string }> = table(ALLOWED);

/** The documented rows of the Synapse adapter, for the events table. */
export const SYNAPSE_ROWS: readonly (readonly [string, EventRow])[] = [...rows].map(([allowed, row]): [string, EventRow] => [`NODE ${allowed}`, row]);

function idOf(value: unknown): string | undefined {
  return textOf(value) ?? textOf(own(value, '$oid'));
}

function synapseEvent(payload: unknown): ConnectionEvent {
  const body = readPayload(payload);
  if (body === undefined) return undocumentedEvent('synapse', 'unreadable');
  // A webhook object wraps the node in _rest, "what you receive from the API"; a bare node is read as it is.
  const rest = own(body, '_rest');
  const node = typeof rest === 'object' && rest !== null ? rest : body;
  const id = idOf(own(node, '_id')) ?? textOf(own(body, 'object_id'));
  const connection: ConnectionRef | undefined = id === undefined ? undefined : { type: 'node', id };
  const allowed = textOf(own(node, 'allowed'), 64);
  const name = `NODE ${allowed ?? ''}`.trim();
  const facts = { provider: 'synapse', event: name, connection, user: idOf(own(node, 'user_id')) };
  const row = rows.get(allowed ?? '');
  if (row === undefined) return undocumentedEvent('synapse', name, facts);
  return eventIn(row.state, { ...facts, reason: row.reason, step: row.step, match: byEvent(row.source, row.description) });
}

/**
 * Turns a Synapse node webhook (the node object, bare or in the webhook
 * object's `_rest`) into a connection event from the node's `allowed` status.
 *
 * @remarks
 * Synapse signs webhooks (`X-Synapse-Signature-Sha256`), but its page was not
 * readable enough to say what is signed: verify it yourself before calling this.
 *
 * @public
 */
export function synapseWebhookEvent(payload: unknown, options: WebhookEventOptions): ConnectionEvent {
  void options;
  try {
    return synapseEvent(payload);
  } catch {
    return undocumentedEvent('synapse', 'unreadable');
  }
}
