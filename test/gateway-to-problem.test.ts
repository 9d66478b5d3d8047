import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer, KINDS, KIND_DETAILS } from '../src/index.js';
import { defineCatalog } from '../src/catalog/index.js';
import type { Kind, NormalizedError } from '../src/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { fromError, problemStatus, toProblem } from '../src/gateway/index.js';
import { documentedResponse, hostileResponse } from '../src/testkit/arbitraries-entry.js';
import { renderMessage } from '../src/messages/index.js';
import type { NormalizeInput } from '../src/index.js';

const SOURCE = 'https://docs.example.com/errors';
// One code per kind and per detail value, so every variant is built by the real matcher.
const codes: Record<string, { kind: Kind; detail?: string; source: string }> = {};
for (const kind of KINDS) {
  const spec = (KIND_DETAILS as Record<string, { values: readonly string[] } | undefined>)[kind];
  if (spec === undefined) codes[kind] = { kind, source: SOURCE };
  else for (const detail of spec.values) codes[`${kind}:${detail}`] = { kind, detail, source: SOURCE };
}
const every = defineCatalog({
  id: 'every',
  name: 'Every kind',
  source: SOURCE,
  body: { code: ['code'], message: ['message'], requestId: ['request_id'] },
  codes,
});
const { normalize } = createNormalizer([every, ...allCatalogs]);

function errorOf(code: string, headers?: Record<string, string>): NormalizedError {
  return normalize({
    provider: 'every',
    status: 400,
    headers: headers ?? {},
    body: JSON.stringify({ code, message: 'internal: key sk_live_123 rejected for user 42', request_id: 'prov-req-9' }),
  });
}

const TABLE: readonly (readonly [string, number])[] = [
  ['auth', 502],
  ['invalid-request', 500],
  ['not-found', 404],
  ['conflict', 409],
  ['rate-limited:client', 503],
  ['rate-limited:end-user', 429],
  ['mfa-expired', 409],
  ['reconnect-required:credentials', 409],
  ['reconnect-required:consent', 409],
  ['reconnect-required:fi-paused-sharing', 409],
  ['reconnect-required:account-locked', 409],
  ['reconnect-required:institution-attention', 409],
  ['reconnect-required:connection', 409],
  ['manual-link-unsupported', 422],
  ['unsupported', 422],
  ['no-accounts', 422],
  ['fi-unavailable:down', 503],
  ['fi-unavailable:maintenance', 503],
  ['fi-unavailable:incomplete-data', 503],
  ['fi-unavailable:unknown', 503],
  ['provider-unavailable:server-error', 503],
  ['provider-unavailable:maintenance', 503],
  ['provider-unavailable:timeout', 504],
  ['provider-unavailable:network', 503],
  ['provider-unavailable:unreadable-body', 503],
  ['unknown', 502],
];

describe('toProblem', () => {
  test('the table covers every kind and detail', () => {
    expect(TABLE.map(([code]) => code).sort()).toEqual(Object.keys(codes).sort());
  });

  test.each(TABLE)('%s answers %i', (code, status) => {
    const error = errorOf(code);
    expect(error.kind).toBe(code.split(':')[0]);
    const problem = toProblem(error);
    expect(problem.status).toBe(status);
    expect(problemStatus(error)).toBe(status);
    expect(problem.body).toMatchObject({ status, kind: error.kind, provider: 'every', code, userAction: error.userAction });
    expect(problem.body.type).toBe(`https://aggregator-errors.dev/problems/${error.kind}`);
    expect(problem.headers['content-type']).toBe('application/problem+json');
    expect(problem.headers['cache-control']).toBe('no-store');
    const text = JSON.stringify(problem);
    expect(text).not.toContain('sk_live_123');
    expect(text).not.toContain('prov-req-9');
  });

  test('a provider auth failure is 502, never 401: the frontend user must not be signed out', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'POST',
      url: '/v2/token',
      status: 401,
      body: '{"error":{"code":"AC-101","message":"Invalid API key and secret."}}',
    });
    expect(error.kind).toBe('auth');
    expect(toProblem(error).status).toBe(502);
  });

  test('the detail names the reason when it says more than the kind', () => {
    expect(toProblem(errorOf('reconnect-required:fi-paused-sharing')).body).toMatchObject({
      reason: 'fi-paused-sharing',
      detail: expect.stringContaining('paused'),
    });
    expect(toProblem(errorOf('provider-unavailable:timeout')).body.detail).toContain('in time');
    expect(toProblem(errorOf('rate-limited:end-user')).body).toMatchObject({ scope: 'end-user', detail: expect.stringContaining('attempts') });
    expect(toProblem(errorOf('rate-limited:end-user')).body).not.toHaveProperty('reason');
    expect(toProblem(errorOf('auth')).body).not.toHaveProperty('reason');
  });

  test('Retry-After becomes whole seconds, rounded up, in the header and the body', () => {
    const error = normalize({ provider: 'aerosync', status: 503, headers: { 'retry-after': '2' }, body: '' });
    expect(toProblem(error)).toMatchObject({ status: 503, headers: { 'retry-after': '2' }, body: { retryAfter: 2 } });
    const later = normalize({ provider: 'aerosync', status: 429, headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() } });
    const seconds = toProblem(later).body.retryAfter ?? 0;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(2);
    expect(toProblem(errorOf('auth', { 'retry-after': '5' })).headers).not.toHaveProperty('retry-after');
    expect(toProblem(errorOf('auth')).body).not.toHaveProperty('retryAfter');
  });

  test('options: type base, instance, request id on request, status overrides', () => {
    const error = errorOf('reconnect-required:credentials');
    const problem = toProblem(error, {
      typeBase: 'https://docs.example.org/errors#',
      instance: 'urn:request:abc',
      exposeRequestId: true,
      statusFor: { 'reconnect-required': 424 },
    });
    expect(problem.body).toMatchObject({
      type: 'https://docs.example.org/errors#reconnect-required',
      instance: 'urn:request:abc',
      requestId: 'prov-req-9',
      status: 424,
    });
    expect(problem.status).toBe(424);
    expect(toProblem(error, { statusFor: { 'reconnect-required': 200 } }).status).toBe(409);
  });

  test("the frontend's renderMessage reads the problem body as it is", () => {
    const error = errorOf('reconnect-required:fi-paused-sharing');
    const wire = JSON.parse(JSON.stringify(toProblem(error).body)) as unknown;
    expect(renderMessage(wire)).toEqual(renderMessage(error));
    const limited = errorOf('rate-limited:end-user');
    expect(renderMessage(JSON.parse(JSON.stringify(toProblem(limited).body)) as unknown)).toEqual(renderMessage(limited));
  });

  test('a network timeout answers 504 with no provider code', () => {
    const problem = toProblem(fromError(new DOMException('timed out', 'TimeoutError'), { provider: 'aerosync' }));
    expect(problem).toMatchObject({ status: 504, body: { kind: 'provider-unavailable', reason: 'timeout' } });
    expect(problem.body).not.toHaveProperty('code');
  });

  propTest.prop([fc.constantFrom(...allCatalogs).chain((catalog) => documentedResponse(catalog))])(
    'every documented row answers a 4xx/5xx (never 401) without the provider message or request id',
    (fixture) => {
      const error = normalize(fixture.input);
      const { status, body } = toProblem(error);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(status).not.toBe(401);
      expect(status).not.toBe(403);
      expect(body.kind).toBe(fixture.expected.kind);
      if (error.message.length > 12) expect(body.detail).not.toContain(error.message);
      if (error.requestId !== undefined) expect(JSON.stringify(body)).not.toContain(error.requestId);
    },
  );

  propTest.prop([hostileResponse({ huge: false })])('hostile inputs still give a valid problem', (input) => {
    const problem = toProblem(normalize(input as NormalizeInput));
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(JSON.stringify(problem.body))).toEqual(problem.body);
  });
});
