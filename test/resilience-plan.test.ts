import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer, KINDS } from '../src/index.js';
import type { NormalizedError } from '../src/index.js';
import { defineCatalog, parseCatalog } from '../src/catalog/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';
import { allCatalogs } from '../catalogs/all.js';
import { fromError, retryDecision } from '../src/gateway/index.js';
import { codeFixtures, errorBody } from '../src/testkit/index.js';
import { GRPC_RETRY_THROTTLING, countsAgainstHealth, createRetryBudget, idempotencyOf, planRetry, readRateLimit } from '../src/resilience/index.js';

// A fictional provider whose docs state its limits in headers, in its messages and as a daily quota:
// none of the shipped providers documents any of the three (see docs/resilience.md).
const ratebank = defineCatalog({
  id: 'ratebank',
  name: 'Ratebank',
  source: 'https://docs.ratebank.example/errors',
  body: { code: ['error.code'], message: ['error.message'] },
  codes: {
    SLOW_DOWN: { kind: 'rate-limited', detail: 'client', statuses: [429], source: 'https://docs.ratebank.example/errors' },
    DAILY_CAP: { kind: 'rate-limited', detail: 'client', statuses: [429], source: 'https://docs.ratebank.example/errors' },
    USER_LOCK: {
      kind: 'rate-limited',
      detail: 'end-user',
      statuses: [429],
      source: 'https://docs.ratebank.example/errors',
      hints: { owner: 'end-user', severity: 'info' },
    },
  },
  rateLimits: {
    source: 'https://docs.ratebank.example/rate-limits',
    headers: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'epoch-seconds' },
    bodyWaits: [
      { message: 'Too many requests, retry in {wait} seconds', unit: 'seconds', codes: ['SLOW_DOWN'], source: 'https://docs.ratebank.example/rate-limits' },
    ],
    dailyQuotas: { DAILY_CAP: { resetsAt: '06:30', source: 'https://docs.ratebank.example/rate-limits' } },
  },
});
const catalogs = [aerosync, synapse, plaid, ratebank];
const { normalize } = createNormalizer(catalogs);

const ratebankError = (code: string, message = 'rate limited', status = 429): NormalizedError =>
  normalize({ provider: 'ratebank', status, body: JSON.stringify({ error: { code, message } }) });
const server503 = (): NormalizedError => normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1/balance', status: 503, body: '' });
const timeout = (): NormalizedError => fromError(new DOMException('timed out', 'TimeoutError'), { provider: 'aerosync' });
const httpDate = (ms: number): string => new Date(ms).toUTCString();

describe('the catalog format takes documented rate limits', () => {
  test('a catalog with rateLimits validates; a body wait without {wait}, or naming an undocumented code, does not', () => {
    expect(parseCatalog(ratebank).ok).toBe(true);
    const bad = parseCatalog({
      ...ratebank,
      rateLimits: {
        source: 'https://docs.ratebank.example/rate-limits',
        bodyWaits: [{ message: 'retry in {seconds} s', unit: 'seconds', codes: ['NOPE'], source: 'https://docs.ratebank.example/rate-limits' }],
        dailyQuotas: { GONE: { resetsAt: '25:00', source: 'https://docs.ratebank.example/rate-limits' } },
      },
    });
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.problems.map((problem) => `${problem.path} ${problem.message}`).join('\n');
    expect(messages).toMatch(/bodyWaits.*exactly one placeholder, \{wait\}/);
    expect(messages).toMatch(/bodyWaits.*code "NOPE" has no provider-wide meaning/);
    expect(messages).toMatch(/dailyQuotas.*GONE.*(HH:MM|no provider-wide meaning)/);
    expect(parseCatalog({ ...ratebank, rateLimits: { source: 'nowhere' } }).ok).toBe(false);
  });
});

describe('readRateLimit', () => {
  test('Retry-After as a date is measured against the response Date header, not the local clock', () => {
    const local = Date.parse('2026-03-01T12:00:00Z');
    // The provider's clock runs an hour ahead of ours.
    const served = local + 3_600_000;
    const error = normalize({ provider: 'aerosync', status: 429, headers: { date: httpDate(served), 'retry-after': httpDate(served + 2000) }, body: '' });
    const limit = readRateLimit(error, { headers: { date: httpDate(served), 'retry-after': httpDate(served + 2000) }, now: local });
    expect(limit).toMatchObject({ afterMs: 2000, source: 'retry-after', scope: 'client', clockSkewMs: 3_600_000 });
    // Without the Date header there is nothing to correct against: the local clock it is.
    expect(readRateLimit(error, { headers: { 'retry-after': httpDate(served + 2000) }, now: local }).afterMs).toBe(3_602_000);
    // A provider whose clock is behind: a date already past on our clock is still a wait.
    const behind = local - 60_000;
    expect(
      readRateLimit(error, {
        headers: [
          ['Date', httpDate(behind)],
          ['Retry-After', httpDate(behind + 5000)],
        ],
        now: local,
      }).afterMs,
    ).toBe(5000);
  });

  test('Retry-After in seconds needs no clock', () => {
    expect(readRateLimit(server503(), { headers: new Headers({ 'retry-after': '7' }) })).toMatchObject({
      afterMs: 7000,
      source: 'retry-after',
      scope: undefined,
    });
  });

  test('documented rate-limit headers: the reset counts when the window is spent, against the Date header', () => {
    const served = Date.parse('2026-03-01T12:00:00Z');
    const headers = { date: httpDate(served), 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(served / 1000 + 42) };
    const error = ratebankError('SLOW_DOWN');
    expect(readRateLimit(error, { headers, catalogs, now: served + 999_999 })).toMatchObject({
      afterMs: 42_000,
      source: 'rate-limit-header',
      limit: 100,
      remaining: 0,
    });
    // Without the catalog, the headers mean nothing.
    expect(readRateLimit(error, { headers, now: served }).source).toBeUndefined();
    // A window not spent is no wait on a response that is not a throttle.
    const ok = normalize({ provider: 'ratebank', status: 503, body: '' });
    expect(readRateLimit(ok, { headers: { ...headers, 'x-ratelimit-remaining': '7' }, catalogs, now: served })).toMatchObject({
      afterMs: undefined,
      remaining: 7,
    });
  });

  test('a wait stated in the body, by the documented pattern only', () => {
    expect(readRateLimit(ratebankError('SLOW_DOWN', 'Too many requests, retry in 12 seconds'), { catalogs })).toMatchObject({
      afterMs: 12_000,
      source: 'body',
    });
    expect(readRateLimit(ratebankError('SLOW_DOWN', 'Too many requests, retry in 1.5 seconds'), { catalogs }).afterMs).toBe(1500);
    expect(readRateLimit(ratebankError('SLOW_DOWN', 'Too many requests, retry in soon seconds'), { catalogs }).afterMs).toBeUndefined();
    // The pattern is documented for SLOW_DOWN only.
    expect(readRateLimit(ratebankError('DAILY_CAP', 'Too many requests, retry in 12 seconds'), { catalogs }).source).toBe('daily-quota');
  });

  test('a daily quota waits until its documented reset, measured from the response Date', () => {
    const served = Date.parse('2026-03-01T05:00:00Z');
    const limit = readRateLimit(ratebankError('DAILY_CAP'), { headers: { date: httpDate(served) }, catalogs, now: 0 });
    expect(limit).toMatchObject({ afterMs: 90 * 60_000, source: 'daily-quota', quota: true });
    const after = readRateLimit(ratebankError('DAILY_CAP'), { headers: { date: httpDate(Date.parse('2026-03-01T07:00:00Z')) }, catalogs });
    expect(after.afterMs).toBe(23.5 * 3_600_000);
  });

  test('without headers, the error own wait stands (the matcher read it, or the catalog documents it)', () => {
    const error = normalize({ provider: 'aerosync', status: 503, headers: { 'retry-after': '3' }, body: '' });
    expect(readRateLimit(error)).toMatchObject({ afterMs: 3000, source: 'retry-after' });
  });
});

describe('idempotencyOf', () => {
  test('by the caller, by a key, by the method (RFC 9110), or not at all', () => {
    expect(idempotencyOf({ method: 'get' })).toEqual({ idempotent: true, key: undefined, by: 'method' });
    expect(idempotencyOf({ method: 'DELETE' }).idempotent).toBe(true);
    expect(idempotencyOf({ method: 'POST' })).toEqual({ idempotent: false, key: undefined, by: 'none' });
    expect(idempotencyOf({ method: 'PATCH' }).idempotent).toBe(false);
    expect(idempotencyOf({ method: 'POST', headers: { 'Idempotency-Key': 'k-1' } })).toEqual({ idempotent: true, key: 'k-1', by: 'key' });
    expect(idempotencyOf({ method: 'POST', headers: new Headers({ 'X-SP-IDEMPOTENCY-KEY': 'sp-1' }) }).key).toBe('sp-1');
    expect(idempotencyOf({ method: 'POST', idempotencyKey: 'body-key' }).key).toBe('body-key');
    expect(idempotencyOf({ method: 'POST', idempotent: true })).toMatchObject({ idempotent: true, by: 'caller' });
    expect(idempotencyOf({ method: 'GET', idempotent: false })).toMatchObject({ idempotent: false, by: 'caller' });
    // A key that is not a token is not a key.
    expect(idempotencyOf({ method: 'POST', idempotencyKey: 'two words' }).idempotent).toBe(false);
    expect(idempotencyOf(undefined)).toEqual({ idempotent: false, key: undefined, by: 'none' });
  });
});

describe('countsAgainstHealth', () => {
  test('provider and institution faults count; integrator bugs and end-user states do not', () => {
    const of = (code: string, provider = 'aerosync'): boolean => countsAgainstHealth(normalize({ provider, code }));
    expect(countsAgainstHealth(server503())).toBe(true);
    expect(countsAgainstHealth(timeout())).toBe(true);
    expect(of('AC-103')).toBe(true); // the FI failed to send data
    expect(of('AC-104')).toBe(false); // the user must reconnect
    expect(of('AC-108')).toBe(false); // one user's MFA lockout
    expect(of('AC-001')).toBe(false); // our API key: it pages, it does not open a breaker
    expect(of('AC-100')).toBe(false); // our request
    expect(of('AC-112')).toBe(false); // a job is running
    expect(of('BALANCE_LIMIT', 'plaid')).toBe(false); // one Item's limit
    expect(of('ACCOUNTS_BALANCE_GET_LIMIT', 'plaid')).toBe(true); // our client is throttled
    expect(of('ITEM_LOCKED', 'plaid')).toBe(false); // a locked bank account
    expect(of('INSTITUTION_DOWN', 'plaid')).toBe(true);
  });

  test('over every documented code of every catalog: nothing the end user owns or must fix ever counts', () => {
    const { normalize: all } = createNormalizer(allCatalogs);
    let counted = 0;
    for (const catalog of allCatalogs) {
      for (const fixture of codeFixtures(catalog)) {
        const error = all(fixture.input);
        const counts = countsAgainstHealth(error);
        if (counts) counted++;
        if (
          error.owner === 'end-user' ||
          error.kind === 'reconnect-required' ||
          error.kind === 'mfa-expired' ||
          (error.kind === 'rate-limited' && error.scope === 'end-user')
        ) {
          expect(counts, `${catalog.id} ${error.code}`).toBe(false);
        }
        if (error.kind === 'auth' || error.kind === 'invalid-request' || error.kind === 'not-found') expect(counts, `${catalog.id} ${error.code}`).toBe(false);
        // Plaid's INCOME_VERIFICATION_UPLOAD_ERROR is a 500 the docs blame on the user's interrupted upload: owned by the end user, not counted.
        if (error.kind === 'provider-unavailable' && error.owner !== 'end-user') expect(counts, `${catalog.id} ${error.code}`).toBe(true);
      }
    }
    expect(counted).toBeGreaterThan(20);
  });

  test('answers for any kind, and for values that are not errors', () => {
    for (const kind of KINDS) expect(typeof countsAgainstHealth({ ...server503(), kind } as NormalizedError)).toBe('boolean');
    expect(countsAgainstHealth(null as never)).toBe(false);
  });
});

describe('planRetry', () => {
  test('keeps retryDecision answers where nothing more is known', () => {
    const error = normalize({ provider: 'aerosync', status: 503, headers: { 'retry-after': '2' }, body: '' });
    const decision = retryDecision(error, { attempt: 1 });
    expect(planRetry(error, { attempt: 1, request: { method: 'GET' } })).toMatchObject({ ...decision, source: 'retry-after', grant: undefined });
    const reconnect = normalize({ provider: 'aerosync', code: 'AC-104' });
    expect(planRetry(reconnect, { attempt: 1 })).toMatchObject({ action: 'stop', reason: 'not-retryable', connectionBroken: true, countsAgainstHealth: false });
    const job = normalize({ provider: 'aerosync', code: 'AC-112' });
    expect(planRetry(job, { attempt: 1, random: () => 0.5 })).toMatchObject({ action: 'poll-job', source: 'backoff' });
  });

  test('a per-user limit (Aerosync AC-108, an MFA lockout) is never retried on the spot and never breaks the connection', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-1/mfa',
      status: 429,
      headers: { 'retry-after': '1' },
      body: errorBody(aerosync, { code: 'AC-108' }),
    });
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'end-user', retry: { retryable: true } });
    const plan = planRetry(error, { attempt: 1, request: { method: 'POST' }, headers: { 'retry-after': '1' } });
    expect(plan).toMatchObject({ action: 'stop', reason: 'end-user-limit', retryAfterMs: 1000, connectionBroken: false, countsAgainstHealth: false });
    // Plaid's per-Item limit: the same.
    const item = normalize({
      provider: 'plaid',
      method: 'POST',
      url: '/accounts/balance/get',
      status: 429,
      body: errorBody(plaid, { code: 'BALANCE_LIMIT', category: 'RATE_LIMIT_EXCEEDED' }),
    });
    expect(planRetry(item, { attempt: 1, request: { method: 'POST', idempotent: true } })).toMatchObject({
      action: 'stop',
      reason: 'end-user-limit',
      connectionBroken: false,
    });
  });

  test('a client throttle is retried after the provider wait, or after throttling backoff (base 500 ms)', () => {
    const plan = planRetry(ratebankError('SLOW_DOWN', 'Too many requests, retry in 2 seconds'), { attempt: 1, catalogs, request: { method: 'GET' } });
    expect(plan).toMatchObject({ action: 'retry', delayMs: 2000, source: 'body', countsAgainstHealth: true });
    const top = (): number => 1 - Number.EPSILON;
    expect(planRetry(ratebankError('SLOW_DOWN'), { attempt: 1, request: { method: 'GET' }, random: top })).toMatchObject({
      action: 'retry',
      delayMs: 499,
      source: 'backoff',
    });
    expect(planRetry(ratebankError('SLOW_DOWN'), { attempt: 2, request: { method: 'GET' }, random: top, throttlingBaseMs: 100 })).toMatchObject({
      delayMs: 199,
    });
    expect(planRetry(server503(), { attempt: 1, request: { method: 'GET' }, random: top })).toMatchObject({ delayMs: 199 });
  });

  test('a Retry-After date a skewed provider clock would stretch is read right, and retried', () => {
    const served = Date.now() + 3_600_000;
    const headers = { date: httpDate(served), 'retry-after': httpDate(served + 3000) };
    // An error whose wait was read against the local clock (an hour), as a client that ignores Date reads it.
    const base = normalize({ provider: 'aerosync', status: 503, body: '' });
    const error = { ...base, retry: { ...base.retry, afterMs: 3_603_000, afterSource: 'retry-after' } } as NormalizedError;
    expect(retryDecision(error, { attempt: 1 })).toMatchObject({ action: 'stop', reason: 'wait-too-long' });
    // Given the response headers, the planner measures the date against the response's Date.
    expect(planRetry(error, { attempt: 1, request: { method: 'GET' }, headers })).toMatchObject({ action: 'retry', delayMs: 3000, source: 'retry-after' });
    // The matcher reads the Date header too: both agree.
    expect(planRetry(normalize({ provider: 'aerosync', status: 503, headers, body: '' }), { attempt: 1, request: { method: 'GET' } })).toMatchObject({
      action: 'retry',
      delayMs: 3000,
    });
  });

  test('a daily quota is not retried until it resets; its reset is passed on', () => {
    const served = Date.parse('2026-03-01T05:00:00Z');
    const plan = planRetry(ratebankError('DAILY_CAP'), { attempt: 1, catalogs, headers: { date: httpDate(served) }, request: { method: 'GET' } });
    expect(plan).toMatchObject({ action: 'stop', reason: 'quota-exhausted', retryAfterMs: 90 * 60_000 });
    // A reset within the wait a gateway accepts is just a wait.
    const soon = planRetry(ratebankError('DAILY_CAP'), {
      attempt: 1,
      catalogs,
      headers: { date: httpDate(Date.parse('2026-03-01T06:29:58Z')) },
      request: { method: 'GET' },
    });
    expect(soon).toMatchObject({ action: 'retry', delayMs: 2000, source: 'daily-quota' });
  });

  test('idempotency: a POST that timed out is never sent again without a key; with one, the same key goes again', () => {
    expect(planRetry(timeout(), { attempt: 1, request: { method: 'POST' } })).toMatchObject({
      action: 'stop',
      reason: 'may-have-succeeded',
      mayHaveSucceeded: true,
      idempotent: false,
    });
    const keyed = planRetry(timeout(), { attempt: 1, request: { method: 'POST', headers: { 'idempotency-key': 'k-7' } } });
    expect(keyed).toMatchObject({ action: 'retry', idempotencyKey: 'k-7', idempotent: true });
    // A refused connection never reached the provider: safe to send again.
    const refused = fromError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), { provider: 'aerosync' });
    expect(planRetry(refused, { attempt: 1, request: { method: 'POST' } }).action).toBe('retry');
  });

  test('a 5xx server error says nothing of what a POST did; a 503 or a bank in maintenance refused it', () => {
    const failed = normalize({ provider: 'aerosync', method: 'POST', url: '/v2/accounts/u-1/refresh', status: 500, body: '' });
    expect(failed).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error' });
    expect(planRetry(failed, { attempt: 1, request: { method: 'POST' } })).toMatchObject({ action: 'stop', reason: 'may-have-succeeded' });
    expect(planRetry(failed, { attempt: 1, request: { method: 'POST', idempotencyKey: 'k' } }).action).toBe('retry');
    expect(planRetry(failed, { attempt: 1, request: { method: 'GET' } }).action).toBe('retry');
    expect(planRetry(server503(), { attempt: 1, request: { method: 'POST' } }).action).toBe('retry');
    const maintenance = normalize({
      provider: 'synapse',
      method: 'POST',
      url: '/v3.1/users/u-1/nodes',
      status: 503,
      body: errorBody(synapse, { code: '503', status: 503 }),
    });
    expect(planRetry(maintenance, { attempt: 1, request: { method: 'POST' } }).action).toBe('retry');
  });

  test('a 409 or "already exists" after an attempt that may have succeeded reads "probably done: reconcile"', () => {
    const conflict = normalize({ provider: 'aerosync', method: 'POST', url: '/v2/accounts/u-1/identity', status: 409, body: '' });
    expect(planRetry(conflict, { attempt: 2, request: { method: 'POST', idempotencyKey: 'k' }, earlierMayHaveSucceeded: true })).toMatchObject({
      action: 'reconcile',
      mayHaveSucceeded: true,
    });
    // Synapse's "idempotency key already in use" (450), after a timeout: the first attempt got through.
    const inUse = normalize({
      provider: 'synapse',
      method: 'POST',
      url: '/v3.1/users/u-1/nodes',
      status: 409,
      body: errorBody(synapse, { code: '450', status: 409 }),
    });
    expect(inUse.kind).toBe('invalid-request');
    expect(planRetry(inUse, { attempt: 2, request: { method: 'POST', idempotencyKey: 'k' }, earlierMayHaveSucceeded: true }).action).toBe('reconcile');
    // A job already running after our timed-out start is ours: reconcile, never start another.
    expect(planRetry(normalize({ provider: 'aerosync', code: 'AC-112' }), { attempt: 2, earlierMayHaveSucceeded: true }).action).toBe('reconcile');
    // Without an earlier attempt that may have succeeded, a 409 is what it says.
    expect(planRetry(inUse, { attempt: 1, request: { method: 'POST' } })).toMatchObject({ action: 'stop', reason: 'not-retryable' });
  });

  test('a budget: a retry takes from it, a spent budget stops, an end-user error never touches it', () => {
    const budget = createRetryBudget({ maxTokens: 10, retryCost: 5, timeoutRetryCost: 10 });
    expect(planRetry(server503(), { attempt: 1, request: { method: 'GET' }, budget })).toMatchObject({
      action: 'retry',
      grant: { provider: 'aerosync', cost: 5 },
    });
    expect(planRetry(timeout(), { attempt: 1, request: { method: 'GET' }, budget })).toMatchObject({ action: 'stop', reason: 'budget-exhausted' });
    expect(planRetry(server503(), { attempt: 1, request: { method: 'GET' }, budget }).action).toBe('retry');
    expect(planRetry(server503(), { attempt: 1, request: { method: 'GET' }, budget })).toMatchObject({ action: 'stop', reason: 'budget-exhausted' });
    const grpc = createRetryBudget({ ...GRPC_RETRY_THROTTLING });
    for (let i = 0; i < 20; i++) planRetry(normalize({ provider: 'aerosync', code: 'AC-108' }), { attempt: 1, budget: grpc });
    expect(grpc.state('aerosync')).toMatchObject({ tokens: 10, failures: 0 });
  });

  test('an aborted signal stops everything', () => {
    const controller = new AbortController();
    controller.abort();
    expect(planRetry(server503(), { attempt: 1, signal: controller.signal })).toMatchObject({ action: 'stop', reason: 'aborted' });
  });

  propTest.prop([
    fc.constantFrom(...KINDS),
    fc.boolean(),
    fc.boolean(),
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH'),
    fc.boolean(),
    fc.option(fc.nat({ max: 20_000 }), { nil: undefined }),
  ])(
    'never retries what may have succeeded unless idempotent; never retries an end-user limit; every delay is within maxWaitMs',
    (kind, retryable, mayHaveSucceeded, attempt, method, keyed, afterMs) => {
      const base = server503();
      const error = {
        ...base,
        kind,
        scope: 'end-user',
        reason: 'server-error',
        retry: { ...base.retry, retryable, mayHaveSucceeded, afterMs, afterSource: afterMs === undefined ? undefined : 'retry-after' },
      } as unknown as NormalizedError;
      const plan = planRetry(error, { attempt, request: { method, ...(keyed ? { idempotencyKey: 'k' } : {}) }, maxAttempts: 4 });
      const idempotent = keyed || method === 'GET' || method === 'PUT';
      if (plan.action === 'retry') {
        expect(retryable).toBe(true);
        expect(kind).not.toBe('rate-limited');
        if (mayHaveSucceeded) expect(idempotent).toBe(true);
        expect(plan.delayMs).toBeLessThanOrEqual(10_000);
        expect(attempt).toBeLessThan(4);
        expect(plan.idempotencyKey).toBe(keyed ? 'k' : undefined);
      }
      expect(plan.connectionBroken).toBe(kind === 'reconnect-required');
    },
  );
});
