// aggregator-errors/resilience: what a gateway needs around a provider call:
// retry budgets, a retry planner, the health predicate for breakers, and ready
// adapters for cockatiel, opossum and p-retry. See docs/resilience.md.
export { AWS_STANDARD_RETRY_BUDGET, GRPC_RETRY_THROTTLING, createRetryBudget } from './retry-budget.js';
export type { RetryBudget, RetryBudgetOptions, RetryBudgetSettings, RetryBudgetState, RetryGrant } from './retry-budget.js';
export { readRateLimit } from './rate-limit.js';
export type { RateLimit, ReadRateLimitOptions, WaitSource } from './rate-limit.js';
export { IDEMPOTENCY_KEY_HEADERS, IDEMPOTENT_METHODS, idempotencyOf } from './idempotency.js';
export type { Idempotency, IdempotencyRequest } from './idempotency.js';
export { planRetry } from './plan-retry.js';
export type { DelaySource, PlanRetryOptions, PlanStopReason, RetryPlan, RetryPlanFacts, RetryTuning } from './plan-retry.js';
export { countsAgainstHealth } from './provider-health.js';
export { providerError } from './provider-error.js';
export type { ProviderErrorOptions } from './provider-error.js';
export { healthFilter } from './health-filter.js';
export { opossumErrorFilter } from './opossum.js';
export { retryFilter } from './retry-filter.js';
export { retryAfterBackoff } from './retry-after-backoff.js';
export type { BackoffContextLike, BackoffFactoryLike, BackoffLike } from './retry-after-backoff.js';
export { pRetryShouldRetry } from './p-retry.js';
export type { PRetryContextLike } from './p-retry.js';
export type { RetryAdapterOptions } from './retry-adapter.js';
export { sendWithRetries } from './send-with-retries.js';
export type { AttemptEvent, SendAttempt, SendResult, SendWithRetriesOptions } from './send-with-retries.js';
