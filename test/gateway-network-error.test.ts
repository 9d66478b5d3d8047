import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer, KIND_DEFAULTS } from '../src/index.js';
import { normalizedErrorSchema } from '../src/schemas/normalized-error.js';
import { aerosync } from '../catalogs/aerosync.js';
import { fromError, networkFailure } from '../src/gateway/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';

let sim: Simulator;
let closedPort: number;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync] });
  // A port that was just free: connecting to it is refused.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await sim.close();
});

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

function nodeRequest(url: string, timeoutMs?: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    if (timeoutMs !== undefined) req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('socket timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

describe('fromNetworkError on real failures', () => {
  test("undici's TypeError('fetch failed') with cause ECONNREFUSED is a network failure that never reached the provider", async () => {
    const error = await thrownBy(fetch(`http://127.0.0.1:${closedPort}/v2/accounts/u-1/balance`));
    expect(error).toBeInstanceOf(TypeError);
    const normalized = fromError(error, { provider: 'aerosync', request: { endpoint: 'GET /accounts/{user_id}/balance' } });
    expect(normalized).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'network',
      code: 'ECONNREFUSED',
      provider: 'aerosync',
      endpoint: 'GET /accounts/{user_id}/balance',
    });
    expect(normalized.retry).toMatchObject({ retryable: true, mayHaveSucceeded: false, waitForJob: false });
    expect(normalized).toMatchObject({ userAction: KIND_DEFAULTS['provider-unavailable'].userAction, severity: 'page', owner: 'provider' });
  });

  test('a connection the provider resets after the request was sent may have succeeded', async () => {
    const error = await thrownBy(fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/refresh`, { method: 'POST', headers: { 'x-simulate': 'reset' } }));
    expect(networkFailure(error)).toMatchObject({ reason: 'network', mayHaveSucceeded: true });
    expect(fromError(error, { provider: 'aerosync' }).retry.mayHaveSucceeded).toBe(true);
  });

  test('AbortSignal.timeout gives a TimeoutError: a timeout that may have succeeded', async () => {
    const error = await thrownBy(
      fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance`, { headers: { 'x-simulate': 'hang' }, signal: AbortSignal.timeout(50) }),
    );
    expect((error as Error).name).toBe('TimeoutError');
    const normalized = fromError(error, { provider: 'aerosync' });
    expect(normalized).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout' });
    expect(normalized.retry).toMatchObject({ retryable: true, mayHaveSucceeded: true });
  });

  test('an AbortController abort is read as a timeout', async () => {
    const controller = new AbortController();
    const pending = fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance`, { headers: { 'x-simulate': 'hang' }, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await thrownBy(pending);
    expect((error as Error).name).toBe('AbortError');
    expect(fromError(error, { provider: 'aerosync' })).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout' });
  });

  test('node:http errors carry the system code directly', async () => {
    const refused = await thrownBy(nodeRequest(`http://127.0.0.1:${closedPort}/`));
    expect(fromError(refused, { provider: 'aerosync' })).toMatchObject({ reason: 'network', code: 'ECONNREFUSED' });
    const timedOut = await thrownBy(nodeRequest(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance?x-simulate=hang`, 30));
    expect(fromError(timedOut, { provider: 'aerosync' })).toMatchObject({ reason: 'timeout', code: 'ETIMEDOUT' });
  });

  test('the result is a valid normalized error', async () => {
    const error = await thrownBy(fetch(`http://127.0.0.1:${closedPort}/`));
    expect(normalizedErrorSchema.safeParse(fromError(error, { provider: 'aerosync' })).success).toBe(true);
    expect(normalizedErrorSchema.safeParse(fromError(new RangeError('not a network error'), { provider: 'aerosync' })).success).toBe(true);
  });
});

describe('fromNetworkError on error shapes', () => {
  test.each([
    ['ENOTFOUND', 'network', false],
    ['EAI_AGAIN', 'network', false],
    ['ECONNREFUSED', 'network', false],
    ['ECONNRESET', 'network', true],
    ['EPIPE', 'network', true],
    ['ETIMEDOUT', 'timeout', true],
    ['ECONNABORTED', 'timeout', true],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', true],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', false],
  ] as const)('%s is %s (may have succeeded: %s)', (code, reason, mayHaveSucceeded) => {
    const error = Object.assign(new Error(`getaddrinfo ${code} api.aerosync.com`), { code });
    const normalized = fromError(error, { provider: 'aerosync' });
    expect(normalized).toMatchObject({ kind: 'provider-unavailable', reason, code });
    expect(normalized.retry.mayHaveSucceeded).toBe(mayHaveSucceeded);
  });

  test('the code is found under an AggregateError cause (happy eyeballs)', () => {
    const cause = new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' })], 'all failed');
    const error = new TypeError('fetch failed', { cause });
    expect(networkFailure(error)).toEqual({ reason: 'network', code: 'ECONNREFUSED', mayHaveSucceeded: false });
  });

  test("'fetch failed' without a known cause is still a network failure", () => {
    expect(networkFailure(new TypeError('fetch failed'))).toEqual({ reason: 'network', code: undefined, mayHaveSucceeded: true });
  });

  test('a DOMException TimeoutError is a timeout', () => {
    expect(networkFailure(new DOMException('The operation timed out.', 'TimeoutError'))).toMatchObject({ reason: 'timeout' });
  });

  test('anything else is unknown, not provider-unavailable, and nothing throws', () => {
    expect(networkFailure(new TypeError('x is not a function'))).toBeUndefined();
    expect(fromError(new TypeError('x is not a function'), { provider: 'aerosync' })).toMatchObject({ kind: 'unknown', match: { by: 'none' } });
    for (const weird of [undefined, null, 42, 'ECONNRESET', Object.create(null), { cause: { cause: { code: 'ETIMEDOUT' } } }]) {
      expect(() => fromError(weird, { provider: 'aerosync' })).not.toThrow();
    }
    expect(fromError({ cause: { cause: { code: 'ETIMEDOUT' } } }, { provider: 'aerosync' })).toMatchObject({ reason: 'timeout' });
    const hostile = {
      get code(): never {
        throw new Error('boom');
      },
    };
    expect(fromError(hostile, { provider: '' })).toMatchObject({ kind: 'unknown', provider: 'unknown' });
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(fromError(loop, { provider: 'aerosync' }).kind).toBe('unknown');
  });

  test('normalizeFailure resolves the endpoint from the request URL with the normalizer', async () => {
    const normalizer = createNormalizer([aerosync]);
    const error = await thrownBy(fetch(`http://127.0.0.1:${closedPort}/v2/accounts/u-5/balance`));
    expect(
      fromError(error, { normalizer, provider: 'aerosync', request: { method: 'GET', url: `http://127.0.0.1:${closedPort}/v2/accounts/u-5/balance` } }),
    ).toMatchObject({
      kind: 'provider-unavailable',
      endpoint: 'GET /accounts/{user_id}/balance',
    });
  });
});
