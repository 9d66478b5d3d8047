import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { teller } from '../catalogs/teller.js';

const { normalize } = createNormalizer([teller]);
const body = (code: string, message: string): string => JSON.stringify({ error: { code, message } });
const ERRORS = 'https://teller.io/docs/api/errors';

describe('teller catalog', () => {
  test('survives a round trip through the schema as JSON', () => {
    const result = parseCatalog(JSON.parse(JSON.stringify(teller)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('the documented example body: a missing client certificate is our credential and pages', () => {
    const error = normalize({
      provider: 'teller',
      method: 'GET',
      url: 'https://api.teller.io/accounts',
      status: 400,
      body: body('bad_request', 'Missing certificate: Retry request using your Teller client certificate.'),
    });
    expect(error).toMatchObject({
      kind: 'auth',
      code: 'bad_request',
      status: 400,
      message: 'Missing certificate: Retry request using your Teller client certificate.',
      severity: 'page',
      owner: 'integrator',
      endpoint: 'GET /accounts',
      match: { by: 'code', source: ERRORS },
    });
  });

  test('401 without an access token is an integration bug (auth)', () => {
    const error = normalize({ provider: 'teller', status: 401, body: body('unauthorized', 'Missing access token') });
    expect(error).toMatchObject({ kind: 'auth', owner: 'integrator', match: { by: 'status' } });
    expect(error.match.description).toBe('A request was made without an access token where one was required.');
  });

  test('403 with an invalid or revoked per-enrollment token asks the end user to reconnect, and never pages', () => {
    // forbidden is the code of Teller's older documentation: it takes the 403 meaning, as a legacy code.
    const error = normalize({ provider: 'teller', status: 403, body: body('forbidden', 'Token revoked') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'consent', userAction: 'reconnect', owner: 'end-user', severity: 'info' });
    expect(error.match).toMatchObject({ by: 'code', legacy: true, source: 'https://teller.io/developer/documentation' });
    expect(error.match.note).toMatch(/403/);
    // Without a documented code, the 403 status itself says the same, and why it is not auth.
    const bare = normalize({ provider: 'teller', status: 403, body: body('token_revoked', 'Token revoked') });
    expect(bare).toMatchObject({ kind: 'reconnect-required', reason: 'consent', match: { by: 'status' } });
    expect(bare.match.note).toContain('client certificate');
  });

  test('410 gone for good: a closed account, the user links another one', () => {
    const error = normalize({ provider: 'teller', status: 410, body: body('gone', 'Account closed') });
    expect(error).toMatchObject({
      kind: 'not-found',
      retry: { retryable: false },
      userAction: 'link-another-account',
      owner: 'end-user',
      severity: 'info',
    });
  });

  test("404 and 422 keep their generic meanings, from Teller's table", () => {
    expect(normalize({ provider: 'teller', status: 404, body: body('not_found', 'x') })).toMatchObject({
      kind: 'not-found',
      match: { by: 'status', source: ERRORS },
    });
    // unprocessable_entity is the older docs' 422 code: the same meaning, found by the code.
    expect(normalize({ provider: 'teller', status: 422, body: body('unprocessable_entity', 'x') })).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'code', legacy: true },
    });
    expect(normalize({ provider: 'teller', status: 422, body: body('invalid_body', 'x') })).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'status', source: ERRORS },
    });
  });

  test('502: the bank answered a 5xx, so the institution is unavailable, not Teller', () => {
    const error = normalize({ provider: 'teller', status: 502, body: body('bad_gateway', 'Institution error') });
    expect(error).toMatchObject({ kind: 'fi-unavailable', reason: 'down', owner: 'institution', retry: { retryable: true } });
    // A generic 502 would be the aggregator's own failure, which pages.
    expect(error.severity).not.toBe('page');
  });

  test('429: the application exceeded its rate limit; Retry-After is honoured', () => {
    const error = normalize({ provider: 'teller', status: 429, headers: { 'retry-after': '2' }, body: body('too_many_requests', 'Rate limit exceeded') });
    expect(error).toMatchObject({
      kind: 'rate-limited',
      scope: 'client',
      owner: 'integrator',
      retry: { retryable: true, afterMs: 2000, afterSource: 'retry-after' },
      match: { by: 'status', source: ERRORS },
    });
  });

  test('a status Teller does not document falls back to the generic meaning', () => {
    expect(normalize({ provider: 'teller', status: 503, body: '' })).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'maintenance',
      match: { by: 'status', source: undefined },
    });
  });

  test('the disconnection webhook and its documented reason classify as bare codes', () => {
    expect(normalize({ provider: 'teller', code: 'enrollment.disconnected' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'connection',
      match: { by: 'code' },
    });
    expect(normalize({ provider: 'teller', code: 'disconnected.account_locked' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'account-locked',
      userAction: 'visit-institution',
    });
  });

  test('a documented enrollment code at another status keeps its meaning and shows the drift', () => {
    const error = normalize({ provider: 'teller', status: 403, body: body('enrollment.disconnected.credentials_invalid', 'Credentials invalid') });
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      code: 'enrollment.disconnected.credentials_invalid',
      match: { by: 'code', documentedStatus: 404 },
    });
  });
});

describe('Teller disconnected enrollments (404, error.code enrollment.disconnected*)', () => {
  test('the documented MFA example on a balances call: the end user answers MFA in Teller Connect, never a ticket', () => {
    const error = normalize({
      provider: 'teller',
      method: 'GET',
      url: 'https://api.teller.io/accounts/acc_oiin624iajrg2mp2ea000/balances',
      status: 404,
      body: body('enrollment.disconnected.user_action.mfa_required', 'User MFA is required.'),
    });
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason: 'institution-attention',
      userAction: 'restart-mfa',
      owner: 'end-user',
      severity: 'info',
      retry: { retryable: false },
      code: 'enrollment.disconnected.user_action.mfa_required',
      message: 'User MFA is required.',
      endpoint: 'GET /accounts/{account_id}/balances',
      params: { account_id: 'acc_oiin624iajrg2mp2ea000' },
      match: { by: 'code', documentedStatus: undefined, source: ERRORS },
    });
  });

  test.each([
    ['enrollment.disconnected', 'connection', 'reconnect'],
    ['enrollment.disconnected.account_locked', 'account-locked', 'visit-institution'],
    ['enrollment.disconnected.credentials_invalid', 'credentials', 'reenter-credentials'],
    ['enrollment.disconnected.enrollment_inactive', 'consent', 'reconnect'],
    ['enrollment.disconnected.user_action.captcha_required', 'institution-attention', 'reconnect'],
    ['enrollment.disconnected.user_action.contact_information_required', 'institution-attention', 'visit-institution'],
    ['enrollment.disconnected.user_action.insufficient_permissions', 'institution-attention', 'visit-institution'],
    ['enrollment.disconnected.user_action.mfa_required', 'institution-attention', 'restart-mfa'],
    ['enrollment.disconnected.user_action.web_login_required', 'institution-attention', 'visit-institution'],
  ] as const)('%s: reason %s, the user is asked to %s', (code, reason, userAction) => {
    const error = normalize({ provider: 'teller', method: 'GET', url: '/accounts/acc_1/transactions', status: 404, body: body(code, 'x') });
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason,
      userAction,
      owner: 'end-user',
      severity: 'info',
      endpoint: 'GET /accounts/{account_id}/transactions',
      match: { by: 'code' },
    });
    expect(teller.codes[code].arrives).toBe('webhook');
  });

  test('a code Teller adds to the family later is still a disconnected enrollment, by its prefix', () => {
    const error = normalize({ provider: 'teller', status: 404, body: body('enrollment.disconnected.user_action.new_requirement', 'x') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'connection', userAction: 'reconnect', match: { by: 'category', source: ERRORS } });
    expect(normalize({ provider: 'teller', code: 'disconnected.something_new' })).toMatchObject({
      kind: 'reconnect-required',
      match: { by: 'category', source: 'https://teller.io/docs/api/webhooks' },
    });
    // A code that merely looks alike is not one of them.
    expect(normalize({ provider: 'teller', status: 404, body: body('enrollment.missing', 'x') })).toMatchObject({ kind: 'not-found', match: { by: 'status' } });
  });

  test("the webhook's example payload normalizes to the API code of the same meaning", () => {
    const webhook = {
      id: 'wh_oiffb5cocakqmksbkg000',
      payload: { enrollment_id: 'enr_oiffb5cocakqmksbkg001', reason: 'disconnected.account_locked' },
      timestamp: '2023-07-10T03:49:29Z',
      type: 'enrollment.disconnected',
    };
    const fromReason = normalize({ provider: 'teller', code: webhook.payload.reason });
    expect(fromReason).toMatchObject({
      kind: 'reconnect-required',
      reason: 'account-locked',
      code: 'enrollment.disconnected.account_locked',
      match: { by: 'code' },
    });
    expect(normalize({ provider: 'teller', code: 'disconnected' })).toMatchObject({ code: 'enrollment.disconnected', reason: 'connection' });
    expect(normalize({ provider: 'teller', code: webhook.type })).toMatchObject({ code: 'enrollment.disconnected', kind: 'reconnect-required' });
  });
});

describe('Teller endpoints', () => {
  test.each([
    ['GET', 'https://api.teller.io/accounts', 'GET /accounts', {}],
    ['DELETE', 'https://api.teller.io/accounts', 'DELETE /accounts', {}],
    ['GET', 'https://api.teller.io/accounts/acc_1', 'GET /accounts/{account_id}', { account_id: 'acc_1' }],
    ['GET', 'https://api.teller.io/accounts/acc_1/details', 'GET /accounts/{account_id}/details', { account_id: 'acc_1' }],
    [
      'GET',
      'https://api.teller.io/accounts/acc_1/transactions/txn_2',
      'GET /accounts/{account_id}/transactions/{transaction_id}',
      { account_id: 'acc_1', transaction_id: 'txn_2' },
    ],
    ['GET', 'https://api.teller.io/identity', 'GET /identity', {}],
    ['POST', 'https://api.teller.io/accounts/acc_1/payees', 'POST /accounts/{account_id}/payees', { account_id: 'acc_1' }],
  ] as const)('%s %s is %s', (method, url, endpoint, params) => {
    const error = normalize({ provider: 'teller', method, url, status: 404, body: body('not_found', 'x') });
    expect(error).toMatchObject({ endpoint, params, kind: 'not-found' });
  });

  test('paths only a third-party copy shows say so', () => {
    for (const id of [
      'DELETE /accounts',
      'DELETE /accounts/{account_id}',
      'GET /accounts/{account_id}/transactions/{transaction_id}',
      'GET /identity',
    ] as const) {
      expect(teller.endpoints[id].thirdParty, id).toMatch(/api-evangelist/);
    }
    expect('thirdParty' in teller.endpoints['GET /accounts/{account_id}/balances']).toBe(false);
  });
});
