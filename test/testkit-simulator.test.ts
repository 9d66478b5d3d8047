import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { NormalizeInput, PendingStep } from '../src/index.js';
import type { NormalizerLike } from '../src/gateway/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';
import { readResponse } from '../src/gateway/index.js';
import { rowFixtures, startSimulator, type Simulator } from '../src/testkit/index.js';

// Typed through NormalizerLike: inputs read from the wire carry an open provider string.
const normalizer: NormalizerLike & { pending(input: NormalizeInput): PendingStep | undefined } = createNormalizer(allCatalogs);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: allCatalogs, hangMs: 5_000 });
});
afterAll(async () => {
  await sim.close();
});

function origin(id: string): string {
  return new URL(sim.baseUrl(id)).origin;
}

function bankLogin(username: string, extra: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sp-gateway': 'client_id|client_secret' },
    body: JSON.stringify({ type: 'ACH-US', info: { bank_id: username, bank_pw: 'test1234', bank_name: 'fake', ...extra } }),
  };
}

describe('startSimulator', () => {
  const rows = allCatalogs.flatMap((catalog) => rowFixtures(catalog).map((fixture) => [fixture.name, catalog.id, fixture] as const));

  test.each(rows)('answers row %s on demand with the provider body, and it normalizes to the row', async (_name, id, fixture) => {
    const url = new URL(fixture.input.url ?? '/');
    const simulate = `${fixture.input.status ?? 500}${fixture.expected.code === undefined ? '' : ` ${fixture.expected.code}`}`;
    const target = `${origin(id)}${url.pathname}${url.search}`;
    const response = await fetch(target, { method: fixture.input.method ?? 'GET', headers: { 'x-simulate': simulate } });
    expect(response.status).toBe(fixture.input.status);
    const error = normalizer.normalize(await readResponse(response, { provider: id, request: { method: fixture.input.method ?? 'GET', url: target } }));
    expect(error).toMatchObject({
      kind: fixture.expected.kind,
      code: fixture.expected.code,
      status: fixture.expected.status,
      endpoint: fixture.expected.endpoint,
    });
    expect(error.params).toMatchObject(fixture.expected.params);
    expect(error.match.by).toBe('row');
  });

  test('a documented message template is rendered with the request path parameters', async () => {
    const response = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-77`, { headers: { 'x-simulate': '404 AC-102' } });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('AC-102');
    expect(body.error.message).toContain('u-77');
  });

  describe('Synapse sandbox bank logins (read from the JSON body, info.bank_id and info.bank_name)', () => {
    const login = (): string => `${sim.baseUrl('synapse')}/users/u-1/nodes`;

    test.each([
      ['synapse_no_accounts', 402, '460', 'no-accounts'],
      ['synapse_bank_request', 402, '500', 'reconnect-required'],
      ['synapse_maintenance', 503, '503', 'fi-unavailable'],
    ] as const)('%s answers %i / %s', async (username, status, code, kind) => {
      const response = await fetch(login(), bankLogin(username));
      expect(response.status).toBe(status);
      const body = (await response.clone().json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error_code: code, http_code: String(status), success: false });
      const error = normalizer.normalize(await readResponse(response, { provider: 'synapse', request: { method: 'POST', url: login() } }));
      expect(error).toMatchObject({ kind, code, status, endpoint: 'POST /users/{user_id}/nodes', match: { by: 'row' } });
    });

    test('synapse_good with test1234 asks the MFA question: a pending step, not a failure', async () => {
      const response = await fetch(login(), bankLogin('synapse_good'));
      expect(response.status).toBe(202);
      const input = await readResponse(response, { provider: 'synapse', request: { method: 'POST', url: login() } });
      expect(normalizer.pending(input)).toMatchObject({ step: 'mfa', code: '10' });
    });

    test('synapse_nomfa links, and a real bank name is not the sandbox', async () => {
      expect((await fetch(login(), bankLogin('synapse_nomfa'))).status).toBe(200);
      expect((await fetch(login(), bankLogin('synapse_no_accounts', { bank_name: 'capone' }))).status).toBe(200);
    });

    test('the trigger applies only on its endpoint', async () => {
      const response = await fetch(`${sim.baseUrl('synapse')}/users/u-1/nodes/n-1?force_refresh=yes`, { method: 'GET' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ simulated: true, provider: 'synapse', endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes' });
    });
  });

  test('a Plaid sandbox password error_<CODE> answers that code', async () => {
    const response = await fetch(`${sim.baseUrl('plaid')}/sandbox/public_token/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ institution_id: 'ins_109508', options: { override_username: 'user_good', override_password: 'error_ITEM_LOGIN_REQUIRED' } }),
    });
    expect(response.status).toBe(400);
    const error = normalizer.normalize(await readResponse(response, { provider: 'plaid' }));
    expect(error).toMatchObject({ kind: 'reconnect-required', code: 'ITEM_LOGIN_REQUIRED' });
    expect(plaid.id).toBe('plaid');
  });

  test('Retry-After on demand, as a header or query parameters', async () => {
    const byHeader = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance`, { headers: { 'x-simulate': '503', 'x-simulate-retry-after': '4' } });
    expect(byHeader.status).toBe(503);
    expect(byHeader.headers.get('retry-after')).toBe('4');
    await byHeader.body?.cancel();
    const byQuery = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance?x-simulate=429&x-simulate-retry-after=1`);
    expect(byQuery.status).toBe(429);
    const error = normalizer.normalize(await readResponse(byQuery, { provider: 'aerosync', request: { method: 'GET', url: byQuery.url } }));
    expect(error).toMatchObject({ kind: 'rate-limited', endpoint: 'GET /accounts/{user_id}/balance' });
    expect(error.retry.afterMs).toBe(1000);
  });

  test('x-simulate-times fails the first n requests, then answers normally', async () => {
    const url = `${sim.baseUrl('aerosync')}/v2/accounts/u-times/balance`;
    const headers = { 'x-simulate': '503', 'x-simulate-times': '2' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url, { headers });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  test('x-simulate-body replaces the body (an HTML error page)', async () => {
    const response = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1`, {
      headers: { 'x-simulate': '502', 'x-simulate-body': '<html>Bad Gateway</html>' },
    });
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe('<html>Bad Gateway</html>');
  });

  test('hang never answers until the client gives up; hang-body stalls after the headers', async () => {
    const started = Date.now();
    await expect(
      fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1`, { headers: { 'x-simulate': 'hang' }, signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const response = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1`, { headers: { 'x-simulate': 'hang-body' } });
    expect(response.status).toBe(200);
    const input = await readResponse(response, { provider: 'aerosync', signal: AbortSignal.timeout(100) });
    expect(input.body).toBe('{"simulated":');
  });

  test('reset destroys the connection', async () => {
    await expect(fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1`, { headers: { 'x-simulate': 'reset' } })).rejects.toMatchObject({
      message: 'fetch failed',
    });
  });

  test('an undocumented path is 404, a body over the limit 413; the log keeps no headers or bodies', async () => {
    const missing = await fetch(`${sim.baseUrl('aerosync')}/v2/nowhere`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
    const large = await fetch(`${sim.baseUrl('synapse')}/users/u-1/nodes`, { method: 'POST', body: 'x'.repeat(70_000) });
    expect(large.status).toBe(413);
    await large.body?.cancel();
    const log = sim.requests();
    expect(log.at(-1)).toEqual({ provider: 'synapse', method: 'POST', path: '/v3.1/users/u-1/nodes', endpoint: 'POST /users/{user_id}/nodes', outcome: 413 });
    expect(JSON.stringify(log)).not.toMatch(/client_secret|test1234/);
  });

  test('baseUrl names each provider host; an unknown catalog throws', () => {
    expect(sim.baseUrl('synapse')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\.1$/);
    expect(sim.baseUrl('aerosync')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.url).toBe(sim.baseUrl(allCatalogs[0]?.id ?? ''));
    expect(() => sim.baseUrl('nope')).toThrow(TypeError);
  });
});

describe('close', () => {
  test('ends hung requests, stops listening and leaves no server handle', async () => {
    const countServers = (): number => process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
    const before = countServers();
    const local = await startSimulator({ catalogs: [aerosync, synapse] });
    expect(countServers()).toBe(before + 2);
    const hung = fetch(`${local.baseUrl('aerosync')}/v2/accounts/u-1`, { headers: { 'x-simulate': 'hang' } }).then(
      () => 'answered',
      (error: unknown) => (error as Error).message,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await local.close();
    expect(await hung).toBe('fetch failed');
    expect(countServers()).toBe(before);
    await expect(fetch(local.url)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    await local.close();
  });
});
