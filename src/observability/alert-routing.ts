import { KIND_DEFAULTS } from '../taxonomy/defaults.js';
import type { Owner, Severity } from '../taxonomy/hints.js';
import { KINDS } from '../taxonomy/kinds.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { kindOf, ownerOf, providerOf, severityOf } from '../taxonomy/read-error.js';

/**
 * What alerting does with an error: wake someone, open a ticket, or only count it.
 *
 * @public
 */
export type AlertAction = 'page' | 'ticket' | 'count';

/**
 * The alert action of each severity.
 *
 * @public
 */
export const SEVERITY_ACTIONS: { readonly [S in Severity]: AlertAction } = { page: 'page', ticket: 'ticket', info: 'count' };

/**
 * Where alerting routes one kind of error by default.
 *
 * @public
 */
export interface AlertRoute {
  /** The kind's default severity. */
  readonly severity: Severity;
  /** What alerting does with it. */
  readonly action: AlertAction;
  /** Who is on the hook. */
  readonly owner: Owner;
}

/**
 * The routing table: each kind's default severity, alert action and owner, derived from `KIND_DEFAULTS`.
 *
 * @remarks
 * `page`: `auth` (our credentials broke) and `provider-unavailable` (the
 * aggregator is down for everyone). `ticket`: `invalid-request`, `not-found`,
 * `rate-limited`, `unknown`. Counted only: every error an end user or an
 * institution causes (`reconnect-required`, `mfa-expired`, `no-accounts`,
 * `fi-unavailable`, ...), and `conflict`. A catalog row may raise or lower the
 * severity of one documented code; {@link alertRoute} follows the error's own severity.
 *
 * @public
 */
export const ALERT_ROUTING: { readonly [K in Kind]: AlertRoute } = Object.fromEntries(
  KINDS.map((kind) => {
    const { severity, owner } = KIND_DEFAULTS[kind];
    return [kind, Object.freeze({ severity, action: SEVERITY_ACTIONS[severity], owner })];
  }),
) as { readonly [K in Kind]: AlertRoute };

/**
 * Where to route one error, with a key to group its alerts by.
 *
 * @public
 */
export interface AlertDecision extends AlertRoute {
  /** Groups alerts of one provider and kind: `'aggregator/<provider>/<kind>'`. */
  readonly group: string;
}

/**
 * Routes one normalized error: its own severity (a catalog row may set it) decides, the kind's default otherwise.
 *
 * @example
 * ```ts
 * if (alertRoute(error).action === 'page') pager.trigger(alertRoute(error).group);
 * ```
 *
 * @public
 */
export function alertRoute(error: NormalizedError): AlertDecision {
  const severity = severityOf(error);
  return { severity, action: SEVERITY_ACTIONS[severity], owner: ownerOf(error), group: `aggregator/${providerOf(error)}/${kindOf(error)}` };
}
