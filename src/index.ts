// aggregator-errors: what a gateway needs to classify. It loads no zod; writing
// and checking catalogs lives in aggregator-errors/catalog.
export { KINDS, isKind } from './taxonomy/kinds.js';
export type { Kind } from './taxonomy/kinds.js';
export { USER_ACTIONS, OWNERS, SEVERITIES } from './taxonomy/hints.js';
export type { UserAction, Owner, Severity } from './taxonomy/hints.js';
export { KIND_DETAILS } from './taxonomy/details.js';
export type { DetailedKind, InstitutionFailure, ProviderFailure, RateLimitScope, ReconnectReason } from './taxonomy/details.js';
export { KIND_DEFAULTS } from './taxonomy/defaults.js';
export type { KindHints } from './taxonomy/defaults.js';
export { shouldPage, needsEndUser, isRetryable } from './taxonomy/predicates.js';
export { MATCH_STEPS } from './taxonomy/normalized-error.js';
export type {
  KindDetailMap,
  MatchInfo,
  MatchStep,
  NormalizedError,
  NormalizedErrorBase,
  NormalizedErrorOf,
  RetryHint,
} from './taxonomy/normalized-error.js';

export type { Catalog, CatalogInput, EndpointIdOf } from './catalog/types.js';
export { createNormalizer } from './matcher/create-normalizer.js';
export type { NormalizeInput, NormalizeInputFor, Normalizer, PendingStep } from './matcher/create-normalizer.js';
export type { HeadersLike } from './matcher/headers.js';

export { CONNECTION_DETAILS, CONNECTION_STATES, isConnectionState } from './connections/event.js';
export type {
  ConnectionDetailMap,
  ConnectionEvent,
  ConnectionEventBase,
  ConnectionEventOf,
  ConnectionRef,
  ConnectionState,
  EventMatch,
} from './connections/event.js';

export { AggregatorError } from './errors/aggregator-error.js';
export type { AggregatorErrorJSON } from './errors/aggregator-error.js';
