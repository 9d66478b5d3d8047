import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { truelayer } from '../catalogs/truelayer.js';

const { normalize } = createNormalizer([truelayer]);
const body = (error: string, description = 'described'): string =>
  JSON.stringify({ error, error_description: description, error_details: {} });

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

  test.each(retryColumn)('%s (%i): retryable is the docs\' Retry column', (code, status, retryable) => {
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
    expect(normalize({ provider: 'truelayer', status: 400, body: body('invalid_client') })).toMatchObject({ kind: 'auth', owner: 'integrator', severity: 'page' });
  });

  test('unauthorized and invalid_token: refresh one user\'s token, a ticket rather than a page', () => {
    for (const code of ['unauthorized', 'invalid_token']) {
      expect(normalize({ provider: 'truelayer', status: 401, body: body(code) })).toMatchObject({ kind: 'auth', severity: 'ticket', retry: { retryable: false } });
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
    expect(normalize({ provider: 'truelayer', status: 503, body: body('provider_error') })).toMatchObject({ kind: 'provider-unavailable', match: { by: 'status' } });
    expect(normalize({ provider: 'truelayer', status: 400, body: body('something_new') })).toMatchObject({ kind: 'invalid-request', match: { by: 'status' } });
  });
});
