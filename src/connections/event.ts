import { KIND_DETAILS, type ReconnectReason } from '../taxonomy/details.js';
import type { Severity, UserAction } from '../taxonomy/hints.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';

/**
 * The health states a bank connection can report, one closed list: consumers
 * can match them exhaustively.
 *
 * @remarks
 * - `connected`: a connection was made (a widget succeeded, an item was added).
 * - `recovered`: a broken connection works again without the user acting in your
 *   app: clear the "reconnect your bank" banner (Plaid `LOGIN_REPAIRED`, MX
 *   `CONNECTED` after a failure).
 * - `needs-reconnect`: the user must reconnect (credentials changed, consent
 *   expired, the bank wants attention): show the banner.
 * - `expiring`: the connection will stop working at `expiresAt` unless the user
 *   renews it (Plaid `PENDING_EXPIRATION`, `PENDING_DISCONNECT`).
 * - `revoked`: the user withdrew consent for the connection or one account of it.
 * - `degraded`: data is late or partial; nobody acts yet.
 * - `pending`: a step is under way (an MFA question waits for the user).
 * - `new-accounts`: the bank has accounts the user has not shared yet.
 * - `cancelled`: the user left the widget. Never an error, never an alert.
 * - `failed`: the widget attempt failed (an error, an institution not supported).
 * - `info`: a documented event that says nothing about health (a webhook update acknowledged).
 *
 * @public
 */
export const CONNECTION_STATES = [
  'connected',
  'recovered',
  'needs-reconnect',
  'expiring',
  'revoked',
  'degraded',
  'pending',
  'new-accounts',
  'cancelled',
  'failed',
  'info',
] as const;

/**
 * One of {@link CONNECTION_STATES}.
 *
 * @public
 */
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/**
 * Which connection an event is about, as the provider names it.
 *
 * @public
 */
export interface ConnectionRef {
  /** What the provider calls the connection: `'item'` (Plaid), `'member'` (MX), `'enrollment'` (Teller), `'provider-account'` (Yodlee), `'institution-login'` (Finicity), `'node'` (Synapse), `'user'` (Aerosync). */
  readonly type: string;
  /** The provider's id of it. */
  readonly id: string;
}

/**
 * How an event was classified: by the documented event itself, by the error it
 * carries, or by nothing (an event no table documents: `info`, its name kept).
 *
 * @public
 */
export interface EventMatch {
  /** `'event'`: the provider's documented event or status; `'error'`: the error the event carries; `'none'`: undocumented. */
  readonly by: 'event' | 'error' | 'none';
  /** The documentation of the event or error. */
  readonly source: string | undefined;
  /** The documented meaning of the event, when there is one. */
  readonly description: string | undefined;
}

/**
 * The fields every connection event carries.
 *
 * @public
 */
export interface ConnectionEventBase<S extends ConnectionState = ConnectionState> {
  /** The discriminant. */
  readonly state: S;
  /** The catalog id of the provider, e.g. `'plaid'`. */
  readonly provider: string;
  /** The event as the provider named it (`'ITEM.ERROR'`, `'onExit'`, `'enrollment.disconnected'`), capped. */
  readonly event: string;
  /** The connection it is about, when the signal names one. */
  readonly connection: ConnectionRef | undefined;
  /** The provider's id of the end user, when the signal names one (MX `user_guid`, Finicity `customerId`). */
  readonly user: string | undefined;
  /** Account ids the event is about, when it names some (Plaid `USER_ACCOUNT_REVOKED`'s `account_id`). */
  readonly accounts: readonly string[];
  /** When the provider says the event happened, as an ISO 8601 string. */
  readonly at: string | undefined;
  /** The error behind the event, classified by the same catalogs as HTTP errors, when the signal carries one and a normalizer was given. */
  readonly error: NormalizedError | undefined;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** How loudly alerting should react: a cancel is always `info`. */
  readonly severity: Severity;
  /** How it was classified. */
  readonly match: EventMatch;
}

/**
 * The closed detail values of the states that carry one, at run time (labels and
 * validators read them); {@link ConnectionDetailMap} derives its types from them.
 *
 * @public
 */
export const CONNECTION_DETAILS: {
  readonly 'needs-reconnect': { readonly field: 'reason'; readonly values: (typeof KIND_DETAILS)['reconnect-required']['values'] };
  readonly revoked: { readonly field: 'scope'; readonly values: readonly ['connection', 'accounts'] };
  readonly failed: { readonly field: 'reason'; readonly values: readonly ['error', 'institution-unsupported', 'institution-not-found', 'widget'] };
} = {
  'needs-reconnect': { field: 'reason', values: KIND_DETAILS['reconnect-required'].values },
  revoked: { field: 'scope', values: ['connection', 'accounts'] },
  failed: { field: 'reason', values: ['error', 'institution-unsupported', 'institution-not-found', 'widget'] },
};

/**
 * The detail each state carries.
 *
 * @public
 */
export interface ConnectionDetailMap {
  /** Why the user must reconnect (the same reasons as a `reconnect-required` error). */
  'needs-reconnect': { readonly reason: ReconnectReason };
  /** When the connection stops working, where the provider says (ISO 8601). */
  expiring: { readonly expiresAt: string | undefined };
  /** Whether the whole connection or some accounts of it were revoked. */
  revoked: { readonly scope: (typeof CONNECTION_DETAILS)['revoked']['values'][number] };
  /** The step under way, as the provider names it (`'mfa'`). */
  pending: { readonly step: string | undefined };
  /** Where in the widget the user left, as the provider names it (Plaid's `status`, `'requires_credentials'`). */
  cancelled: { readonly step: string | undefined };
  /** Why the attempt failed. */
  failed: { readonly reason: (typeof CONNECTION_DETAILS)['failed']['values'][number] };
}

/**
 * A connection event of one state.
 *
 * @public
 */
export type ConnectionEventOf<S extends ConnectionState> = ConnectionEventBase<S> & (S extends keyof ConnectionDetailMap ? ConnectionDetailMap[S] : unknown);

/**
 * One typed value for every webhook and link-widget signal about a bank
 * connection's health, discriminated on `state`.
 *
 * @example
 * ```ts
 * switch (event.state) {
 *   case 'needs-reconnect': return showBanner(event.connection, event.reason);
 *   case 'recovered': return clearBanner(event.connection);
 *   case 'cancelled': return; // never an error
 * }
 * ```
 *
 * @public
 */
export type ConnectionEvent = { [S in ConnectionState]: ConnectionEventOf<S> }[ConnectionState];

const stateSet: ReadonlySet<string> = new Set(CONNECTION_STATES);

/**
 * Whether a value is one of the {@link ConnectionState} names.
 *
 * @public
 */
export function isConnectionState(value: unknown): value is ConnectionState {
  return typeof value === 'string' && stateSet.has(value);
}
