import type { CatalogInput } from '../catalog/types.js';
import { readError } from '../gateway/from-error.js';
import { causeChain } from '../gateway/network-failure.js';
import { normalizerOption, type GatewayRequest } from '../gateway/options.js';
import type { HeadersLike } from '../matcher/headers.js';
import { own, read } from '../util/own.js';
import type { IdempotencyRequest } from './idempotency.js';
import { planRetry, type RetryPlan, type RetryTuning } from './plan-retry.js';
import { providerError, type ProviderErrorOptions } from './provider-error.js';
import type { RetryBudget } from './retry-budget.js';

/**
 * Options of the retry adapters for cockatiel and p-retry.
 *
 * @public
 */
export interface RetryAdapterOptions extends ProviderErrorOptions, RetryTuning {
  /** The request being retried: its method and idempotency key decide whether it may be sent again. */
  readonly request?: IdempotencyRequest & GatewayRequest;
  /** The provider's retry budget: every retry takes from it. */
  readonly budget?: RetryBudget;
  /**
   * The catalogs whose rate-limit facts apply.
   *
   * @defaultValue the normalizer's `catalogs`, when it has them
   */
  readonly catalogs?: readonly CatalogInput[];
  /** Ends any wait the adapter holds, and every retry after it. */
  readonly signal?: AbortSignal;
}

/** The most attempts an adapter plans for: the library's own limit governs. */
export const UNBOUNDED_ATTEMPTS: number = Number.MAX_SAFE_INTEGER;

/** The headers of the response a thrown client error carries (an axios error), for the rate-limit facts. */
function responseHeaders(thrown: unknown): HeadersLike | undefined {
  for (const link of causeChain(thrown)) {
    const input = readError(link, { provider: 'unknown' });
    if (input !== undefined) return input.headers;
  }
  return undefined;
}

/** The plan for whatever a call threw, or `undefined` when it is not a provider error (never retried). */
export function planThrown(thrown: unknown, attempt: number, options: RetryAdapterOptions | undefined, withBudget: boolean): RetryPlan | undefined {
  const error = providerError(thrown, options);
  if (error === undefined) return undefined;
  const normalizer = normalizerOption(options);
  const catalogs = own(options, 'catalogs') ?? read(normalizer, 'catalogs');
  const budget = withBudget ? own(options, 'budget') : undefined;
  return planRetry(error, {
    attempt,
    maxAttempts: UNBOUNDED_ATTEMPTS,
    ...pick(options, ['baseMs', 'throttlingBaseMs', 'capMs', 'maxWaitMs', 'random', 'signal', 'request']),
    headers: responseHeaders(thrown),
    ...(Array.isArray(catalogs) ? { catalogs: catalogs as readonly CatalogInput[] } : {}),
    ...(budget === undefined ? {} : { budget: budget as RetryBudget }),
  });
}

function pick(options: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = own(options, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
