import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { honoErrorHandler } from '../src/frameworks/index.js';
import { sendWithRetries } from '../src/resilience/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
let sim: Simulator;
let server: ServerType;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 5_000 });
  const app = new Hono();
  app.post('/users/:user/nodes', async (c) => {
    const target = `${sim.baseUrl('synapse')}/users/${c.req.param('user')}/nodes`;
    const body = await c.req.text();
    const result = await sendWithRetries({
      provider: 'synapse',
      normalizer,
      request: { method: 'POST', url: target },
      send: ({ signal }) => fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }),
      timeoutMs: 500,
      retry: { baseMs: 1, capMs: 2 },
    });
    if (result.outcome === 'error') throw new AggregatorError(result.error);
    if (result.outcome === 'response')
      return new Response(result.response.body, { status: result.response.status, headers: { 'content-type': 'application/json' } });
    // A documented step (Synapse's MFA question at 202) is the client's to answer: passed on as the provider sent it.
    const { body: step, status } = result.input;
    return new Response(typeof step === 'string' ? step : JSON.stringify(step), {
      status: typeof status === 'number' ? status : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  app.get('/forbidden', () => {
    throw new HTTPException(403, { message: 'not for you' });
  });
  app.get('/bug', () => {
    throw new Error('a bug of ours');
  });
  app.onError(honoErrorHandler({ provider: 'synapse', normalizer }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), sim.close()]);
});

function login(user: string, bankId: string, password = 'secret'): Promise<Response> {
  return fetch(`${url}/users/${user}/nodes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'ACH-US', info: { bank_id: bankId, bank_pw: password, bank_name: 'fake' } }),
  });
}

describe('honoErrorHandler with the real Hono on @hono/node-server, over loopback, against the simulator', () => {
  test.each([
    ['synapse_no_accounts', 422, 'no-accounts', 1],
    ['synapse_bank_request', 409, 'reconnect-required', 1],
    ['synapse_maintenance', 503, 'fi-unavailable', 3],
  ] as const)('the Synapse sandbox login %s answers %i %s after %i attempt(s)', async (bankId, status, kind, attempts) => {
    const response = await login(`h-${bankId}`, bankId);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ kind, provider: 'synapse', status });
    expect(JSON.stringify(body)).not.toMatch(/secret/);
    expect(sim.requests().filter((request) => request.path === `/v3.1/users/h-${bankId}/nodes`)).toHaveLength(attempts);
  });

  test('the MFA question passes through as the provider sent it', async () => {
    const response = await login('h-mfa', 'synapse_good', 'test1234');
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ error_code: '10', http_code: '202' });
  });

  test("Hono's HTTPException keeps its own answer; a bug of ours is a 500 problem without its message", async () => {
    const forbidden = await fetch(`${url}/forbidden`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe('not for you');
    const bug = await fetch(`${url}/bug`);
    expect(bug.status).toBe(500);
    const text = await bug.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'about:blank', status: 500 });
    expect(text).not.toMatch(/bug of ours/);
  });
});
