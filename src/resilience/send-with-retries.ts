import type { CatalogInput } from '../catalog/types.js';
import { fromError } from '../gateway/from-error.js';
import { isSuccess } from '../gateway/is-success.js';
import { readResponse, type ResponseLike } from '../gateway/from-response.js';
import { normalizerOption, numberOption, providerOption, requestOption, signalOption, type GatewayRequest, type NormalizerLike } from '../gateway/options.js';
import { createNormalizer, type NormalizeInput, type PendingStep } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { own, read } from '../util/own.js';
import { idempotencyOf, type IdempotencyRequest } from './idempotency.js';
import { planRetry, type RetryPlan, type RetryTuning } from './plan-retry.js';
import type { RateLimit } from './rate-limit.js';
import type { RetryBudget, RetryGrant } from './retry-budget.js';
import { sleep } from './sleep.js';

/**
 * What {@link sendWithRetries} hands `send` for one attempt.
 *
 * @public
 */
export interface SendAttempt {
  /** The attempt, from 1. */
  readonly attempt: number;
  /** Aborts when the attempt's deadline passes or the caller's signal aborts: pass it to `fetch`. */
  readonly signal: AbortSignal;
  /** The idempotency key to send, the same on every attempt (when the request has one). */
  readonly idempotencyKey: string | undefined;
}

/**
 * What happened on one attempt, for logs and metrics.
 *
 * @public
 */
export interface AttemptEvent {
  /** The provider called. */
  readonly provider: string;
  /** The attempt, from 1. */
  readonly attempt: number;
  /** How the attempt ended. */
  readonly outcome: 'response' | 'pending' | 'error';
  /** The failure, when it failed. */
  readonly error: NormalizedError | undefined;
  /** What was decided after the failure. */
  readonly plan: RetryPlan | undefined;
  /** How long the attempt took, in milliseconds. */
  readonly elapsedMs: number;
}

/**
 * Options of {@link sendWithRetries}.
 *
 * @public
 */
export interface SendWithRetriesOptions<R extends ResponseLike = ResponseLike> {
  /** The catalog id of the provider called. */
  readonly provider: string;
  /**
   * The normalizer that classifies failures (and tells MFA steps from failures, when it has `pending`).
   *
   * @defaultValue a normalizer over no catalog: the status alone
   */
  readonly normalizer?: NormalizerLike;
  /** The request: method, URL or endpoint, and its idempotency (a key sent on every attempt, or the caller's word). */
  readonly request: GatewayRequest & IdempotencyRequest;
  /** Sends one attempt and resolves with the provider's response (a fetch `Response`); may throw on network failures. */
  readonly send: (attempt: SendAttempt) => Promise<R>;
  /**
   * Whether a response is the success to pass through.
   *
   * @defaultValue `isSuccess` of aggregator-errors/gateway: a 2xx the provider's catalog documents as nothing else
   */
  readonly isSuccess?: (response: R) => boolean;
  /** The provider's retry budget, shared by every request of this process. */
  readonly budget?: RetryBudget;
  /**
   * The catalogs whose rate-limit facts apply.
   *
   * @defaultValue the normalizer's `catalogs`, when it has them
   */
  readonly catalogs?: readonly CatalogInput[];
  /**
   * The deadline of one attempt, in milliseconds (the body of a failure is read within it too).
   *
   * @defaultValue 10000
   */
  readonly timeoutMs?: number;
  /** The caller's signal (the client went away): it ends the attempt in flight and any wait. */
  readonly signal?: AbortSignal;
  /** Backoff and limits of the retries. */
  readonly retry?: RetryTuning;
  /** Called after every attempt. */
  readonly onAttempt?: (event: AttemptEvent) => void;
}

/**
 * How {@link sendWithRetries} ended.
 *
 * @remarks
 * - `response`: the success, untouched (its body unread).
 * - `pending`: a documented step, not a failure (an MFA question), with the input read from it.
 * - `error`: the failure to answer with; its `retry.afterMs` is the corrected wait
 *   (`toProblem` turns it into `Retry-After`). For a plan of `reconcile`,
 *   `earlier` is the attempt that may have succeeded.
 *
 * @public
 */
export type SendResult<R extends ResponseLike = ResponseLike> =
  | { readonly outcome: 'response'; readonly response: R; readonly attempts: number }
  | { readonly outcome: 'pending'; readonly step: PendingStep; readonly input: NormalizeInput; readonly attempts: number }
  | {
      readonly outcome: 'error';
      readonly error: NormalizedError;
      readonly plan: RetryPlan;
      readonly earlier: NormalizedError | undefined;
      readonly attempts: number;
    };

const STATUS_ONLY: NormalizerLike = createNormalizer([]);
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_ATTEMPTS = 16;

/** The error with the plan's wait and what is known of the work: the answer a gateway sends on. */
function settled(error: NormalizedError, plan: RetryPlan, limit: RateLimit): NormalizedError {
  const retry = own(error, 'retry');
  const afterMs = plan.action === 'stop' || plan.action === 'reconcile' ? plan.retryAfterMs : limit.afterMs;
  if (own(retry, 'afterMs') === afterMs && own(retry, 'mayHaveSucceeded') === plan.mayHaveSucceeded) return error;
  const afterSource = afterMs === undefined ? undefined : limit.source === 'catalog' ? 'catalog' : 'retry-after';
  try {
    return { ...error, retry: { ...(retry as NormalizedError['retry']), afterMs, afterSource, mayHaveSucceeded: plan.mayHaveSucceeded } } as NormalizedError;
  } catch {
    // A caller's normalizer answered something that cannot be copied: it goes out as it is.
    return error;
  }
}

const TUNING_KEYS = ['baseMs', 'throttlingBaseMs', 'capMs', 'maxAttempts', 'maxWaitMs', 'random'] as const;

/** The tuning options, each read once and defensively (a getter that throws reads as not given). */
function tuningOf(tuning: unknown): RetryTuning {
  const out: Record<string, unknown> = {};
  for (const key of TUNING_KEYS) {
    const value = own(tuning, key);
    if (value !== undefined) out[key] = value;
  }
  return out as RetryTuning;
}

// A 2xx the catalog documents as a step or a running job (Synapse's MFA 202, MX's 202) is read, not passed on.
function defaultSuccess(response: unknown, normalizer: unknown, provider: string): boolean {
  return isSuccess(response as { status: number }, { normalizer: normalizer as { catalogs: readonly unknown[] }, provider });
}

/**
 * Sends a request to a provider with everything a gateway needs around it: a
 * deadline per attempt, classification of every failure, a retry plan
 * ({@link planRetry}) with the provider's retry budget, the same idempotency
 * key on every attempt, and waits that the caller's signal ends.
 *
 * @remarks
 * The thin I/O shell around the pure decisions: `send` does the network, the
 * plan decides. A success and a documented pending step are never retried.
 * Bounded: at most 16 attempts whatever `maxAttempts` says, each within
 * `timeoutMs`, each wait within `maxWaitMs`. Never throws, whatever `send`
 * throws or resolves with.
 *
 * @example
 * ```ts
 * const result = await sendWithRetries({
 *   provider: 'aerosync', normalizer, budget,
 *   request: { method: 'GET', url },
 *   send: ({ signal }) => fetch(url, { signal }),
 * });
 * if (result.outcome === 'error') throw new AggregatorError(result.error);
 * ```
 *
 * @public
 */
export async function sendWithRetries<R extends ResponseLike = ResponseLike>(options: SendWithRetriesOptions<R>): Promise<SendResult<R>> {
  const provider = providerOption(options);
  const normalizer = normalizerOption(options) ?? STATUS_ONLY;
  const request = requestOption(options);
  const idempotencyRequest = own(options, 'request') as IdempotencyRequest | undefined;
  const send = own(options, 'send');
  const successOption = own(options, 'isSuccess');
  const rawBudget = own(options, 'budget');
  const budget = typeof own(rawBudget, 'acquire') === 'function' ? (rawBudget as RetryBudget) : undefined;
  const catalogs = own(options, 'catalogs') ?? read(normalizer, 'catalogs');
  const timeoutMs = Math.min(numberOption(options, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
  const signal = signalOption(options);
  const tuning = tuningOf(own(options, 'retry'));
  const onAttempt = own(options, 'onAttempt');
  const pending = read(normalizer, 'pending');
  const report = (event: AttemptEvent): void => {
    if (typeof onAttempt !== 'function') return;
    try {
      onAttempt(event);
    } catch {
      // A logger that throws must not change what the gateway answers.
    }
  };
  const classify = (input: NormalizeInput): NormalizedError => {
    try {
      return normalizer.normalize(input);
    } catch {
      return STATUS_ONLY.normalize(input);
    }
  };

  const idempotencyKey = idempotencyOf(idempotencyRequest).key;
  let grant: RetryGrant | undefined;
  let earlier: NormalizedError | undefined;
  // A budget is the caller's object: one that throws must not turn a success into a failure.
  const succeeded = (): void => {
    try {
      budget?.success(provider, grant);
    } catch {
      // Nothing to record then.
    }
  };
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const deadline = AbortSignal.timeout(timeoutMs);
    const attemptSignal = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);
    let error: NormalizedError;
    let headers: unknown;
    try {
      if (typeof send !== 'function') throw new TypeError('aggregator-errors: sendWithRetries needs a send function');
      const response = (await send({ attempt, signal: attemptSignal, idempotencyKey })) as R;
      let ok = false;
      try {
        ok = typeof successOption === 'function' ? successOption(response) === true : defaultSuccess(response, normalizer, provider);
      } catch {
        ok = defaultSuccess(response, normalizer, provider);
      }
      if (ok) {
        succeeded();
        report({ provider, attempt, outcome: 'response', error: undefined, plan: undefined, elapsedMs: performance.now() - started });
        return { outcome: 'response', response, attempts: attempt };
      }
      const input = await readResponse(response, { provider, request, signal: attemptSignal, timeoutMs });
      let step: PendingStep | undefined;
      try {
        step = typeof pending === 'function' ? (pending.call(normalizer, input) as PendingStep | undefined) : undefined;
      } catch {
        step = undefined;
      }
      if (step !== undefined) {
        succeeded();
        report({ provider, attempt, outcome: 'pending', error: undefined, plan: undefined, elapsedMs: performance.now() - started });
        return { outcome: 'pending', step, input, attempts: attempt };
      }
      headers = input.headers;
      error = classify(input);
    } catch (cause) {
      error = fromError(cause, { normalizer, provider, request });
    }
    const plan = planRetry(error, {
      attempt: attempt >= MAX_ATTEMPTS ? Number.MAX_SAFE_INTEGER : attempt,
      ...tuning,
      request: idempotencyRequest ?? {},
      headers: headers as NormalizeInput['headers'],
      ...(Array.isArray(catalogs) ? { catalogs: catalogs as readonly CatalogInput[] } : {}),
      earlierMayHaveSucceeded: earlier !== undefined,
      ...(budget === undefined ? {} : { budget }),
      ...(signal === undefined ? {} : { signal }),
    });
    report({ provider, attempt, outcome: 'error', error, plan, elapsedMs: performance.now() - started });
    // The first attempt that may have done the work is the one a reconcile looks up.
    if (earlier === undefined && plan.mayHaveSucceeded) earlier = error;
    if (plan.action !== 'retry')
      return {
        outcome: 'error',
        error: settled(error, plan, plan.rateLimit),
        plan,
        earlier: plan.action === 'reconcile' ? earlier : undefined,
        attempts: attempt,
      };
    grant = plan.grant;
    if (!(await sleep(plan.delayMs, signal))) {
      const aborted: RetryPlan = { ...plan, action: 'stop', reason: 'aborted', retryAfterMs: plan.rateLimit.afterMs };
      return { outcome: 'error', error: settled(error, aborted, plan.rateLimit), plan: aborted, earlier: undefined, attempts: attempt };
    }
  }
}
