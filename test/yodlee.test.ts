import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { yodlee } from '../catalogs/yodlee.js';

const normalizer = createNormalizer([yodlee]);
const { normalize } = normalizer;
const ERRORS = 'https://developer.yodlee.com/resources/yodlee/error-codes';

function body(errorCode: string, errorMessage: string, referenceCode = 'u1455707934756c4F23u'): string {
  return JSON.stringify({ errorCode, errorMessage, referenceCode });
}

describe('Yodlee API error bodies', () => {
  test('the docs’ sample body: code, message, template parameters and the reference code as request id', () => {
    const error = normalize({ provider: 'yodlee', method: 'GET', url: 'https://sandbox.api.yodlee.com/ysl/transactions?top=900', status: 400, body: body('Y804', 'Permitted values of top between 1 - 500') });
    expect(error.kind).toBe('invalid-request');
    expect(error.code).toBe('Y804');
    expect(error.message).toBe('Permitted values of top between 1 - 500');
    expect(error.params).toEqual({ name: 'top', min: '1', max: '500' });
    expect(error.requestId).toBe('u1455707934756c4F23u');
    expect(error.match.by).toBe('code');
    expect(error.match.source).toBe(ERRORS);
  });

  test('an invalid or expired token is auth and pages', () => {
    const error = normalize({ provider: 'yodlee', status: 401, body: body('Y008', 'Invalid token in authorization header') });
    expect(error.kind).toBe('auth');
    expect(error.severity).toBe('page');
    expect(error.owner).toBe('integrator');
    expect(error.match.documentedStatus).toBeUndefined();
  });

  test('an invalid client id or secret is auth although Yodlee sends it with 400', () => {
    const error = normalize({ provider: 'yodlee', status: 400, body: body('Y301', 'Invalid clientId or secret') });
    expect(error.kind).toBe('auth');
    expect(error.match.by).toBe('code');
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

  test('an unknown code falls back to the status; without one it is unknown', () => {
    const unknownAuth = normalize({ provider: 'yodlee', status: 401, body: body('Y012', 'Something new') });
    expect(unknownAuth.kind).toBe('auth');
    expect(unknownAuth.code).toBe('Y012');
    expect(unknownAuth.match.by).toBe('status');
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

  test('every additional status says where it arrives, and no API code claims to', () => {
    for (const [code, entry] of Object.entries(yodlee.codes)) {
      const isApiCode = /^Y\d{3}$/.test(code);
      expect('arrives' in entry ? entry.arrives : undefined, code).toBe(isApiCode ? undefined : 'dataset.additionalStatus');
    }
  });

  test('success, undocumented and hostile values fall back to unknown', () => {
    for (const code of ['AVAILABLE_DATA_RETRIEVED', 'MIGRATION_IN_PROGRESS', '__proto__', 'constructor']) {
      const error = normalize({ provider: 'yodlee', code });
      expect(error.kind).toBe('unknown');
      expect(error.match.by).toBe('none');
    }
  });
});
