import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { truelayer } from '../catalogs/truelayer.js';

const { normalize } = createNormalizer([truelayer]);
const body = (error: string, description = 'described'): string => JSON.stringify({ error, error_description: description, error_details: {} });

// The Retry column of https://docs.truelayer.com/docs/data-api-errors, as printed.
const retryColumn: readonly (readonly [string, number, boolean])[] = [
  ['validation_error', 400, true],
  ['invalid_date_range', 400, false],
  ['deprecated_provider', 400, false],
  ['invalid_grant', 400, false],
  ['invalid_client', 400, false],
  ['invalid_authorization_code', 400, false],
  ['unauthorized', 401, false],
  ['unauthorized_client', 401, false],
  ['invalid_token', 401, false],
  ['access_denied', 403, false],
  ['sca_exceeded', 403, false],
  ['account_not_found', 404, false],
  ['provider_too_many_requests', 429, true],
];

describe('truelayer catalog', () => {
  test('survives a round trip through the schema as JSON', () => {
    const result = parseCatalog(JSON.parse(JSON.stringify(truelayer)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test.each(retryColumn)("%s (%i): retryable is the docs' Retry column", (code, status, retryable) => {
    const error = normalize({ provider: 'truelayer', status, body: body(code) });
    expect(error.code).toBe(code);
    expect(error.match.by).toBe('code');
    expect(error.match.documentedStatus).toBeUndefined();
    expect(error.retry.retryable).toBe(retryable);
  });

  test('validation_error is retryable as documented, although the request is at fault', () => {
    const error = normalize({ provider: 'truelayer', status: 400, body: body('validation_error', 'from must be before to') });
    expect(error).toMatchObject({ kind: 'invalid-request', message: 'from must be before to', retry: { retryable: true } });
  });

  test('invalid_grant: the 90-day consent expired, the end user reconnects', () => {
    const error = normalize({ provider: 'truelayer', status: 400, body: body('invalid_grant') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'consent', userAction: 'reconnect', owner: 'end-user', severity: 'info' });
  });

  test('invalid_client: our own credentials, which pages', () => {
    expect(normalize({ provider: 'truelayer', status: 400, body: body('invalid_client') })).toMatchObject({
      kind: 'auth',
      owner: 'integrator',
      severity: 'page',
    });
  });

  test("unauthorized and invalid_token: refresh one user's token, a ticket rather than a page", () => {
    for (const code of ['unauthorized', 'invalid_token']) {
      expect(normalize({ provider: 'truelayer', status: 401, body: body(code) })).toMatchObject({
        kind: 'auth',
        severity: 'ticket',
        retry: { retryable: false },
      });
    }
  });

  test('access_denied and sca_exceeded send the user back to re-authenticate', () => {
    for (const code of ['access_denied', 'sca_exceeded']) {
      expect(normalize({ provider: 'truelayer', status: 403, body: body(code) })).toMatchObject({ kind: 'reconnect-required', reason: 'consent' });
    }
  });

  test('provider_too_many_requests is rate-limited and takes Retry-After when sent', () => {
    const error = normalize({ provider: 'truelayer', status: 429, headers: { 'retry-after': '30' }, body: body('provider_too_many_requests') });
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', retry: { retryable: true, afterMs: 30_000, afterSource: 'retry-after' } });
  });

  test('a documented code under another status keeps its meaning and shows the drift', () => {
    const error = normalize({ provider: 'truelayer', status: 401, body: body('access_denied') });
    expect(error).toMatchObject({ kind: 'reconnect-required', match: { by: 'code', documentedStatus: 403 } });
  });

  test('codes the stored docs do not show fall back to the status', () => {
    expect(normalize({ provider: 'truelayer', status: 503, body: body('provider_error') })).toMatchObject({
      kind: 'provider-unavailable',
      match: { by: 'status' },
    });
    expect(normalize({ provider: 'truelayer', status: 400, body: body('something_new') })).toMatchObject({ kind: 'invalid-request', match: { by: 'status' } });
  });
});

// A Data API v3 problem-details body (RFC 7807) as https://docs.truelayer.com/docs/data-v3-errors describes it.
// The docs print titles, not type URIs: the type here is a placeholder.
const problem = (status: number, title: string, detail = 'described'): string =>
  JSON.stringify({ type: 'https://docs.truelayer.com/docs/data-v3-errors', title, status, detail, trace_id: 'trace-42' });

describe('truelayer Data API v3 problem details', () => {
  test('the title is the code, detail the message and trace_id the request id', () => {
    const error = normalize({
      provider: 'truelayer',
      method: 'POST',
      url: 'https://api.truelayer.com/v3/data-connections',
      status: 400,
      body: problem(400, 'Invalid Parameters', 'scopes must not be empty'),
    });
    expect(error).toMatchObject({
      kind: 'invalid-request',
      code: 'Invalid Parameters',
      message: 'scopes must not be empty',
      requestId: 'trace-42',
      endpoint: 'POST /v3/data-connections',
      match: { by: 'code', source: 'https://docs.truelayer.com/docs/data-v3-errors' },
    });
  });

  test.each([
    [401, 'Unauthenticated', 'auth', false],
    [400, 'Invalid Parameters', 'invalid-request', false],
    [403, 'Forbidden', 'reconnect-required', false],
    [400, 'Invalid State', 'reconnect-required', false],
    [404, 'Not Found', 'not-found', false],
    [429, 'Rate Limit Exceeded', 'rate-limited', true],
    [502, 'Feature Not Supported', 'unsupported', false],
    [502, 'Provider Error', 'fi-unavailable', true],
    [500, 'Unknown Error', 'provider-unavailable', true],
  ] as const)('%i %s is %s (retryable %s)', (status, title, kind, retryable) => {
    const error = normalize({ provider: 'truelayer', status, body: problem(status, title) });
    expect(error).toMatchObject({ kind, code: title, status, retry: { retryable }, match: { by: 'code', documentedStatus: undefined } });
  });

  test('a v3 connection that is no longer authorized asks the user to reconnect, and never pages', () => {
    const error = normalize({ provider: 'truelayer', status: 400, body: problem(400, 'Invalid State') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'consent', userAction: 'reconnect', owner: 'end-user', severity: 'info' });
  });

  test('a v3 body with no status observed still gives its status', () => {
    expect(normalize({ provider: 'truelayer', body: problem(429, 'Rate Limit Exceeded') })).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      scope: 'client',
    });
  });

  test('an unknown v3 title falls back to the status', () => {
    expect(normalize({ provider: 'truelayer', status: 409, body: problem(409, 'Something New') })).toMatchObject({
      kind: 'conflict',
      code: 'Something New',
      match: { by: 'status' },
    });
  });
});

describe('truelayer endpoints', () => {
  test.each([
    ['GET', 'https://api.truelayer.com/data/v1/me', 'GET /data/v1/me', {}],
    ['GET', 'https://api.truelayer.com/data/v1/info', 'GET /data/v1/info', {}],
    ['GET', 'https://api.truelayer.com/data/v1/accounts', 'GET /data/v1/accounts', {}],
    ['GET', 'https://api.truelayer-sandbox.com/data/v1/accounts/acc-1', 'GET /data/v1/accounts/{account_id}', { account_id: 'acc-1' }],
    ['GET', 'https://api.truelayer.com/data/v1/accounts/acc-1/balance', 'GET /data/v1/accounts/{account_id}/balance', { account_id: 'acc-1' }],
    [
      'GET',
      'https://api.truelayer.com/data/v1/accounts/acc-1/transactions?from=2024-01-01&to=2024-02-01',
      'GET /data/v1/accounts/{account_id}/transactions',
      { account_id: 'acc-1' },
    ],
    ['GET', 'https://api.truelayer.com/data/v1/cards', 'GET /data/v1/cards', {}],
    ['POST', 'https://api.truelayer.com/v3/data-connections', 'POST /v3/data-connections', {}],
  ] as const)('%s %s is %s', (method, url, endpoint, params) => {
    const error = normalize({ provider: 'truelayer', method, url, status: 404, body: body('account_not_found') });
    expect(error).toMatchObject({ endpoint, params, kind: 'not-found' });
  });

  test('sca_exceeded on /info: a consent problem of one endpoint, not of the whole connection', () => {
    const error = normalize({ provider: 'truelayer', method: 'GET', url: 'https://api.truelayer.com/data/v1/info', status: 403, body: body('sca_exceeded') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'consent', endpoint: 'GET /data/v1/info', match: { by: 'code' } });
    expect(error.match.note).toMatch(/balances and recent transactions keep working/);
  });
});
