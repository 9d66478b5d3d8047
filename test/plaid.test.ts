import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import type { CodeInput, EndpointInput } from '../src/catalog/index.js';
import { canonicalCode, documentedRows, resolveCategoryCode, resolveCode, sourceUrl } from '../src/catalog/resolve.js';
import { plaid } from '../catalogs/plaid.js';
import { allCatalogs } from '../catalogs/all.js';

const { normalize } = createNormalizer([plaid]);
// Widened once, so entries of different shapes can be walked together.
const codes: Readonly<Record<string, CodeInput>> = plaid.codes;
const endpoints: Readonly<Record<string, EndpointInput>> = plaid.endpoints;
const PAGES = 'https://plaid.com/docs/errors/';
const SDK = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/1092589c6f98b570dc9114b43bb8cd7fa22ffd7f/src/Types.ts';

// Plaid's error object as its error pages print it (the webhook form adds `status`).
interface PlaidErrorBody {
  readonly error_type: string;
  readonly error_code: string;
  readonly error_message: string | null;
  readonly display_message: string | null;
  readonly request_id?: string;
  readonly status?: number;
  readonly causes?: readonly Record<string, unknown>[];
  readonly documentation_url?: string;
  readonly suggested_action?: string | null;
}

const response = (status: number, body: PlaidErrorBody, url = 'https://production.plaid.com/accounts/get') =>
  ({ provider: 'plaid', method: 'POST', url, status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as const;

// The page each error_type's codes are documented on.
const pageOf: Readonly<Record<string, string>> = {
  ITEM_ERROR: 'item',
  INSTITUTION_ERROR: 'institution',
  API_ERROR: 'api',
  INVALID_INPUT: 'invalid-input',
  INVALID_REQUEST: 'invalid-request',
  INVALID_RESULT: 'invalid-result',
  RATE_LIMIT_EXCEEDED: 'rate-limit-exceeded',
  ASSET_REPORT_ERROR: 'assets',
  CHECK_REPORT_ERROR: 'check-report',
  CONSUMER_REPORT_ERROR: 'check-report',
  INCOME_VERIFICATION_ERROR: 'income',
  TRANSACTIONS_ERROR: 'transactions',
  BANK_TRANSFER_ERROR: 'microdeposits',
  MICRODEPOSITS_ERROR: 'microdeposits',
  PAYMENT_ERROR: 'payment',
  PARTNER_ERROR: 'partner',
  SANDBOX_ERROR: 'sandbox',
  OAUTH_ERROR: 'oauth',
  RECAPTCHA_ERROR: 'recaptcha',
  USER_ERROR: 'user',
  TRANSFER_ERROR: 'transfer',
  TRANSACTION_ERROR: 'virtual-account',
  SIGNAL_ERROR: 'signal',
};

const current = Object.entries(codes).filter(([, entry]) => entry.legacy !== true);
const legacy = Object.entries(codes).filter(([, entry]) => entry.legacy === true);

describe('the catalog', () => {
  test('is shipped in allCatalogs and survives a JSON round trip through the schema', () => {
    expect(allCatalogs).toContain(plaid);
    const result = parseCatalog(JSON.parse(JSON.stringify(plaid)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('164 current codes, 14 legacy ones, 24 error types, 329 endpoints', () => {
    expect(current).toHaveLength(164);
    expect(legacy).toHaveLength(14);
    expect(Object.keys(plaid.categories)).toHaveLength(24);
    expect(Object.keys(plaid.endpoints)).toHaveLength(329);
  });

  test('every code names its error_type as category, and that category has a meaning', () => {
    for (const [code, entry] of Object.entries(codes)) {
      expect(entry.category, code).toMatch(/^[A-Z_]+$/);
      expect(Object.keys(plaid.categories), code).toContain(entry.category);
      for (const other of Object.keys(entry.byCategory ?? {})) expect(Object.keys(plaid.categories), `${code} ${other}`).toContain(other);
    }
  });

  test('each current code comes from the page of its error_type; the three exceptions are the documented disagreements', () => {
    const exceptions: Record<string, string> = { INVALID_USER_IDENTITY_DATA: 'invalid-input' };
    for (const [code, entry] of current) {
      const page = exceptions[code] ?? pageOf[entry.category ?? ''] ?? '?';
      expect(resolveCode(plaid, code)?.source, code).toBe(`${PAGES}${page}/`);
      for (const [category, other] of Object.entries(entry.byCategory ?? {})) {
        const expected =
          category === 'ITEM_ERROR' && code === 'USER_PERMISSION_REVOKED' ? 'https://plaid.com/docs/api/items/' : `${PAGES}${pageOf[category] ?? '?'}/`;
        expect(sourceUrl(plaid, other.source), `${code} ${category}`).toBe(expected);
      }
    }
    // INVALID_USER_IDENTITY_DATA carries USER_ERROR but is documented on the Invalid Input page.
    expect(codes['INVALID_USER_IDENTITY_DATA']?.category).toBe('USER_ERROR');
  });

  test('documented statuses: every current code carries the http code of its page sample', () => {
    const byCategory = new Map<string, Set<number>>();
    for (const [code, entry] of current) {
      expect(entry.statuses, code).toBeDefined();
      const seen = byCategory.get(entry.category ?? '') ?? new Set<number>();
      for (const status of entry.statuses ?? []) seen.add(status);
      byCategory.set(entry.category ?? '', seen);
    }
    expect(Object.fromEntries([...byCategory].map(([category, statuses]) => [category, [...statuses].sort()]))).toEqual({
      ITEM_ERROR: [400],
      INSTITUTION_ERROR: [400],
      API_ERROR: [500, 503],
      INVALID_INPUT: [400],
      USER_ERROR: [400, 403],
      INVALID_REQUEST: [400, 404],
      INVALID_RESULT: [400],
      RATE_LIMIT_EXCEEDED: [429],
      ASSET_REPORT_ERROR: [400],
      CHECK_REPORT_ERROR: [400],
      CONSUMER_REPORT_ERROR: [400],
      INCOME_VERIFICATION_ERROR: [400, 500],
      TRANSACTIONS_ERROR: [400],
      BANK_TRANSFER_ERROR: [400],
      PAYMENT_ERROR: [400],
      PARTNER_ERROR: [400, 404, 412],
      SANDBOX_ERROR: [400],
      OAUTH_ERROR: [208, 400, 404],
      RECAPTCHA_ERROR: [400],
      TRANSFER_ERROR: [400],
      TRANSACTION_ERROR: [400],
      SIGNAL_ERROR: [400, 403],
    });
  });

  test('no note still says a status was not read', () => {
    for (const [code, entry] of Object.entries(codes)) expect(entry.note ?? '', code).not.toMatch(/status .*not (read|in the stored copy)/i);
  });

  test('legacy codes name where they were documented: the Link SDK enum, or an earlier version of their page', () => {
    expect(legacy.map(([code]) => code).sort()).toEqual([
      'ADDITION_LIMIT',
      'BANK_TRANSFER_INSUFFICIENT_FUNDS',
      'BANK_TRANSFER_INVALID_ORIGINATION_ACCOUNT',
      'BANK_TRANSFER_LIMIT_EXCEEDED',
      'BANK_TRANSFER_MISSING_ORIGINATION_ACCOUNT',
      'BANK_TRANSFER_NOT_CANCELLABLE',
      'BANK_TRANSFER_UNSUPPORTED_ACCOUNT_TYPE',
      'BANK_TRANSFER_UNSUPPORTED_ENVIRONMENT',
      'INCORRECT_DEPOSIT_AMOUNTS',
      'INSTITUTION_NOT_FOUND',
      'INVALD_UPDATED_USERNAME',
      'MICRODEPOSITS_ALREADY_VERIFIED',
      'MICRODEPOSITS_UNSUPPORTED_ENVIRONMENT',
      'SANDBOX_BANK_TRANSFER_EVENT_TRANSITION_INVALID',
    ]);
    for (const [code, entry] of legacy) {
      const source = resolveCode(plaid, code)?.source;
      if (source === SDK) expect(entry.note, code).toMatch(/Link SDK enum/);
      else expect(entry.note, code).toMatch(/earlier version of the .* page/);
      expect(normalize({ provider: 'plaid', code }).match, code).toMatchObject({ by: 'code', legacy: true, source });
    }
    // The SDK-internal names are not API codes.
    for (const code of ['ITEM_NO_ERROR', 'item-no-error', 'ITEM_PRODUCT_NOT_READY', 'ASSET_PRODUCT_NOT_READY'])
      expect(canonicalCode(plaid, code), code).toBeUndefined();
    expect(plaid.notes.some((note) => note.includes('ITEM_NO_ERROR') && note.includes('not API codes'))).toBe(true);
  });

  test('only broken integrator credentials and Plaid outages page', () => {
    const paging = Object.keys(plaid.codes).filter((code) => normalize({ provider: 'plaid', code }).severity === 'page');
    expect(paging.sort()).toEqual(['INTERNAL_SERVER_ERROR', 'INVALID_API_KEYS', 'PLANNED_MAINTENANCE', 'UNAUTHORIZED_ENVIRONMENT']);
  });

  test('the sandbox triggers are the documented error_<CODE> password of user_good and the custom user force_error', () => {
    expect(plaid.sandbox).toEqual([
      expect.objectContaining({
        field: 'options.override_password',
        value: 'error_{code}',
        with: { 'options.override_username': 'user_good' },
        source: 'https://plaid.com/docs/sandbox/test-credentials/',
      }),
      expect.objectContaining({
        field: 'options.override_password',
        value: '{"force_error":"{code}"}',
        with: { 'options.override_username': 'user_custom' },
        source: 'https://plaid.com/docs/sandbox/user-custom/',
      }),
    ]);
    expect(plaid.baseUrls).toEqual({ sandbox: 'https://sandbox.plaid.com', production: 'https://production.plaid.com' });
  });

  test('the body keeps documentation_url, suggested_action and causes, and reads item_id into params', () => {
    expect(plaid.body).toMatchObject({
      documentationUrl: ['documentation_url'],
      suggestedAction: ['suggested_action'],
      causes: ['causes'],
      params: { item_id: ['item_id'] },
    });
  });
});

describe("endpoints: every operation of Plaid's OpenAPI spec", () => {
  const SPEC = 'https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml';

  test('each names the spec at its commit; deprecated ones say so', () => {
    for (const [id, endpoint] of Object.entries(endpoints)) {
      expect(id).toMatch(/^(POST|GET) \/[a-z0-9_/{}A-Z]+$/);
      expect(sourceUrl(plaid, endpoint.source), id).toBe(SPEC);
    }
    expect(Object.entries(endpoints).filter(([, endpoint]) => endpoint.note === 'Deprecated in the spec.')).toHaveLength(17);
    expect(Object.keys(endpoints).filter((id) => id.startsWith('GET '))).toEqual([
      'GET /fdx/recipients',
      'GET /fdx/consents/{consentId}',
      'GET /fdx/recipient/{recipientId}',
    ]);
  });

  test('50 rows, each a documented (endpoint, status, code) of an error page, carrying nothing but its source and a note', () => {
    const rows = documentedRows(plaid);
    expect(rows).toHaveLength(50);
    for (const { endpoint, row, meaning } of rows) {
      const code = codes[row.code ?? ''];
      expect(code, `${endpoint} ${row.code}`).toBeDefined();
      expect(code?.statuses, `${endpoint} ${row.code}`).toContain(row.status);
      expect(row.kind, `${endpoint} ${row.code}`).toBeUndefined();
      expect(meaning.source, `${endpoint} ${row.code}`).toBe(resolveCode(plaid, row.code)?.source);
      // Codes reused under several error_types get no rows: the type decides their meaning.
      expect(code?.byCategory, `${endpoint} ${row.code}`).toBeUndefined();
    }
  });

  test('every *_LIMIT code the rate limit page ties to an endpoint is a row there', () => {
    const expected: Readonly<Record<string, readonly string[]>> = {
      'POST /accounts/get': ['ACCOUNTS_LIMIT'],
      'POST /accounts/balance/get': ['ACCOUNTS_BALANCE_GET_LIMIT', 'BALANCE_LIMIT', 'INSTITUTION_RATE_LIMIT'],
      'POST /auth/get': ['AUTH_LIMIT'],
      'POST /identity/get': ['IDENTITY_LIMIT'],
      'POST /institutions/get': ['INSTITUTIONS_GET_LIMIT'],
      'POST /institutions/get_by_id': ['INSTITUTIONS_GET_BY_ID_LIMIT'],
      'POST /investments/holdings/get': ['INVESTMENT_HOLDINGS_GET_LIMIT'],
      'POST /investments/transactions/get': ['INVESTMENT_TRANSACTIONS_LIMIT'],
      'POST /item/get': ['ITEM_GET_LIMIT'],
      'POST /transactions/get': ['TRANSACTIONS_LIMIT'],
      'POST /transactions/refresh': ['TRANSACTIONS_LIMIT', 'TRANSACTIONS_REFRESH_LIMIT', 'INSTITUTION_RATE_LIMIT'],
      'POST /transactions/sync': ['TRANSACTIONS_SYNC_LIMIT'],
    };
    for (const [id, limits] of Object.entries(expected)) {
      expect(
        endpoints[id]?.rows.filter((row) => row.status === 429).map((row) => row.code),
        id,
      ).toEqual(limits);
    }
    // CREDITS_EXHAUSTED and RATE_LIMIT name no endpoint.
    for (const { row } of documentedRows(plaid)) expect(['CREDITS_EXHAUSTED', 'RATE_LIMIT']).not.toContain(row.code);
  });

  test('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION is a /transactions/sync row: the loop restarts, the same request does not', () => {
    const error = normalize(
      response(
        400,
        {
          error_type: 'TRANSACTIONS_ERROR',
          error_code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
          error_message: 'Underlying transaction data changed since last page was fetched. Please restart pagination from last update.',
          display_message: null,
          request_id: 'r-sync',
        },
        'https://production.plaid.com/transactions/sync',
      ),
    );
    expect(error).toMatchObject({
      kind: 'conflict',
      endpoint: 'POST /transactions/sync',
      owner: 'integrator',
      userAction: 'none',
      match: { by: 'row', source: `${PAGES}transactions/` },
    });
    expect(error.retry.retryable).toBe(false);
  });

  test('an endpoint without a documented table still resolves, so the matcher tells /accounts/get from /transactions/sync', () => {
    const body: PlaidErrorBody = { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'x', display_message: null };
    expect(normalize(response(400, body, 'https://sandbox.plaid.com/link/token/get')).endpoint).toBe('POST /link/token/get');
    expect(normalize(response(400, body, '/transactions/sync')).endpoint).toBe('POST /transactions/sync');
    expect(normalize({ ...response(400, body, '/fdx/consents/c-42'), method: 'GET' })).toMatchObject({
      endpoint: 'GET /fdx/consents/{consentId}',
      params: { consentId: 'c-42' },
    });
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
    // The spec's endpoints resolve now; /accounts/get documents no row for this code.
    expect(error.endpoint).toBe('POST /accounts/get');
  });

  test('ITEM_LOGIN_REQUIRED says in its note that error_code_reason refines it and the format cannot key on it', () => {
    expect(codes['ITEM_LOGIN_REQUIRED']?.note).toMatch(/error_code_reason \(OAUTH_INVALID_TOKEN, OAUTH_CONSENT_EXPIRED, OAUTH_USER_REVOKED\)/);
    const oauth = normalize({
      provider: 'plaid',
      body: {
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_code_reason: 'OAUTH_CONSENT_EXPIRED',
        error_message: 'x',
        display_message: null,
        status: 400,
      },
    });
    expect(oauth).toMatchObject({ kind: 'reconnect-required', reason: 'credentials', userAction: 'reconnect' });
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

  test('ACCOUNTS_LIMIT at 429 is a client rate limit, a documented /accounts/get row, and takes Retry-After when one is sent', () => {
    const body: PlaidErrorBody = {
      error_type: 'RATE_LIMIT_EXCEEDED',
      error_code: 'ACCOUNTS_LIMIT',
      error_message: 'rate limit exceeded for attempts to access this item. please try again later',
      display_message: null,
      request_id: 'req-429',
    };
    const error = normalize(response(429, body));
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', code: 'ACCOUNTS_LIMIT', requestId: 'req-429', endpoint: 'POST /accounts/get' });
    expect(error.retry).toMatchObject({ retryable: true, afterMs: undefined });
    expect(error.match).toMatchObject({ by: 'row', source: 'https://plaid.com/docs/errors/rate-limit-exceeded/' });
    const later = normalize({ ...response(429, body), headers: { 'retry-after': '7' } });
    expect(later.retry).toMatchObject({ afterMs: 7000, afterSource: 'retry-after' });
    // On another endpoint it is the code's provider-wide meaning.
    expect(normalize(response(429, body, '/auth/get')).match.by).toBe('code');
  });

  test("rate limit scope follows each page section: per-Item BALANCE_LIMIT throttles one end user's Item, the others our client", () => {
    const at = (code: string) =>
      normalize(
        response(
          429,
          {
            error_type: 'RATE_LIMIT_EXCEEDED',
            error_code: code,
            error_message: 'rate limit exceeded for attempts to access this item. please try again later',
            display_message: null,
          },
          '/accounts/balance/get',
        ),
      );
    expect(at('BALANCE_LIMIT')).toMatchObject({ kind: 'rate-limited', scope: 'end-user', owner: 'integrator', severity: 'ticket', match: { by: 'row' } });
    expect(at('ACCOUNTS_BALANCE_GET_LIMIT')).toMatchObject({ kind: 'rate-limited', scope: 'client', match: { by: 'row' } });
    expect(at('INSTITUTION_RATE_LIMIT')).toMatchObject({ kind: 'rate-limited', scope: 'client', owner: 'institution', severity: 'info', match: { by: 'row' } });
    for (const code of [
      'ACCOUNTS_LIMIT',
      'AUTH_LIMIT',
      'IDENTITY_LIMIT',
      'ITEM_GET_LIMIT',
      'TRANSACTIONS_LIMIT',
      'TRANSACTIONS_SYNC_LIMIT',
      'INSTITUTIONS_GET_LIMIT',
      'RATE_LIMIT',
    ]) {
      expect(normalize({ provider: 'plaid', code }), code).toMatchObject({ kind: 'rate-limited', scope: 'client' });
    }
    expect(normalize({ provider: 'plaid', code: 'CREDITS_EXHAUSTED' })).toMatchObject({ kind: 'rate-limited', scope: 'client', retry: { retryable: false } });
  });

  test('TOO_MANY_VERIFICATION_ATTEMPTS is a permanent lock: the user links again, nothing is retried', () => {
    const error = normalize(
      response(400, { error_type: 'INVALID_INPUT', error_code: 'TOO_MANY_VERIFICATION_ATTEMPTS', error_message: '', display_message: null }),
    );
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'account-locked', userAction: 'reconnect', owner: 'end-user', severity: 'info' });
    expect(error.retry.retryable).toBe(false);
  });

  test('INTERNAL_SERVER_ERROR at 500 and PLANNED_MAINTENANCE at 503 are Plaid failing: retry later, operators watch', () => {
    const internal = normalize(
      response(500, {
        error_type: 'API_ERROR',
        error_code: 'INTERNAL_SERVER_ERROR',
        error_message: 'an unexpected error occurred',
        display_message: null,
        request_id: 'r500',
      }),
    );
    expect(internal).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'server-error',
      status: 500,
      owner: 'provider',
      severity: 'page',
      requestId: 'r500',
    });
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

  test('the spellings the pages give after "or" are aliases of their code', () => {
    expect(normalize({ provider: 'plaid', code: 'plaid-internal-error' })).toMatchObject({
      kind: 'provider-unavailable',
      code: 'INTERNAL_SERVER_ERROR',
      match: { by: 'code' },
    });
    expect(normalize({ provider: 'plaid', code: 'no-depository-accounts' })).toMatchObject({ kind: 'no-accounts', code: 'NO_AUTH_ACCOUNTS' });
  });

  test('a code at a status its page does not print is still classified by the code, with the drift visible', () => {
    const error = normalize(response(500, { error_type: 'INSTITUTION_ERROR', error_code: 'INSTITUTION_DOWN', error_message: 'down', display_message: null }));
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

  test("an Asset Report DATA_UNAVAILABLE carries the Items' own errors in causes, each with its item_id", () => {
    const error = normalize(
      response(
        400,
        {
          error_type: 'ASSET_REPORT_ERROR',
          error_code: 'DATA_UNAVAILABLE',
          error_message: 'unable to pull sufficient data for all items to generate this report. please see the "causes" field for more details',
          display_message: null,
          causes: [
            {
              display_message: null,
              error_code: 'ITEM_LOGIN_REQUIRED',
              error_message:
                "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
              error_type: 'ITEM_ERROR',
              item_id: 'pZ942ZA0npFEa0BgLCV9DAQv3Zq8ErIZhc81F',
            },
          ],
          request_id: 'HNTDNrA8F1shFEW',
          documentation_url: 'https://plaid.com/docs/errors/assets/#data_unavailable',
          suggested_action: 'Check the causes field.',
        },
        'https://production.plaid.com/asset_report/get',
      ),
    );
    expect(error).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'incomplete-data',
      endpoint: 'POST /asset_report/get',
      documentationUrl: 'https://plaid.com/docs/errors/assets/#data_unavailable',
      suggestedAction: 'Check the causes field.',
      match: { by: 'category-code', source: 'https://plaid.com/docs/errors/assets/' },
    });
    expect(error.retry.retryable).toBe(false);
    expect(error.causes).toHaveLength(1);
    expect(error.causes[0]).toMatchObject({
      kind: 'reconnect-required',
      code: 'ITEM_LOGIN_REQUIRED',
      params: { item_id: 'pZ942ZA0npFEa0BgLCV9DAQv3Zq8ErIZhc81F' },
    });
  });

  test('documented message templates read their values into params', () => {
    const missing = normalize(
      response(400, {
        error_type: 'INVALID_REQUEST',
        error_code: 'MISSING_FIELDS',
        error_message: 'the following required fields are missing: access_token',
        display_message: null,
      }),
    );
    expect(missing).toMatchObject({ kind: 'invalid-request', params: { fields: 'access_token' } });
    const limit = normalize(
      response(
        400,
        {
          error_type: 'TRANSFER_ERROR',
          error_code: 'TRANSFER_NETWORK_LIMIT_EXCEEDED',
          error_message: 'RfP transaction amount cannot exceed $3,500.00',
          display_message: null,
        },
        '/transfer/authorization/create',
      ),
    );
    expect(limit.params).toEqual({ network: 'RfP', amount: '$3,500.00' });
  });
});

describe('codes reused under several error_types classify on (error_type, error_code)', () => {
  const reused = (type: string, code: string) =>
    normalize(response(400, { error_type: type, error_code: code, error_message: '', display_message: null }, '/x/unknown'));

  test('the five reused codes, each under every type its pages document', () => {
    const expected: readonly (readonly [string, string, string, string])[] = [
      ['PRODUCT_NOT_READY', 'ITEM_ERROR', 'conflict', 'item'],
      ['PRODUCT_NOT_READY', 'ASSET_REPORT_ERROR', 'conflict', 'assets'],
      ['PRODUCT_NOT_READY', 'CONSUMER_REPORT_ERROR', 'conflict', 'check-report'],
      ['PRODUCT_NOT_READY', 'INCOME_VERIFICATION_ERROR', 'conflict', 'income'],
      ['PRODUCT_NOT_ENABLED', 'ITEM_ERROR', 'invalid-request', 'item'],
      ['PRODUCT_NOT_ENABLED', 'ASSET_REPORT_ERROR', 'invalid-request', 'assets'],
      ['PRODUCT_NOT_ENABLED', 'INCOME_VERIFICATION_ERROR', 'invalid-request', 'income'],
      ['DATA_UNAVAILABLE', 'ASSET_REPORT_ERROR', 'fi-unavailable', 'assets'],
      ['DATA_UNAVAILABLE', 'CHECK_REPORT_ERROR', 'fi-unavailable', 'check-report'],
      ['NO_ACCOUNTS', 'ITEM_ERROR', 'no-accounts', 'item'],
      ['NO_ACCOUNTS', 'CHECK_REPORT_ERROR', 'no-accounts', 'check-report'],
      ['DATA_QUALITY_CHECK_FAILED', 'ASSET_REPORT_ERROR', 'fi-unavailable', 'assets'],
      ['DATA_QUALITY_CHECK_FAILED', 'CHECK_REPORT_ERROR', 'fi-unavailable', 'check-report'],
    ];
    for (const [code, type, kind, page] of expected) {
      expect(reused(type, code), `${type} ${code}`).toMatchObject({ kind, match: { by: 'category-code', source: `${PAGES}${page}/` } });
    }
  });

  test('what differs is what the page says: an Item must be re-linked for Assets, the client enabled for Income', () => {
    expect(reused('ITEM_ERROR', 'PRODUCT_NOT_ENABLED').userAction).toBe('reconnect');
    expect(reused('ASSET_REPORT_ERROR', 'PRODUCT_NOT_ENABLED').userAction).toBe('reconnect');
    expect(reused('INCOME_VERIFICATION_ERROR', 'PRODUCT_NOT_ENABLED').userAction).toBe('contact-support');
    expect(resolveCategoryCode(plaid, 'NO_ACCOUNTS', 'CHECK_REPORT_ERROR')?.message).toBe('No depository accounts were found for this user');
    expect(resolveCategoryCode(plaid, 'DATA_QUALITY_CHECK_FAILED', 'CHECK_REPORT_ERROR')?.hints).toEqual({ afterMs: 86400000 });
  });

  test('a known code wins over its category: NO_ACCOUNTS is no-accounts, not the ITEM_ERROR default', () => {
    const error = normalize(
      response(400, {
        error_type: 'ITEM_ERROR',
        error_code: 'NO_ACCOUNTS',
        error_message: 'no valid accounts were found for this item',
        display_message: 'No valid accounts were found at the bank.',
      }),
    );
    expect(error).toMatchObject({ kind: 'no-accounts', userAction: 'link-another-account', displayMessage: 'No valid accounts were found at the bank.' });
    // NO_ACCOUNTS is reused under CHECK_REPORT_ERROR, so its ITEM_ERROR meaning is found by (error_type, error_code).
    expect(error.match.by).toBe('category-code');
  });
});

describe('Plaid classifies by code, then error_type, and only then by status', () => {
  const unknown = (type: string, status: number) =>
    normalize(
      response(status, { error_type: type, error_code: 'SOME_CODE_PLAID_ADDS_LATER', error_message: 'new', display_message: null, request_id: `u-${type}` }),
    );

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
    ['ITEM_ERROR', 400, 'reconnect-required'],
    ['INSTITUTION_ERROR', 400, 'fi-unavailable'],
    ['API_ERROR', 500, 'provider-unavailable'],
    ['INVALID_REQUEST', 400, 'invalid-request'],
    ['INVALID_INPUT', 400, 'invalid-request'],
    ['INVALID_RESULT', 400, 'fi-unavailable'],
    ['RATE_LIMIT_EXCEEDED', 429, 'rate-limited'],
    ['ASSET_REPORT_ERROR', 400, 'invalid-request'],
    ['CHECK_REPORT_ERROR', 400, 'fi-unavailable'],
    ['CONSUMER_REPORT_ERROR', 400, 'fi-unavailable'],
    ['BASE_REPORT_ERROR', 400, 'fi-unavailable'],
    ['INCOME_VERIFICATION_ERROR', 400, 'invalid-request'],
    ['TRANSACTIONS_ERROR', 400, 'invalid-request'],
    ['TRANSACTION_ERROR', 400, 'invalid-request'],
    ['TRANSFER_ERROR', 400, 'invalid-request'],
    ['BANK_TRANSFER_ERROR', 400, 'invalid-request'],
    ['MICRODEPOSITS_ERROR', 400, 'unsupported'],
    ['PAYMENT_ERROR', 400, 'unsupported'],
    ['SANDBOX_ERROR', 400, 'invalid-request'],
    ['PARTNER_ERROR', 412, 'invalid-request'],
    ['SIGNAL_ERROR', 403, 'invalid-request'],
    ['RECAPTCHA_ERROR', 400, 'rate-limited'],
    ['OAUTH_ERROR', 400, 'invalid-request'],
    ['USER_ERROR', 400, 'invalid-request'],
  ] as const)('an unknown %s code at %i classifies as %s by its category', (type, status, kind) => {
    const error = unknown(type, status);
    expect(error.kind).toBe(kind);
    expect(error.match.by).toBe('category');
  });

  test('every error_type has its test above', () => {
    expect(Object.keys(plaid.categories)).toHaveLength(24);
  });

  test('an INSTITUTION_ERROR we do not know at 400 waits for the bank rather than blaming our request', () => {
    expect(unknown('INSTITUTION_ERROR', 400)).toMatchObject({ kind: 'fi-unavailable', reason: 'unknown', owner: 'institution' });
  });

  test('an unknown Check Report error is data the institution could not provide, not retried at once', () => {
    expect(unknown('CHECK_REPORT_ERROR', 400)).toMatchObject({ reason: 'incomplete-data', retry: { retryable: false } });
    expect(unknown('RECAPTCHA_ERROR', 400)).toMatchObject({ scope: 'end-user', owner: 'end-user', severity: 'info' });
  });

  test('an error_type we do not know either falls to the status', () => {
    const error = unknown('A_TYPE_PLAID_ADDS_LATER', 400);
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
    ['USER_PERMISSION_REVOKED', 'reconnect-required'],
    ['ADDITIONAL_CONSENT_REQUIRED', 'reconnect-required'],
    ['TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION', 'conflict'],
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
    expect(pick('PASSWORD_RESET_REQUIRED')).toEqual(['institution-attention', 'visit-institution']);
    expect(pick('ACCESS_NOT_GRANTED')).toEqual(['consent', 'reconnect']);
    expect(pick('INSUFFICIENT_CREDENTIALS')).toEqual(['consent', 'reconnect']);
    expect(pick('INVALID_CREDENTIALS')).toEqual(['credentials', 'reenter-credentials']);
    expect(pick('INVALID_UPDATED_USERNAME')).toEqual(['credentials', 'reenter-credentials']);
    expect(pick('INVALID_MFA')).toEqual(['credentials', 'restart-mfa']);
  });

  test("end-user input in Link is the end user's, counted and never paged", () => {
    for (const code of ['INVALID_PHONE_NUMBER', 'INVALID_OTP', 'INCORRECT_DEPOSIT_VERIFICATION', 'INVALID_ACCOUNT_NUMBER', 'PROFILE_AUTHENTICATION_FAILED']) {
      expect(normalize({ provider: 'plaid', code }), code).toMatchObject({ kind: 'invalid-request', owner: 'end-user', severity: 'info' });
    }
    expect(normalize({ provider: 'plaid', code: 'ITEM_NOT_FOUND' })).toMatchObject({
      kind: 'not-found',
      userAction: 'reconnect',
      owner: 'end-user',
      severity: 'info',
    });
  });
});
