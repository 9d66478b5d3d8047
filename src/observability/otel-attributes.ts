import type { Kind } from '../taxonomy/kinds.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';
import type { MatchStep, NormalizedError } from '../taxonomy/normalized-error.js';
import { detailOf, endpointOf, kindOf, matchOf, ownerOf, providerOf, retryableOf, severityOf, statusOf, userActionOf } from '../taxonomy/read-error.js';
import { codeLabel } from './error-labels.js';

/**
 * The `aggregator.*` OpenTelemetry attributes of one normalized error, safe on any span, log record or metric.
 *
 * @remarks
 * Every name is in the `aggregator.` namespace, so it never overwrites what a
 * span says about itself (a gateway's server span keeps its own
 * `http.response.status_code`). Every value is bounded like {@link ErrorLabels}.
 * A type alias, not an interface, so that `span.setAttributes(errorAttributes(e))`
 * compiles against OpenTelemetry's `Attributes` without a cast.
 *
 * @public
 */
export type ErrorAttributes = {
  /** The catalog id of the provider, or `'other'`. */
  readonly 'aggregator.provider': string;
  /** The kind: one of the 13 documented values. */
  readonly 'aggregator.kind': Kind;
  /** The provider code when documented, `'other'` when not, `'none'` when absent; a known system code (`'ETIMEDOUT'`) when the provider never answered. */
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
};

/**
 * The OpenTelemetry attributes of the client span of the call to the provider (`SpanKind.CLIENT`), where the
 * HTTP client semantic conventions describe the provider's answer.
 *
 * @remarks
 * On top of {@link ErrorAttributes}: `error.type` (stable) is the kind, as the
 * conventions ask of a domain with its own error identifiers (predictable, low
 * cardinality, documented); `http.response.status_code` and
 * `http.request.method` (stable) are the provider's status and the method of
 * the catalog endpoint; `url.template` (development) is the catalog's path
 * template, without the provider's version prefix. They describe the provider
 * call: set them on a gateway's server span and they overwrite its own answer
 * (a 502 it sent becomes the provider's 400). Put {@link errorAttributes} there.
 *
 * @public
 */
export type ClientSpanAttributes = ErrorAttributes & {
  /** The kind: the provider call failed with this error. */
  readonly 'error.type': Kind;
  /** The provider's HTTP status, when it answered. */
  readonly 'http.response.status_code'?: number;
  /** The method of the catalog endpoint, when it was resolved. */
  readonly 'http.request.method'?: string;
  /** The path template of the catalog endpoint, when it was resolved (e.g. `/accounts/{user_id}/balance`). */
  readonly 'url.template'?: string;
};

/**
 * The `aggregator.*` attributes of a normalized error, for any span (a gateway's server span, a job's span), a log record or a metric.
 *
 * @example
 * ```ts
 * serverSpan.setAttributes(errorAttributes(error)); // the server span keeps its own http.* attributes
 * ```
 *
 * @public
 */
export function errorAttributes(error: NormalizedError): ErrorAttributes {
  const endpoint = endpointOf(error);
  const detail = detailOf(error);
  return {
    'aggregator.provider': providerOf(error),
    'aggregator.kind': kindOf(error),
    'aggregator.code': codeLabel(error),
    ...(detail === undefined ? {} : { 'aggregator.detail': detail }),
    'aggregator.endpoint': endpoint ?? 'unknown',
    'aggregator.owner': ownerOf(error),
    'aggregator.severity': severityOf(error),
    'aggregator.match': matchOf(error),
    'aggregator.user_action': userActionOf(error),
    'aggregator.retryable': retryableOf(error),
  };
}

/**
 * The attributes of the client span of the provider call: the semantic conventions' `error.type` and `http.*` of
 * the provider's answer, and the `aggregator.*` attributes.
 *
 * @example
 * ```ts
 * const span = tracer.startSpan('GET /accounts/{user_id}/balance', { kind: SpanKind.CLIENT });
 * span.setAttributes(clientSpanAttributes(error));
 * span.setStatus({ code: SpanStatusCode.ERROR });
 * span.end();
 * ```
 *
 * @public
 */
export function clientSpanAttributes(error: NormalizedError): ClientSpanAttributes {
  const kind = kindOf(error);
  const endpoint = endpointOf(error);
  const status = statusOf(error);
  const space = endpoint === undefined ? -1 : endpoint.indexOf(' ');
  return {
    'error.type': kind,
    ...(status === undefined ? {} : { 'http.response.status_code': status }),
    ...(endpoint === undefined ? {} : { 'http.request.method': endpoint.slice(0, space), 'url.template': endpoint.slice(space + 1) }),
    ...errorAttributes(error),
  };
}
