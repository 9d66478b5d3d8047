import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { EndpointInput } from '../src/catalog/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { documentedRows } from '../src/catalog/resolve.js';

const { normalize } = createNormalizer([aerosync]);
const body = (code: string, message?: string): string => JSON.stringify({ error: { code, ...(message === undefined ? {} : { message }) } });
// Widened once, so rows of different endpoints can be walked together.
const endpoints: Readonly<Record<string, EndpointInput>> = aerosync.endpoints;
const REFRESH = 'POST /accounts/{user_id}/refresh';
const BALANCE = 'GET /accounts/{user_id}/balance';

describe('the catalog encodes the errors-by-endpoint tables', () => {
  test("11 endpoints in the docs' order, 55 rows, each with its message and description", () => {
    expect(Object.keys(aerosync.endpoints)).toEqual([
      'POST /token',
      'GET /accounts/{user_id}',
      BALANCE,
      REFRESH,
      'POST /accounts/{user_id}/mfa/{job_id}',
      'POST /accounts/{user_id}/mfa/{job_id}/resolve',
      'POST /accounts/{user_id}/identity',
      'GET /accounts/{user_id}/identity',
      'POST /accounts/{user_id}/transactions',
      'GET /accounts/{user_id}/transactions',
      'GET /accounts/{user_id}/job/{job_id}',
    ]);
    // Resolved rows: a row carries only what differs from its code, and takes the rest from it.
    const rows = documentedRows(aerosync).map(({ meaning }) => meaning);
    expect(rows).toHaveLength(55);
    for (const row of rows) {
      expect(row.message).toBeTypeOf('string');
      expect(row.description).toBeTypeOf('string');
      expect(row.message).not.toMatch(/^"|"$/);
      expect(row.source).toBe('https://api-aerosync.readme.io/docs/errors-by-endpoint');
    }
    expect(Object.values(endpoints).map((endpoint) => endpoint.rows.length)).toEqual([2, 5, 5, 6, 5, 5, 6, 5, 6, 5, 5]);
  });

  test('inconsistently printed status lines are kept in printed, with a note, and the status as documented', () => {
    const printed = Object.entries(endpoints).flatMap(([id, endpoint]) =>
      endpoint.rows.filter((row) => 'printed' in row).map((row) => [id, row.status, row.code, row.printed, typeof row.note] as const),
    );
    expect(printed).toEqual([
      ['POST /token', 401, 'AC-101', '401 Forbidden', 'string'],
      [BALANCE, 405, 'AC-105', '405 Forbidden', 'string'],
      [REFRESH, 405, 'AC-107', '405 Forbidden', 'string'],
    ]);
  });

  test('every AC code in the tables, plus AC-117, AC-204 and the widget-only AR codes, has a provider-wide meaning', () => {
    const inTables = new Set(Object.values(endpoints).flatMap((endpoint) => endpoint.rows.map((row) => row.code)));
    expect([...inTables].sort()).toEqual(
      Object.keys(aerosync.codes)
        .filter((code) => !['AC-117', 'AC-204', 'AR-100', 'AR-500'].includes(code))
        .sort(),
    );
    expect(aerosync.codes['AR-100'].arrives).toMatch(/widget/);
    expect(aerosync.codes['AR-500'].arrives).toMatch(/widget/);
  });

  test("only our own credentials and the provider's failures page; an end user's problem never does", () => {
    const paging = Object.keys(aerosync.codes).filter((code) => normalize({ provider: 'aerosync', code }).severity === 'page');
    expect(paging.sort()).toEqual(['AC-001', 'AC-101', 'AR-100', 'AR-500']);
  });
});

describe('AC-102: 404 on most endpoints, 400 on refresh', () => {
  test('at 400 on refresh it is the documented row, params read from the path', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-42/refresh',
      status: 400,
      body: body('AC-102', 'User u-42 not found'),
    });
    expect(error).toMatchObject({ kind: 'not-found', endpoint: REFRESH, status: 400, code: 'AC-102', params: { user_id: 'u-42' } });
    expect(error.match).toMatchObject({ by: 'row', documentedStatus: undefined });
    expect(error.match.note).toMatch(/400 here/);
  });

  test('at 404 on refresh it is the same code with another status, and the drift shows the documented 400', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-42/refresh',
      status: 404,
      body: body('AC-102', 'User u-42 not found'),
    });
    expect(error).toMatchObject({ kind: 'not-found', endpoint: REFRESH, status: 404 });
    expect(error.match).toMatchObject({ by: 'endpoint-code', documentedStatus: 400 });
  });

  test("at 404 on the identity endpoint it is that endpoint's row", () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: '/v2/accounts/u-42/identity',
      status: 404,
      body: body('AC-102', 'User u-42 not found'),
    });
    expect(error.match).toMatchObject({ by: 'row', documentedStatus: undefined });
  });

  test('on an endpoint that does not document it, the provider-wide meaning answers; either documented status counts as documented', () => {
    const at400 = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-42/balance', status: 400, body: body('AC-102') });
    expect(at400).toMatchObject({ kind: 'not-found', endpoint: BALANCE, match: { by: 'code', documentedStatus: undefined } });
    const at500 = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-42/balance', status: 500, body: body('AC-102') });
    expect(at500.match).toMatchObject({ by: 'code', documentedStatus: 404 });
  });
});

describe('precedence on real bodies', () => {
  test('a code documented on the endpoint with another status still classifies by the code, not the status', () => {
    const error = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1/balance', status: 503, body: body('AC-104') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'connection', match: { by: 'endpoint-code', documentedStatus: 400 } });
  });

  test('AC-110 at its documented 405 is an expired MFA session, where a bare 405 is a malformed request', () => {
    const url = 'https://api.aerosync.com/v2/accounts/u-1/mfa/j-1/resolve';
    const expired = normalize({
      provider: 'aerosync',
      method: 'POST',
      url,
      status: 405,
      body: body('AC-110', 'Your MFA session has expired. Please reauthenticate to continue'),
    });
    expect(expired).toMatchObject({ kind: 'mfa-expired', userAction: 'restart-mfa', owner: 'end-user', match: { by: 'row' } });
    expect(normalize({ provider: 'aerosync', method: 'POST', url, status: 405, body: body('AC-999') })).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'status' },
    });
  });

  test('AC-001 and AC-101 are one meaning: our API key and secret were rejected', () => {
    const token = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: 'https://api.aerosync.com/v2/token',
      status: 401,
      body: body('AC-101', 'Invalid API key and secret.'),
    });
    const balance = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: 'https://api.aerosync.com/v2/accounts/u-1/balance',
      status: 403,
      body: body('AC-001', 'Invalid API key and secret.'),
    });
    for (const error of [token, balance]) expect(error).toMatchObject({ kind: 'auth', owner: 'integrator', severity: 'page', match: { by: 'row' } });
    expect(token.endpoint).toBe('POST /token');
    expect(token.match.note).toMatch(/401 Forbidden/);
  });

  test('"405 Forbidden" rows classify by the code: a manually linked user cannot check a balance', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: '/v2/accounts/u-1/balance',
      status: 405,
      body: body('AC-105', 'Balance check not available for manually linked users'),
    });
    expect(error).toMatchObject({ kind: 'manual-link-unsupported', userAction: 'link-another-account', match: { by: 'row' } });
  });

  test('AC-106 and AC-113 both mean the FI paused sharing; each keeps its own description', () => {
    const message = 'For security purposes, the FI has paused sharing account information for this user. To continue, the user can reconnect to the FI';
    const balance = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1/balance', status: 400, body: body('AC-106', message) });
    const identity = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1/identity', status: 400, body: body('AC-113', message) });
    for (const error of [balance, identity]) expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'fi-paused-sharing', userAction: 'reconnect' });
    expect(identity.match.description).toBe('Authentication has failed for expected user.');
    expect(balance.match.description).toMatch(/connection to the FI has been removed/);
  });

  test('AC-103 waits for the FI; AC-104 asks the user to reconnect', () => {
    const incomplete = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1', status: 400, body: body('AC-103') });
    expect(incomplete).toMatchObject({ kind: 'fi-unavailable', reason: 'incomplete-data', retry: { retryable: true }, severity: 'info' });
    const connection = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1', status: 400, body: body('AC-104') });
    expect(connection).toMatchObject({ kind: 'reconnect-required', reason: 'connection', retry: { retryable: false }, userAction: 'reconnect' });
  });

  test('AC-112: another job is running, so poll it', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-1/transactions',
      status: 409,
      body: body('AC-112', 'Conflict - another job currently in progress'),
    });
    expect(error).toMatchObject({ kind: 'conflict', retry: { retryable: true, waitForJob: true }, match: { by: 'row' } });
    expect(error.match.description).toBe('Attempted to initiate an transaction job when there is already one currently in progress.');
  });

  test('an unknown AC code falls back to the status', () => {
    expect(normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-1', status: 404, body: body('AC-777') })).toMatchObject({
      kind: 'not-found',
      code: 'AC-777',
      match: { by: 'status' },
    });
  });
});

describe('bare codes', () => {
  test('AC-108 alone locks one end user: wait, never ticket', () => {
    const error = normalize({ provider: 'aerosync', code: 'AC-108' });
    expect(error).toMatchObject({
      kind: 'rate-limited',
      scope: 'end-user',
      owner: 'end-user',
      severity: 'info',
      status: undefined,
      endpoint: undefined,
      match: { by: 'code' },
    });
    expect(error.message).toBe('Account has been temporarily blockd due to too many incorrect MFA attempts');
  });

  test('widget codes: AC-117 asks for the credentials again, AC-204 for another bank, AR-100 may have completed', () => {
    expect(normalize({ provider: 'aerosync', code: 'AC-117' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      userAction: 'reenter-credentials',
    });
    expect(normalize({ provider: 'aerosync', code: 'AC-204' })).toMatchObject({
      kind: 'no-accounts',
      userAction: 'link-another-account',
      message: 'No account information available, please select another bank.',
    });
    expect(normalize({ provider: 'aerosync', code: 'AR-100' })).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'timeout',
      retry: { retryable: true, mayHaveSucceeded: true },
    });
    expect(normalize({ provider: 'aerosync', code: 'AR-500' })).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error' });
  });
});

describe('params from paths and messages', () => {
  test('job_id and user_id come from the path', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-7/mfa/IDT-9',
      status: 404,
      body: body('AC-109', 'Job IDT-9 not found'),
    });
    expect(error).toMatchObject({ endpoint: 'POST /accounts/{user_id}/mfa/{job_id}', params: { user_id: 'u-7', job_id: 'IDT-9' }, match: { by: 'row' } });
  });

  test('without a URL, each AC-109 message yields its own placeholder', () => {
    const mfa = normalize({
      provider: 'aerosync',
      endpoint: 'POST /accounts/{user_id}/mfa/{job_id}',
      status: 404,
      body: body('AC-109', 'Job IDT-9 not found'),
    });
    expect(mfa.params).toEqual({ job_id: 'IDT-9' });
    const job = normalize({
      provider: 'aerosync',
      endpoint: 'GET /accounts/{user_id}/job/{job_id}',
      status: 404,
      body: body('AC-109', 'Balance refresh job for u-7 not found'),
    });
    expect(job.params).toEqual({ user_id: 'u-7' });
  });

  test('with no URL and no endpoint, a (status, code) row documented alike everywhere still reads the message', () => {
    const error = normalize({ provider: 'aerosync', status: 404, body: body('AC-102', 'User u-5 not found') });
    expect(error).toMatchObject({ kind: 'not-found', endpoint: undefined, params: { user_id: 'u-5' }, match: { by: 'row' } });
  });

  test('the path parameter wins over text read back from the message', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: '/v2/accounts/u-1/job/TRN-3',
      status: 404,
      body: body('AC-109', 'Balance refresh job for u-2 not found'),
    });
    expect(error.params).toEqual({ user_id: 'u-1', job_id: 'TRN-3' });
  });
});

describe('Retry-After', () => {
  test('seconds in a plain header record', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-1/refresh',
      status: 429,
      headers: { 'Retry-After': '120' },
      body: body('AC-108'),
    });
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'end-user', retry: { retryable: true, afterMs: 120_000, afterSource: 'retry-after' } });
  });

  test('an HTTP date in a fetch Headers object', () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/accounts/u-1/refresh',
      status: 429,
      headers: new Headers({ 'retry-after': at }),
      body: body('AC-108'),
    });
    expect(error.retry.afterSource).toBe('retry-after');
    expect(error.retry.afterMs).toBeGreaterThan(55_000);
    expect(error.retry.afterMs).toBeLessThanOrEqual(60_000);
  });

  test('without the header there is no wait: Aerosync documents none', () => {
    const error = normalize({ provider: 'aerosync', method: 'POST', url: '/v2/accounts/u-1/refresh', status: 429, body: body('AC-108') });
    expect(error.retry).toMatchObject({ afterMs: undefined, afterSource: undefined });
  });
});

describe('URLs', () => {
  test.each([
    '/v2/accounts/u-42/balance',
    '/accounts/u-42/balance',
    'https://api.sandbox.aerosync.com/v2/accounts/u-42/balance',
    'https://api.staging.aerosync.com/v2/accounts/u-42/balance',
    'https://api.aerosync.com/v2/accounts/u-42/balance',
    'https://api.aerosync.com/v2/accounts/u-42/balance/?x=1#top',
  ])('%s resolves to the balance endpoint', (url) => {
    const error = normalize({ provider: 'aerosync', method: 'get', url, status: 400, body: body('AC-106') });
    expect(error).toMatchObject({ endpoint: BALANCE, params: { user_id: 'u-42' }, match: { by: 'row' } });
  });

  test('POST /token resolves under every base URL', () => {
    for (const base of Object.values(aerosync.baseUrls)) {
      expect(normalize({ provider: 'aerosync', method: 'POST', url: `${base}/v2/token`, status: 400, body: body('AC-100') }).endpoint).toBe('POST /token');
    }
  });

  test('the method tells GET from POST on the same path', () => {
    const url = '/v2/accounts/u-1/identity';
    expect(normalize({ provider: 'aerosync', method: 'GET', url, status: 400, body: body('AC-100') }).endpoint).toBe('GET /accounts/{user_id}/identity');
    expect(normalize({ provider: 'aerosync', method: 'POST', url, status: 400, body: body('AC-100') }).endpoint).toBe('POST /accounts/{user_id}/identity');
  });
});
