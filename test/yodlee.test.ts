import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { yodlee } from '../catalogs/yodlee.js';

const normalizer = createNormalizer([yodlee]);
const { normalize } = normalizer;
const ERRORS = 'https://developer.yodlee.com/resources/yodlee/error-codes';
const OPENAPI = 'https://github.com/Yodlee/OpenAPI/blob/ada6cfe9341d935a7d13cf30e34a75cf0ce45139/swagger.yaml';

function body(errorCode: string, errorMessage: string, referenceCode = 'u1455707934756c4F23u'): string {
  return JSON.stringify({ errorCode, errorMessage, referenceCode });
}

describe('Yodlee API error bodies', () => {
  test('the docs’ sample body: code, message, template parameters and the reference code as request id', () => {
    const error = normalize({
      provider: 'yodlee',
      method: 'GET',
      url: 'https://sandbox.api.yodlee.com/ysl/transactions?top=900',
      status: 400,
      body: body('Y804', 'Permitted values of top between 1 - 500'),
    });
    expect(error.kind).toBe('invalid-request');
    expect(error.code).toBe('Y804');
    expect(error.message).toBe('Permitted values of top between 1 - 500');
    expect(error.params).toEqual({ name: 'top', min: '1', max: '500' });
    expect(error.requestId).toBe('u1455707934756c4F23u');
    // GET /transactions documents (400, Y804) in Yodlee's OpenAPI spec: the row answers, with the code's template.
    expect(error.endpoint).toBe('GET /transactions');
    expect(error.match.by).toBe('row');
    expect(error.match.source).toBe(OPENAPI);
    // Without a request, the code's own meaning answers, from the docs page that prints this sample.
    expect(normalize({ provider: 'yodlee', body: body('Y804', 'Permitted values of top between 1 - 500') }).match).toMatchObject({
      by: 'code',
      source: ERRORS,
    });
  });

  test('an invalid or expired token is auth, and a ticket: user access tokens are issued per Yodlee user, so one expired token is not our key breaking', () => {
    const error = normalize({ provider: 'yodlee', status: 401, body: body('Y008', 'Invalid token in authorization header') });
    expect(error.kind).toBe('auth');
    expect(error.severity).toBe('ticket');
    expect(error.owner).toBe('integrator');
    expect(error.match.documentedStatus).toBeUndefined();
  });

  test('an invalid client id or secret is auth although Yodlee sends it with 400', () => {
    const error = normalize({ provider: 'yodlee', status: 400, body: body('Y301', 'Invalid clientId or secret') });
    expect(error.kind).toBe('auth');
    // (400, Y301) is documented on POST /auth/token only, so it is that row even without the request.
    expect(error.match.by).toBe('row');
    expect(
      normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/auth/token', status: 400, body: body('Y301', 'Invalid clientId or secret') }),
    ).toMatchObject({
      kind: 'auth',
      severity: 'page',
      endpoint: 'POST /auth/token',
      match: { by: 'row', source: OPENAPI },
    });
  });

  test('Y807 is not-found and Y800 reads the parameter name', () => {
    expect(normalize({ provider: 'yodlee', status: 400, body: body('Y807', 'Resource not found') }).kind).toBe('not-found');
    const invalid = normalize({ provider: 'yodlee', status: 400, body: body('Y800', 'Invalid value for container') });
    expect(invalid.kind).toBe('invalid-request');
    expect(invalid.params).toEqual({ name: 'container' });
  });

  test('an auth code on an undocumented status keeps its meaning and shows the drift', () => {
    const error = normalize({ provider: 'yodlee', status: 500, body: body('Y002', 'Invalid loginName/password') });
    expect(error.kind).toBe('auth');
    expect(error.match.documentedStatus).toBe(401);
  });

  test('an unknown Y0NN code is auth by its documented range; other unknown codes fall back to the status; without one it is unknown', () => {
    const unknownAuth = normalize({ provider: 'yodlee', status: 401, body: body('Y012', 'Something new') });
    expect(unknownAuth.kind).toBe('auth');
    expect(unknownAuth.code).toBe('Y012');
    // "Y0NN errors are authentication errors": the Y0 prefix answers (a prefix match reports by "category").
    expect(unknownAuth.match).toMatchObject({ by: 'category', source: 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/API_Error_Codes' });
    expect(normalize({ provider: 'yodlee', status: 400, body: body('Y099', 'Something new') }).kind).toBe('auth');
    expect(normalize({ provider: 'yodlee', status: 400, body: body('Y899', 'Something new') }).match.by).toBe('status');
    expect(normalize({ provider: 'yodlee', status: 400, body: body('Y899', 'Something new') }).kind).toBe('invalid-request');
    const bare = normalize({ provider: 'yodlee', code: 'Y899' });
    expect(bare.kind).toBe('unknown');
    expect(bare.match.by).toBe('none');
  });

  test('a gateway’s HTML error page is unreadable, and a 503 without a body is the provider', () => {
    const html = normalize({ provider: 'yodlee', body: '<html>502 Bad Gateway</html>' });
    expect(html.kind === 'provider-unavailable' && html.reason).toBe('unreadable-body');
    expect(normalize({ provider: 'yodlee', status: 503 }).kind).toBe('provider-unavailable');
  });
});

describe('Yodlee dataset.additionalStatus values, as bare codes', () => {
  test.each([
    ['INCORRECT_CREDENTIALS', 'credentials', 'reenter-credentials'],
    ['CREDENTIALS_UPDATE_NEEDED', 'credentials', 'visit-institution'],
    ['ACCOUNT_LOCKED', 'account-locked', 'visit-institution'],
    ['USER_ACTION_NEEDED_AT_SITE', 'institution-attention', 'visit-institution'],
    ['CONSENT_EXPIRED', 'consent', 'reconnect'],
    ['CONSENT_REVOKED', 'consent', 'reconnect'],
    ['CONSENT_REQUIRED', 'consent', 'reconnect'],
    ['NEW_AUTHENTICATION_REQUIRED', 'connection', 'reconnect'],
  ] as const)('%s asks the end user to act (%s) and never pages', (code, reason, userAction) => {
    const error = normalize({ provider: 'yodlee', code });
    expect(error.kind === 'reconnect-required' && error.reason).toBe(reason);
    expect(error.userAction).toBe(userAction);
    expect(error.owner).toBe('end-user');
    expect(error.severity).toBe('info');
    expect(error.match.by).toBe('code');
  });

  test('site trouble waits for the institution', () => {
    const down = normalize({ provider: 'yodlee', code: 'SITE_UNAVAILABLE' });
    expect(down.kind === 'fi-unavailable' && down.reason).toBe('maintenance');
    expect(down.retry.retryable).toBe(true);
    const partial = normalize({ provider: 'yodlee', code: 'PARTIAL_DATA_RETRIEVED' });
    expect(partial.kind === 'fi-unavailable' && partial.reason).toBe('incomplete-data');
    expect(normalize({ provider: 'yodlee', code: 'REQUEST_TIME_OUT' }).kind).toBe('fi-unavailable');
  });

  test('a technical error on one dataset is Yodlee’s, but counted rather than paged', () => {
    const error = normalize({ provider: 'yodlee', code: 'TECH_ERROR' });
    expect(error.kind).toBe('provider-unavailable');
    expect(error.severity).toBe('ticket');
  });

  test('an unsupported dataset is ours to fix; an unsupported site is the end user’s', () => {
    const dataset = normalize({ provider: 'yodlee', code: 'DATASET_NOT_SUPPORTED' });
    expect(dataset.kind).toBe('unsupported');
    expect(dataset.owner).toBe('integrator');
    expect(dataset.userAction).toBe('none');
    const site = normalize({ provider: 'yodlee', code: 'SITE_NOT_SUPPORTED' });
    expect(site.kind).toBe('unsupported');
    expect(site.owner).toBe('institution');
  });

  test('wrong or expired MFA information restarts MFA', () => {
    expect(normalize({ provider: 'yodlee', code: 'INVALID_ADDL_INFO_PROVIDED' }).kind).toBe('mfa-expired');
  });

  test('statuses that are not final are pending refresh steps', () => {
    for (const code of ['LOGIN_IN_PROGRESS', 'DATA_RETRIEVAL_IN_PROGRESS', 'ACCT_SUMMARY_RECEIVED']) {
      const error = normalize({ provider: 'yodlee', code });
      expect(error.match.by).toBe('pending');
      expect(error.kind === 'unknown' && error.pending).toBe('refresh');
      expect(normalizer.pending({ provider: 'yodlee', code })?.step).toBe('refresh');
    }
    expect(normalizer.pending({ provider: 'yodlee', code: 'INCORRECT_CREDENTIALS' })).toBeUndefined();
  });

  test('every status value says where it arrives, and no API code claims to', () => {
    const fields =
      /^(dataset\.additionalStatus|dataset\.updateEligibility|autoRefresh\.additionalStatus|account latestBalances failedReason|verification failedReason)/;
    for (const [code, entry] of Object.entries(yodlee.codes)) {
      const isApiCode = /^Y\d{3}$/.test(code);
      const arrives = 'arrives' in entry ? entry.arrives : undefined;
      if (isApiCode) expect(arrives, code).toBeUndefined();
      else expect(arrives, code).toMatch(fields);
    }
  });

  test('MIGRATION_IN_PROGRESS is transient: nobody acts, wait for it', () => {
    expect(normalize({ provider: 'yodlee', code: 'MIGRATION_IN_PROGRESS' })).toMatchObject({
      kind: 'conflict',
      userAction: 'wait',
      severity: 'info',
      retry: { retryable: true },
      match: { by: 'code' },
    });
    // The API answers changes during the migration with Y868, the same meaning.
    expect(
      normalize({
        provider: 'yodlee',
        method: 'PUT',
        url: '/ysl/accounts/123',
        status: 400,
        body: body('Y868', 'No action is allowed, as the data is being migrated to the Open Banking provider'),
      }),
    ).toMatchObject({ kind: 'conflict', match: { by: 'row' } });
  });

  test('success, undocumented and hostile values fall back to unknown', () => {
    for (const code of ['AVAILABLE_DATA_RETRIEVED', 'ALLOW_UPDATE', 'SCHEDULED', 'SUCCESS', '__proto__', 'constructor']) {
      const error = normalize({ provider: 'yodlee', code });
      expect(error.kind).toBe('unknown');
      expect(error.match.by).toBe('none');
    }
  });
});

describe('Yodlee OpenAPI rows', () => {
  test('every path of the OpenAPI spec is an endpoint, under the /ysl base path', () => {
    expect(Object.keys(yodlee.endpoints)).toHaveLength(96);
    const error = normalize({
      provider: 'yodlee',
      method: 'GET',
      url: 'https://production.api.yodlee.com/ysl/providerAccounts/10012345',
      status: 400,
      body: body('Y800', 'Invalid value for providerAccountId'),
    });
    expect(error).toMatchObject({
      endpoint: 'GET /providerAccounts/{providerAccountId}',
      params: { providerAccountId: '10012345', name: 'providerAccountId' },
      match: { by: 'row' },
    });
  });

  test('a row overrides its code where the spec’s message says more: a running categorization is a conflict', () => {
    const running = normalize({
      provider: 'yodlee',
      method: 'POST',
      url: '/ysl/transactions/categories/rules/77',
      status: 400,
      body: body('Y400', 'Categorization already in progress'),
    });
    expect(running).toMatchObject({ kind: 'conflict', retry: { waitForJob: true }, match: { by: 'row' } });
    // Elsewhere Y400 is a request to fix.
    expect(
      normalize({
        provider: 'yodlee',
        method: 'POST',
        url: '/ysl/transactions/categories/rules',
        status: 400,
        body: body('Y400', 'Rule already exists. Rule should be unique in terms of combination of description and amount'),
      }).kind,
    ).toBe('invalid-request');
  });

  test('credentials cannot be updated on a manual account', () => {
    const error = normalize({
      provider: 'yodlee',
      method: 'PUT',
      url: '/ysl/providerAccounts?providerAccountIds=1',
      status: 400,
      body: body('Y823', 'Credentials are not applicable for real estate aggregated / manual accounts'),
    });
    expect(error).toMatchObject({ kind: 'manual-link-unsupported', match: { by: 'row' } });
    expect(
      normalize({
        provider: 'yodlee',
        method: 'GET',
        url: '/ysl/transactions/count',
        status: 400,
        body: body('Y823', 'detailCategoryId is not applicable for containers other than bank and card'),
      }).kind,
    ).toBe('invalid-request');
  });

  test('a refresh refused because one ran recently waits, reads the account id, and never raises a ticket', () => {
    const error = normalize({
      provider: 'yodlee',
      method: 'PUT',
      url: '/ysl/providerAccounts/refresh',
      status: 400,
      body: body('Y825', 'Update not allowed. Reason: providerAccountId 10034567 REFRESHED_RECENTLY'),
    });
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', severity: 'info', params: { id: '10034567' }, match: { by: 'row' } });
  });

  test('verification codes: a running one is a conflict, too many attempts lock the end user, wrong amounts are the end user’s', () => {
    const at = (code: string, message: string) =>
      normalize({ provider: 'yodlee', method: 'PUT', url: '/ysl/verification', status: 400, body: body(code, message) });
    expect(at('Y840', 'Verification has been initiated already').kind).toBe('conflict');
    expect(at('Y842', 'Number of retries exceeded the maximum Challenge Deposit verification limit')).toMatchObject({
      kind: 'rate-limited',
      scope: 'end-user',
      owner: 'end-user',
      severity: 'info',
    });
    expect(
      at('Y846', 'The number of financial transactions made on the target account does not match with the number of transactions entered by the user.'),
    ).toMatchObject({ kind: 'invalid-request', owner: 'end-user', severity: 'info' });
    expect(at('Y845', 'Verification time expired. Please try initiating challenge deposit again')).toMatchObject({
      kind: 'mfa-expired',
      userAction: 'restart-mfa',
    });
  });

  test('a service not enabled for us is ours to fix, quietly', () => {
    expect(normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/verification', status: 400, body: body('Y901', 'Service not supported') })).toMatchObject(
      { kind: 'unsupported', owner: 'integrator', userAction: 'none', severity: 'ticket' },
    );
  });

  test('one user’s Yodlee record is a ticket, our own login pages', () => {
    expect(normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/auth/token', status: 400, body: body('Y004', 'Inactive user') })).toMatchObject({
      kind: 'auth',
      severity: 'ticket',
    });
    expect(normalize({ provider: 'yodlee', status: 401, body: body('Y006', 'Unregistered user') })).toMatchObject({ kind: 'auth', severity: 'ticket' });
    expect(
      normalize({
        provider: 'yodlee',
        method: 'POST',
        url: '/ysl/cobrand/login',
        status: 401,
        body: body('Y003', 'Account is locked, contact Yodlee customer care'),
      }),
    ).toMatchObject({ kind: 'auth', severity: 'page', match: { by: 'row' } });
    expect(
      normalize({
        provider: 'yodlee',
        method: 'POST',
        url: '/ysl/auth/token',
        status: 400,
        body: body('Y305', 'Access token can be issued only for pre-registered users'),
      }).kind,
    ).toBe('not-found');
  });

  test('codes seen only in the third-party mirror classify, and say so', () => {
    for (const code of ['Y009', 'Y011', 'Y302', 'Y309'] as const) {
      const entry = yodlee.codes[code];
      expect(entry.thirdParty, code).toMatch(/docs\.fingoal\.com/);
      expect(normalize({ provider: 'yodlee', code }).match.by).toBe('code');
    }
    expect(normalize({ provider: 'yodlee', status: 401, body: body('Y011', 'Invalid cobrand (customer) or incorrectly configured cobrand') }).kind).toBe(
      'auth',
    );
  });

  test('codes the SDK raises before any request carry no status', () => {
    for (const code of ['Y851', 'Y852', 'Y853'] as const) expect('statuses' in yodlee.codes[code]).toBe(false);
  });
});

describe('Yodlee provider account, update eligibility and auto refresh statuses', () => {
  test('USER_INPUT_REQUIRED is the pending MFA step and IN_PROGRESS a pending refresh', () => {
    expect(normalizer.pending({ provider: 'yodlee', code: 'USER_INPUT_REQUIRED' })?.step).toBe('mfa');
    expect(normalize({ provider: 'yodlee', code: 'IN_PROGRESS' })).toMatchObject({ kind: 'unknown', pending: 'refresh', match: { by: 'pending' } });
  });

  test('update eligibility: edit the credentials, or wait for the site', () => {
    expect(normalize({ provider: 'yodlee', code: 'ALLOW_UPDATE_WITH_CREDENTIALS' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      userAction: 'reenter-credentials',
    });
    expect(normalize({ provider: 'yodlee', code: 'DISALLOW_UPDATE' })).toMatchObject({ kind: 'fi-unavailable', userAction: 'wait' });
  });

  test('auto refresh disabled: by the site, by the user’s bank, or for a manual account', () => {
    expect(normalize({ provider: 'yodlee', code: 'TEMP_ERROR' }).kind).toBe('fi-unavailable');
    expect(normalize({ provider: 'yodlee', code: 'SITE_BLOCKING' }).kind).toBe('fi-unavailable');
    expect(normalize({ provider: 'yodlee', code: 'USER_ACTION_REQUIRED' })).toMatchObject({ kind: 'reconnect-required', userAction: 'reconnect' });
    expect(normalize({ provider: 'yodlee', code: 'REAL_TIME_MFA_REQUIRED' })).toMatchObject({ kind: 'unsupported', userAction: 'none' });
    expect(normalize({ provider: 'yodlee', code: 'MANUAL_ACCOUNT' })).toMatchObject({ kind: 'manual-link-unsupported', userAction: 'none' });
  });

  test('a revoked consent needs the add account flow, an expired one the edit flow', () => {
    expect(normalize({ provider: 'yodlee', code: 'CONSENT_REVOKED' }).match.description).toMatch(/add account flow/);
    expect(normalize({ provider: 'yodlee', code: 'CONSENT_REVOKED' }).match.note).toMatch(/add account flow/);
    expect(normalize({ provider: 'yodlee', code: 'CONSENT_EXPIRED' }).match.description).toMatch(/edit account flow/);
  });

  test('NOT_AVAILABLE is recognized, with no meaning invented for it', () => {
    expect(normalize({ provider: 'yodlee', code: 'NOT_AVAILABLE' })).toMatchObject({ kind: 'unknown', match: { by: 'code' } });
  });

  test('verification and latest balance failure reasons of their own', () => {
    expect(normalize({ provider: 'yodlee', code: 'NO_ELIGIBLE_ACCOUNTS' }).kind).toBe('no-accounts');
    expect(normalize({ provider: 'yodlee', code: 'REQUIRED_DATA_NOT_AVAILABLE' })).toMatchObject({ kind: 'unsupported', userAction: 'none' });
  });
});
