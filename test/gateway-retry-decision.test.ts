import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { RetryHint } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { fromError, retryDecision } from '../src/gateway/index.js';
import { errorBody } from '../src/testkit/index.js';

const { normalize } = createNormalizer([aerosync, synapse]);

function hint(overrides: Partial<RetryHint>): { retry: RetryHint } {
  return { retry: { retryable: true, afterMs: undefined, afterSource: undefined, waitForJob: false, mayHaveSucceeded: false, ...overrides } };
}

describe('retryDecision', () => {
  test('honours Retry-After from a real 503', () => {
    const error = normalize({ provider: 'aerosync', status: 503, headers: { 'retry-after': '2' }, body: '' });
    expect(error.retry.afterMs).toBe(2000);
    expect(retryDecision(error, { attempt: 1 })).toEqual({ action: 'retry', delayMs: 2000, source: 'retry-after' });
  });

  test("the catalog's documented wait is the source when there is no header", () => {
    expect(retryDecision(hint({ afterMs: 1500, afterSource: 'catalog' }), { attempt: 1 })).toEqual({ action: 'retry', delayMs: 1500, source: 'catalog' });
  });

  test('a Retry-After longer than maxWaitMs stops at once and passes the wait on', () => {
    expect(retryDecision(hint({ afterMs: 60_000, afterSource: 'retry-after' }), { attempt: 1 })).toEqual({
      action: 'stop',
      reason: 'wait-too-long',
      retryAfterMs: 60_000,
    });
    expect(retryDecision(hint({ afterMs: 60_000, afterSource: 'retry-after' }), { attempt: 1, maxWaitMs: 60_000 })).toMatchObject({
      action: 'retry',
      delayMs: 60_000,
    });
  });

  test('without a wait: capped exponential backoff with full jitter', () => {
    const top = (): number => 1 - Number.EPSILON;
    const error = hint({});
    expect(retryDecision(error, { attempt: 1, random: top, maxAttempts: 10 })).toMatchObject({ action: 'retry', delayMs: 199, source: 'backoff' });
    expect(retryDecision(error, { attempt: 2, random: top, maxAttempts: 10 })).toMatchObject({ delayMs: 399 });
    expect(retryDecision(error, { attempt: 3, random: top, maxAttempts: 10 })).toMatchObject({ delayMs: 799 });
    expect(retryDecision(error, { attempt: 9, random: top, maxAttempts: 10 })).toMatchObject({ delayMs: 4999 });
    expect(retryDecision(error, { attempt: 2, random: () => 0.5, baseMs: 1000, capMs: 1500, maxAttempts: 10 })).toMatchObject({ delayMs: 750 });
    expect(retryDecision(error, { attempt: 1, random: () => 0 })).toMatchObject({ delayMs: 0 });
  });

  test('stops after maxAttempts, counting the first attempt', () => {
    const error = hint({ afterMs: 10, afterSource: 'retry-after' });
    expect(retryDecision(error, { attempt: 2 }).action).toBe('retry');
    expect(retryDecision(error, { attempt: 3 })).toEqual({ action: 'stop', reason: 'attempts-exhausted', retryAfterMs: 10 });
    expect(retryDecision(error, { attempt: 1, maxAttempts: 1 })).toMatchObject({ action: 'stop', reason: 'attempts-exhausted' });
  });

  test('stops when the error is not retryable (a user must reconnect)', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: '/v2/accounts/u-1/balance',
      status: 400,
      body: errorBody(aerosync, { code: 'AC-104' }),
    });
    expect(error.kind).toBe('reconnect-required');
    expect(retryDecision(error, { attempt: 1 })).toEqual({ action: 'stop', reason: 'not-retryable', retryAfterMs: undefined });
  });

  test('a conflict polls the running job; it never starts another', () => {
    const error = normalize({ provider: 'aerosync', code: 'AC-112' });
    expect(error.kind).toBe('conflict');
    expect(error.retry.waitForJob).toBe(true);
    const decision = retryDecision(error, { attempt: 1, random: () => 0.5, idempotent: false });
    expect(decision).toMatchObject({ action: 'poll-job', source: 'backoff' });
    expect(retryDecision(hint({ waitForJob: true, afterMs: 3000, afterSource: 'retry-after' }), { attempt: 1 })).toEqual({
      action: 'poll-job',
      delayMs: 3000,
      source: 'retry-after',
    });
  });

  test('a timeout of a non-idempotent request stops: the provider may have done the work', () => {
    const timeout = fromError(new DOMException('timed out', 'TimeoutError'), { provider: 'synapse' });
    expect(retryDecision(timeout, { attempt: 1, idempotent: false })).toMatchObject({ action: 'stop', reason: 'may-have-succeeded' });
    expect(retryDecision(timeout, { attempt: 1, idempotent: true }).action).toBe('retry');
    const refused = fromError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), { provider: 'synapse' });
    expect(retryDecision(refused, { attempt: 1, idempotent: false }).action).toBe('retry');
  });

  test('odd attempts, options and random sources never throw', () => {
    const error = hint({});
    expect(retryDecision(error, { attempt: Number.NaN })).toMatchObject({ action: 'stop', reason: 'attempts-exhausted' });
    expect(retryDecision(error, { attempt: -5, random: () => 0.5 })).toMatchObject({ action: 'retry', delayMs: 100 });
    expect(retryDecision(error, { attempt: 1, random: () => 7 })).toMatchObject({ action: 'retry', delayMs: 199 });
    expect(retryDecision(error, { attempt: 1, random: () => Number.NaN })).toMatchObject({ delayMs: 0 });
    expect(
      retryDecision(error, {
        attempt: 1,
        random: () => {
          throw new Error('no entropy');
        },
      }),
    ).toMatchObject({ delayMs: 0 });
    expect(retryDecision(error, { attempt: 1, baseMs: -1, capMs: Number.NaN, maxAttempts: Number.POSITIVE_INFINITY, random: () => 0.99 })).toMatchObject({
      action: 'retry',
    });
    expect(retryDecision(hint({ afterMs: Number.NaN }), { attempt: 1, random: () => 0 })).toMatchObject({ source: 'backoff' });
  });

  propTest.prop([
    fc.integer({ min: 1, max: 60 }),
    fc.integer({ min: 1, max: 10_000 }),
    fc.integer({ min: 1, max: 100_000 }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  ])('the backoff wait is within [0, min(cap, base * 2^(attempt-1)))', (attempt, baseMs, capMs, r) => {
    const decision = retryDecision(hint({}), { attempt, baseMs, capMs, maxAttempts: 100, random: () => r });
    expect(decision.action).toBe('retry');
    if (decision.action !== 'retry') return;
    const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
    expect(decision.delayMs).toBeGreaterThanOrEqual(0);
    expect(decision.delayMs).toBeLessThan(Math.max(ceiling, 1));
    expect(decision.delayMs).toBe(Math.floor(r * ceiling));
  });

  propTest.prop([
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
    fc.option(fc.nat({ max: 20_000 }), { nil: undefined }),
    fc.integer({ min: 1, max: 6 }),
    fc.boolean(),
  ])(
    'never retries what is not retryable, never says retry for a running job, never exceeds maxAttempts',
    (retryable, waitForJob, mayHaveSucceeded, afterMs, attempt, idempotent) => {
      const decision = retryDecision(
        hint({ retryable, waitForJob, mayHaveSucceeded, afterMs, afterSource: afterMs === undefined ? undefined : 'retry-after' }),
        { attempt, maxAttempts: 4, idempotent },
      );
      if (!retryable || attempt >= 4) expect(decision.action).toBe('stop');
      if (waitForJob) expect(decision.action).not.toBe('retry');
      if (decision.action === 'retry' && mayHaveSucceeded) expect(idempotent).toBe(true);
      if (decision.action !== 'stop' && afterMs !== undefined) expect(decision.delayMs).toBe(afterMs);
    },
  );
});
