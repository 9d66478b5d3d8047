/**
 * From a row of an adapter's table to a connection event: the one place the
 * widget adapters call the shared builder, so every adapter fills `match`,
 * the caller's connection and user, and the carried error the same way.
 */
import { connectionEvent, undocumentedEvent, type EventFacts } from '../connections/build.js';
import type { ConnectionDetailMap, ConnectionEvent, ConnectionState } from '../connections/event.js';
import type { Severity, UserAction } from '../taxonomy/hints.js';
import type { ReadOptions } from './widget-options.js';

/** What one documented callback, message or status means, and where the provider says so. */
export interface Row {
  readonly state: ConnectionState;
  /** The first-party documentation of the signal. */
  readonly source: string;
  /** The documented meaning, condensed. */
  readonly description?: string;
  /** Over the state's default, when the docs say what the end user does next; a classified error's action wins. */
  readonly userAction?: UserAction;
  /** Over the state's default (`info`); a classified error's severity wins. */
  readonly severity?: Severity;
  /** Why a `failed` attempt failed. */
  readonly failure?: ConnectionDetailMap['failed']['reason'];
  /** The step of a `pending` or `cancelled` event, when the row fixes it. */
  readonly step?: string;
}

/** What an adapter read from the payload itself. */
export type Signal = Omit<Partial<EventFacts>, 'provider' | 'event' | 'match'>;

/**
 * The event of a signal: its row, what the payload says, then the caller's
 * options for what it does not say. No row: `info`, the raw name kept.
 */
export function emit(provider: string, event: string, row: Row | undefined, signal: Signal, options: ReadOptions): ConnectionEvent {
  const facts: Signal = { ...signal, connection: signal.connection ?? options.connection, user: signal.user ?? options.user };
  if (row === undefined) return undocumentedEvent(provider, event, facts);
  const error = signal.error;
  const byError = error !== undefined && error.match.by !== 'none';
  // One builder call for any row's state: the union of its variants is the event.
  return connectionEvent(row.state, {
    ...facts,
    // What the payload says (an exit status as the step) wins over the row's fixed values.
    userAction: signal.userAction ?? row.userAction,
    severity: signal.severity ?? row.severity,
    failure: signal.failure ?? row.failure,
    step: signal.step ?? row.step,
    provider,
    event,
    match: {
      by: byError ? 'error' : 'event',
      source: (byError ? error.match.source : undefined) ?? row.source,
      description: (byError ? error.match.description : undefined) ?? row.description,
    },
  }) as ConnectionEvent;
}
