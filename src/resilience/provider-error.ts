import { AggregatorError } from '../errors/aggregator-error.js';
import { fromError, readError } from '../gateway/from-error.js';
import { causeChain, networkFailure } from '../gateway/network-failure.js';
import { normalizerOption, providerOption, type GatewayRequest, type NormalizerLike } from '../gateway/options.js';
import { errorOfKind } from '../matcher/error-of-kind.js';
import { isKind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { own, read } from '../util/own.js';

/**
 * How to tell a provider's error among whatever a call threw.
 *
 * @public
 */
export interface ProviderErrorOptions {
  /**
   * The catalog id of the provider that was called. With it, a client's raw
   * error (an axios error with a response, a timeout, a reset connection) and
   * an open circuit breaker are classified as that provider's; without it,
   * only an `AggregatorError` (or a normalized error thrown as is) is.
   */
  readonly provider?: string;
  /**
   * The normalizer that classifies a raw error that carries a response.
   *
   * @defaultValue a normalizer over no catalog: the status alone
   */
  readonly normalizer?: NormalizerLike;
  /** The request that failed, to name a network failure's endpoint. */
  readonly request?: GatewayRequest;
}

function isNormalizedShape(value: unknown): value is NormalizedError {
  return (
    isKind(own(value, 'kind')) &&
    typeof own(value, 'provider') === 'string' &&
    typeof own(own(value, 'retry'), 'retryable') === 'boolean' &&
    typeof own(own(value, 'match'), 'by') === 'string'
  );
}

// cockatiel's BrokenCircuitError and IsolatedCircuitError (marked by a flag, named plain "Error"), opossum's EOPENBREAKER: the request was never sent.
function isOpenBreaker(link: unknown): boolean {
  return read(link, 'isBrokenCircuitError') === true || read(link, 'isIsolatedCircuitError') === true || read(link, 'code') === 'EOPENBREAKER';
}

/**
 * The normalized provider error behind whatever a call threw, or `undefined`
 * when it is not a provider's error (a bug of ours: a frameworks integration
 * passes it on).
 *
 * @remarks
 * Finds, in the error and its `cause` chain: an `AggregatorError` (its
 * `error`), a normalized error thrown as is; and, when `provider` is given, a
 * client error with a response (axios), a network failure (timeout, reset,
 * refused), cockatiel's `TaskCancelledError` (its timeout policy, read as a
 * timeout), and an open circuit breaker (cockatiel's `BrokenCircuitError`,
 * opossum's `EOPENBREAKER`), read as `provider-unavailable` that never
 * reached the provider. Never throws.
 *
 * @example
 * ```ts
 * const error = providerError(caught, { provider: 'plaid', normalizer });
 * if (error === undefined) throw caught;
 * ```
 *
 * @public
 */
export function providerError(thrown: unknown, options?: ProviderErrorOptions): NormalizedError | undefined {
  let chain: unknown[];
  try {
    chain = causeChain(thrown);
  } catch {
    chain = [];
  }
  for (const link of chain) {
    if (AggregatorError.is(link)) return read(link, 'error') as NormalizedError;
    if (isNormalizedShape(link)) return link;
  }
  if (isNormalizedShape(thrown)) return thrown;
  if (typeof own(options, 'provider') !== 'string') return undefined;
  const provider = providerOption(options);
  const normalizer = normalizerOption(options);
  const request = own(options, 'request') as GatewayRequest | undefined;
  for (const link of chain) {
    if (isOpenBreaker(link)) {
      return errorOfKind('provider-unavailable', {
        provider,
        code: read(link, 'code') === 'EOPENBREAKER' ? 'EOPENBREAKER' : 'BrokenCircuitError',
        message: 'A circuit breaker is open: the request was not sent.',
        endpoint: undefined,
        detail: 'server-error',
        mayHaveSucceeded: false,
        description: 'A circuit breaker is open because the provider failed too often; the request was not sent.',
      });
    }
    if (read(link, 'isTaskCancelledError') === true) {
      return errorOfKind('provider-unavailable', {
        provider,
        code: 'TaskCancelledError',
        message: 'The call was cancelled by a timeout policy before the provider answered.',
        endpoint: undefined,
        detail: 'timeout',
        mayHaveSucceeded: true,
        description: 'The request timed out or was aborted before the provider answered.',
      });
    }
  }
  if (readError(thrown, { provider }) === undefined && networkFailure(thrown) === undefined) return undefined;
  return fromError(thrown, { provider, ...(normalizer === undefined ? {} : { normalizer }), ...(request === undefined ? {} : { request }) });
}
