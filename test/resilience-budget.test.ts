import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { AWS_STANDARD_RETRY_BUDGET, GRPC_RETRY_THROTTLING, createRetryBudget } from '../src/resilience/index.js';

describe('createRetryBudget: the AWS SDKs standard retry quota by default', () => {
  test('500 tokens, 5 per retry, 10 per retry after a timeout: 100 retries, then none', () => {
    const budget = createRetryBudget();
    expect(budget.settings).toEqual(AWS_STANDARD_RETRY_BUDGET);
    let granted = 0;
    while (budget.acquire('plaid') !== undefined) granted++;
    expect(granted).toBe(100);
    expect(budget.state('plaid')).toMatchObject({ tokens: 0, maxTokens: 500, retrying: false, granted: 100, refused: 1 });
    const timeouts = createRetryBudget();
    let afterTimeouts = 0;
    while (timeouts.acquire('plaid', { timeout: true }) !== undefined) afterTimeouts++;
    expect(afterTimeouts).toBe(50);
  });

  test('a success without a retry adds 1; a retry that succeeds gives its cost back; never above the capacity', () => {
    const budget = createRetryBudget();
    const grant = budget.acquire('mx');
    expect(grant).toEqual({ provider: 'mx', cost: 5 });
    expect(budget.state('mx').tokens).toBe(495);
    budget.success('mx', grant);
    expect(budget.state('mx').tokens).toBe(500);
    budget.acquire('mx', { timeout: true });
    budget.success('mx');
    expect(budget.state('mx').tokens).toBe(491);
    for (let i = 0; i < 20; i++) budget.success('mx');
    expect(budget.state('mx').tokens).toBe(500);
  });

  test('failures cost nothing in AWS mode: only retries are charged', () => {
    const budget = createRetryBudget();
    for (let i = 0; i < 1000; i++) budget.failure('yodlee');
    expect(budget.state('yodlee')).toMatchObject({ tokens: 500, failures: 1000, retrying: true });
  });

  test('each provider has its own bucket: one failing provider never spends another one retries', () => {
    const budget = createRetryBudget();
    while (budget.acquire('synapse') !== undefined);
    expect(budget.acquire('aerosync')).toBeDefined();
    expect(
      budget
        .states()
        .map((state) => state.provider)
        .sort(),
    ).toEqual(['aerosync', 'synapse']);
  });
});

describe('createRetryBudget with gRPC A6 retry throttling', () => {
  test('10 tokens, a failure takes 1, a success adds 0.1, no retries at or below half', () => {
    const budget = createRetryBudget({ ...GRPC_RETRY_THROTTLING });
    for (let i = 0; i < 4; i++) budget.failure('teller');
    expect(budget.state('teller')).toMatchObject({ tokens: 6, retrying: true });
    expect(budget.acquire('teller')).toEqual({ provider: 'teller', cost: 0 });
    budget.failure('teller');
    expect(budget.state('teller')).toMatchObject({ tokens: 5, retrying: false });
    expect(budget.acquire('teller')).toBeUndefined();
    for (let i = 0; i < 10; i++) budget.success('teller');
    expect(budget.state('teller').tokens).toBeCloseTo(6, 10);
    expect(budget.acquire('teller')).toBeDefined();
    // A failure rate above about one in eleven drains the bucket: retries stop.
    for (let i = 0; i < 200; i++) (i % 8 === 0 ? budget.failure : budget.success)('teller');
    expect(budget.state('teller').retrying).toBe(false);
  });
});

describe('createRetryBudget is total and bounded', () => {
  test('settings that cannot be meant fall back to the defaults', () => {
    const budget = createRetryBudget({
      maxTokens: -1,
      retryCost: Number.NaN,
      threshold: 1e12,
      successReward: Number.POSITIVE_INFINITY,
      refundOnSuccess: 'yes' as never,
    });
    expect(budget.settings).toEqual(AWS_STANDARD_RETRY_BUDGET);
    expect(createRetryBudget({ maxTokens: 10, threshold: 10 }).settings.threshold).toBe(0);
    expect(createRetryBudget(null as never).settings).toEqual(AWS_STANDARD_RETRY_BUDGET);
  });

  test('provider ids read from data cannot grow memory: past 256 buckets, the rest share one', () => {
    const budget = createRetryBudget();
    for (let i = 0; i < 1000; i++) budget.acquire(`p${i}`);
    const states = budget.states();
    expect(states).toHaveLength(257);
    expect(states.find((state) => state.provider === '*')).toMatchObject({ granted: 100, refused: 1000 - 256 - 100 });
    expect(budget.state('p999').provider).toBe('*');
    expect(budget.state('p3').provider).toBe('p3');
    // A missing id is the provider 'unknown', which here shares the spent overflow bucket.
    expect(budget.acquire(undefined as never)).toBeUndefined();
    expect(budget.state(undefined as never).provider).toBe('*');
  });

  propTest.prop([
    fc.array(fc.tuple(fc.constantFrom('acquire', 'timeout', 'success', 'refund', 'failure'), fc.constantFrom('a', 'b')), { maxLength: 400 }),
    fc.boolean(),
  ])('tokens always stay within [0, maxTokens], and a refused retry leaves them as they were', (steps, grpc) => {
    const budget = createRetryBudget(grpc ? { ...GRPC_RETRY_THROTTLING } : {});
    let last: ReturnType<typeof budget.acquire>;
    for (const [step, provider] of steps) {
      const before = budget.state(provider).tokens;
      if (step === 'acquire' || step === 'timeout') {
        last = budget.acquire(provider, { timeout: step === 'timeout' });
        if (last === undefined) expect(budget.state(provider).tokens).toBe(before);
      } else if (step === 'success') budget.success(provider);
      else if (step === 'refund') budget.success(provider, last);
      else budget.failure(provider);
      const { tokens, maxTokens } = budget.state(provider);
      expect(tokens).toBeGreaterThanOrEqual(0);
      expect(tokens).toBeLessThanOrEqual(maxTokens);
    }
  });
});
