// aggregator-errors/catalog: writing and checking catalogs. It loads zod; the
// main entry, which gateways import to classify, does not.
export { defineCatalog, parseCatalog } from './define-catalog.js';
export type { CatalogResult } from './define-catalog.js';
export type { CheckCatalog, CheckCodes, CheckEndpoints, CheckMeaning, CheckRecord, CheckRow, DetailsOf, KindOfCode, NoExtra } from './check.js';
export type { HttpMethod } from './endpoint-id.js';
export { CatalogError } from './catalog-error.js';
export type { CatalogProblem } from './catalog-error.js';
export { leanCatalog, PROSE_KEYS } from './lean.js';
export type { LeanCatalog, LeanPart, ProseKey } from './lean.js';
export type {
  BodyShapeInput,
  BodyWaitInput,
  Catalog,
  CatalogInput,
  CategoryCodeInput,
  CodeInput,
  CodeOf,
  DailyQuotaInput,
  EndpointIdOf,
  EndpointInput,
  HintsInput,
  MeaningInput,
  PendingInput,
  RateLimitHeadersInput,
  RateLimitsInput,
  RowInput,
  SandboxTriggerInput,
  SourceRef,
} from './types.js';
export { normalizedErrorSchema } from '../schemas/normalized-error.js';
export { catalogJsonSchema, normalizedErrorJsonSchema, problemBodyJsonSchema } from '../schemas/json-schema.js';
export { problemBodySchema } from '../schemas/problem-body.js';
export type { JsonSchemaDocument } from '../schemas/json-schema.js';
export { KIND_DOCS } from '../taxonomy/kind-docs.js';
