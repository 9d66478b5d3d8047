/**
 * The widget adapters by provider, and the check that a value is a valid
 * connection event: shared by the widget tests and the hostile contracts.
 */
import { CONNECTION_STATES, SEVERITIES, USER_ACTIONS } from '../../src/index.js';
import type { ConnectionEvent } from '../../src/index.js';
import { KIND_DETAILS } from '../../src/taxonomy/details.js';
import * as widgets from '../../src/widgets/index.js';
import type { WidgetOptions } from '../../src/widgets/index.js';
import type { WidgetProvider } from '../../src/testkit/widget-fixtures.js';

/** Each widget's adapter, with the one signature they share. */
export const ADAPTERS: { readonly [P in WidgetProvider]: (callback: string, payload?: unknown, options?: WidgetOptions) => ConnectionEvent } = {
  plaid: widgets.plaidLinkEvent,
  mx: widgets.mxConnectEvent,
  teller: widgets.tellerConnectEvent,
  finicity: widgets.finicityConnectEvent,
  yodlee: widgets.yodleeFastLinkEvent,
  aerosync: widgets.aerosyncWidgetEvent,
};

const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown, max: number): boolean => value === undefined || (isString(value) && value !== '' && value.length <= max);

/** Why a value is not a valid connection event, or `undefined` when it is one (and survives JSON). */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const event = value as Record<string, unknown>;
  if (!(CONNECTION_STATES as readonly unknown[]).includes(event['state'])) return `state ${String(event['state'])}`;
  if (!isString(event['provider']) || event['provider'] === '' || event['provider'].length > 64) return 'provider';
  if (!isString(event['event']) || event['event'] === '' || event['event'].length > 128) return 'event';
  if (!(USER_ACTIONS as readonly unknown[]).includes(event['userAction'])) return 'userAction';
  if (!(SEVERITIES as readonly unknown[]).includes(event['severity'])) return 'severity';
  if (event['state'] === 'cancelled' && event['severity'] !== 'info') return 'a cancel louder than info';
  const match = event['match'] as Record<string, unknown> | undefined;
  if (!['event', 'error', 'none'].includes(String(match?.['by']))) return 'match.by';
  if (match?.['by'] !== 'none' && !(isString(match?.['source']) && match['source'].startsWith('https://'))) return 'match.source of a documented event';
  const connection = event['connection'] as Record<string, unknown> | undefined;
  if (
    connection !== undefined &&
    !(optionalString(connection['type'], 32) && isString(connection['id']) && connection['id'] !== '' && connection['id'].length <= 256)
  )
    return 'connection';
  if (!optionalString(event['user'], 256)) return 'user';
  if (!Array.isArray(event['accounts']) || event['accounts'].length > 64 || !event['accounts'].every((id) => isString(id) && id.length <= 256))
    return 'accounts';
  if (!(event['at'] === undefined || (isString(event['at']) && !Number.isNaN(Date.parse(event['at']))))) return 'at';
  const error = event['error'] as Record<string, unknown> | undefined;
  if (error !== undefined && (typeof error !== 'object' || !isString(error['kind']))) return 'error';
  switch (event['state']) {
    case 'needs-reconnect':
      if (!(KIND_DETAILS['reconnect-required'].values as readonly unknown[]).includes(event['reason'])) return 'reason';
      break;
    case 'failed':
      if (!['error', 'institution-unsupported', 'institution-not-found', 'widget'].includes(String(event['reason']))) return 'failed reason';
      break;
    case 'pending':
    case 'cancelled':
      if (!optionalString(event['step'], 128)) return 'step';
      break;
    case 'revoked':
      if (!['connection', 'accounts'].includes(String(event['scope']))) return 'scope';
      break;
    default:
      break;
  }
  const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  if (json['state'] !== event['state'] || json['event'] !== event['event']) return 'does not survive JSON';
  return undefined;
}

/** Whether a value is a valid connection event. */
export function isConnectionEvent(value: unknown): boolean {
  return eventProblem(value) === undefined;
}
