import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { KINDS, createNormalizer, type NormalizedError } from '../src/index.js';
import { acme } from './support/acme.js';

const { normalize, pending } = createNormalizer([acme]);

function expectValid(error: NormalizedError): void {
  expect(KINDS).toContain(error.kind);
  expect(typeof error.provider).toBe('string');
  expect(typeof error.message).toBe('string');
  expect(typeof error.retry.retryable).toBe('boolean');
  expect(typeof error.params).toBe('object');
  expect(error.message.length).toBeLessThanOrEqual(1024);
  expect(() => JSON.stringify(error)).not.toThrow();
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '{', '%', '%E0%A4%A'),
);
const jsonBody = fc.oneof(
  fc.json(),
  fc
    .record(
      {
        error: fc.record(
          { code: fc.oneof(hostileString, fc.integer(), fc.constant(null)), message: fc.oneof(hostileString, fc.object()) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    .map((b) => JSON.stringify(b)),
);
const input = fc.record(
  {
    provider: fc.oneof(fc.constant('acme'), hostileString, fc.anything()),
    method: fc.oneof(fc.constantFrom('GET', 'post', 'DELETE'), fc.anything()),
    url: fc.oneof(fc.constantFrom('/users/x', 'https://a/api/v3/users/x/refresh?force_refresh=yes', '/users/%/nodes/%2'), fc.webUrl(), fc.anything()),
    endpoint: fc.oneof(fc.constantFrom('GET /users/{user_id}', '__proto__'), fc.anything()),
    status: fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.constantFrom('404', '50503', 'x'), fc.anything()),
    headers: fc.oneof(
      fc.dictionary(hostileString, fc.oneof(fc.string(), fc.array(fc.string()))),
      fc.array(fc.tuple(fc.string(), fc.anything())),
      fc.anything(),
    ),
    body: fc.oneof(jsonBody, fc.anything(), fc.uint8Array()),
    code: fc.oneof(hostileString, fc.integer(), fc.double(), fc.anything()),
  },
  { requiredKeys: [] },
);

describe('normalize is total', () => {
  fcTest.prop([fc.anything()])('any value whatsoever gives a valid normalized error', (value) => {
    expectValid(normalize(value as never));
    expect(() => pending(value as never)).not.toThrow();
  });

  fcTest.prop([input])('any input-shaped value gives a valid normalized error and is not mutated', (value) => {
    const before = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expectValid(normalize(value as never));
    expect(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(before);
  });

  fcTest.prop([input.map((v) => Object.freeze(v))])('frozen inputs are fine', (value) => {
    expectValid(normalize(value as never));
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])('code %s is just an unknown code', (code) => {
    const error = normalize({ provider: 'acme', status: 400, body: JSON.stringify({ error: { code } }) });
    expect(error).toMatchObject({ kind: 'invalid-request', code, match: { by: 'status' } });
    expect(normalize({ provider: 'acme', code })).toMatchObject({ kind: 'unknown', match: { by: 'none' } });
    expect(normalize({ provider: code as 'acme', status: 404 })).toMatchObject({ kind: 'not-found', provider: code });
  });

  test('a body whose own __proto__ key holds a code is not read through the prototype', () => {
    const body = '{"__proto__":{"code":"E104"},"error":{"message":"x"}}';
    expect(normalize({ provider: 'acme', status: 418, body }).kind).toBe('unknown');
  });

  test('throwing getters and revoked proxies still give a valid answer', () => {
    const throwing = {
      provider: 'acme',
      get status(): number {
        throw new Error('boom');
      },
    };
    expectValid(normalize(throwing as never));
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expectValid(normalize(proxy as never));
    expectValid(normalize({ provider: 'acme', body: proxy } as never));
    expectValid(
      normalize({
        provider: 'acme',
        headers: {
          get() {
            throw new Error('boom');
          },
        },
      } as never),
    );
  });

  test('a 2 MB hostile message is capped and not matched against templates', () => {
    // A template with a placeholder would match this message if it were not capped first.
    const huge = `User ${'x'.repeat(2 * 1024 * 1024)} not found`;
    const error = normalize({ provider: 'acme', status: 404, body: JSON.stringify({ error: { code: 'E102', message: huge } }) });
    expect(error.message.length).toBe(1024);
    expect(error.params).toEqual({});
  });

  test('bodies beyond the size cap are unreadable, not parsed', () => {
    const big = `{"error":{"code":"E104","pad":"${'x'.repeat(5 * 1024 * 1024)}"}}`;
    expect(normalize({ provider: 'acme', body: big })).toMatchObject({ kind: 'provider-unavailable', reason: 'unreadable-body' });
  });

  test('credential headers and request bodies never reach the result', () => {
    const error = normalize({
      provider: 'acme',
      status: 401,
      headers: { authorization: 'Bearer sk-secret', 'x-sp-gateway': 'client-secret', 'x-request-id': 'r-1' },
      body: JSON.stringify({ error: { code: 'E100', message: 'bad' }, password: 'hunter2', apiSecret: 'shh' }),
    } as never);
    const text = JSON.stringify(error);
    for (const secret of ['sk-secret', 'client-secret', 'hunter2', 'shh']) expect(text).not.toContain(secret);
    expect(error.requestId).toBe('r-1');
  });
});
