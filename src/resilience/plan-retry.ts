import type { CatalogInput } from '../catalog/types.js';
import { functionOption, numberOption, signalOption } from '../gateway/options.js';
import { retryDecision, type StopReason } from '../gateway/retry-decision.js';
import type { HeadersLike } from '../matcher/headers.js';
import type { NormalizedError, RetryHint } from '../taxonomy/normalized-error.js';
import { detailOf, kindOf, retryableOf, statusOf } from '../taxonomy/read-error.js';
import { own, ownString } from '../util/own.js';
import { alreadyDone } from './already-done.js';
import { idempotencyOf, type IdempotencyRequest } from './idempotency.js';
import { countsAgainstHealth } from './provider-health.js';
import { readRateLimit, type RateLimit, type WaitSource } from './rate-limit.js';
import type { RetryBudget, RetryGrant } from './retry-budget.js';

/**
 * The backoff and limits of a retry plan; every field is optional.
 *
 * @public
 */
export interface RetryTuning {
  /**
   * The first backoff ceiling in milliseconds; it doubles on every attempt (full jitter).
   *
   * @defaultValue 200
   */
  readonly baseMs?: number;
  /**
   * The first backoff ceiling after a throttling answer (`rate-limited` or 429) without a stated wait.
   *
   * @defaultValue 500 (the AWS SDKs' `THROTTLING_RETRY_DELAY_BASE`)
   */
  readonly throttlingBaseMs?: number;
  /**
   * The largest backoff ceiling in milliseconds.
   *
   * @defaultValue 5000
   */
  readonly capMs?: number;
  /**
   * How many attempts in all, the first one included.
   *
   * @defaultValue 3 (the AWS SDKs' standard mode)
   */
  readonly maxAttempts?: number;
  /**
   * The longest wait accepted before the next attempt; a longer stated wait stops, and is passed on as `Retry-After`.
   *
   * @defaultValue 10000
   */
  readonly maxWaitMs?: number;
  /**
   * A source of numbers in [0, 1) for the jitter, injectable for tests.
   *
   * @defaultValue Math.random
   */
  readonly random?: () => number;
}

/**
 * Options of {@link planRetry}.
 *
 * @public
 */
export interface PlanRetryOptions extends RetryTuning {
  /** How many attempts were made so far, the failed one included (1 after the first). */
  readonly attempt: number;
  /** The request: its method and idempotency key decide whether it may be sent again. */
  readonly request?: IdempotencyRequest;
  /** The failed response's headers: `Date`, `Retry-After` and documented rate-limit headers. */
  readonly headers?: HeadersLike | undefined;
  /** The catalogs whose rate-limit facts apply (a normalizer's `catalogs`). */
  readonly catalogs?: readonly CatalogInput[] | undefined;
  /** An earlier attempt of this same request may have done the work (it timed out or its connection broke). */
  readonly earlierMayHaveSucceeded?: boolean;
  /** The provider's retry budget: a planned retry takes from it, a failure that counts is recorded in it. */
  readonly budget?: RetryBudget;
  /** The caller's signal: once aborted, nothing is retried. */
  readonly signal?: AbortSignal;
  /**
   * The local time in milliseconds, used only when the response has no `Date` header.
   *
   * @defaultValue Date.now()
   */
  readonly now?: number;
}

/**
 * Why a plan stops: the reasons of `retryDecision`, and those a gateway needs beyond one attempt.
 *
 * @remarks
 * - `end-user-limit`: a limit on one end user or connection (an MFA lockout,
 *   Plaid's per-Item limits): never retried on the spot, never a broken connection.
 * - `quota-exhausted`: a documented daily quota, spent until its reset.
 * - `budget-exhausted`: the provider's retry budget is spent: it is failing for everyone.
 * - `aborted`: the caller's signal was aborted.
 *
 * @public
 */
export type PlanStopReason = StopReason | 'end-user-limit' | 'quota-exhausted' | 'budget-exhausted' | 'aborted';

/**
 * Where a planned delay came from: a stated wait ({@link WaitSource}), or backoff.
 *
 * @public
 */
export type DelaySource = WaitSource | 'backoff';

/**
 * What every plan says besides its action.
 *
 * @public
 */
export interface RetryPlanFacts {
  /** Whether the failure counts against the provider's health (for a breaker): see `countsAgainstHealth`. */
  readonly countsAgainstHealth: boolean;
  /** Whether the end user's bank connection must be renewed: only a `reconnect-required`, never a rate limit. */
  readonly connectionBroken: boolean;
  /** The provider may have done the work of this request, on this attempt or an earlier one. */
  readonly mayHaveSucceeded: boolean;
  /** Whether sending the request again cannot do its work twice. */
  readonly idempotent: boolean;
  /** The idempotency key to send again, unchanged, on every attempt. */
  readonly idempotencyKey: string | undefined;
  /** What the response said about a rate limit and the wait. */
  readonly rateLimit: RateLimit;
}

/**
 * What a gateway does after a failed attempt.
 *
 * @remarks
 * - `retry`: send the same request (the same idempotency key) after `delayMs`;
 *   `grant` is the budget's, to give back with the success it leads to.
 * - `poll-job`: a job is already running for this resource: poll it after
 *   `delayMs`; never start another.
 * - `reconcile`: an earlier attempt may have succeeded and this answer says it
 *   did (a 409, "already exists", a running job): probably done; look the result
 *   up instead of reporting a failure or sending again.
 * - `stop`: answer now; `retryAfterMs` is the wait to pass on as `Retry-After`.
 *
 * @public
 */
export type RetryPlan = RetryPlanFacts &
  (
    | { readonly action: 'retry'; readonly delayMs: number; readonly source: DelaySource; readonly grant: RetryGrant | undefined }
    | { readonly action: 'poll-job'; readonly delayMs: number; readonly source: DelaySource }
    | { readonly action: 'reconcile'; readonly retryAfterMs: number | undefined }
    | { readonly action: 'stop'; readonly reason: PlanStopReason; readonly retryAfterMs: number | undefined }
  );

const DEFAULT_THROTTLING_BASE_MS = 500;

function attemptOf(options: unknown): number {
  const attempt = own(options, 'attempt');
  return typeof attempt === 'number' && Number.isFinite(attempt) ? attempt : Number.NaN;
}

/**
 * Plans what to do after a failed attempt, for a gateway: `retryDecision` plus
 * what a provider's answer and the request say beyond one attempt.
 *
 * @remarks
 * In order:
 * 1. An aborted `signal` stops (`aborted`).
 * 2. After an attempt that may have succeeded, a 409, a running job or an
 *    "already exists" is `reconcile`: probably done, not a new failure.
 * 3. A `rate-limited` of scope `end-user` stops (`end-user-limit`) with its wait:
 *    it is one user's lock, not ours to wait out in a request.
 * 4. A documented daily quota whose reset is further than `maxWaitMs` stops (`quota-exhausted`).
 * 5. The wait is read by `readRateLimit` (Retry-After against the response's
 *    `Date`, documented rate-limit headers, body waits, quotas); then
 *    `retryDecision` decides with it. A request that is not idempotent (by
 *    method, key or the caller's word) is never sent again when it may have
 *    succeeded: a timeout, a broken connection, or a 5xx server error, which
 *    says nothing of what was done (a 503 or 429 refused the request).
 * 6. A retry takes from `budget`; when it is spent the plan stops (`budget-exhausted`).
 *
 * With a `budget`, call it once per failed attempt: it records the failure and
 * takes the retry's cost. Otherwise pure. Never throws.
 *
 * @example
 * ```ts
 * const plan = planRetry(error, { attempt, request: { method: 'POST', idempotencyKey }, headers: response.headers, budget });
 * if (plan.action === 'retry') await sleep(plan.delayMs);
 * ```
 *
 * @public
 */
export function planRetry(error: NormalizedError, options: PlanRetryOptions): RetryPlan {
  const provider = ownString(error, 'provider') ?? 'unknown';
  const kind = kindOf(error);
  const retry = own(error, 'retry');
  const idempotency = idempotencyOf(own(options, 'request') as IdempotencyRequest | undefined);
  const rateLimit = readRateLimit(error, {
    headers: own(options, 'headers') as HeadersLike | undefined,
    catalogs: own(options, 'catalogs') as readonly CatalogInput[] | undefined,
    ...(numberOption(options, 'now') === undefined ? {} : { now: numberOption(options, 'now') as number }),
  });
  // A 500 tells nothing of whether the work was done; a 503 or a 429 refused the request.
  const indeterminate = kind === 'provider-unavailable' && detailOf(error) === 'server-error' && statusOf(error) !== 503;
  const mayHaveSucceeded = own(retry, 'mayHaveSucceeded') === true || (indeterminate && !idempotency.idempotent);
  const counts = countsAgainstHealth(error);
  const retryable = retryableOf(error);
  const facts: RetryPlanFacts = {
    countsAgainstHealth: counts,
    connectionBroken: kind === 'reconnect-required',
    mayHaveSucceeded: mayHaveSucceeded || own(options, 'earlierMayHaveSucceeded') === true,
    idempotent: idempotency.idempotent,
    idempotencyKey: idempotency.key,
    rateLimit,
  };
  const stop = (reason: PlanStopReason): RetryPlan => ({ ...facts, action: 'stop', reason, retryAfterMs: rateLimit.afterMs });
  const rawBudget = own(options, 'budget');
  const budget = typeof own(rawBudget, 'acquire') === 'function' ? (rawBudget as RetryBudget) : undefined;
  if (budget !== undefined && counts && retryable) {
    try {
      budget.failure(provider);
    } catch {
      // A budget that throws is a caller's bug; the plan still answers.
    }
  }

  if (signalOption(options)?.aborted === true) return stop('aborted');
  if (own(options, 'earlierMayHaveSucceeded') === true && alreadyDone(error)) return { ...facts, action: 'reconcile', retryAfterMs: rateLimit.afterMs };
  if (rateLimit.scope === 'end-user') return stop('end-user-limit');
  const maxWaitMs = numberOption(options, 'maxWaitMs') ?? 10_000;
  if (rateLimit.quota && (rateLimit.afterMs ?? Number.POSITIVE_INFINITY) > maxWaitMs) return stop('quota-exhausted');

  const throttled = kind === 'rate-limited' || statusOf(error) === 429;
  const baseMs = throttled ? (numberOption(options, 'throttlingBaseMs') ?? DEFAULT_THROTTLING_BASE_MS) : numberOption(options, 'baseMs');
  const hint: RetryHint = {
    retryable,
    afterMs: rateLimit.afterMs,
    afterSource: rateLimit.source === 'catalog' ? 'catalog' : 'retry-after',
    waitForJob: own(retry, 'waitForJob') === true,
    mayHaveSucceeded,
  };
  const random = functionOption(options, 'random');
  const decision = retryDecision(
    { retry: hint },
    {
      attempt: attemptOf(options),
      idempotent: idempotency.idempotent,
      maxWaitMs,
      ...(baseMs === undefined ? {} : { baseMs }),
      ...(numberOption(options, 'capMs') === undefined ? {} : { capMs: numberOption(options, 'capMs') as number }),
      ...(numberOption(options, 'maxAttempts') === undefined ? {} : { maxAttempts: numberOption(options, 'maxAttempts') as number }),
      ...(random === undefined ? {} : { random: random as () => number }),
    },
  );
  if (decision.action === 'stop') return stop(decision.reason);
  const source: DelaySource = decision.source === 'backoff' ? 'backoff' : (rateLimit.source ?? 'retry-after');
  if (decision.action === 'poll-job') return { ...facts, action: 'poll-job', delayMs: decision.delayMs, source };
  let grant: RetryGrant | undefined;
  if (budget !== undefined) {
    const reason = detailOf(error);
    try {
      grant = budget.acquire(provider, { timeout: kind === 'provider-unavailable' && (reason === 'timeout' || reason === 'network') });
    } catch {
      grant = undefined;
    }
    if (grant === undefined) return stop('budget-exhausted');
  }
  return { ...facts, action: 'retry', delayMs: decision.delayMs, source, grant };
}
