import axios, { AxiosError } from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';
import { readError, fromError } from '../src/gateway/index.js';
import { errorBody, startSimulator, type Simulator } from '../src/testkit/index.js';

const normalizer = createNormalizer([aerosync, synapse, plaid]);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ catalogs: [aerosync, synapse, plaid] });
});
afterAll(async () => {
  await sim.close();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('fromAxiosError with axios 1.x errors from real requests', () => {
  test('reads status, headers, data, method and baseURL + url; never the request body or credentials', async () => {
    const client = axios.create({ baseURL: sim.baseUrl('synapse'), headers: { 'X-SP-GATEWAY': 'client_id|client_secret', 'X-SP-USER': 'oauth|fingerprint' } });
    const error = await caught(
      client.post('/users/u-7/nodes', { type: 'ACH-US', info: { bank_id: 'synapse_bank_request', bank_pw: 'hunter2', bank_name: 'fake' } }),
    );
    expect(error).toBeInstanceOf(AxiosError);
    const input = readError(error, { provider: 'synapse' });
    expect(input).toMatchObject({ provider: 'synapse', method: 'POST', status: 402 });
    expect(input?.url).toBe(`${sim.baseUrl('synapse')}/users/u-7/nodes`);
    expect(JSON.stringify(input)).not.toMatch(/hunter2|client_secret|fingerprint|bank_request/);
    const normalized = normalizer.normalize(input ?? { provider: 'synapse' });
    expect(normalized).toMatchObject({ kind: 'reconnect-required', reason: 'institution-attention', code: '500', status: 402 });
  });

  test('config.params take part in endpoint resolution (Synapse force refresh), credential-like params do not', async () => {
    const client = axios.create({ baseURL: sim.baseUrl('synapse') });
    const error = await caught(
      client.get('/users/u-1/nodes/n-2', { params: { force_refresh: 'yes', api_key: 'secret' }, headers: { 'x-simulate': '401 110' } }),
    );
    const input = readError(error, { provider: 'synapse' });
    expect(input?.url).toContain('force_refresh=yes');
    expect(input?.url).not.toContain('secret');
    expect(normalizer.normalize(input ?? { provider: 'synapse' })).toMatchObject({
      kind: 'reconnect-required',
      endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes',
      params: { user_id: 'u-1', node_id: 'n-2' },
      match: { by: 'row' },
    });
  });

  test('Retry-After and the parsed JSON body come through', async () => {
    const error = await caught(
      axios.get(`${sim.baseUrl('aerosync')}/v2/accounts/u-3/balance`, { headers: { 'x-simulate': '400 AC-104', 'x-simulate-retry-after': '9' } }),
    );
    const input = readError(error, { provider: 'aerosync' });
    expect(typeof input?.body).toBe('object');
    const normalized = normalizer.normalize(input ?? { provider: 'aerosync' });
    expect(normalized).toMatchObject({ kind: 'reconnect-required', code: 'AC-104', params: { user_id: 'u-3' } });
    expect(normalized.retry.afterMs).toBe(9000);
  });

  test('an axios error without a response gives undefined, and normalizeFailure classifies it as a network failure with the endpoint', async () => {
    const error = await caught(axios.get(`${sim.baseUrl('aerosync')}/v2/accounts/u-3/balance`, { timeout: 50, headers: { 'x-simulate': 'hang' } }));
    expect(readError(error, { provider: 'aerosync' })).toBeUndefined();
    const normalized = fromError(error, { normalizer, provider: 'aerosync' });
    expect(normalized).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout', endpoint: 'GET /accounts/{user_id}/balance' });
    expect(normalized.retry.mayHaveSucceeded).toBe(true);
  });

  test('normalizeFailure sends an axios error with a response through the catalogs', async () => {
    const error = await caught(axios.post(`${sim.baseUrl('plaid')}/accounts/balance/get`, {}, { headers: { 'x-simulate': '400 ITEM_LOGIN_REQUIRED' } }));
    expect(fromError(error, { normalizer, provider: 'plaid' })).toMatchObject({ kind: 'reconnect-required', code: 'ITEM_LOGIN_REQUIRED', status: 400 });
  });
});

describe('fromAxiosError with the axios 0.x shape', () => {
  // axios 0.x: a plain Error with isAxiosError, lower-case method, plain header records, and toJSON.
  const legacy = Object.assign(new Error('Request failed with status code 400'), {
    isAxiosError: true,
    config: {
      method: 'get',
      baseURL: 'https://api.sandbox.aerosync.com/',
      url: '/v2/accounts/u-9/balance',
      headers: { Authorization: 'Bearer secret-token', Accept: 'application/json' },
      data: '{"apiSecret":"s"}',
    },
    response: {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'content-type': 'application/json', 'set-cookie': ['a=b'], 'retry-after': '2' },
      data: JSON.parse(errorBody(aerosync, { code: 'AC-106' })) as unknown,
      config: {},
    },
    toJSON: () => ({}),
  });

  test('classifies by the documented row', () => {
    const input = readError(legacy, { provider: 'aerosync' });
    expect(input).toMatchObject({ method: 'GET', url: 'https://api.sandbox.aerosync.com/v2/accounts/u-9/balance', status: 400 });
    expect(input?.headers).toEqual({ 'content-type': 'application/json', 'retry-after': '2' });
    expect(JSON.stringify(input)).not.toMatch(/secret|apiSecret|a=b/);
    expect(normalizer.normalize(input ?? { provider: 'aerosync' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'fi-paused-sharing',
      match: { by: 'row' },
    });
  });

  test('odd shapes never throw', () => {
    expect(readError(undefined, { provider: 'aerosync' })).toBeUndefined();
    expect(readError({ response: null }, { provider: 'aerosync' })).toBeUndefined();
    const hostile = {
      get response(): never {
        throw new Error('boom');
      },
    };
    expect(readError(hostile, { provider: 'aerosync' })).toBeUndefined();
    expect(readError({ response: { status: '500', headers: 7, data: '' } }, { provider: 'aerosync' })).toEqual({ provider: 'aerosync', headers: {} });
    expect(fromError(hostile, { normalizer, provider: 'aerosync' })).toMatchObject({ kind: 'unknown', provider: 'aerosync' });
  });
});
