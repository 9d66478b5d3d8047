import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { mx } from '../catalogs/mx.js';

const normalizer = createNormalizer([mx]);
const { normalize } = normalizer;
const ERRORS = 'https://docs.mx.com/api-reference/platform-api/overview/errors';

// The statuses MX's connection-status webhook page lists as end-user-actionable.
const WEBHOOK_STATUSES = ['CHALLENGED', 'DENIED', 'EXPIRED', 'IMPAIRED', 'IMPEDED', 'LOCKED', 'PREVENTED', 'REJECTED'];

describe('MX HTTP statuses, classified on the status alone', () => {
  test('a 202 while a job of the same type runs is a conflict: wait for the running job', () => {
    const error = normalize({
      provider: 'mx',
      method: 'POST',
      url: 'https://api.mx.com/users/USR-1/members/MBR-1/aggregate',
      status: 202,
      body: '{"member":{"guid":"MBR-1","is_being_aggregated":true}}',
    });
    expect(error.kind).toBe('conflict');
    expect(error.retry.waitForJob).toBe(true);
    expect(error.retry.retryable).toBe(true);
    expect(error.severity).toBe('info');
    expect(error.match.by).toBe('status');
    expect(error.match.source).toBe(ERRORS);
    expect(error.match.note).toMatch(/processing/);
  });

  test('a 409 is a conflict, documented as an existing object or another job type running', () => {
    const error = normalize({ provider: 'mx', status: 409 });
    expect(error.kind).toBe('conflict');
    expect(error.match.description).toMatch(/already exists/);
  });

  test.each([
    [400, 'invalid-request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [405, 'invalid-request'],
    [406, 'invalid-request'],
    [422, 'invalid-request'],
    [429, 'rate-limited'],
    [500, 'provider-unavailable'],
    [502, 'provider-unavailable'],
    [503, 'provider-unavailable'],
    [504, 'provider-unavailable'],
  ] as const)('%i is %s, from MX’s own errors page', (status, kind) => {
    const error = normalize({ provider: 'mx', status });
    expect(error.kind).toBe(kind);
    expect(error.match.by).toBe('status');
    expect(error.match.source).toBe(ERRORS);
  });

  test('a bad API key pages; a bad API version does not', () => {
    expect(normalize({ provider: 'mx', status: 401 }).severity).toBe('page');
    expect(normalize({ provider: 'mx', status: 406 }).severity).toBe('ticket');
    expect(normalize({ provider: 'mx', status: 406 }).match.description).toMatch(/API version/);
  });

  test('503 is maintenance, 504 may have done its work, 500 is a server error', () => {
    const maintenance = normalize({ provider: 'mx', status: 503 });
    const timeout = normalize({ provider: 'mx', status: 504 });
    const server = normalize({ provider: 'mx', status: 500 });
    expect(maintenance.kind === 'provider-unavailable' && maintenance.reason).toBe('maintenance');
    expect(timeout.kind === 'provider-unavailable' && timeout.reason).toBe('timeout');
    expect(timeout.retry.mayHaveSucceeded).toBe(true);
    expect(server.kind === 'provider-unavailable' && server.reason).toBe('server-error');
    expect(server.retry.mayHaveSucceeded).toBe(false);
  });

  test('a 429 throttles our client and honours Retry-After', () => {
    const error = normalize({ provider: 'mx', status: 429, headers: { 'Retry-After': '3' } });
    expect(error.kind === 'rate-limited' && error.scope).toBe('client');
    expect(error.retry.afterMs).toBe(3000);
    expect(error.retry.afterSource).toBe('retry-after');
  });

  test('an undocumented status falls back to the generic meaning, and an HTML error page to unreadable', () => {
    const gone = normalize({ provider: 'mx', status: 410 });
    expect(gone.kind).toBe('not-found');
    expect(gone.match.source).toBeUndefined();
    const html = normalize({ provider: 'mx', body: '<html><body>Bad Gateway</body></html>' });
    expect(html.kind === 'provider-unavailable' && html.reason).toBe('unreadable-body');
  });
});

describe('MX member connection_status values, as bare codes', () => {
  test('the webhook example payload’s status is a pending MFA step, not an error', () => {
    const payload = {
      action: 'CHANGED',
      connection_status: 'CHALLENGED',
      connection_status_id: 3,
      connection_status_message: 'To authenticate your connection to Chase Bank, please answer the following challenge(s).',
      member_guid: 'MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a',
      type: 'CONNECTION_STATUS',
      user_guid: 'USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e',
    };
    const error = normalize({ provider: 'mx', code: payload.connection_status });
    expect(error.match.by).toBe('pending');
    expect(error.kind === 'unknown' && error.pending).toBe('mfa');
    expect(error.severity).toBe('info');
    expect(normalizer.pending({ provider: 'mx', code: 'CHALLENGED' })).toEqual({ provider: 'mx', step: 'mfa', code: 'CHALLENGED', status: undefined });
    expect(normalizer.pending({ provider: 'mx', code: 'DENIED' })).toBeUndefined();
  });

  test.each([
    ['DENIED', 'credentials', 'reenter-credentials'],
    ['PREVENTED', 'credentials', 'reenter-credentials'],
    ['IMPAIRED', 'credentials', 'reenter-credentials'],
    ['LOCKED', 'account-locked', 'visit-institution'],
    ['IMPEDED', 'institution-attention', 'visit-institution'],
  ] as const)('%s asks the end user to reconnect (%s)', (code, reason, userAction) => {
    const error = normalize({ provider: 'mx', code });
    expect(error.kind === 'reconnect-required' && error.reason).toBe(reason);
    expect(error.userAction).toBe(userAction);
    expect(error.owner).toBe('end-user');
    expect(error.severity).toBe('info');
    expect(error.code).toBe(code);
    expect(error.match.by).toBe('code');
  });

  test('EXPIRED and REJECTED restart MFA', () => {
    for (const code of ['EXPIRED', 'REJECTED']) {
      const error = normalize({ provider: 'mx', code });
      expect(error.kind).toBe('mfa-expired');
      expect(error.userAction).toBe('restart-mfa');
    }
  });

  test('statuses nobody but MX or the institution can fix wait, and DISCONTINUED is unsupported', () => {
    for (const code of ['DEGRADED', 'DELAYED', 'DISCONNECTED', 'DISABLED', 'FAILED']) {
      const error = normalize({ provider: 'mx', code });
      expect(error.kind).toBe('fi-unavailable');
      expect(error.retry.retryable).toBe(true);
      expect(error.severity).not.toBe('page');
    }
    expect(normalize({ provider: 'mx', code: 'DISCONTINUED' }).kind).toBe('unsupported');
  });

  test('every status that fires the connection-status webhook is documented, and says so; no other does', () => {
    const documented = new Map<string, string>();
    for (const [code, entry] of Object.entries(mx.codes)) {
      expect(entry.arrives).toBe('connection_status');
      documented.set(code, `${entry.description} ${'note' in entry ? entry.note : ''}`);
    }
    for (const step of mx.pending) documented.set(step.code, step.description);
    for (const code of WEBHOOK_STATUSES) expect(documented.has(code), code).toBe(true);
    for (const [code, text] of documented) {
      expect(/Fires the connection-status webhook/.test(text), code).toBe(WEBHOOK_STATUSES.includes(code));
    }
  });

  test('success states and undocumented values fall back to unknown; a status still wins when there is one', () => {
    // CLOSED was left out while no MX source described it; MX's Connect widget does, so it is a code now (below).
    for (const code of ['CONNECTED', 'CREATED', 'constructor', '__proto__']) {
      const error = normalize({ provider: 'mx', code });
      expect(error.kind).toBe('unknown');
      expect(error.match.by).toBe('none');
    }
    const withStatus = normalize({ provider: 'mx', code: 'SOMETHING_NEW', status: 409 });
    expect(withStatus.kind).toBe('conflict');
    expect(withStatus.match.by).toBe('status');
  });

  test('a documented connection status wins over the status of the response that carried it', () => {
    const error = normalize({ provider: 'mx', status: 200, code: 'LOCKED' });
    expect(error.kind === 'reconnect-required' && error.reason).toBe('account-locked');
  });

  test('CLOSED: the connection is gone at the institution; the widget suggests tracking it manually', () => {
    const error = normalize({ provider: 'mx', code: 'CLOSED' });
    expect(error).toMatchObject({
      kind: 'not-found',
      userAction: 'link-another-account',
      owner: 'end-user',
      severity: 'info',
      retry: { retryable: false },
      match: { by: 'code' },
    });
    expect(error.match.source).toMatch(/connect-widget/);
  });

  test('IMPORTED: the widget asks for credentials again, although the webhook does not fire for it', () => {
    const error = normalize({ provider: 'mx', code: 'IMPORTED' });
    expect(error.kind === 'reconnect-required' && error.reason).toBe('credentials');
    expect(error).toMatchObject({ userAction: 'reenter-credentials', owner: 'end-user', severity: 'info' });
    expect(error.match.note).toMatch(/Does not fire the connection-status webhook/);
  });
});

describe('MX numeric connection_status_id values', () => {
  test("the webhook's connection_status and connection_status_id name the same status", () => {
    const payload = {
      action: 'CHANGED',
      connection_status: 'DENIED',
      connection_status_id: 2,
      connection_status_message:
        'The credentials entered do not match your credentials at this institution. Please re-enter your credentials to continue importing data.',
      member_guid: 'MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a',
      type: 'CONNECTION_STATUS',
      user_guid: 'USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e',
    };
    const byName = normalize({ provider: 'mx', code: payload.connection_status });
    const byId = normalize({ provider: 'mx', code: payload.connection_status_id });
    expect(byId).toEqual(byName);
    expect(byId).toMatchObject({ kind: 'reconnect-required', code: 'DENIED', userAction: 'reenter-credentials', match: { by: 'code' } });
  });

  test.each([
    [1, 'PREVENTED'],
    [4, 'REJECTED'],
    [5, 'LOCKED'],
    [7, 'IMPEDED'],
    [9, 'DEGRADED'],
    [12, 'CLOSED'],
    [17, 'IMPORTED'],
    [19, 'EXPIRED'],
    [20, 'IMPAIRED'],
  ] as const)("the Connect widget's %i is %s", (id, code) => {
    expect(normalize({ provider: 'mx', code: id }).code).toBe(code);
  });

  test("the widget's memberStatusUpdate with 3 is the pending MFA step; with 6 (CONNECTED) it is no failure", () => {
    const challenged = normalize({ provider: 'mx', code: 3 });
    expect(challenged.kind === 'unknown' && challenged.pending).toBe('mfa');
    expect(challenged.match.by).toBe('pending');
    const metadata = { user_guid: 'USR-123', session_guid: 'SES-123', member_guid: 'MBR-123', connection_status: 6 };
    expect(normalize({ provider: 'mx', code: metadata.connection_status })).toMatchObject({ kind: 'unknown', match: { by: 'none' } });
  });
});

describe("MX endpoints, from MX's OpenAPI spec", () => {
  test('a job already running on the member: the endpoint and its path parameters are read', () => {
    const error = normalize({ provider: 'mx', method: 'POST', url: 'https://int-api.mx.com/users/USR-1/members/MBR-1/aggregate', status: 202 });
    expect(error).toMatchObject({
      kind: 'conflict',
      endpoint: 'POST /users/{user_identifier}/members/{member_identifier}/aggregate',
      params: { user_identifier: 'USR-1', member_identifier: 'MBR-1' },
      match: { by: 'status', source: ERRORS },
    });
  });

  test('literal segments win over parameters', () => {
    expect(normalize({ provider: 'mx', method: 'GET', url: '/categories/default', status: 404 }).endpoint).toBe('GET /categories/default');
    expect(normalize({ provider: 'mx', method: 'GET', url: '/categories/CAT-1', status: 404 }).endpoint).toBe('GET /categories/{category_guid}');
    expect(normalize({ provider: 'mx', method: 'GET', url: '/users/USR-1/spending_plans/SPL-1/iterations/current', status: 404 }).endpoint).toBe(
      'GET /users/{user_guid}/spending_plans/{spending_plan_guid}/iterations/current',
    );
  });

  test("the spec's one per-endpoint status: an invalid institution_identifier on list institution credentials is a 404 row", () => {
    const error = normalize({ provider: 'mx', method: 'GET', url: 'https://api.mx.com/institutions/nope/credentials', status: 404 });
    expect(error).toMatchObject({ kind: 'not-found', params: { institution_identifier: 'nope' }, match: { by: 'row' } });
    expect(error.match.source).toMatch(/mxenabled\/openapi/);
  });

  test('auto-generating budgets without enough transactions is a 422 nobody is at fault for', () => {
    const error = normalize({ provider: 'mx', method: 'POST', url: 'https://api.mx.com/users/USR-1/budgets/generate', status: 422 });
    expect(error).toMatchObject({
      kind: 'invalid-request',
      message: "There aren't enough transactions to automatically create any budgets",
      owner: 'end-user',
      severity: 'info',
      userAction: 'none',
      match: { by: 'row' },
    });
    expect(error.match.note).toMatch(/4221/);
    // Elsewhere a 422 keeps MX's provider-wide meaning, an integration matter.
    expect(normalize({ provider: 'mx', method: 'POST', url: 'https://api.mx.com/users/USR-1/budgets', status: 422 })).toMatchObject({
      kind: 'invalid-request',
      owner: 'integrator',
      match: { by: 'status' },
    });
  });

  test('every endpoint cites the spec', () => {
    expect(Object.keys(mx.endpoints).length).toBe(168);
    for (const endpoint of Object.values(mx.endpoints)) expect(endpoint.source).toBe('spec');
  });
});
