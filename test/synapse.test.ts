import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { SandboxTriggerInput } from '../src/catalog/index.js';
import { synapse } from '../catalogs/synapse.js';
import { errorBody } from '../src/testkit/fixtures.js';

const { normalize, pending } = createNormalizer([synapse]);
const LOGIN = 'POST /users/{user_id}/nodes';
const SYNC = 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes';
const SANDBOX = 'https://uat-api.synapsefi.com/v3.1';
const PRODUCTION = 'https://api.synapsefi.com/v3.1';

// The body Synapse sends: codes and statuses as strings, success false.
const body = (errorCode: string, httpCode: string, en = 'message'): string =>
  JSON.stringify({ error: { en }, error_code: errorCode, http_code: httpCode, success: false });

// The MFA and 2FA step bodies, shaped as the official SDKs' tests show them.
const MFA = { error_code: '10', http_code: '202', mfa: { access_token: 'fake_access_token', message: 'What is your favorite color?' }, success: true };
const TWO_FACTOR = { error_code: '10', http_code: '202', message: { en: 'MFA sent to t***@example.com.' }, success: true };

describe('error_code 500 means three things', () => {
  test("at bank login, 402/500: the account is locked or the bank wants the user's attention", () => {
    const error = normalize({ provider: 'synapse', method: 'POST', url: `${SANDBOX}/users/u-1/nodes`, status: 402, body: body('500', '402') });
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason: 'institution-attention',
      userAction: 'visit-institution',
      owner: 'end-user',
      severity: 'info',
      endpoint: LOGIN,
      params: { user_id: 'u-1' },
    });
    expect(error.match).toMatchObject({ by: 'row', source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors' });
  });

  test('at sync, 500/500: an unknown refresh error, not a server error, so it never pages', () => {
    const error = normalize({
      provider: 'synapse',
      method: 'GET',
      url: `${PRODUCTION}/users/u-1/nodes/n-2?force_refresh=yes`,
      status: 500,
      body: body('500', '500'),
    });
    expect(error).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'unknown',
      severity: 'info',
      endpoint: SYNC,
      params: { user_id: 'u-1', node_id: 'n-2' },
      match: { by: 'row' },
    });
    expect(error.match.description).toMatch(/^Unknown refresh error/);
  });

  test("at bank login with another status, the row's override does not hold: a real 500/500 is the server error", () => {
    // The 402 row overrides code 500 for its own status; at 500 the code keeps its provider-wide meaning and pages.
    const error = normalize({ provider: 'synapse', endpoint: LOGIN, status: 500, body: body('500', '500') });
    expect(error).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', severity: 'page', endpoint: LOGIN });
    expect(error.match).toMatchObject({ by: 'code', documentedStatus: undefined });
  });

  test('a URL that matches no catalog endpoint never borrows a bank-login row', () => {
    const error = normalize({ provider: 'synapse', method: 'POST', url: '/v3.1/users', status: 400, body: body('200', '400') });
    expect(error).toMatchObject({ kind: 'invalid-request', endpoint: undefined, match: { by: 'code' } });
  });

  test('a bare 500 is the provider-wide server error', () => {
    expect(normalize({ provider: 'synapse', code: '500' })).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', match: { by: 'code' } });
  });
});

describe('rows override a code on their endpoint only', () => {
  test('400/200 at bank login is bad bank credentials; at sync it is a payload error', () => {
    const login = normalize({ provider: 'synapse', method: 'POST', url: '/v3.1/users/u-1/nodes', status: 400, body: body('200', '400') });
    expect(login).toMatchObject({ kind: 'reconnect-required', reason: 'credentials', userAction: 'reenter-credentials', match: { by: 'row' } });
    const sync = normalize({ provider: 'synapse', method: 'GET', url: '/v3.1/users/u-1/nodes/n-1?force_refresh=yes', status: 400, body: body('200', '400') });
    expect(sync).toMatchObject({ kind: 'invalid-request', owner: 'integrator', match: { by: 'code' } });
  });

  test('401/110 at sync: the user re-enters credentials; 400/410: the bank does not support refresh', () => {
    const url = '/users/u-1/nodes/n-1?force_refresh=yes';
    expect(normalize({ provider: 'synapse', method: 'GET', url, status: 401, body: body('110', '401') })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      userAction: 'reenter-credentials',
      match: { by: 'row' },
    });
    expect(normalize({ provider: 'synapse', method: 'GET', url, status: 400, body: body('410', '400') })).toMatchObject({
      kind: 'unsupported',
      match: { by: 'row' },
    });
  });

  test('402/460 at bank login finds no ACH-capable account; 460 alone says only that the request failed', () => {
    expect(normalize({ provider: 'synapse', method: 'POST', url: '/v3.1/users/u-1/nodes', status: 402, body: body('460', '402') })).toMatchObject({
      kind: 'no-accounts',
      userAction: 'link-another-account',
    });
    expect(normalize({ provider: 'synapse', code: '460' })).toMatchObject({ kind: 'unknown', match: { by: 'code' } });
  });

  test('503/503 at bank login is maintenance; the "50503" sync row is a temporary refresh failure', () => {
    const login = normalize({ provider: 'synapse', method: 'POST', url: '/v3.1/users/u-1/nodes', status: 503, body: body('503', '503') });
    expect(login).toMatchObject({ kind: 'fi-unavailable', reason: 'maintenance', severity: 'info', match: { by: 'row' } });
    const sync = normalize({ provider: 'synapse', method: 'GET', url: '/v3.1/users/u-1/nodes/n-1?force_refresh=yes', status: 503, body: body('503', '503') });
    expect(sync).toMatchObject({ kind: 'fi-unavailable', reason: 'unknown', retry: { retryable: true }, match: { by: 'row' } });
    expect(sync.match.note).toMatch(/50503/);
    const row = synapse.endpoints[SYNC].rows[3];
    expect([row.status, row.code, row.printed]).toEqual([503, '503', '50503']);
  });
});

describe('a body with no URL', () => {
  test('http_code in the body stands in for the status', () => {
    const error = normalize({ provider: 'synapse', body: body('460', '402', 'No ACH capable account found') });
    expect(error).toMatchObject({
      kind: 'no-accounts',
      status: 402,
      code: '460',
      message: 'No ACH capable account found',
      endpoint: undefined,
      match: { by: 'row' },
    });
  });

  test('as parsed JSON too, and a numeric error_code reads as a string', () => {
    const error = normalize({ provider: 'synapse', body: { error: { en: 'locked' }, error_code: 500, http_code: '402', success: false } });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'institution-attention', code: '500', status: 402 });
  });

  test("the observed status wins over the body's http_code", () => {
    expect(normalize({ provider: 'synapse', status: 429, body: body('429', '400') })).toMatchObject({ status: 429, kind: 'rate-limited', scope: 'client' });
  });

  test('503/503 is documented differently at login and at sync, so without an endpoint the provider-wide meaning answers', () => {
    const error = normalize({ provider: 'synapse', body: body('503', '503') });
    expect(error).toMatchObject({ kind: 'provider-unavailable', reason: 'maintenance', match: { by: 'code' } });
  });
});

describe('the sync endpoint needs ?force_refresh=yes', () => {
  test.each([
    `${SANDBOX}/users/u-1/nodes/n-2?force_refresh=yes`,
    `${PRODUCTION}/users/u-1/nodes/n-2?force_refresh=yes`,
    '/v3.1/users/u-1/nodes/n-2?force_refresh=yes',
    '/users/u-1/nodes/n-2?full_dehydrate=no&force_refresh=yes',
  ])('%s is a sync', (url) => {
    expect(normalize({ provider: 'synapse', method: 'GET', url, status: 401, body: body('110', '401') })).toMatchObject({
      endpoint: SYNC,
      params: { user_id: 'u-1', node_id: 'n-2' },
    });
  });

  test.each([`${SANDBOX}/users/u-1/nodes/n-2`, `${SANDBOX}/users/u-1/nodes/n-2?force_refresh=no`, '/v3.1/users/u-1/nodes/n-2?full_dehydrate=yes'])(
    '%s is not',
    (url) => {
      const error = normalize({ provider: 'synapse', method: 'GET', url, status: 401, body: body('110', '401') });
      expect(error.endpoint).toBeUndefined();
      expect(error.params).toEqual({});
    },
  );

  test('bank login resolves under both base URLs and as a path', () => {
    for (const url of [`${SANDBOX}/users/u-9/nodes`, `${PRODUCTION}/users/u-9/nodes`, '/v3.1/users/u-9/nodes', '/users/u-9/nodes']) {
      expect(normalize({ provider: 'synapse', method: 'POST', url, status: 402, body: body('460', '402') })).toMatchObject({
        endpoint: LOGIN,
        params: { user_id: 'u-9' },
      });
    }
  });
});

describe('202 with error_code 10 is a step, not a failure', () => {
  test('an MFA question', () => {
    const input = { provider: 'synapse', method: 'POST', url: `${SANDBOX}/users/u-1/nodes`, status: 202, body: JSON.stringify(MFA) } as const;
    expect(pending(input)).toEqual({ provider: 'synapse', step: 'mfa', code: '10', status: 202 });
    expect(normalize(input)).toMatchObject({ kind: 'unknown', pending: 'mfa', severity: 'info', match: { by: 'pending' } });
  });

  test('a 2FA step, with the status read from the body', () => {
    const input = { provider: 'synapse', body: TWO_FACTOR } as const;
    expect(pending(input)).toEqual({ provider: 'synapse', step: 'two-factor', code: '10', status: 202 });
    expect(normalize(input)).toMatchObject({ kind: 'unknown', pending: 'two-factor', severity: 'info', match: { by: 'pending' } });
  });

  test('an error is not a step', () => {
    expect(pending({ provider: 'synapse', status: 402, body: body('460', '402') })).toBeUndefined();
    expect(normalize({ provider: 'synapse', status: 402, body: body('460', '402') }).match.by).not.toBe('pending');
  });

  test('code 10 with another status is not the documented step', () => {
    expect(pending({ provider: 'synapse', status: 400, body: { ...MFA, http_code: '400' } })).toBeUndefined();
  });

  test('neither 0 nor 10 is an error code in the catalog', () => {
    expect(Object.keys(synapse.codes)).toEqual(['100', '110', '120', '200', '300', '400', '404', '410', '429', '450', '460', '500', '503', '504']);
    expect(synapse.codes['504'].note).toMatch(/SynapseGo only/);
    expect(synapse.notes.some((note) => /Code 0 means success/.test(note))).toBe(true);
  });
});

describe('provider-wide codes', () => {
  test.each([
    ['100', 'auth', 'page'],
    ['120', 'auth', 'ticket'],
    ['200', 'invalid-request', 'ticket'],
    ['300', 'invalid-request', 'ticket'],
    ['400', 'invalid-request', 'info'],
    ['404', 'not-found', 'ticket'],
    ['410', 'unsupported', 'info'],
    ['429', 'rate-limited', 'ticket'],
    ['450', 'invalid-request', 'ticket'],
    ['503', 'provider-unavailable', 'page'],
    ['504', 'provider-unavailable', 'page'],
  ] as const)('%s is %s (%s)', (code, kind, severity) => {
    expect(normalize({ provider: 'synapse', code })).toMatchObject({ kind, severity, match: { by: 'code' } });
  });

  test('Retry-After on a 429', () => {
    const error = normalize({ provider: 'synapse', status: 429, headers: [['Retry-After', '30']], body: body('429', '429') });
    expect(error).toMatchObject({ kind: 'rate-limited', retry: { retryable: true, afterMs: 30_000, afterSource: 'retry-after' } });
  });

  test('a 504 says the work may have been done', () => {
    expect(normalize({ provider: 'synapse', code: '504' }).retry).toMatchObject({ retryable: true, mayHaveSucceeded: true });
  });
});

describe('sandbox', () => {
  test('the documented triggers, in order', () => {
    const triggers: readonly SandboxTriggerInput[] = synapse.sandbox;
    expect(triggers.map((t) => [t.field, t.value, t.compare ?? 'exact', t.with, t.endpoint, t.status, t.code])).toEqual([
      ['info.bank_id', 'synapse_good', 'exact', { 'info.bank_pw': 'test1234', 'info.bank_name': 'fake' }, LOGIN, 202, '10'],
      ['info.bank_id', 'synapse_nomfa', 'exact', { 'info.bank_name': 'fake' }, LOGIN, undefined, undefined],
      ['info.bank_id', 'synapse_no_accounts', 'exact', { 'info.bank_name': 'fake' }, LOGIN, 402, '460'],
      ['info.bank_id', 'synapse_bank_request', 'exact', { 'info.bank_name': 'fake' }, LOGIN, 402, '500'],
      ['info.bank_id', 'synapse_maintenance', 'exact', { 'info.bank_name': 'fake' }, LOGIN, 503, '503'],
      ['info.bank_pw', '_sync_balance_higher', 'suffix', undefined, SYNC, undefined, undefined],
      ['info.bank_pw', '_sync_balance_lower', 'suffix', undefined, SYNC, undefined, undefined],
    ]);
    expect(triggers[0]?.description).toMatch(/test_answer/);
  });

  test.each([
    ['synapse_no_accounts', 'no-accounts'],
    ['synapse_bank_request', 'reconnect-required'],
    ['synapse_maintenance', 'fi-unavailable'],
  ] as const)('%s answers as its row: %s', (value, kind) => {
    const trigger = synapse.sandbox.find((t) => t.value === value);
    if (trigger === undefined || !('status' in trigger)) throw new Error(`no trigger ${value}`);
    const error = normalize({
      provider: 'synapse',
      method: 'POST',
      url: `${SANDBOX}/users/u-1/nodes`,
      status: trigger.status,
      body: errorBody(synapse, { code: trigger.code, status: trigger.status }),
    });
    expect(error).toMatchObject({ kind, endpoint: trigger.endpoint, match: { by: 'row' } });
  });

  test('bank logins get the recommended 100 second timeout', () => {
    expect(synapse.timeout).toEqual({ ms: 100_000, source: 'https://old-docs.synapsefi.com/reference/link-with-bank-login' });
  });
});
