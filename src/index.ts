export { KINDS, isKind } from './taxonomy/kinds.js';
export type { Kind } from './taxonomy/kinds.js';
export { USER_ACTIONS, OWNERS, SEVERITIES } from './taxonomy/hints.js';
export type { UserAction, Owner, Severity } from './taxonomy/hints.js';
export { KIND_DETAILS } from './taxonomy/details.js';
export type { DetailedKind, InstitutionFailure, ProviderFailure, RateLimitScope, ReconnectReason } from './taxonomy/details.js';
export { KIND_DEFAULTS } from './taxonomy/defaults.js';
export { KIND_DOCS } from './taxonomy/kind-docs.js';
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

export { defineCatalog, parseCatalog } from './catalog/define-catalog.js';
export type { CatalogResult } from './catalog/define-catalog.js';
export { CatalogError } from './catalog/catalog-error.js';
export { leanCatalog, PROSE_KEYS } from './catalog/lean.js';
export type { LeanCatalog, ProseKey } from './catalog/lean.js';
export type { CatalogProblem } from './catalog/catalog-error.js';
export type {
  BodyShapeInput,
  Catalog,
  CatalogInput,
  CodeInput,
  CodeOf,
  EndpointIdOf,
  EndpointInput,
  HintsInput,
  MeaningInput,
  PendingInput,
  RowInput,
  SandboxTriggerInput,
} from './catalog/types.js';

export type { JsonValue } from 'type-fest';
export { createNormalizer } from './matcher/create-normalizer.js';
export type { NormalizeInput, NormalizeInputFor, Normalizer, PendingStep } from './matcher/create-normalizer.js';
export type { HeadersLike } from './matcher/headers.js';
export { parseRetryAfter } from './matcher/retry-after.js';

export { normalizedErrorSchema } from './schemas/normalized-error.js';
export { normalizedErrorJsonSchema, catalogJsonSchema } from './schemas/json-schema.js';
export type { JsonSchemaDocument } from './schemas/json-schema.js';

export { AggregatorError, isAggregatorError } from './errors/aggregator-error.js';
export type { AggregatorErrorJSON } from './errors/aggregator-error.js';
