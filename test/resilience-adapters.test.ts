import { BrokenCircuitError, CircuitState, TaskCancelledError, ConsecutiveBreaker, circuitBreaker, handleAll, handleWhen, retry } from 'cockatiel';
import CircuitBreaker from 'opossum';
import pRetry from 'p-retry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { fromResponse } from '../src/gateway/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';
import {
  createRetryBudget,
  healthFilter,
  opossumErrorFilter,
  pRetryShouldRetry,
  providerError,
  retryAfterBackoff,
  retryFilter,
} from '../src/resilience/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 5_000 });
});
afterAll(async () => {
  await sim.close();
});

/** A provider call as a gateway writes one: a failure is thrown as an AggregatorError. */
async function balance(user: string, simulate: Record<string, string>, method = 'GET'): Promise<unknown> {
  const url = `${sim.baseUrl('aerosync')}/v2/accounts/${user}/${method === 'GET' ? 'balance' : 'refresh'}`;
  const response = await fetch(url, { method, headers: simulate, ...(method === 'GET' ? {} : { body: '{}' }), signal: AbortSignal.timeout(200) });
  if (response.ok) return response.json();
  throw new AggregatorError(await fromResponse(response, { normalizer, provider: 'aerosync', request: { method, url } }));
}

const LOCKED = { 'x-simulate': '429 AC-108' }; // one user's MFA lockout
const RECONNECT = { 'x-simulate': '400 AC-104' }; // one user's broken connection
const DOWN = { 'x-simulate': '503' }; // the provider is down

function attemptsAt(user: string): number {
  return sim.requests().filter((request) => request.path.includes(`/${user}/`)).length;
}

describe('cockatiel', () => {
  test('a breaker with handleWhen(healthFilter()) never opens on end users, and opens on the provider', async () => {
    const breaker = circuitBreaker(handleWhen(healthFilter()), { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(3) });
    for (let i = 0; i < 10; i++) {
      await expect(breaker.execute(() => balance(`c-user-${i}`, i % 2 === 0 ? LOCKED : RECONNECT))).rejects.toBeInstanceOf(AggregatorError);
    }
    expect(breaker.state).toBe(CircuitState.Closed);
    for (let i = 0; i < 3; i++) await expect(breaker.execute(() => balance('c-down', DOWN))).rejects.toBeInstanceOf(AggregatorError);
    expect(breaker.state).toBe(CircuitState.Open);
    await expect(breaker.execute(() => balance('c-after', {}))).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(attemptsAt('c-after')).toBe(0);
    // The control: a breaker that counts everything opens on three users' locks.
    const naive = circuitBreaker(handleAll, { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(3) });
    for (let i = 0; i < 3; i++) await expect(naive.execute(() => balance(`c-naive-${i}`, LOCKED))).rejects.toThrow();
    expect(naive.state).toBe(CircuitState.Open);
  });

  test('an open breaker is a provider error too: 503, the request never sent', () => {
    const error = providerError(new BrokenCircuitError(), { provider: 'aerosync' });
    expect(error).toMatchObject({
      kind: 'provider-unavailable',
      provider: 'aerosync',
      code: 'BrokenCircuitError',
      retry: { mayHaveSucceeded: false },
      match: { by: 'no-response' },
    });
    expect(providerError(new BrokenCircuitError())).toBeUndefined();
    // cockatiel's timeout policy: the request may have reached the provider.
    expect(providerError(new TaskCancelledError(), { provider: 'aerosync' })).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'timeout',
      retry: { mayHaveSucceeded: true },
    });
  });

  test('a retry policy with retryFilter and retryAfterBackoff waits what the provider said, and never retries a lock', async () => {
    const budget = createRetryBudget();
    const policy = retry(handleWhen(retryFilter({ budget })), { maxAttempts: 2, backoff: retryAfterBackoff({ baseMs: 5, capMs: 10 }) });
    const delays: number[] = [];
    policy.onRetry(({ delay }) => delays.push(delay));
    const started = Date.now();
    await expect(policy.execute(() => balance('c-retry', { ...DOWN, 'x-simulate-retry-after': '1', 'x-simulate-times': '1' }))).resolves.toMatchObject({
      simulated: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(delays).toEqual([1000]);
    expect(budget.state('aerosync').granted).toBe(1);
    await expect(policy.execute(() => balance('c-lock', LOCKED))).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(attemptsAt('c-lock')).toBe(1);
    await expect(policy.execute(() => balance('c-post', { 'x-simulate': 'hang' }, 'POST'))).rejects.toThrow();
    expect(attemptsAt('c-post')).toBe(1);
  });
});

describe('opossum', () => {
  test('errorFilter: opossumErrorFilter() leaves end users out of the failure count; the provider opens it', async () => {
    const breaker = new CircuitBreaker(balance, { errorFilter: opossumErrorFilter(), resetTimeout: 60_000, volumeThreshold: 3, errorThresholdPercentage: 50 });
    for (let i = 0; i < 10; i++) await expect(breaker.fire(`o-user-${i}`, i % 2 === 0 ? LOCKED : RECONNECT)).rejects.toBeInstanceOf(AggregatorError);
    expect(breaker.opened).toBe(false);
    expect(breaker.stats.failures).toBe(0);
    const fresh = new CircuitBreaker(balance, { errorFilter: opossumErrorFilter(), resetTimeout: 60_000, volumeThreshold: 3, errorThresholdPercentage: 50 });
    for (let i = 0; i < 3; i++) await expect(fresh.fire('o-down', DOWN)).rejects.toBeInstanceOf(AggregatorError);
    expect(fresh.opened).toBe(true);
    const open = await fresh.fire('o-after', {}).catch((error: unknown) => error);
    expect(providerError(open, { provider: 'aerosync' })).toMatchObject({ kind: 'provider-unavailable', code: 'EOPENBREAKER' });
    expect(attemptsAt('o-after')).toBe(0);
    // The control: without the filter, the same end users open it.
    const naive = new CircuitBreaker(balance, { resetTimeout: 60_000, volumeThreshold: 3, errorThresholdPercentage: 50 });
    for (let i = 0; i < 3; i++) await expect(naive.fire(`o-naive-${i}`, LOCKED)).rejects.toThrow();
    expect(naive.opened).toBe(true);
    for (const b of [breaker, fresh, naive]) b.shutdown();
  });

  test('a raw network failure counts against the provider when the provider is named', async () => {
    const url = `${sim.baseUrl('aerosync')}/v2/accounts/o-reset/balance`;
    const reset = await fetch(url, { headers: { 'x-simulate': 'reset' } }).catch((error: unknown) => error);
    expect(opossumErrorFilter({ provider: 'aerosync' })(reset)).toBe(false);
    expect(healthFilter({ provider: 'aerosync' })(reset)).toBe(true);
    // Unnamed, a raw error is not known to be the provider's: not counted.
    expect(healthFilter()(reset)).toBe(false);
    expect(healthFilter()(new TypeError('a bug of ours'))).toBe(false);
  });
});

describe('p-retry', () => {
  test('shouldRetry: pRetryShouldRetry() waits the provider Retry-After, then retries', async () => {
    const started = Date.now();
    const result = await pRetry(() => balance('p-retry', { ...DOWN, 'x-simulate-retry-after': '1', 'x-simulate-times': '1' }), {
      retries: 2,
      minTimeout: 0,
      shouldRetry: pRetryShouldRetry({ request: { method: 'GET' } }),
    });
    expect(result).toMatchObject({ simulated: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(attemptsAt('p-retry')).toBe(2);
  });

  test('never retries a lock, a broken connection, or a POST that may have succeeded', async () => {
    for (const [user, simulate, method] of [
      ['p-lock', LOCKED, 'GET'],
      ['p-reconnect', RECONNECT, 'GET'],
      ['p-post', { 'x-simulate': 'hang' }, 'POST'],
    ] as const) {
      await expect(
        pRetry(() => balance(user, simulate, method), { retries: 3, minTimeout: 0, shouldRetry: pRetryShouldRetry({ request: { method } }) }),
      ).rejects.toThrow();
      expect(attemptsAt(user)).toBe(1);
    }
  });

  test('a spent budget stops p-retry; a signal ends the wait', async () => {
    const budget = createRetryBudget({ maxTokens: 5 });
    await expect(
      pRetry(() => balance('p-budget', DOWN), { retries: 5, minTimeout: 0, shouldRetry: pRetryShouldRetry({ budget, request: { method: 'GET' } }) }),
    ).rejects.toThrow();
    expect(attemptsAt('p-budget')).toBe(2);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(
      pRetry(() => balance('p-abort', { ...DOWN, 'x-simulate-retry-after': '5' }), {
        retries: 2,
        minTimeout: 0,
        shouldRetry: pRetryShouldRetry({ signal: controller.signal, request: { method: 'GET' } }),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(attemptsAt('p-abort')).toBe(1);
  });
});
