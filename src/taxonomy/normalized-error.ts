import type { Kind } from './kinds.js';
import type { Owner, Severity, UserAction } from './hints.js';
import type { InstitutionFailure, ProviderFailure, RateLimitScope, ReconnectReason } from './details.js';

/**
 * The steps of the matcher's precedence, most specific first, as a runtime list.
 *
 * @remarks
 * - `row`: the documented (endpoint, status, code) row.
 * - `endpoint-code`: the code is documented on this endpoint, but with another status.
 * - `category-code`: the meaning of the code within its category, where a provider
 *   reuses a code under several categories (Plaid's `error_type`).
 * - `code`: the provider-wide meaning of the code.
 * - `category`: the provider's error category (Plaid's `error_type`) or a documented
 *   code prefix, for a code the catalog does not know.
 * - `status`: the HTTP status alone.
 * - `pending`: not a failure: the provider waits for a step (an MFA question).
 * - `no-response`: the request got no response at all (a timeout, a reset
 *   connection): nothing to look up, and no sign of catalog drift.
 * - `none`: nothing documented matched.
 *
 * @public
 */
export const MATCH_STEPS = ['row', 'endpoint-code', 'category-code', 'code', 'category', 'status', 'pending', 'no-response', 'none'] as const;

/**
 * How a normalized error was classified: one of {@link MATCH_STEPS}.
 *
 * @public
 */
export type MatchStep = (typeof MATCH_STEPS)[number];

/**
 * Which documentation classified the error, so drift from the docs is visible.
 *
 * @public
 */
export interface MatchInfo {
  /** The step of the precedence that answered. */
  readonly by: MatchStep;
  /** The status the docs print for this row, when it differs from the observed one. */
  readonly documentedStatus: number | undefined;
  /** The documented description of the matched meaning. */
  readonly description: string | undefined;
  /** A documented quirk of the matched row. */
  readonly note: string | undefined;
  /** The URL of the documentation that classified the error. */
  readonly source: string | undefined;
  /** The code is no longer in the provider's current docs; `source` is where it was documented. */
  readonly legacy: boolean;
}

/**
 * Whether and when to send the same request again.
 *
 * @public
 */
export interface RetryHint {
  /** Whether the same request can succeed later without anyone acting. */
  readonly retryable: boolean;
  /** How long to wait first, in milliseconds, when the provider or its docs say. */
  readonly afterMs: number | undefined;
  /** Where `afterMs` came from: the `Retry-After` header or the catalog's guidance. */
  readonly afterSource: 'retry-after' | 'catalog' | undefined;
  /** A job is already running: poll it rather than starting another. */
  readonly waitForJob: boolean;
  /** The request may have reached the provider and done its work (a timeout). */
  readonly mayHaveSucceeded: boolean;
}

/**
 * The fields every normalized error carries.
 *
 * @public
 */
export interface NormalizedErrorBase<K extends Kind = Kind> {
  /** The discriminant. */
  readonly kind: K;
  /** The catalog id of the provider, e.g. `'aerosync'`. */
  readonly provider: string;
  /** The observed HTTP status, if any. */
  readonly status: number | undefined;
  /** The provider's code as observed, e.g. `'AC-104'` or `'460'`. */
  readonly code: string | undefined;
  /** The provider's developer-facing text (never for end users). */
  readonly message: string;
  /** Text the provider meant for end users, where it sends one (Plaid's `display_message`). */
  readonly displayMessage: string | undefined;
  /** The catalog's endpoint id, e.g. `'GET /accounts/{user_id}/balance'`, when it could be resolved. */
  readonly endpoint: string | undefined;
  /** Values read from path parameters and documented message templates. */
  readonly params: Readonly<Record<string, string>>;
  /** The provider's request id, where it sends one. */
  readonly requestId: string | undefined;
  /** A link to the provider's documentation of this error, where its body carries one (Plaid's `documentation_url`); for developers. */
  readonly documentationUrl: string | undefined;
  /** The provider's advice to developers, where its body carries one (Plaid's `suggested_action`). */
  readonly suggestedAction: string | undefined;
  /** The nested errors the provider reports inside this one (Plaid's `causes`: each Item's own error), normalized by the same catalog. */
  readonly causes: readonly NormalizedError[];
  /** Whether and when to retry. */
  readonly retry: RetryHint;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** Who must act or is at fault. */
  readonly owner: Owner;
  /** How loudly alerting should react. */
  readonly severity: Severity;
  /** How it was classified. */
  readonly match: MatchInfo;
}

/**
 * The per-kind detail each variant carries.
 *
 * @public
 */
export interface KindDetailMap {
  /** Why the end user must reconnect. */
  'reconnect-required': { readonly reason: ReconnectReason };
  /** Whether the limit throttles our client or locks one end user. */
  'rate-limited': { readonly scope: RateLimitScope };
  /** Why the institution could not answer. */
  'fi-unavailable': { readonly reason: InstitutionFailure };
  /** Why the aggregator failed. */
  'provider-unavailable': { readonly reason: ProviderFailure };
  /** The documented step the provider waits for, when the response was a step rather than a failure. */
  unknown: { readonly pending: string | undefined };
}

/**
 * The normalized error of one kind.
 *
 * @public
 */
export type NormalizedErrorOf<K extends Kind> = NormalizedErrorBase<K> & (K extends keyof KindDetailMap ? KindDetailMap[K] : unknown);

/**
 * One typed value for any error any provider returned, discriminated on `kind`.
 *
 * @example
 * ```ts
 * switch (error.kind) {
 *   case 'reconnect-required': return askToReconnect(error.reason);
 *   case 'rate-limited': return later(error.retry.afterMs);
 * }
 * ```
 *
 * @public
 */
export type NormalizedError = { [K in Kind]: NormalizedErrorOf<K> }[Kind];
