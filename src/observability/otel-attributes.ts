import type { Kind } from '../taxonomy/kinds.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';
import type { MatchStep, NormalizedError } from '../taxonomy/normalized-error.js';
import { codeLabelOf, detailOf, endpointOf, kindOf, matchOf, ownerOf, providerOf, retryableOf, severityOf, statusOf, userActionOf } from '../taxonomy/read-error.js';

/**
 * OpenTelemetry attributes of one normalized error, for a span or a metric.
 *
 * @remarks
 * `error.type` (stable) is the kind, as the conventions ask of a domain with
 * its own error identifiers: predictable, low cardinality, documented (the 13
 * kinds). `http.response.status_code` and `http.request.method` (stable) and
 * `url.template` (development) follow the HTTP client conventions;
 * `url.template` is the catalog's path template, without the provider's
 * version prefix. Every `aggregator.*` value is bounded like {@link ErrorLabels}.
 *
 * @public
 */
export interface ErrorAttributes {
  /** The kind: one of the 13 documented values. */
  readonly 'error.type': Kind;
  /** The observed HTTP status, when there was a response. */
  readonly 'http.response.status_code'?: number;
  /** The method of the catalog endpoint, when it was resolved. */
  readonly 'http.request.method'?: string;
  /** The path template of the catalog endpoint, when it was resolved (e.g. `/accounts/{user_id}/balance`). */
  readonly 'url.template'?: string;
  /** The catalog id of the provider, or `'other'`. */
  readonly 'aggregator.provider': string;
  /** The kind (repeats `error.type`, so a query over `aggregator.*` alone has it). */
  readonly 'aggregator.kind': Kind;
  /** The provider code when documented, `'other'` when not, `'none'` when absent. */
  readonly 'aggregator.code': string;
  /** The kind's detail (`reason` or `scope`), when it has one. */
  readonly 'aggregator.detail'?: string;
  /** The catalog endpoint template id, or `'unknown'`. */
  readonly 'aggregator.endpoint': string;
  /** Who must act. */
  readonly 'aggregator.owner': Owner;
  /** How loudly to react. */
  readonly 'aggregator.severity': Severity;
  /** How it was classified. */
  readonly 'aggregator.match': MatchStep;
  /** What the end user should do. */
  readonly 'aggregator.user_action': UserAction;
  /** Whether the same request can succeed later. */
  readonly 'aggregator.retryable': boolean;
}

/**
 * The OpenTelemetry attributes of a normalized error, following the semantic conventions.
 *
 * @example
 * ```ts
 * span.setAttributes(otelAttributes(error));
 * span.setStatus({ code: SpanStatusCode.ERROR });
 * ```
 *
 * @public
 */
export function otelAttributes(error: NormalizedError): ErrorAttributes {
  const kind = kindOf(error);
  const endpoint = endpointOf(error);
  const status = statusOf(error);
  const detail = detailOf(error);
  const space = endpoint === undefined ? -1 : endpoint.indexOf(' ');
  return {
    'error.type': kind,
    ...(status === undefined ? {} : { 'http.response.status_code': status }),
    ...(endpoint === undefined ? {} : { 'http.request.method': endpoint.slice(0, space), 'url.template': endpoint.slice(space + 1) }),
    'aggregator.provider': providerOf(error),
    'aggregator.kind': kind,
    'aggregator.code': codeLabelOf(error),
    ...(detail === undefined ? {} : { 'aggregator.detail': detail }),
    'aggregator.endpoint': endpoint ?? 'unknown',
    'aggregator.owner': ownerOf(error),
    'aggregator.severity': severityOf(error),
    'aggregator.match': matchOf(error),
    'aggregator.user_action': userActionOf(error),
    'aggregator.retryable': retryableOf(error),
  };
}
