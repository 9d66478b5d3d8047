import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { teller } from '../catalogs/teller.js';

const { normalize } = createNormalizer([teller]);
const body = (code: string, message: string): string => JSON.stringify({ error: { code, message } });

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
      match: { by: 'code', source: 'https://teller.io/docs/api/errors' },
    });
  });

  test('401 without an access token is an integration bug (auth)', () => {
    const error = normalize({ provider: 'teller', status: 401, body: body('unauthorized', 'Missing access token') });
    expect(error).toMatchObject({ kind: 'auth', owner: 'integrator', match: { by: 'status' } });
    expect(error.match.description).toBe('A request was made without an access token where one was required.');
  });

  test('403 with an invalid or revoked per-enrollment token asks the end user to reconnect, and never pages', () => {
    const error = normalize({ provider: 'teller', status: 403, body: body('forbidden', 'Token revoked') });
    expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'consent', userAction: 'reconnect', owner: 'end-user', severity: 'info' });
    expect(error.match.by).toBe('status');
    expect(error.match.note).toContain('client certificate');
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

  test('404 and 422 keep their generic meanings, from Teller\'s table', () => {
    expect(normalize({ provider: 'teller', status: 404, body: body('not_found', 'x') })).toMatchObject({ kind: 'not-found', match: { by: 'status', source: 'https://teller.io/docs/api/errors' } });
    expect(normalize({ provider: 'teller', status: 422, body: body('unprocessable_entity', 'x') })).toMatchObject({ kind: 'invalid-request', match: { by: 'status' } });
  });

  test('502: the bank answered a 5xx, so the institution is unavailable, not Teller', () => {
    const error = normalize({ provider: 'teller', status: 502, body: body('bad_gateway', 'Institution error') });
    expect(error).toMatchObject({ kind: 'fi-unavailable', reason: 'down', owner: 'institution', retry: { retryable: true } });
    // A generic 502 would be the aggregator's own failure, which pages.
    expect(error.severity).not.toBe('page');
  });

  test('a status Teller does not document falls back to the generic meaning', () => {
    expect(normalize({ provider: 'teller', status: 503, body: '' })).toMatchObject({ kind: 'provider-unavailable', reason: 'maintenance', match: { by: 'status', source: undefined } });
  });

  test('the disconnection webhook and its documented reason classify as bare codes', () => {
    expect(normalize({ provider: 'teller', code: 'enrollment.disconnected' })).toMatchObject({ kind: 'reconnect-required', reason: 'connection', match: { by: 'code' } });
    expect(normalize({ provider: 'teller', code: 'disconnected.account_locked' })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'account-locked',
      userAction: 'visit-institution',
    });
  });

  test('an undocumented code in the body classifies by its status', () => {
    const error = normalize({ provider: 'teller', status: 403, body: body('enrollment.disconnected.credentials_invalid', 'Credentials invalid') });
    expect(error).toMatchObject({ kind: 'reconnect-required', code: 'enrollment.disconnected.credentials_invalid', match: { by: 'status' } });
  });
});
