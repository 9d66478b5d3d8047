import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { acme } from './support/acme.js';

const { normalize, pending } = createNormalizer([acme]);
const body = (code: string, message?: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ error: { code, ...(message === undefined ? {} : { message }) }, ...extra });

describe('precedence', () => {
  test('the documented (endpoint, status, code) row answers first', () => {
    const error = normalize({ provider: 'acme', method: 'GET', url: '/api/v3/users/u-1', status: 404, body: body('E102', 'User u-1 not found') });
    expect(error).toMatchObject({ kind: 'not-found', endpoint: 'GET /users/{user_id}', code: 'E102', status: 404 });
    expect(error.match).toMatchObject({ by: 'row', documentedStatus: undefined, source: 'https://docs.acme.example/errors' });
  });

  test('the same code on the endpoint with another status is matched and the drift is shown', () => {
    const error = normalize({ provider: 'acme', method: 'POST', url: '/api/v3/users/u-1/refresh', status: 404, body: body('E102') });
    expect(error.match).toMatchObject({ by: 'endpoint-code', documentedStatus: 400, note: 'Documented as 400 here and 404 elsewhere.' });
    expect(error.kind).toBe('not-found');
  });

  test('a row overrides the provider-wide meaning of its code on its endpoint only', () => {
    const onRefresh = normalize({ provider: 'acme', method: 'POST', url: '/api/v3/users/u-1/refresh', status: 500, body: body('E500') });
    expect(onRefresh.kind).toBe('unknown');
    expect(onRefresh.match.description).toBe('Unknown refresh error, not a server error.');
    const elsewhere = normalize({ provider: 'acme', method: 'GET', url: '/api/v3/users/u-1', status: 500, body: body('E500') });
    expect(elsewhere).toMatchObject({ kind: 'provider-unavailable', match: { by: 'code' } });
  });

  test('a row that overrides its code holds for its own status only', () => {
    const other = normalize({ provider: 'acme', method: 'POST', url: '/users/u-1/refresh', status: 503, body: body('E500') });
    expect(other).toMatchObject({ kind: 'provider-unavailable', endpoint: 'POST /users/{user_id}/refresh', match: { by: 'code' } });
    const sync = normalize({ provider: 'acme', method: 'GET', url: '/users/u-1/nodes/n-1?force_refresh=yes', status: 500, body: body('E500') });
    expect(sync).toMatchObject({ kind: 'provider-unavailable', match: { by: 'code' } });
  });

  test("a URL that matched no endpoint does not borrow another endpoint's row", () => {
    const error = normalize({ provider: 'acme', method: 'POST', url: '/users', status: 402, body: body('E500') });
    expect(error).toMatchObject({ kind: 'provider-unavailable', endpoint: undefined, match: { by: 'code', documentedStatus: 500 } });
  });

  test('without an endpoint, a (status, code) pair documented on one endpoint only is that row', () => {
    const error = normalize({ provider: 'acme', status: 402, body: body('E500') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'institution-attention', endpoint: undefined, match: { by: 'row' } });
  });

  test('the provider-wide meaning of a code follows, with the documented status when it differs', () => {
    const error = normalize({ provider: 'acme', status: 418, body: body('E104') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'connection', match: { by: 'code', documentedStatus: 400 } });
    expect(normalize({ provider: 'acme', status: 400, body: body('E104') }).match.documentedStatus).toBeUndefined();
  });

  test('an unknown code falls back to its category, then to the status', () => {
    expect(normalize({ provider: 'acme', status: 400, body: JSON.stringify({ error: { code: 'NEW', type: 'ITEM_ERROR' } }) })).toMatchObject({
      kind: 'reconnect-required',
      match: { by: 'category' },
    });
    expect(normalize({ provider: 'acme', status: 401, body: body('NEW') })).toMatchObject({ kind: 'auth', match: { by: 'status' } });
    expect(normalize({ provider: 'acme', status: 202, body: body('NEW') })).toMatchObject({
      kind: 'conflict',
      match: { by: 'status', source: 'https://docs.acme.example/errors' },
    });
  });

  test('a status-only row on an endpoint answers for that status', () => {
    expect(normalize({ provider: 'acme', method: 'GET', url: '/api/v3/users/u-1/jobs/latest', status: 410 })).toMatchObject({
      kind: 'not-found',
      endpoint: 'GET /users/{user_id}/jobs/latest',
      match: { by: 'row' },
    });
  });

  test.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [409, 'conflict'],
    [429, 'rate-limited'],
    [500, 'provider-unavailable'],
    [502, 'provider-unavailable'],
    [503, 'provider-unavailable'],
    [504, 'provider-unavailable'],
  ] as const)('status %i alone is %s', (status, kind) => {
    expect(normalize({ provider: 'acme', status, body: '{}' })).toMatchObject({ kind, match: { by: 'status' } });
  });

  test('a 504 or 408 says the provider may have done the work', () => {
    expect(normalize({ provider: 'acme', status: 504 }).retry).toMatchObject({ retryable: true, mayHaveSucceeded: true });
  });

  test('an unreadable body is provider-unavailable; a readable one that says nothing is unknown', () => {
    expect(normalize({ provider: 'acme', body: '<html>Bad gateway</html>' })).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'unreadable-body',
      match: { by: 'none' },
    });
    expect(normalize({ provider: 'acme', body: '{"ok":false}' })).toMatchObject({ kind: 'unknown', match: { by: 'none' } });
    expect(normalize({ provider: 'acme', status: 418, body: '[1,2]' })).toMatchObject({ kind: 'provider-unavailable', reason: 'unreadable-body' });
  });

  test('a bare code with no response classifies by the code', () => {
    expect(normalize({ provider: 'acme', code: 'LOCKED' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'account-locked',
      status: undefined,
      match: { by: 'code' },
    });
    expect(normalize({ provider: 'acme', code: 404 })).toMatchObject({ kind: 'unknown', code: '404' });
  });

  test('an unknown provider still gets a status classification and keeps its name', () => {
    expect(normalize({ provider: 'nobody' as 'acme', status: 503 })).toMatchObject({ provider: 'nobody', kind: 'provider-unavailable' });
  });
});

describe('endpoint inference', () => {
  test.each([
    'https://sandbox.acme.example/api/v3/users/u-1',
    'https://acme.example/api/v3/users/u-1/',
    'http://127.0.0.1:8080/api/v3/users/u-1?debug=1#frag',
    '/api/v3/users/u-1',
    '/users/u-1',
  ])('%s', (url) => {
    expect(normalize({ provider: 'acme', method: 'get', url, status: 404, body: body('E102') })).toMatchObject({
      endpoint: 'GET /users/{user_id}',
      params: { user_id: 'u-1' },
    });
  });

  test('the method is compared in any case, and without one the path must be unambiguous', () => {
    expect(normalize({ provider: 'acme', method: 'pOsT', url: '/users/u-1/refresh', status: 400, body: body('E102') }).endpoint).toBe(
      'POST /users/{user_id}/refresh',
    );
    expect(normalize({ provider: 'acme', url: '/users/u-1/refresh', status: 400, body: body('E102') }).endpoint).toBe('POST /users/{user_id}/refresh');
    expect(normalize({ provider: 'acme', method: 'DELETE', url: '/users/u-1', status: 404, body: body('E102') }).endpoint).toBeUndefined();
  });

  test('a literal segment wins over a parameter', () => {
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/u-1/jobs/latest', status: 410 }).endpoint).toBe('GET /users/{user_id}/jobs/latest');
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/u-1/jobs/j-9', status: 404, body: body('E102') })).toMatchObject({
      endpoint: 'GET /users/{user_id}/jobs/{job_id}',
      params: { user_id: 'u-1', job_id: 'j-9' },
    });
  });

  test('an endpoint that differs only by a query parameter needs it', () => {
    const withQuery = normalize({ provider: 'acme', method: 'GET', url: '/users/u-1/nodes/n-2?x=1&force_refresh=yes', status: 402, body: body('E500') });
    expect(withQuery).toMatchObject({
      endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes',
      kind: 'reconnect-required',
      params: { user_id: 'u-1', node_id: 'n-2' },
    });
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/u-1/nodes/n-2', status: 402, body: body('E500') }).endpoint).toBe(
      'GET /users/{user_id}/nodes/{node_id}',
    );
  });

  test('path parameters are decoded once; a malformed escape is kept', () => {
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/a%2Fb%2525', status: 404 }).params).toEqual({ user_id: 'a/b%25' });
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/%E0%A4%A', status: 404 }).params).toEqual({ user_id: '%E0%A4%A' });
  });

  test('an endpoint id given directly wins over the url', () => {
    expect(normalize({ provider: 'acme', endpoint: 'POST /users/{user_id}/refresh', url: '/users/u-1', status: 400, body: body('E102') })).toMatchObject({
      endpoint: 'POST /users/{user_id}/refresh',
      match: { by: 'row' },
    });
  });
});

describe('fields', () => {
  test('params come from documented message templates; path parameters win', () => {
    expect(normalize({ provider: 'acme', status: 404, body: body('E102', 'User u-77 not found') }).params).toEqual({ user_id: 'u-77' });
    expect(normalize({ provider: 'acme', method: 'GET', url: '/users/u-1', status: 404, body: body('E102', 'User other not found') }).params).toEqual({
      user_id: 'u-1',
    });
    expect(normalize({ provider: 'acme', status: 404, body: body('E102', 'Something else') }).params).toEqual({});
  });

  test('message, display message and request id are read from the body; request id falls back to headers', () => {
    const error = normalize({
      provider: 'acme',
      status: 400,
      body: JSON.stringify({ error: { code: 'E100', message: 'dev text', display: 'user text' }, request_id: 'r-1' }),
      headers: { 'x-acme-request-id': 'h-1' },
    });
    expect(error).toMatchObject({ message: 'dev text', displayMessage: 'user text', requestId: 'r-1' });
    expect(normalize({ provider: 'acme', status: 400, body: body('E100'), headers: new Headers({ 'X-Request-Id': 'h-2' }) }).requestId).toBe('h-2');
    expect(normalize({ provider: 'acme', status: 400, body: body('E100'), headers: [['X-Acme-Request-Id', 'h-3']] }).requestId).toBe('h-3');
  });

  test('the status may come from the body when none was observed, as a string', () => {
    expect(normalize({ provider: 'acme', body: JSON.stringify({ code: 'E102', http_code: '404' }) })).toMatchObject({
      status: 404,
      kind: 'not-found',
      match: { by: 'row' },
    });
  });

  test('bodies arrive as text, bytes or parsed JSON', () => {
    const text = body('E104');
    for (const input of [text, JSON.parse(text) as unknown, new TextEncoder().encode(text)]) {
      expect(normalize({ provider: 'acme', status: 400, body: input }).code).toBe('E104');
    }
    expect(normalize({ provider: 'acme', status: 400, body: { code: 104 } }).code).toBe('104');
  });

  test('Retry-After in seconds or as an HTTP date becomes retry.afterMs; the catalog guidance otherwise', () => {
    expect(normalize({ provider: 'acme', status: 429, headers: { 'retry-after': '7' } }).retry).toMatchObject({ afterMs: 7000, afterSource: 'retry-after' });
    const date = new Date(Date.now() + 120_000).toUTCString();
    const afterMs = normalize({ provider: 'acme', status: 503, headers: { 'Retry-After': date } }).retry.afterMs ?? 0;
    expect(afterMs).toBeGreaterThan(100_000);
    expect(afterMs).toBeLessThanOrEqual(120_000);
    expect(normalize({ provider: 'acme', status: 503, headers: { 'retry-after': 'soon' } }).retry.afterMs).toBeUndefined();
    expect(normalize({ provider: 'acme', code: 'E600' }).retry).toMatchObject({ afterMs: 60000, afterSource: 'catalog', retryable: true });
    expect(normalize({ provider: 'acme', code: 'E600' })).toMatchObject({ kind: 'rate-limited', scope: 'end-user', owner: 'end-user' });
  });

  test('a conflict says to wait for the running job', () => {
    expect(normalize({ provider: 'acme', status: 409 }).retry).toMatchObject({ retryable: true, waitForJob: true });
  });
});

describe('pending steps', () => {
  const mfa = JSON.stringify({ error_code: '10', http_code: '202', mfa: { access_token: 'secret', message: 'Your pet?' }, success: true });
  const twoFactor = JSON.stringify({ error_code: '10', http_code: '202', message: { en: 'Check your phone' }, success: true });
  const input = (b: string) => ({ provider: 'acme', status: 202, body: b, code: '10' }) as const;

  test('an MFA question and a 2FA step are told apart, and are not failures', () => {
    expect(pending(input(mfa))).toEqual({ provider: 'acme', step: 'mfa', code: '10', status: 202 });
    expect(pending(input(twoFactor))?.step).toBe('two-factor');
    expect(normalize(input(mfa))).toMatchObject({
      kind: 'unknown',
      pending: 'mfa',
      severity: 'info',
      userAction: 'none',
      match: { by: 'pending', description: 'An MFA question.', source: 'https://docs.acme.example/errors' },
    });
    expect(normalize(input(twoFactor)).match.description).toBe('A 2FA step.');
    expect(pending({ provider: 'acme', status: 400, body: body('E100') })).toBeUndefined();
  });

  test('nothing from the body but the documented fields is copied', () => {
    expect(JSON.stringify(normalize(input(mfa)))).not.toContain('secret');
  });
});

describe('catalogs given', () => {
  test('a value that is not a catalog and a repeated id are left out and named; the rest are in use', () => {
    const normalizer = createNormalizer([acme, { name: 'no id' }, acme] as never);
    expect(normalizer.problems).toEqual(['catalogs[1] is not a catalog', 'catalogs[2] repeats the id "acme"; the first one is used']);
    expect(normalizer.normalize({ provider: 'acme', status: 404, body: body('E102') })).toMatchObject({
      kind: 'not-found',
      code: 'E102',
      match: { by: 'row' },
    });
    expect(createNormalizer({} as never).problems).toEqual(['catalogs must be an array of catalogs']);
  });

  test('a catalog that cannot be compiled is left out from its first use, named once, and answered by status alone', () => {
    const broken = { ...acme, id: 'broken', endpoints: { 'GET /a': { source: 'https://docs.acme.example/errors', rows: 42 } } };
    const normalizer = createNormalizer([broken, acme] as never);
    // Compiling is deferred to first use: creating a normalizer over every catalog costs almost nothing.
    expect(normalizer.problems).toEqual([]);
    for (let i = 0; i < 2; i++) {
      expect(normalizer.normalize({ provider: 'broken', status: 404, body: body('E102') })).toMatchObject({
        kind: 'not-found',
        provider: 'broken',
        code: undefined,
        match: { by: 'status' },
      });
    }
    expect(normalizer.problems).toEqual(['catalogs[0] could not be compiled: check it with parseCatalog']);
    expect(normalizer.pending({ provider: 'broken', body: body('E102') })).toBeUndefined();
    expect(normalizer.normalize({ provider: 'acme', status: 404, body: body('E102') })).toMatchObject({
      kind: 'not-found',
      code: 'E102',
      match: { by: 'row' },
    });
  });
});

describe('text the provider sends', () => {
  test('every URL in a message loses its credentials, fragment and secret parameters; one that cannot be parsed is replaced', () => {
    const message = (text: string): string => normalize({ provider: 'acme', status: 404, body: body('E102', text) }).message;
    expect(message('See https://user:pw@docs.acme.example/x?token=abc&page=2#frag.')).toBe('See https://docs.acme.example/x?page=2.');
    expect(message('Go to HTTP://a.example/p?client_id=1&x=2, then retry!')).toBe('Go to http://a.example/p?x=2, then retry!');
    expect(message('x ftp://h.example/a/b?signature=s; y')).toBe('x ftp://h.example/a/b; y');
    expect(message('bad http://[::1 url')).toBe('bad [url][::1 url');
    expect(message('relative /v2/x?token=1 is not a URL run')).toBe('relative /v2/x?token=1 is not a URL run');
  });
});
