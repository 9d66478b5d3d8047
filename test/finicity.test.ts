import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { finicity } from '../catalogs/finicity.js';

const { normalize, pending } = createNormalizer([finicity]);
// Finicity sends codes as JSON numbers.
const body = (code: number, message = 'described'): string => JSON.stringify({ code, message });

describe('finicity catalog', () => {
  test('survives a round trip through the schema as JSON', () => {
    const result = parseCatalog(JSON.parse(JSON.stringify(finicity)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('103 comes back as HTTP 500 with a numeric code: the user re-enters credentials, nothing pages', () => {
    const error = normalize({ provider: 'finicity', status: 500, body: body(103, 'Invalid credentials') });
    expect(error).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      code: '103',
      status: 500,
      message: 'Invalid credentials',
      userAction: 'reenter-credentials',
      severity: 'info',
      match: { by: 'code', documentedStatus: undefined, source: 'https://docs.finicity.com/aggregation-status-codes/' },
    });
  });

  test('108: the user must act at the bank', () => {
    expect(normalize({ provider: 'finicity', status: 500, body: body(108) })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'institution-attention',
      userAction: 'visit-institution',
    });
  });

  test('185 is a failed call, not a pending step', () => {
    const input = { provider: 'finicity', status: 500, body: body(185) } as const;
    expect(pending(input)).toBeUndefined();
    expect(normalize(input)).toMatchObject({ kind: 'reconnect-required', userAction: 'reconnect', match: { by: 'code' } });
  });

  test('187: wrong MFA answers', () => {
    expect(normalize({ provider: 'finicity', status: 500, body: body(187) })).toMatchObject({ kind: 'reconnect-required', reason: 'credentials' });
  });

  test('an aggregation code read from an account\'s aggregationStatusCode classifies as a bare code', () => {
    expect(normalize({ provider: 'finicity', code: 103 })).toMatchObject({ kind: 'reconnect-required', code: '103', status: undefined, match: { by: 'code' } });
    expect(normalize({ provider: 'finicity', code: 910 })).toMatchObject({ kind: 'fi-unavailable', reason: 'down', owner: 'institution' });
  });

  test('aggregation status code 0 means success: it is not a documented error', () => {
    expect(normalize({ provider: 'finicity', code: 0 })).toMatchObject({ kind: 'unknown', code: '0', match: { by: 'none' } });
  });

  test('331 at HTTP 408 is an expired MFA session, not the generic 408 timeout', () => {
    const error = normalize({ provider: 'finicity', status: 408, body: body(331, 'Expired MFA session') });
    expect(error).toMatchObject({ kind: 'mfa-expired', userAction: 'restart-mfa', match: { by: 'code', documentedStatus: undefined } });
    // Without the code, 408 keeps its generic meaning.
    expect(normalize({ provider: 'finicity', status: 408, body: '' })).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout' });
  });

  test('10023 at 401: our app token expired, which pages', () => {
    expect(normalize({ provider: 'finicity', status: 401, body: body(10023) })).toMatchObject({ kind: 'auth', owner: 'integrator', severity: 'page' });
  });

  test('codes documented with HTTP 500 that are not server failures', () => {
    expect(normalize({ provider: 'finicity', status: 500, body: body(110039) })).toMatchObject({ kind: 'invalid-request' });
    expect(normalize({ provider: 'finicity', status: 500, body: body(5006) })).toMatchObject({ kind: 'conflict', retry: { waitForJob: true } });
    expect(normalize({ provider: 'finicity', status: 409, body: body(18001) })).toMatchObject({ kind: 'conflict' });
  });

  test('a numeric code sent as a string is the same code', () => {
    expect(normalize({ provider: 'finicity', status: 500, body: JSON.stringify({ code: '187', message: 'x' }) }).kind).toBe('reconnect-required');
  });

  test('a 500 with an unknown aggregation code falls back to the generic 500', () => {
    expect(normalize({ provider: 'finicity', status: 500, body: body(99999) })).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'server-error',
      code: '99999',
      match: { by: 'status' },
    });
  });
});
