import { STATE_DEFAULTS } from '../connections/build.js';
import type { ConnectionEvent, ConnectionState, EventMatch } from '../connections/event.js';
import { CONNECTION_DETAILS, isConnectionState } from '../connections/event.js';
import type { Severity } from '../taxonomy/hints.js';
import type { Kind } from '../taxonomy/kinds.js';
import { SEVERITIES } from '../taxonomy/hints.js';
import { kindOf, providerOf, read } from '../taxonomy/read-error.js';
import { arrayItems, own } from '../util/own.js';

/**
 * Bounded, low-cardinality labels of one connection event, for a metric such as `aggregator_connection_events_total`.
 *
 * @remarks
 * A type alias, not an interface, so that it is assignable to OpenTelemetry's
 * `Attributes` without a cast.
 *
 * @public
 */
export type ConnectionEventLabels = {
  /** The catalog id; `'other'` when it is not a catalog-shaped id (or not in `options.providers`). */
  readonly provider: string;
  /** The state. */
  readonly state: ConnectionState;
  /** The state's detail: why it needs a reconnect, why it failed, what was revoked; `'none'` for the other states. */
  readonly detail: string;
  /** The provider's event name when a table documents it (`'ITEM.ERROR'`), `'other'` when not. */
  readonly event: string;
  /** The kind of the error behind the event, `'none'` when it carries none. */
  readonly kind: Kind | 'none';
  /** How loudly to react; a cancel is always `'info'`. */
  readonly severity: Severity;
  /** How it was classified: `'event'`, `'error'`, or `'none'` for an event no table documents. */
  readonly match: EventMatch['by'];
};

/**
 * The label names of {@link ConnectionEventLabels}, in a stable order.
 *
 * @public
 */
export const CONNECTION_EVENT_LABEL_NAMES: readonly (keyof ConnectionEventLabels)[] = ['provider', 'state', 'detail', 'event', 'kind', 'severity', 'match'];

/**
 * The counter every example in this package counts connection events on, with {@link ConnectionEventLabels} as its labels.
 *
 * @remarks
 * Shaped for prom-client: `new Counter({ ...CONNECTION_EVENTS_METRIC })`.
 *
 * @public
 */
export const CONNECTION_EVENTS_METRIC: { readonly name: string; readonly help: string; readonly labelNames: readonly (keyof ConnectionEventLabels)[] } = {
  name: 'aggregator_connection_events_total',
  help: 'Webhook and link-widget signals about bank connections, by health state.',
  labelNames: CONNECTION_EVENT_LABEL_NAMES,
};

/**
 * Options of {@link connectionEventLabels}.
 *
 * @public
 */
export interface ConnectionEventLabelOptions {
  /** The only provider ids allowed as label values; others become `'other'`. */
  readonly providers?: readonly string[];
}

const DETAILS: Readonly<Partial<Record<ConnectionState, { readonly field: string; readonly values: readonly string[] }>>> = CONNECTION_DETAILS;
const MATCHES: readonly string[] = ['event', 'error', 'none'] satisfies readonly EventMatch['by'][];
const severitySet: ReadonlySet<string> = new Set(SEVERITIES);
// A provider's event or callback name: what the adapters write (`ITEM.ERROR`, `enrollment.disconnected`, `mx/connect/memberStatusUpdate`).
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_.:/-]{0,63}$/;

/** The state of any value, `'info'` when it is not one. */
function stateOf(event: unknown): ConnectionState {
  const state = read(event, 'state');
  return isConnectionState(state) ? state : 'info';
}

/** The detail label of a state: a documented value, or `'none'`. */
function detailLabel(event: unknown, state: ConnectionState): string {
  const spec = DETAILS[state];
  const value = spec === undefined ? undefined : read(event, spec.field);
  return typeof value === 'string' && spec?.values.includes(value) === true ? value : 'none';
}

/**
 * The bounded metric labels of a connection event.
 *
 * @remarks
 * Cardinality stays bounded: the event name is kept only when a table
 * documents it (`match.by` is `event` or `error`) and looks like one, else it
 * is `'other'`; every other label comes from a closed list. The connection id,
 * the user id and account ids never become label values. A cancel is labelled
 * `severity="info"` whatever the value says: it never alerts.
 *
 * @example
 * ```ts
 * connectionEvents.inc(connectionEventLabels(event));
 * ```
 *
 * @public
 */
export function connectionEventLabels(event: ConnectionEvent, options?: ConnectionEventLabelOptions): ConnectionEventLabels {
  const providers = own(options, 'providers');
  const allowed = providers === undefined ? undefined : arrayItems(providers, 1024).filter((id): id is string => typeof id === 'string');
  const state = stateOf(event);
  const by = read(read(event, 'match'), 'by');
  const match = typeof by === 'string' && MATCHES.includes(by) ? (by as EventMatch['by']) : 'none';
  const name = read(event, 'event');
  const error = read(event, 'error');
  const severity = read(event, 'severity');
  return {
    provider: providerOf(event, allowed),
    state,
    detail: detailLabel(event, state),
    event: match !== 'none' && typeof name === 'string' && EVENT_NAME.test(name) ? name : 'other',
    kind: typeof error === 'object' && error !== null ? kindOf(error) : 'none',
    severity:
      state === 'cancelled' ? 'info' : typeof severity === 'string' && severitySet.has(severity) ? (severity as Severity) : STATE_DEFAULTS[state].severity,
    match,
  };
}
