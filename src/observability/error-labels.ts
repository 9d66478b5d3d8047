import type { Owner, Severity } from '../taxonomy/hints.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { MatchStep, NormalizedError } from '../taxonomy/normalized-error.js';
import { networkFailure } from '../gateway/network-failure.js';
import { arrayItems, own } from '../util/own.js';
import { codeLabelOf, endpointOf, kindOf, matchOf, ownerOf, providerOf, read, severityOf } from '../taxonomy/read-error.js';

/**
 * Bounded, low-cardinality labels of one normalized error, for a metric such as `aggregator_errors_total`.
 *
 * @remarks
 * A type alias, not an interface, so that it is assignable to an index-signature
 * type such as OpenTelemetry's `Attributes` (a metric's attributes) without a cast.
 *
 * @public
 */
export type ErrorLabels = {
  /** The catalog id; `'other'` when it is not a catalog-shaped id (or not in `options.providers`). */
  readonly provider: string;
  /** The kind. */
  readonly kind: Kind;
  /**
   * The provider code when the catalog documents it, `'other'` when it does not, `'none'` when there was none;
   * for a request that got no response (`match` `'no-response'`), the system code that says why (`'ETIMEDOUT'`, `'ECONNRESET'`) or `'none'`.
   */
  readonly code: string;
  /** The catalog's endpoint template id (never a raw URL), or `'unknown'`. */
  readonly endpoint: string;
  /** Who must act. */
  readonly owner: Owner;
  /** How loudly to react. */
  readonly severity: Severity;
  /** How it was classified; `'none'` means nothing documented matched, `'no-response'` that the provider never answered. */
  readonly match: MatchStep;
};

/**
 * The label names of {@link ErrorLabels}, in a stable order.
 *
 * @public
 */
export const ERROR_LABEL_NAMES: readonly (keyof ErrorLabels)[] = ['provider', 'kind', 'code', 'endpoint', 'owner', 'severity', 'match'];

/**
 * The counter every example in this package counts errors on, with {@link ErrorLabels} as its labels.
 *
 * @remarks
 * Shaped for prom-client: `new Counter({ ...ERRORS_METRIC })`.
 *
 * @public
 */
export const ERRORS_METRIC: { readonly name: string; readonly help: string; readonly labelNames: readonly (keyof ErrorLabels)[] } = {
  name: 'aggregator_errors_total',
  help: 'Errors returned by bank-aggregation providers, by normalized kind.',
  labelNames: ERROR_LABEL_NAMES,
};

/**
 * Options of {@link errorLabels}.
 *
 * @public
 */
export interface LabelOptions {
  /** The only provider ids allowed as label values; others become `'other'`. */
  readonly providers?: readonly string[];
}

/**
 * The code label of any value: documented codes kept (capped), undocumented ones `'other'`, none `'none'`; for a
 * request that got no response, the system code when it is one the gateway recognizes, so a timeout never
 * reads as an undocumented provider code.
 */
export function codeLabel(error: unknown): string {
  if (matchOf(error) !== 'no-response') return codeLabelOf(error);
  // networkFailure answers a code only from its own closed lists: the label stays bounded whatever the value says.
  return networkFailure({ code: read(error, 'code') })?.code ?? 'none';
}

/**
 * The bounded metric labels of a normalized error.
 *
 * @remarks
 * Cardinality stays bounded: `code` is kept only when the catalog documents it
 * (`match.by` is `row`, `endpoint-code`, `category-code`, `code` or `pending`)
 * and is capped at 64 characters (longer than any shipped catalog's code); a failure with no response (`no-response`)
 * keeps only a known system code (`ETIMEDOUT`), never counted as catalog drift;
 * `endpoint` is a template id, never a URL; every other label comes from a
 * closed list. A user id or a request id never becomes a label value.
 *
 * @example
 * ```ts
 * errorsTotal.inc(errorLabels(error));
 * ```
 *
 * @public
 */
export function errorLabels(error: NormalizedError, options?: LabelOptions): ErrorLabels {
  const providers = own(options, 'providers');
  const allowed = providers === undefined ? undefined : arrayItems(providers, 1024).filter((id): id is string => typeof id === 'string');
  return {
    provider: providerOf(error, allowed),
    kind: kindOf(error),
    code: codeLabel(error),
    endpoint: endpointOf(error) ?? 'unknown',
    owner: ownerOf(error),
    severity: severityOf(error),
    match: matchOf(error),
  };
}
