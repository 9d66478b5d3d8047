import { own } from '../util/own.js';

/**
 * The numbers of a retry budget: a token bucket per provider that retries draw
 * from and successes refill, so that a provider failing every request is not
 * sent two or three times the traffic.
 *
 * @remarks
 * A retry is granted while the bucket holds more than `threshold` tokens and at
 * least the retry's cost; it then takes the cost. Every failed attempt that
 * counts against the provider's health takes `failureCost`; every success adds
 * `successReward`, or gives back the cost of the retry that succeeded when
 * `refundOnSuccess` is set. The bucket never holds more than `maxTokens` nor
 * less than zero. Two well-known settings are shipped:
 * {@link AWS_STANDARD_RETRY_BUDGET} (the default) and {@link GRPC_RETRY_THROTTLING}.
 *
 * @public
 */
export interface RetryBudgetSettings {
  /**
   * The tokens a bucket starts with and never exceeds.
   *
   * @defaultValue 500 (AWS SDKs' standard mode, `INITIAL_RETRY_TOKENS`)
   */
  readonly maxTokens: number;
  /**
   * Retries are granted only while the bucket holds more than this.
   *
   * @defaultValue 0 (AWS standard mode; gRPC A6 uses `maxTokens / 2`)
   */
  readonly threshold: number;
  /**
   * The tokens one retry takes.
   *
   * @defaultValue 5 (AWS standard mode, `RETRY_COST`)
   */
  readonly retryCost: number;
  /**
   * The tokens one retry after a timeout or a broken connection takes.
   *
   * @defaultValue 10 (AWS standard mode, `TIMEOUT_RETRY_COST`)
   */
  readonly timeoutRetryCost: number;
  /**
   * The tokens a success adds when it needed no retry (or when `refundOnSuccess` is off).
   *
   * @defaultValue 1 (AWS standard mode, `NO_RETRY_INCREMENT`; gRPC A6's `tokenRatio`)
   */
  readonly successReward: number;
  /**
   * The tokens every failed attempt that counts against the provider's health takes.
   *
   * @defaultValue 0 (AWS standard mode charges retries only; gRPC A6 charges 1 per failure)
   */
  readonly failureCost: number;
  /**
   * Whether a success gives back what the retry that reached it cost.
   *
   * @defaultValue true (AWS standard mode)
   */
  readonly refundOnSuccess: boolean;
}

/**
 * Options of {@link createRetryBudget}: any of {@link RetryBudgetSettings}.
 *
 * @public
 */
export type RetryBudgetOptions = Partial<RetryBudgetSettings>;

/**
 * The retry quota of the AWS SDKs' standard retry mode: 500 tokens, 5 per
 * retry, 10 per retry after a timeout, 1 back per success without a retry, and
 * the cost back when a retry succeeds.
 *
 * @remarks
 * Sources: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 * and the SDK's constants, https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-retry/src/constants.ts.
 * When a provider fails every request the bucket grants at most
 * `maxTokens / retryCost` = 100 retries (50 after timeouts), then none until
 * successes refill it: amplification tends to 1.0x.
 *
 * @public
 */
export const AWS_STANDARD_RETRY_BUDGET: RetryBudgetSettings = Object.freeze({
  maxTokens: 500,
  threshold: 0,
  retryCost: 5,
  timeoutRetryCost: 10,
  successReward: 1,
  failureCost: 0,
  refundOnSuccess: true,
});

/**
 * gRPC's retry throttling (proposal A6) with the example of its spec: 10
 * tokens, a failure takes 1, a success adds 0.1, no retries at or below half.
 *
 * @remarks
 * Source: https://github.com/grpc/proposal/blob/master/A6-client-retries.md#throttling-retry-attempts-and-hedged-rpcs.
 * It stops retrying after about five failures in a row, and whenever more than
 * about one attempt in eleven fails.
 *
 * @public
 */
export const GRPC_RETRY_THROTTLING: RetryBudgetSettings = Object.freeze({
  maxTokens: 10,
  threshold: 5,
  retryCost: 0,
  timeoutRetryCost: 0,
  successReward: 0.1,
  failureCost: 1,
  refundOnSuccess: false,
});

/**
 * A retry a budget granted: give it back with the success it led to.
 *
 * @public
 */
export interface RetryGrant {
  /** The provider whose bucket paid. */
  readonly provider: string;
  /** The tokens it took. */
  readonly cost: number;
}

/**
 * One provider's bucket, for a metric (a gauge of `tokens`, counters of the rest).
 *
 * @public
 */
export interface RetryBudgetState {
  /** The provider id the bucket belongs to (`'*'` for providers beyond the first 256). */
  readonly provider: string;
  /** The tokens in the bucket now. */
  readonly tokens: number;
  /** The most tokens it holds. */
  readonly maxTokens: number;
  /** Whether a retry (one that is not after a timeout) would be granted now. */
  readonly retrying: boolean;
  /** Retries granted so far. */
  readonly granted: number;
  /** Retries refused so far, because the bucket was spent. */
  readonly refused: number;
  /** Successes recorded so far. */
  readonly successes: number;
  /** Failures recorded so far. */
  readonly failures: number;
}

/**
 * A retry budget: one bucket per provider, shared by every request of this process.
 *
 * @public
 */
export interface RetryBudget {
  /** The settings in force, defaults filled in. */
  readonly settings: RetryBudgetSettings;
  /** Asks for one retry of a request to `provider`; the grant, or `undefined` when the bucket is spent. */
  acquire(provider: string, options?: { readonly timeout?: boolean }): RetryGrant | undefined;
  /** Records a successful attempt; pass the grant of the retry that reached it, if any. */
  success(provider: string, grant?: RetryGrant): void;
  /** Records a failed attempt that counts against the provider's health. */
  failure(provider: string): void;
  /** One provider's bucket now. */
  state(provider: string): RetryBudgetState;
  /** Every bucket now, for a metric collector. */
  states(): readonly RetryBudgetState[];
}

const MAX_PROVIDERS = 256;
const MAX_TOKENS = 1e9;
const OVERFLOW = '*';

interface Bucket {
  tokens: number;
  granted: number;
  refused: number;
  successes: number;
  failures: number;
}

function setting(options: unknown, key: keyof RetryBudgetSettings, max: number): number {
  const value = own(options, key);
  const fallback = AWS_STANDARD_RETRY_BUDGET[key] as number;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max ? value : fallback;
}

function settle(options: unknown): RetryBudgetSettings {
  const maxTokens = setting(options, 'maxTokens', MAX_TOKENS) || AWS_STANDARD_RETRY_BUDGET.maxTokens;
  const threshold = setting(options, 'threshold', MAX_TOKENS);
  const refund = own(options, 'refundOnSuccess');
  return Object.freeze({
    maxTokens,
    // A threshold at or above the capacity would refuse every retry forever: a setting that cannot be meant.
    threshold: threshold < maxTokens ? threshold : AWS_STANDARD_RETRY_BUDGET.threshold,
    retryCost: setting(options, 'retryCost', MAX_TOKENS),
    timeoutRetryCost: setting(options, 'timeoutRetryCost', MAX_TOKENS),
    successReward: setting(options, 'successReward', MAX_TOKENS),
    failureCost: setting(options, 'failureCost', MAX_TOKENS),
    refundOnSuccess: typeof refund === 'boolean' ? refund : AWS_STANDARD_RETRY_BUDGET.refundOnSuccess,
  });
}

function providerKey(provider: unknown): string {
  return typeof provider === 'string' && provider !== '' ? provider.slice(0, 64) : 'unknown';
}

/**
 * Creates a retry budget: a token bucket per provider (gRPC A6 retry throttling,
 * the AWS SDKs' standard retry mode), kept in this process only.
 *
 * @remarks
 * Every number is configurable; the defaults are {@link AWS_STANDARD_RETRY_BUDGET}.
 * Pass `{ ...GRPC_RETRY_THROTTLING }` for gRPC's stricter throttling. At most 256
 * providers get a bucket of their own; any further provider id shares one
 * (`'*'`), so that ids read from data cannot grow memory. Never throws.
 *
 * @example
 * ```ts
 * const budget = createRetryBudget();
 * const grant = budget.acquire('plaid');
 * if (grant === undefined) return answerNow(error); // the provider is failing: no retry
 * ```
 *
 * @public
 */
export function createRetryBudget(options?: RetryBudgetOptions): RetryBudget {
  const settings = settle(options);
  const buckets = new Map<string, Bucket>();

  function bucketOf(provider: unknown): [string, Bucket] {
    let key = providerKey(provider);
    let bucket = buckets.get(key);
    if (bucket === undefined && buckets.size >= MAX_PROVIDERS) {
      key = OVERFLOW;
      bucket = buckets.get(key);
    }
    if (bucket === undefined) {
      bucket = { tokens: settings.maxTokens, granted: 0, refused: 0, successes: 0, failures: 0 };
      buckets.set(key, bucket);
    }
    return [key, bucket];
  }

  const grants = (bucket: Bucket, cost: number): boolean => bucket.tokens > settings.threshold && bucket.tokens >= cost;

  function snapshot(key: string, bucket: Bucket): RetryBudgetState {
    return {
      provider: key,
      tokens: bucket.tokens,
      maxTokens: settings.maxTokens,
      retrying: grants(bucket, settings.retryCost),
      granted: bucket.granted,
      refused: bucket.refused,
      successes: bucket.successes,
      failures: bucket.failures,
    };
  }

  return {
    settings,
    acquire(provider, acquireOptions) {
      const [key, bucket] = bucketOf(provider);
      const cost = own(acquireOptions, 'timeout') === true ? settings.timeoutRetryCost : settings.retryCost;
      if (!grants(bucket, cost)) {
        bucket.refused++;
        return undefined;
      }
      bucket.tokens = Math.max(0, bucket.tokens - cost);
      bucket.granted++;
      return Object.freeze({ provider: key, cost });
    },
    success(provider, grant) {
      const [, bucket] = bucketOf(provider);
      const paid = own(grant, 'cost');
      const refund = settings.refundOnSuccess && typeof paid === 'number' && Number.isFinite(paid) && paid > 0 ? paid : settings.successReward;
      bucket.tokens = Math.min(settings.maxTokens, bucket.tokens + refund);
      bucket.successes++;
    },
    failure(provider) {
      const [, bucket] = bucketOf(provider);
      bucket.tokens = Math.max(0, bucket.tokens - settings.failureCost);
      bucket.failures++;
    },
    state(provider) {
      const key = providerKey(provider);
      const bucket = buckets.get(key) ?? (buckets.size >= MAX_PROVIDERS ? buckets.get(OVERFLOW) : undefined);
      return snapshot(
        bucket === undefined || buckets.has(key) ? key : OVERFLOW,
        bucket ?? { tokens: settings.maxTokens, granted: 0, refused: 0, successes: 0, failures: 0 },
      );
    },
    states() {
      return [...buckets].map(([key, bucket]) => snapshot(key, bucket));
    },
  };
}
