import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { plaid } from '../catalogs/plaid.js';
import { allCatalogs } from '../catalogs/all.js';

const { normalize } = createNormalizer([plaid]);

// Plaid's error object as its error pages print it (the webhook form adds `status`).
interface PlaidErrorBody {
  readonly error_type: string;
  readonly error_code: string;
  readonly error_message: string;
  readonly display_message: string | null;
  readonly request_id?: string;
  readonly status?: number;
}

const response = (status: number, body: PlaidErrorBody, url = 'https://production.plaid.com/accounts/get') =>
  ({ provider: 'plaid', method: 'POST', url, status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as const;

describe('the catalog', () => {
  test('is shipped in allCatalogs and survives a JSON round trip through the schema', () => {
    expect(allCatalogs).toContain(plaid);
    const result = parseCatalog(JSON.parse(JSON.stringify(plaid)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('every code names its error_type as category, and that category has a meaning of the same family', () => {
    for (const [code, entry] of Object.entries(plaid.codes)) {
      expect(entry.category, code).toMatch(/^[A-Z_]+$/);
      expect(Object.keys(plaid.categories), code).toContain(entry.category);
      expect(entry.source, code).toMatch(/^https:\/\/plaid\.com\/docs\/errors\/[a-z-]+\/$/);
    }
  });

  test('each code comes from the page of its error_type', () => {
    const pageOf: Record<string, string> = {
      ITEM_ERROR: 'item',
      INSTITUTION_ERROR: 'institution',
      API_ERROR: 'api',
      INVALID_INPUT: 'invalid-input',
      INVALID_REQUEST: 'invalid-request',
      RATE_LIMIT_EXCEEDED: 'rate-limit-exceeded',
    };
    for (const [code, entry] of Object.entries(plaid.codes)) {
      expect(entry.source, code).toBe(`https://plaid.com/docs/errors/${pageOf[entry.category] ?? '?'}/`);
    }
  });

  test('documented statuses: 400 for item, institution and input errors, 429 for rate limits, 500 and 503 for API errors', () => {
    const byCategory = new Map<string, Set<number>>();
    for (const entry of Object.values(plaid.codes)) {
      if (!('statuses' in entry)) continue;
      const seen = byCategory.get(entry.category) ?? new Set<number>();
      for (const status of entry.statuses) seen.add(status);
      byCategory.set(entry.category, seen);
    }
    expect(Object.fromEntries([...byCategory].map(([category, statuses]) => [category, [...statuses].sort()]))).toEqual({
      ITEM_ERROR: [400],
      INSTITUTION_ERROR: [400],
      API_ERROR: [500, 503],
      INVALID_INPUT: [400],
      INVALID_REQUEST: [400],
      RATE_LIMIT_EXCEEDED: [429],
    });
  });

  test('a code without a documented status says why in its note', () => {
    for (const [code, entry] of Object.entries(plaid.codes)) {
      if (!('statuses' in entry)) expect('note' in entry ? entry.note : undefined, code).toMatch(/status/i);
    }
  });

  test('only broken integrator credentials and Plaid outages page', () => {
    const paging = Object.keys(plaid.codes).filter((code) => normalize({ provider: 'plaid', code }).severity === 'page');
    expect(paging.sort()).toEqual(['INTERNAL_SERVER_ERROR', 'INVALID_API_KEYS', 'PLANNED_MAINTENANCE', 'UNAUTHORIZED_ENVIRONMENT']);
  });

  test('the sandbox triggers are the documented error_<CODE> password of user_good and the custom user force_error', () => {
    expect(plaid.sandbox).toEqual([
      expect.objectContaining({ field: 'options.override_password', value: 'error_{code}', with: { 'options.override_username': 'user_good' }, source: 'https://plaid.com/docs/sandbox/test-credentials/' }),
      expect.objectContaining({ field: 'options.override_password', value: '{"force_error":"{code}"}', with: { 'options.override_username': 'user_custom' }, source: 'https://plaid.com/docs/sandbox/user-custom/' }),
    ]);
    expect(plaid.baseUrls).toEqual({ sandbox: 'https://sandbox.plaid.com', production: 'https://production.plaid.com' });
  });
});

describe('real Plaid error bodies', () => {
  test('ITEM_LOGIN_REQUIRED at 400 asks the user to reconnect, never blames the request', () => {
    const error = normalize(
      response(400, {
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message:
          "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
        display_message: null,
        request_id: 'm8MDnv9okwxFNBV',
      }),
    );
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      code: 'ITEM_LOGIN_REQUIRED',
      status: 400,
      requestId: 'm8MDnv9okwxFNBV',
      displayMessage: undefined,
      userAction: 'reconnect',
      owner: 'end-user',
      severity: 'info',
    });
    expect(error.message).toMatch(/^the login details of this item have changed/);
    expect(error.match.by).toBe('code');
    expect(error.endpoint).toBeUndefined();
  });

  test('INSTITUTION_DOWN at 400 keeps its display_message for the end user and waits for the bank', () => {
    const error = normalize(
      response(400, {
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_DOWN',
        error_message: 'this institution is not currently responding to this request. please try again soon',
        display_message: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
        request_id: 'HNTDNrA8F1shFEW',
      }),
    );
    expect(error).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'down',
      displayMessage: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
      message: 'this institution is not currently responding to this request. please try again soon',
      requestId: 'HNTDNrA8F1shFEW',
      owner: 'institution',
    });
    expect(error.retry.retryable).toBe(true);
    // documentedStatus is only set when the observed status differs from the documented one.
    expect(error.match).toMatchObject({ by: 'code', documentedStatus: undefined, source: 'https://plaid.com/docs/errors/institution/' });
  });

  test('INVALID_API_KEYS at 400 is our credentials: auth, and it pages', () => {
    const error = normalize(
      response(400, {
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_API_KEYS',
        error_message: 'invalid client_id or secret provided',
        display_message: null,
        request_id: 'req-keys',
      }),
    );
    expect(error).toMatchObject({ kind: 'auth', owner: 'integrator', severity: 'page', requestId: 'req-keys' });
  });

  test('ACCOUNTS_LIMIT at 429 is a client rate limit and takes Retry-After when one is sent', () => {
    const body: PlaidErrorBody = {
      error_type: 'RATE_LIMIT_EXCEEDED',
      error_code: 'ACCOUNTS_LIMIT',
      error_message: 'rate limit exceeded for attempts to access this item. please try again later',
      display_message: null,
      request_id: 'req-429',
    };
    const error = normalize(response(429, body));
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', code: 'ACCOUNTS_LIMIT', requestId: 'req-429' });
    expect(error.retry).toMatchObject({ retryable: true, afterMs: undefined });
    expect(error.match.by).toBe('code');
    const later = normalize({ ...response(429, body), headers: { 'retry-after': '7' } });
    expect(later.retry).toMatchObject({ afterMs: 7000, afterSource: 'retry-after' });
  });

  test('INTERNAL_SERVER_ERROR at 500 and PLANNED_MAINTENANCE at 503 are Plaid failing: retry later, operators watch', () => {
    const internal = normalize(
      response(500, { error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR', error_message: 'an unexpected error occurred', display_message: null, request_id: 'r500' }),
    );
    expect(internal).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', status: 500, owner: 'provider', severity: 'page', requestId: 'r500' });
    expect(internal.match).toMatchObject({ by: 'code', documentedStatus: undefined, source: 'https://plaid.com/docs/errors/api/' });
    const maintenance = normalize(
      response(503, {
        error_type: 'API_ERROR',
        error_code: 'PLANNED_MAINTENANCE',
        error_message: 'the Plaid API is temporarily unavailable due to planned maintenance. visit https://status.plaid.com/ for more information',
        display_message: null,
        request_id: 'r503',
      }),
    );
    expect(maintenance).toMatchObject({ kind: 'provider-unavailable', reason: 'maintenance', status: 503, requestId: 'r503' });
    expect(maintenance.retry.retryable).toBe(true);
  });

  test('a code at a status its page does not print is still classified by the code, with the drift visible', () => {
    const error = normalize(
      response(500, { error_type: 'INSTITUTION_ERROR', error_code: 'INSTITUTION_DOWN', error_message: 'down', display_message: null }),
    );
    expect(error.kind).toBe('fi-unavailable');
    expect(error.match).toMatchObject({ by: 'code', documentedStatus: 400 });
  });

  test('a webhook error object carries its status in the body and is read without an HTTP response', () => {
    const error = normalize({
      provider: 'plaid',
      body: {
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message: 'the login details of this item have changed',
        display_message: null,
        status: 400,
      },
    });
    expect(error).toMatchObject({ kind: 'reconnect-required', status: 400, code: 'ITEM_LOGIN_REQUIRED', requestId: undefined });
  });
});

describe('Plaid classifies by code, then error_type, and only then by status', () => {
  const unknown = (type: string, status: number) =>
    normalize(response(status, { error_type: type, error_code: 'SOME_CODE_PLAID_ADDS_LATER', error_message: 'new', display_message: null, request_id: `u-${type}` }));

  test('an unknown ITEM_ERROR code at 400 is a broken connection by its category, not the invalid-request a 400 means alone', () => {
    const error = unknown('ITEM_ERROR', 400);
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'connection', code: 'SOME_CODE_PLAID_ADDS_LATER', requestId: 'u-ITEM_ERROR' });
    expect(error.match).toMatchObject({ by: 'category', source: 'https://plaid.com/docs/errors/' });
    // The same response without error_type falls to the status: proof the category is what decided.
    const bare = normalize({ provider: 'plaid', status: 400, body: { error_code: 'SOME_CODE_PLAID_ADDS_LATER', error_message: 'new' } });
    expect(bare.kind).toBe('invalid-request');
    expect(bare.match.by).toBe('status');
  });

  test.each([
    ['INSTITUTION_ERROR', 400, 'fi-unavailable'],
    ['API_ERROR', 500, 'provider-unavailable'],
    ['INVALID_REQUEST', 400, 'invalid-request'],
    ['INVALID_INPUT', 400, 'invalid-request'],
    ['RATE_LIMIT_EXCEEDED', 429, 'rate-limited'],
    ['SANDBOX_ERROR', 400, 'invalid-request'],
  ] as const)('an unknown %s code at %i classifies as %s by its category', (type, status, kind) => {
    const error = unknown(type, status);
    expect(error.kind).toBe(kind);
    expect(error.match.by).toBe('category');
  });

  test('an INSTITUTION_ERROR we do not know at 400 waits for the bank rather than blaming our request', () => {
    expect(unknown('INSTITUTION_ERROR', 400)).toMatchObject({ kind: 'fi-unavailable', reason: 'unknown', owner: 'institution' });
  });

  test('a known code wins over its category: NO_ACCOUNTS is no-accounts, not the ITEM_ERROR default', () => {
    const error = normalize(
      response(400, { error_type: 'ITEM_ERROR', error_code: 'NO_ACCOUNTS', error_message: 'no valid accounts were found for this item', display_message: 'No valid accounts were found at the bank.' }),
    );
    expect(error).toMatchObject({ kind: 'no-accounts', userAction: 'link-another-account', displayMessage: 'No valid accounts were found at the bank.' });
    expect(error.match.by).toBe('code');
  });

  test('an error_type we do not know either falls to the status', () => {
    const error = unknown('PAYMENT_ERROR', 400);
    expect(error.kind).toBe('invalid-request');
    expect(error.match.by).toBe('status');
  });

  test('a code that is an Object.prototype key is just an unknown code', () => {
    const error = normalize(response(400, { error_type: 'ITEM_ERROR', error_code: 'constructor', error_message: 'x', display_message: null }));
    expect(error.kind).toBe('reconnect-required');
    expect(error.match.by).toBe('category');
  });
});

describe('bare codes', () => {
  test.each([
    ['ITEM_LOGIN_REQUIRED', 'reconnect-required'],
    ['ITEM_LOCKED', 'reconnect-required'],
    ['USER_SETUP_REQUIRED', 'reconnect-required'],
    ['ACCESS_NOT_GRANTED', 'reconnect-required'],
    ['INVALID_API_KEYS', 'auth'],
    ['INSTITUTION_DOWN', 'fi-unavailable'],
    ['PRODUCTS_NOT_SUPPORTED', 'unsupported'],
    ['NO_ACCOUNTS', 'no-accounts'],
    ['PRODUCT_NOT_READY', 'conflict'],
    ['PLANNED_MAINTENANCE', 'provider-unavailable'],
  ] as const)('%s is %s', (code, kind) => {
    const error = normalize({ provider: 'plaid', code });
    expect(error.kind).toBe(kind);
    expect(error.status).toBeUndefined();
  });

  test('reasons and calls to action follow the page of each Item code', () => {
    const pick = (code: string) => {
      const error = normalize({ provider: 'plaid', code });
      return [error.kind === 'reconnect-required' ? error.reason : undefined, error.userAction];
    };
    expect(pick('ITEM_LOCKED')).toEqual(['account-locked', 'visit-institution']);
    expect(pick('USER_SETUP_REQUIRED')).toEqual(['institution-attention', 'visit-institution']);
    expect(pick('ACCESS_NOT_GRANTED')).toEqual(['consent', 'reconnect']);
    expect(pick('INVALID_CREDENTIALS')).toEqual(['credentials', 'reenter-credentials']);
    expect(pick('INVALID_MFA')).toEqual(['credentials', 'restart-mfa']);
  });
});
