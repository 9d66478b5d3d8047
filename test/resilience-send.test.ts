import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';
import { createRetryBudget, sendWithRetries, type AttemptEvent, type SendResult, type SendWithRetriesOptions } from '../src/resilience/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
let sim: Simulator;
let base: string;

// A provider of our own, for what the simulator does not do: a skewed clock, and recording the keys it was sent.
let upstream: Server;
let upstreamUrl: string;
const seen = new Map<string, (string | undefined)[]>();
const hits = new Map<string, number>();
type Script = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const scripts = new Map<string, Script>();

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 5_000 });
  base = sim.baseUrl('aerosync');
  upstream = createServer((req, res) => {
    const path = req.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const keys = seen.get(path) ?? [];
    keys.push(typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined);
    seen.set(path, keys);
    req.resume();
    const script = scripts.get(path);
    if (script === undefined) res.writeHead(404).end();
    else script(req, res, hit);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await Promise.all([sim.close(), new Promise<void>((resolve) => upstream.close(() => resolve()))]);
});

function attemptsAt(path: string): number {
  return sim.requests().filter((request) => request.path === path).length;
}

function get(path: string, headers: Record<string, string> = {}, extra: Partial<SendWithRetriesOptions<Response>> = {}): Promise<SendResult<Response>> {
  const url = `${base}${path}`;
  return sendWithRetries({
    provider: 'aerosync',
    normalizer,
    request: { method: 'GET', url },
    send: ({ signal }) => fetch(url, { headers, signal }),
    timeoutMs: 150,
    retry: { baseMs: 5, capMs: 20 },
    ...extra,
  });
}

describe('sendWithRetries against the simulator', () => {
  test('a 503 with Retry-After is retried after the wait, then succeeds; the budget gets its cost back', async () => {
    const budget = createRetryBudget();
    const started = Date.now();
    const result = await get('/v2/accounts/s-once/balance', { 'x-simulate': '503', 'x-simulate-retry-after': '1', 'x-simulate-times': '1' }, { budget });
    expect(result.outcome).toBe('response');
    if (result.outcome !== 'response') return;
    expect(result.response.status).toBe(200);
    expect(result.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(budget.state('aerosync')).toMatchObject({ tokens: 500, granted: 1, successes: 1 });
    await result.response.body?.cancel();
  });

  test('a GET that hangs is retried within its deadline, then answered as a timeout', async () => {
    const path = '/v2/accounts/s-hang/balance';
    const result = await get(path, { 'x-simulate': 'hang' });
    expect(result).toMatchObject({
      outcome: 'error',
      attempts: 3,
      plan: { action: 'stop', reason: 'attempts-exhausted' },
      error: { kind: 'provider-unavailable', reason: 'timeout' },
    });
    expect(attemptsAt(path)).toBe(3);
  });

  test('a POST that hangs or whose connection resets is sent once: the provider may have done it', async () => {
    for (const mode of ['hang', 'reset']) {
      const path = `/v2/accounts/s-post-${mode}/refresh`;
      const url = `${base}${path}`;
      const result = await sendWithRetries({
        provider: 'aerosync',
        normalizer,
        request: { method: 'POST', url },
        send: ({ signal }) => fetch(url, { method: 'POST', headers: { 'x-simulate': mode }, body: '{}', signal }),
        timeoutMs: 150,
      });
      expect(result).toMatchObject({ outcome: 'error', attempts: 1, plan: { action: 'stop', reason: 'may-have-succeeded', mayHaveSucceeded: true } });
      expect(attemptsAt(path)).toBe(1);
    }
  });

  test('a per-user lock (AC-108) is answered at once with its wait; the connection is not broken', async () => {
    const path = '/v2/accounts/s-locked/mfa';
    const url = `${base}${path}`;
    const result = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      request: { method: 'POST', url, idempotent: true },
      send: ({ signal }) => fetch(url, { method: 'POST', headers: { 'x-simulate': '429 AC-108', 'x-simulate-retry-after': '30' }, body: '{}', signal }),
    });
    expect(result).toMatchObject({
      outcome: 'error',
      attempts: 1,
      error: { kind: 'rate-limited', scope: 'end-user', retry: { afterMs: 30_000 } },
      plan: { reason: 'end-user-limit', connectionBroken: false },
    });
  });

  test('a wait is cut short when the caller signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await get('/v2/accounts/s-abort/balance', { 'x-simulate': '503', 'x-simulate-retry-after': '5' }, { signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ outcome: 'error', plan: { action: 'stop', reason: 'aborted' }, error: { retry: { afterMs: 5000 } } });
  });

  test('an attempt in flight is cut short by the caller signal too, and nothing is retried after', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await get('/v2/accounts/s-abort-flight/balance', { 'x-simulate': 'hang' }, { signal: controller.signal, timeoutMs: 5000 });
    expect(result).toMatchObject({ outcome: 'error', attempts: 1, plan: { reason: 'aborted' } });
  });

  test('a budget spent by a provider failing every request stops retrying it', async () => {
    const budget = createRetryBudget({ maxTokens: 10 });
    let attempts = 0;
    for (let i = 0; i < 10; i++) {
      const result = await get(`/v2/accounts/s-down-${i}/balance`, { 'x-simulate': '503' }, { budget });
      attempts += result.attempts;
    }
    // Two retries (5 tokens each) for the first request, then none.
    expect(attempts).toBe(12);
    expect(budget.state('aerosync')).toMatchObject({ tokens: 0, granted: 2, retrying: false });
  });

  test('a step that is not a failure comes back as pending (Synapse MFA at 202: the catalog documents that 2xx, so it is read)', async () => {
    const url = `${sim.baseUrl('synapse')}/users/u-mfa/nodes`;
    const result = await sendWithRetries({
      provider: 'synapse',
      normalizer,
      request: { method: 'POST', url },
      send: ({ signal }) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'ACH-US', info: { bank_id: 'synapse_good', bank_pw: 'test1234', bank_name: 'fake' } }),
          signal,
        }),
    });
    expect(result).toMatchObject({ outcome: 'pending', step: { step: 'mfa', code: '10', status: 202 }, attempts: 1 });
  });

  test('never throws: a send that throws, resolves with junk, or is missing; a logger that throws', async () => {
    const events: AttemptEvent[] = [];
    const thrown = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      request: { method: 'GET' },
      send: () => {
        throw new Error('boom');
      },
      onAttempt: (event) => {
        events.push(event);
        throw new Error('logger');
      },
    });
    expect(thrown).toMatchObject({ outcome: 'error', error: { kind: 'unknown' } });
    expect(events).toHaveLength(1);
    const junk = await sendWithRetries({ provider: 'aerosync', request: { method: 'GET' }, send: async () => null as never, retry: { maxAttempts: 1 } });
    expect(junk.outcome).toBe('error');
    const missing = await sendWithRetries({} as never);
    expect(missing.outcome).toBe('error');
  });
});

describe('sendWithRetries against a provider of our own', () => {
  test('a Retry-After date from a provider whose clock is an hour ahead is waited as sent, not for an hour', async () => {
    const path = '/skewed';
    scripts.set(path, (_req, res, hit) => {
      if (hit > 1) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      // Whole seconds, as HTTP dates are: a Retry-After date 1 s after the Date header.
      const served = Math.floor(Date.now() / 1000) * 1000 + 3_600_000;
      res.sendDate = false;
      res
        .writeHead(429, { date: new Date(served).toUTCString(), 'retry-after': new Date(served + 1000).toUTCString(), 'content-type': 'application/json' })
        .end('{}');
    });
    const url = `${upstreamUrl}${path}`;
    const started = Date.now();
    const result = await sendWithRetries({ provider: 'aerosync', normalizer, request: { method: 'GET', url }, send: ({ signal }) => fetch(url, { signal }) });
    expect(result.outcome).toBe('response');
    expect(result.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('the same idempotency key goes out on every attempt', async () => {
    const path = '/keyed';
    scripts.set(path, (_req, res, hit) => {
      if (hit === 1) return; // hangs: the attempt times out
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"created":true}');
    });
    const url = `${upstreamUrl}${path}`;
    const result = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      request: { method: 'POST', url, idempotencyKey: 'key-42' },
      send: ({ signal, idempotencyKey }) =>
        fetch(url, { method: 'POST', headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }, body: '{}', signal }),
      timeoutMs: 150,
      retry: { baseMs: 1, capMs: 2 },
    });
    expect(result).toMatchObject({ outcome: 'response', attempts: 2 });
    expect(seen.get(path)).toEqual(['key-42', 'key-42']);
  });

  test('a 409 after a timed-out POST reads as probably done: reconcile, with the attempt that may have succeeded', async () => {
    const path = '/reconcile';
    scripts.set(path, (_req, res, hit) => {
      if (hit === 1) return;
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"AC-112","message":"already in progress"}}');
    });
    const url = `${upstreamUrl}${path}`;
    const result = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      request: { method: 'POST', url, idempotencyKey: 'key-43' },
      send: ({ signal, idempotencyKey }) => fetch(url, { method: 'POST', headers: { 'idempotency-key': String(idempotencyKey) }, body: '{}', signal }),
      timeoutMs: 150,
      retry: { baseMs: 1, capMs: 2 },
    });
    expect(result).toMatchObject({
      outcome: 'error',
      attempts: 2,
      plan: { action: 'reconcile', mayHaveSucceeded: true },
      earlier: { kind: 'provider-unavailable', reason: 'timeout' },
    });
  });
});
