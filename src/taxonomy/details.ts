/**
 * Per-kind detail values, one list per kind that carries a detail.
 *
 * @remarks
 * The normalized error's variant for a kind carries its detail field; a catalog
 * row may set it. Kinds absent here carry no detail.
 *
 * @public
 */
export const KIND_DETAILS = {
  'reconnect-required': {
    field: 'reason',
    values: ['credentials', 'consent', 'fi-paused-sharing', 'account-locked', 'institution-attention', 'connection'],
    fallback: 'connection',
  },
  'rate-limited': {
    field: 'scope',
    values: ['client', 'end-user'],
    fallback: 'client',
  },
  'fi-unavailable': {
    field: 'reason',
    values: ['down', 'maintenance', 'incomplete-data', 'unknown'],
    fallback: 'unknown',
  },
  'provider-unavailable': {
    field: 'reason',
    values: ['server-error', 'maintenance', 'timeout', 'network', 'unreadable-body'],
    fallback: 'server-error',
  },
} as const;

/**
 * Why the end user must reconnect.
 *
 * @public
 */
export type ReconnectReason = (typeof KIND_DETAILS)['reconnect-required']['values'][number];

/**
 * Whether a rate limit throttles our client or locks one end user.
 *
 * @public
 */
export type RateLimitScope = (typeof KIND_DETAILS)['rate-limited']['values'][number];

/**
 * Why the financial institution could not answer.
 *
 * @public
 */
export type InstitutionFailure = (typeof KIND_DETAILS)['fi-unavailable']['values'][number];

/**
 * Why the aggregator itself failed.
 *
 * @public
 */
export type ProviderFailure = (typeof KIND_DETAILS)['provider-unavailable']['values'][number];

/**
 * The kinds that carry a detail field.
 *
 * @public
 */
export type DetailedKind = keyof typeof KIND_DETAILS;
