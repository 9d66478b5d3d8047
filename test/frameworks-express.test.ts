import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response as ExpressResponse } from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { expressErrorHandler } from '../src/frameworks/index.js';
import { createRetryBudget, sendWithRetries } from '../src/resilience/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
let sim: Simulator;
let server: Server;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 5_000 });
  const app = express();
  const budget = createRetryBudget();
  app.get('/balance/:user', async (req: Request<{ user: string }>, res: ExpressResponse) => {
    const target = `${sim.baseUrl('aerosync')}/v2/accounts/${req.params.user}/balance`;
    const headers: Record<string, string> = {};
    for (const name of ['x-simulate', 'x-simulate-retry-after', 'x-simulate-times'])
      if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
    const result = await sendWithRetries({
      provider: 'aerosync',
      normalizer,
      budget,
      request: { method: 'GET', url: target },
      send: ({ signal }) => fetch(target, { headers, signal }),
      timeoutMs: 150,
      retry: { baseMs: 1, capMs: 2 },
    });
    // Express 5 passes a rejected handler's error to the error middleware.
    if (result.outcome === 'error') throw new AggregatorError(result.error);
    res.json(result.outcome === 'response' ? await result.response.json() : {});
  });
  app.get('/bug', () => {
    throw new Error('a bug of ours');
  });
  app.use(expressErrorHandler({ problem: { exposeRequestId: true }, instance: () => 'urn:example:fixed' }));
  // The application's own last handler: what is not a provider error reaches it.
  app.use((error: unknown, _req: Request, res: ExpressResponse, _next: NextFunction) => {
    res
      .status(500)
      .type('text/plain')
      .send(`app handler: ${error instanceof Error ? 'error' : 'other'}`);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), sim.close()]);
});

describe('expressErrorHandler with the real Express, over loopback, against the simulator', () => {
  test('a provider error becomes problem+json with its status and Retry-After', async () => {
    const response = await fetch(`${url}/balance/u-1`, { headers: { 'x-simulate': '429 AC-108', 'x-simulate-retry-after': '45' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('45');
    expect(await response.json()).toMatchObject({ kind: 'rate-limited', scope: 'end-user', retryAfter: 45, instance: 'urn:example:fixed' });
  });

  test('a 503 that clears is retried by sendWithRetries and never reaches the handler', async () => {
    const response = await fetch(`${url}/balance/u-2`, { headers: { 'x-simulate': '503', 'x-simulate-times': '1' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ simulated: true });
  });

  test('a 503 that does not clear: 503 problem after the retries, with the provider request id exposed on request', async () => {
    const response = await fetch(`${url}/balance/u-3`, { headers: { 'x-simulate': '503 AC-500' } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'provider-unavailable', provider: 'aerosync' });
    expect(sim.requests().filter((request) => request.path === '/v2/accounts/u-3/balance')).toHaveLength(3);
  });

  test('what is not a provider error goes on to the next error middleware', async () => {
    const response = await fetch(`${url}/bug`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('app handler: error');
  });

  test('the middleware takes four arguments, as Express tells error middleware', () => {
    expect(expressErrorHandler().length).toBe(4);
  });
});
