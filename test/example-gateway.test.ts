import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NormalizedError } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';
import { startGateway } from '../examples/gateway.js';

let sim: Simulator;
let gateway: { readonly url: string; close(): Promise<void> };
let deadGateway: { readonly url: string; close(): Promise<void> };
const seen: { kind: string; attempt: number }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse] });
  gateway = await startGateway({
    upstreams: { aerosync: sim.baseUrl('aerosync'), synapse: sim.baseUrl('synapse') },
    credentials: { synapse: { 'x-sp-gateway': 'client_id|client_secret' } },
    timeoutMs: 150,
    retry: { maxAttempts: 3, baseMs: 5, capMs: 20 },
    onError: (error: NormalizedError, attempt: number) => seen.push({ kind: error.kind, attempt }),
  });
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  deadGateway = await startGateway({ upstreams: { aerosync: `http://127.0.0.1:${port}` }, retry: { maxAttempts: 2, baseMs: 1, capMs: 2 } });
});
afterAll(async () => {
  await Promise.all([gateway.close(), deadGateway.close(), sim.close()]);
});

function attemptsAt(path: string): number {
  return sim.requests().filter((request) => request.path === path).length;
}

async function problemOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

describe('example gateway end to end over loopback', () => {
  test('a documented Aerosync row becomes a 409 problem the frontend can act on, not retried', async () => {
    const path = '/v2/accounts/u-row/balance';
    const response = await fetch(`${gateway.url}/aerosync${path}`, { headers: { 'x-simulate': '400 AC-106' } });
    expect(response.status).toBe(409);
    const body = await problemOf(response);
    expect(body).toMatchObject({
      kind: 'reconnect-required',
      reason: 'fi-paused-sharing',
      provider: 'aerosync',
      code: 'AC-106',
      userAction: 'reconnect',
      status: 409,
    });
    expect(body['instance']).toMatch(/^urn:uuid:/);
    // The provider's developer message stays inside the gateway.
    expect(JSON.stringify(body)).not.toMatch(/For security purposes/);
    expect(attemptsAt(path)).toBe(1);
  });

  test('a provider auth failure answers 502, never 401', async () => {
    const response = await fetch(`${gateway.url}/aerosync/v2/token`, { method: 'POST', headers: { 'x-simulate': '401 AC-101' }, body: '{}' });
    expect(response.status).toBe(502);
    expect(await problemOf(response)).toMatchObject({ kind: 'auth' });
  });

  test.each([
    ['synapse_no_accounts', 422, 'no-accounts', 1],
    ['synapse_bank_request', 409, 'reconnect-required', 1],
  ] as const)('a Synapse sandbox login %s answers %i %s', async (username, status, kind, attempts) => {
    const path = `/v3.1/users/u-${username}/nodes`;
    const response = await fetch(`${gateway.url}/synapse/users/u-${username}/nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ACH-US', info: { bank_id: username, bank_pw: 'secret', bank_name: 'fake' } }),
    });
    expect(response.status).toBe(status);
    expect(await problemOf(response)).toMatchObject({ kind, provider: 'synapse' });
    expect(attemptsAt(path)).toBe(attempts);
  });

  test('synapse_maintenance is retried (the bank is down, nothing happened) and then answered 503', async () => {
    const path = '/v3.1/users/u-maint/nodes';
    const response = await fetch(`${gateway.url}/synapse/users/u-maint/nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ACH-US', info: { bank_id: 'synapse_maintenance', bank_pw: 'x', bank_name: 'fake' } }),
    });
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({ kind: 'fi-unavailable', reason: 'maintenance' });
    expect(attemptsAt(path)).toBe(3);
  });

  test('the MFA question of synapse_good passes through as the provider sent it', async () => {
    const response = await fetch(`${gateway.url}/synapse/users/u-mfa/nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ACH-US', info: { bank_id: 'synapse_good', bank_pw: 'test1234', bank_name: 'fake' } }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ error_code: '10', http_code: '202', mfa: {} });
  });

  test('a 503 with Retry-After is retried after the wait, then succeeds', async () => {
    const path = '/v2/accounts/u-once/balance';
    const started = Date.now();
    const response = await fetch(`${gateway.url}/aerosync${path}`, {
      headers: { 'x-simulate': '503', 'x-simulate-retry-after': '1', 'x-simulate-times': '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ simulated: true, provider: 'aerosync', endpoint: 'GET /accounts/{user_id}/balance' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(attemptsAt(path)).toBe(2);
  });

  test('a 503 that keeps asking to wait gives up after maxAttempts and passes Retry-After on', async () => {
    const path = '/v2/accounts/u-always/balance';
    const response = await fetch(`${gateway.url}/aerosync${path}`, { headers: { 'x-simulate': '503', 'x-simulate-retry-after': '0' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('0');
    expect(await problemOf(response)).toMatchObject({ kind: 'provider-unavailable', retryAfter: 0 });
    expect(attemptsAt(path)).toBe(3);
  });

  test('a Retry-After longer than the gateway waits is answered at once', async () => {
    const path = '/v2/accounts/u-long/balance';
    const response = await fetch(`${gateway.url}/aerosync${path}`, { headers: { 'x-simulate': '429', 'x-simulate-retry-after': '120' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(attemptsAt(path)).toBe(1);
  });

  test('a GET that times out is retried, then answered 504', async () => {
    const path = '/v2/accounts/u-hang/balance';
    const response = await fetch(`${gateway.url}/aerosync${path}`, { headers: { 'x-simulate': 'hang' } });
    expect(response.status).toBe(504);
    expect(await problemOf(response)).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout' });
    expect(attemptsAt(path)).toBe(3);
  });

  test('a POST that times out is not sent again: the provider may have done the work', async () => {
    const path = '/v2/accounts/u-hang/refresh';
    const response = await fetch(`${gateway.url}/aerosync${path}`, { method: 'POST', headers: { 'x-simulate': 'hang' }, body: '{}' });
    expect(response.status).toBe(504);
    expect(attemptsAt(path)).toBe(1);
    expect(seen.filter((entry) => entry.kind === 'provider-unavailable').length).toBeGreaterThan(0);
  });

  test('a refused connection is retried, then answered 503 network', async () => {
    const response = await fetch(`${deadGateway.url}/aerosync/v2/accounts/u-1/balance`);
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({ kind: 'provider-unavailable', reason: 'network', code: 'ECONNREFUSED' });
  });

  test('success passes through, and an unknown provider is 404', async () => {
    const ok = await fetch(`${gateway.url}/aerosync/v2/accounts/u-1`);
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
    const missing = await fetch(`${gateway.url}/plaid/accounts/get`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});
