import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer } from '../src/index.js';
import type { NormalizedError } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { fastifyErrorHandler } from '../src/frameworks/index.js';
import { sendWithRetries } from '../src/resilience/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
let sim: Simulator;
let app: FastifyInstance;
let url: string;
const logged: NormalizedError[] = [];

function simulation(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('x-simulate') && typeof value === 'string') out[name] = value;
  return out;
}

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 5_000 });
  app = Fastify();
  app.setErrorHandler(fastifyErrorHandler({ provider: 'aerosync', normalizer, onError: (error) => logged.push(error) }));
  app.get<{ Params: { user: string } }>('/balance/:user', async (request) => {
    const target = `${sim.baseUrl('aerosync')}/v2/accounts/${request.params.user}/balance`;
    const headers = simulation(request.headers);
    const result = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      request: { method: 'GET', url: target },
      send: ({ signal }) => fetch(target, { headers, signal }),
      timeoutMs: 150,
      retry: { maxAttempts: 1 },
    });
    if (result.outcome === 'error') throw new AggregatorError(result.error);
    return result.outcome === 'response' ? result.response.json() : result.input.body;
  });
  // A raw client error, thrown as it came: classified because the handler names the provider.
  app.get('/raw-reset', async () => {
    await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance`, { headers: { 'x-simulate': 'reset' } });
    return {};
  });
  app.get('/bug', async () => {
    throw new Error('a bug of ours with a secret: sk_live_123');
  });
  app.post('/validated', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } }, async () => ({}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([app.close(), sim.close()]);
});

async function problem(
  path: string,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${url}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  const text = await response.text();
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('fastifyErrorHandler with the real Fastify, over loopback, against the simulator', () => {
  test('a broken connection: 409 problem+json the frontend renders; the provider message stays inside', async () => {
    const answer = await problem('/balance/u-1', { 'x-simulate': '400 AC-104' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      kind: 'reconnect-required',
      reason: 'connection',
      provider: 'aerosync',
      code: 'AC-104',
      userAction: 'reconnect',
      status: 409,
    });
    expect(answer.body['instance']).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(answer.text).not.toMatch(/having issues connecting/);
    expect(logged.at(-1)).toMatchObject({ kind: 'reconnect-required' });
  });

  test('one user MFA lockout: 429 with the Retry-After the provider sent', async () => {
    const answer = await problem('/balance/u-2', { 'x-simulate': '429 AC-108', 'x-simulate-retry-after': '30' });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(answer.body).toMatchObject({ kind: 'rate-limited', scope: 'end-user', retryAfter: 30 });
  });

  test('our client throttled: 503 (our outage, not the client fault) with Retry-After', async () => {
    const answer = await problem('/balance/u-3', { 'x-simulate': '429', 'x-simulate-retry-after': '120' });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('120');
  });

  test('a provider that does not answer: 504; our credentials rejected: 502, never 401', async () => {
    expect((await problem('/balance/u-4', { 'x-simulate': 'hang' })).body).toMatchObject({ status: 504, kind: 'provider-unavailable', reason: 'timeout' });
    expect((await problem('/balance/u-5', { 'x-simulate': '401 AC-001' })).status).toBe(502);
  });

  test('a raw reset connection is the provider failure: 503 network', async () => {
    const answer = await problem('/raw-reset');
    expect(answer.body).toMatchObject({ status: 503, kind: 'provider-unavailable', reason: 'network' });
    expect(answer.body['code']).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
  });

  test('a bug of ours: 500 with nothing of its message; a validation error keeps its 400', async () => {
    const bug = await problem('/bug');
    expect(bug.status).toBe(500);
    expect(bug.body).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(bug.text).not.toMatch(/sk_live|bug of ours/);
    const invalid = await problem('/validated', {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nope":1}' });
    expect(invalid.body).toMatchObject({ type: 'about:blank', status: 400, title: 'Bad Request' });
  });

  test('success passes through untouched', async () => {
    const response = await fetch(`${url}/balance/u-ok`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ simulated: true, provider: 'aerosync' });
  });
});
