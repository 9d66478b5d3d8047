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

  test("an aggregation code read from an account's aggregationStatusCode classifies as a bare code", () => {
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

  test("every operation of Mastercard's OpenAPI spec is an endpoint, read from its paths", () => {
    expect(Object.keys(finicity.endpoints)).toHaveLength(156);
    const error = normalize({
      provider: 'finicity',
      method: 'GET',
      url: 'https://api.finicity.com/aggregation/v1/customers/1005061234/accounts',
      status: 404,
      body: body(14001, 'Customer not found.'),
    });
    expect(error).toMatchObject({
      kind: 'not-found',
      endpoint: 'GET /aggregation/v1/customers/{customerId}/accounts',
      params: { customerId: '1005061234' },
      match: { by: 'row' },
    });
  });

  test("the spec's body fields: status as a string, user_message for end users, trackingId as the request id", () => {
    const error = normalize({
      provider: 'finicity',
      body: JSON.stringify({
        code: '10023',
        status: '401',
        message: 'Expired (Finicity-App-Token)',
        user_message: 'Your connection timed out due to inactivity. Please log in again to complete your account linking.',
        trackingId: '69a6933d-befe-48c2-8ed0-ab5b04082f02',
      }),
    });
    expect(error).toMatchObject({
      kind: 'auth',
      status: 401,
      displayMessage: 'Your connection timed out due to inactivity. Please log in again to complete your account linking.',
      requestId: '69a6933d-befe-48c2-8ed0-ab5b04082f02',
    });
  });

  test('the Event Subscription Service and Connect Components error formats', () => {
    const webhooks = normalize({
      provider: 'finicity',
      method: 'GET',
      url: '/notification-subscriptions/webhooks',
      status: 401,
      body: JSON.stringify({
        Errors: { Error: [{ source: 'Event Subscription Service', reasonCode: 1503, description: 'Expired (App-Token)', recoverable: false, details: null }] },
      }),
    });
    expect(webhooks).toMatchObject({ kind: 'auth', code: '1503', message: 'Expired (App-Token)', match: { by: 'row' } });
    // The spec prints Connect Components reason codes with a trailing comma; the alias reads them as the code.
    const components = normalize({
      provider: 'finicity',
      method: 'GET',
      url: '/connect-components/configurations',
      status: 401,
      body: JSON.stringify({
        Errors: {
          Error: [
            {
              Source: 'Connect-Components,',
              ReasonCode: '10023,',
              Description: 'Expired (Finicity-App-Token),',
              Recoverable: 'false,',
              Details: 'Expired (Finicity-App-Token)',
            },
          ],
        },
      }),
    });
    expect(components).toMatchObject({ kind: 'auth', code: '10023', match: { by: 'row' } });
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: '/connect-components/configurations/c-1',
        status: 404,
        body: JSON.stringify({ Errors: { Error: [{ ReasonCode: '4041', Description: 'The requested entity was not found' }] } }),
      }).kind,
    ).toBe('not-found');
  });

  test('11000 is an aggregation code, but a consumer that already exists on the consumer endpoints', () => {
    expect(normalize({ provider: 'finicity', code: 11000 })).toMatchObject({ kind: 'fi-unavailable', severity: 'ticket' });
    expect(
      normalize({
        provider: 'finicity',
        method: 'POST',
        url: '/decisioning/v1/customers/1005061234/consumer',
        status: 409,
        body: body(11000, 'A consumer already exists for customer 4025024821'),
      }),
    ).toMatchObject({ kind: 'invalid-request', match: { by: 'row' } });
    expect(normalize({ provider: 'finicity', status: 500, body: body(11000) })).toMatchObject({ kind: 'fi-unavailable', match: { by: 'code' } });
  });

  test("a consumer's security freeze is theirs to lift and never pages; missing permissions on a portfolio are ours", () => {
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: '/decisioning/v1/customers/1/reports',
        status: 403,
        body: body(10405, 'The active security freeze for this consumer exists.'),
      }),
    ).toMatchObject({ kind: 'unsupported', owner: 'end-user', severity: 'info', match: { by: 'row' } });
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: '/decisioning/v1/portfolios/p-1',
        status: 403,
        body: body(10405, 'Access forbidden - insufficient permissions to access portfolio'),
      }),
    ).toMatchObject({ kind: 'auth', severity: 'ticket', match: { by: 'row' } });
  });

  test('statuses inside a successful body: 185 inside a payment success indicator, 2000 a warning that is no error', () => {
    expect(normalize({ provider: 'finicity', body: JSON.stringify({ code: 185, status: '500', message: 'MFA Required' }) })).toMatchObject({
      kind: 'reconnect-required',
      status: 500,
      userAction: 'reconnect',
    });
    expect(normalize({ provider: 'finicity', code: 2000 })).toMatchObject({ kind: 'unknown', userAction: 'none', severity: 'info', match: { by: 'code' } });
    expect(normalize({ provider: 'finicity', code: 44000 })).toMatchObject({ kind: 'rate-limited', match: { by: 'code' } });
  });

  test('a username that is taken is a request to change, whatever its 409 says', () => {
    expect(
      normalize({
        provider: 'finicity',
        method: 'POST',
        url: '/aggregation/v2/customers/active',
        status: 409,
        body: body(110002, 'Username is not available.'),
      }),
    ).toMatchObject({ kind: 'invalid-request', match: { by: 'row' } });
  });

  test("micro-deposits: too many attempts lock the end user, wrong amounts are the end user's", () => {
    const at = (code: number, message: string) =>
      normalize({ provider: 'finicity', method: 'POST', url: '/microentry/v1/customers/1/accounts/2/amounts', status: 400, body: body(code, message) });
    expect(at(3200003, 'Microdeposit verification attempts exceeded')).toMatchObject({
      kind: 'rate-limited',
      scope: 'end-user',
      owner: 'end-user',
      severity: 'info',
    });
    expect(at(3200004, "Microdeposit amounts didn't match")).toMatchObject({ kind: 'invalid-request', owner: 'end-user', severity: 'info' });
  });

  test('an account the bank no longer has: link another, unless Data Connect Fix can repair it', () => {
    expect(normalize({ provider: 'finicity', code: 952 })).toMatchObject({ kind: 'no-accounts', userAction: 'link-another-account' });
    expect(normalize({ provider: 'finicity', code: 946 })).toMatchObject({ kind: 'reconnect-required', userAction: 'reconnect' });
    expect(normalize({ provider: 'finicity', code: 945 })).toMatchObject({ kind: 'reconnect-required', reason: 'consent' });
  });
});
