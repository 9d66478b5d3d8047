/**
 * The one place connection events are made, for the webhook and the widget
 * adapters alike: defaults per state, bounded strings, and the rule that a
 * cancel is never an alert.
 */
import type { ReconnectReason } from '../taxonomy/details.js';
import { KIND_DETAILS } from '../taxonomy/details.js';
import type { Severity, UserAction } from '../taxonomy/hints.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { ConnectionDetailMap, ConnectionEvent, ConnectionEventOf, ConnectionRef, ConnectionState, EventMatch } from './event.js';

/** What an adapter read from one signal. */
export interface EventFacts {
  readonly provider: string;
  readonly event: string;
  readonly connection?: ConnectionRef | undefined;
  readonly user?: string | undefined;
  readonly accounts?: readonly string[] | undefined;
  readonly at?: string | undefined;
  readonly error?: NormalizedError | undefined;
  /** Over the state's default; the error's own action wins when there is an error. */
  readonly userAction?: UserAction | undefined;
  readonly severity?: Severity | undefined;
  readonly match: EventMatch;
  readonly reason?: ReconnectReason | undefined;
  readonly expiresAt?: string | undefined;
  readonly scope?: ConnectionDetailMap['revoked']['scope'] | undefined;
  readonly step?: string | undefined;
  readonly failure?: ConnectionDetailMap['failed']['reason'] | undefined;
}

/** What each state implies when the signal says nothing more. */
export const STATE_DEFAULTS: { readonly [S in ConnectionState]: { readonly userAction: UserAction; readonly severity: Severity } } = {
  connected: { userAction: 'none', severity: 'info' },
  recovered: { userAction: 'none', severity: 'info' },
  'needs-reconnect': { userAction: 'reconnect', severity: 'info' },
  expiring: { userAction: 'reconnect', severity: 'info' },
  revoked: { userAction: 'reconnect', severity: 'info' },
  degraded: { userAction: 'wait', severity: 'info' },
  pending: { userAction: 'none', severity: 'info' },
  'new-accounts': { userAction: 'reconnect', severity: 'info' },
  cancelled: { userAction: 'none', severity: 'info' },
  failed: { userAction: 'contact-support', severity: 'info' },
  info: { userAction: 'none', severity: 'info' },
};

const MAX_EVENT_CHARS = 128;
const MAX_ID_CHARS = 256;
const MAX_ACCOUNTS = 64;
const NO_ACCOUNTS: readonly string[] = Object.freeze([]);
const REASONS: readonly string[] = KIND_DETAILS['reconnect-required'].values;

function capped(value: string | undefined, max: number): string | undefined {
  return value === undefined || value === '' ? undefined : value.length > max ? value.slice(0, max) : value;
}

/** An ISO 8601 instant from a provider's timestamp (ISO text or seconds since the epoch), or `undefined`. */
export function isoTime(value: unknown): string | undefined {
  const ms =
    typeof value === 'number' && Number.isFinite(value)
      ? value < 1e11
        ? value * 1000
        : value
      : typeof value === 'string' && value.length <= 64
        ? Date.parse(value)
        : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

/**
 * Builds a connection event: the state's defaults, then what the signal says,
 * then the error's hints when it carries one, so an event and the HTTP error
 * behind it agree. A cancel is never louder than `info`.
 */
export function connectionEvent<S extends ConnectionState>(state: S, facts: EventFacts): ConnectionEventOf<S> {
  const defaults = STATE_DEFAULTS[state];
  const error = facts.error;
  const severity = state === 'cancelled' ? 'info' : (error?.severity ?? facts.severity ?? defaults.severity);
  const connection =
    facts.connection === undefined
      ? undefined
      : { type: capped(facts.connection.type, 32) ?? 'connection', id: capped(facts.connection.id, MAX_ID_CHARS) ?? '' };
  const accounts =
    facts.accounts === undefined || facts.accounts.length === 0 ? NO_ACCOUNTS : facts.accounts.slice(0, MAX_ACCOUNTS).map((id) => id.slice(0, MAX_ID_CHARS));
  const base = {
    state,
    provider: capped(facts.provider, 64) ?? 'unknown',
    event: capped(facts.event, MAX_EVENT_CHARS) ?? 'unknown',
    connection: connection?.id === '' ? undefined : connection,
    user: capped(facts.user, MAX_ID_CHARS),
    accounts,
    at: facts.at,
    error,
    userAction: error?.userAction ?? facts.userAction ?? defaults.userAction,
    severity,
    match: facts.match,
  };
  let detail: object = {};
  switch (state) {
    case 'needs-reconnect': {
      const fromError = error?.kind === 'reconnect-required' ? error.reason : undefined;
      const reason = facts.reason ?? fromError;
      detail = { reason: reason !== undefined && REASONS.includes(reason) ? reason : 'connection' };
      break;
    }
    case 'expiring':
      detail = { expiresAt: facts.expiresAt };
      break;
    case 'revoked':
      detail = { scope: facts.scope ?? (accounts.length > 0 ? 'accounts' : 'connection') };
      break;
    case 'pending':
    case 'cancelled':
      detail = { step: capped(facts.step, MAX_EVENT_CHARS) };
      break;
    case 'failed':
      detail = { reason: facts.failure ?? (error === undefined ? 'widget' : 'error') };
      break;
    default:
      break;
  }
  return { ...base, ...detail } as unknown as ConnectionEventOf<S>;
}

/** The event for a signal no table documents: `info`, its name kept, never a throw. */
export function undocumentedEvent(provider: string, event: string, facts?: Partial<EventFacts>): ConnectionEvent {
  return connectionEvent('info', { ...facts, provider, event, match: { by: 'none', source: undefined, description: undefined } });
}
