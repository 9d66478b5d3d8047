import { describe, expect, test } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { createNormalizer, KIND_DEFAULTS, KINDS, MATCH_STEPS, OWNERS, SEVERITIES, USER_ACTIONS } from '../src/index.js';
import type { Kind, NormalizedError } from '../src/index.js';
import {
  ALERT_ROUTING,
  alertRoute,
  DOCUMENTED_STEPS,
  ERROR_LABEL_NAMES,
  ERRORS_METRIC,
  errorLabels,
  logFields,
  MAX_CODE_LABEL_LENGTH,
  MAX_ENDPOINT_LENGTH,
  otelAttributes,
  prometheusRules,
  SEVERITY_ACTIONS,
} from '../src/observability/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { aerosync } from '../catalogs/aerosync.js';
import { plaid } from '../catalogs/plaid.js';

const { normalize } = createNormalizer(allCatalogs);

const balance = () =>
  normalize({
    provider: 'aerosync',
    method: 'GET',
    url: 'https://api.aerosync.com/v2/accounts/u-42/balance',
    status: 400,
    headers: { 'x-request-id': 'req-9' },
    body: '{"error":{"code":"AC-104","message":"We are having issues connecting to your bank."}}',
  });

const undocumentedPlaid = () =>
  normalize({ provider: 'plaid', status: 400, body: { error_type: 'ITEM_ERROR', error_code: 'BRAND_NEW_CODE_u-42', error_message: 'new', request_id: 'r1' } });

/** Any value shaped like a normalized error, with arbitrary strings where a gateway or a bug could put them. */
const looseError = fc.record({
  kind: fc.oneof(fc.constantFrom(...KINDS), fc.string()),
  provider: fc.oneof(fc.constantFrom('aerosync', 'plaid', 'Plaid', 'nobody'), fc.string({ maxLength: 200 })),
  status: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined), fc.string()),
  code: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(undefined), fc.integer()),
  message: fc.string(),
  endpoint: fc.oneof(fc.constantFrom('GET /accounts/{user_id}/balance', 'https://api.aerosync.com/v2/accounts/u-42/balance', 'GET /x'.padEnd(400, 'y')), fc.string(), fc.constant(undefined)),
  params: fc.dictionary(fc.string(), fc.string()),
  requestId: fc.string(),
  userAction: fc.oneof(fc.constantFrom(...USER_ACTIONS), fc.string()),
  owner: fc.oneof(fc.constantFrom(...OWNERS), fc.string()),
  severity: fc.oneof(fc.constantFrom(...SEVERITIES), fc.string()),
  match: fc.record({ by: fc.oneof(fc.constantFrom(...MATCH_STEPS), fc.string()) }),
}) as unknown as fc.Arbitrary<NormalizedError>;

describe('errorLabels', () => {
  test('a documented row keeps its code and endpoint template, never the URL or the user id', () => {
    expect(errorLabels(balance())).toEqual({
      provider: 'aerosync',
      kind: 'reconnect-required',
      code: 'AC-104',
      endpoint: 'GET /accounts/{user_id}/balance',
      owner: 'end-user',
      severity: 'info',
      match: 'row',
    });
  });

  test('an undocumented code collapses to "other"; no code is "none"', () => {
    const error = undocumentedPlaid();
    expect(error.match.by).toBe('category');
    expect(errorLabels(error)).toMatchObject({ provider: 'plaid', code: 'other', endpoint: 'unknown', match: 'category' });
    expect(errorLabels(normalize({ provider: 'aerosync', status: 502 }))).toMatchObject({ code: 'none', match: 'status', kind: 'provider-unavailable' });
    expect(errorLabels(normalize({ provider: 'aerosync', status: 500, body: '{"error":{"code":"AC-999"}}' })).code).toBe('other');
  });

  test('a provider that is not catalog-shaped, or not allowed, is "other"', () => {
    expect(errorLabels(normalize({ provider: 'Acme Bank/u-42', status: 500 })).provider).toBe('other');
    expect(errorLabels(normalize({ provider: 'acme', status: 500 })).provider).toBe('acme');
    expect(errorLabels(normalize({ provider: 'acme', status: 500 }), { providers: ['aerosync', 'plaid'] }).provider).toBe('other');
    expect(errorLabels(balance(), { providers: ['aerosync'] }).provider).toBe('aerosync');
  });

  test('a raw URL or an overlong endpoint is "unknown"; a documented code is capped', () => {
    const base = balance();
    expect(errorLabels({ ...base, endpoint: 'https://api.aerosync.com/v2/accounts/u-42/balance' }).endpoint).toBe('unknown');
    expect(errorLabels({ ...base, endpoint: `GET /${'a'.repeat(MAX_ENDPOINT_LENGTH)}` }).endpoint).toBe('unknown');
    expect(errorLabels({ ...base, code: 'X'.repeat(100) }).code).toBe('X'.repeat(MAX_CODE_LABEL_LENGTH));
  });

  test('the label names are the counter\'s', () => {
    expect(Object.keys(errorLabels(balance()))).toEqual([...ERROR_LABEL_NAMES]);
    expect(ERRORS_METRIC.labelNames).toEqual(ERROR_LABEL_NAMES);
    expect(ERRORS_METRIC.name).toBe('aggregator_errors_total');
  });

  fcTest.prop([looseError])('any value gets labels from closed lists or of bounded length', (error) => {
    const labels = errorLabels(error);
    expect(Object.keys(labels)).toEqual([...ERROR_LABEL_NAMES]);
    expect(KINDS).toContain(labels.kind);
    expect(OWNERS).toContain(labels.owner);
    expect(SEVERITIES).toContain(labels.severity);
    expect(MATCH_STEPS).toContain(labels.match);
    expect(labels.provider).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
    expect(labels.endpoint === 'unknown' || (labels.endpoint.length <= MAX_ENDPOINT_LENGTH && !labels.endpoint.includes('://'))).toBe(true);
    expect(labels.code.length).toBeLessThanOrEqual(MAX_CODE_LABEL_LENGTH);
    if (!DOCUMENTED_STEPS.includes(labels.match)) expect(['none', 'other']).toContain(labels.code);
  });

  test('codes that are never documented collapse to two values however many arrive', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom('category', 'status', 'none'), (code, by) => {
        seen.add(errorLabels({ ...balance(), code, match: { ...balance().match, by } } as NormalizedError).code);
      }),
    );
    expect([...seen]).toEqual(['other']);
  });

  const documentedCodes = new Set<string>(
    allCatalogs.flatMap((catalog) => [
      ...Object.keys(catalog.codes ?? {}),
      ...Object.values(catalog.endpoints ?? {}).flatMap((endpoint) => endpoint.rows.flatMap((row) => (row.code === undefined ? [] : [row.code]))),
      ...(catalog.pending ?? []).map((step) => step.code),
    ]),
  );
  const catalogCodes = allCatalogs.flatMap((catalog) => Object.keys(catalog.codes ?? {}));
  fcTest.prop([
    fc.constantFrom(...allCatalogs.map((catalog) => catalog.id)),
    fc.oneof(fc.constantFrom(...catalogCodes), fc.string({ maxLength: 40 })),
    fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constant(undefined)),
    fc.constantFrom(...allCatalogs.flatMap((catalog) => Object.keys(catalog.endpoints ?? {})), undefined),
  ])('over real normalized errors, a code label is a documented code, "other" or "none"', (provider, code, status, endpoint) => {
    const error = normalize({ provider, code, ...(status === undefined ? {} : { status }), ...(endpoint === undefined ? {} : { endpoint }) });
    const label = errorLabels(error).code;
    expect(label === 'other' || label === 'none' || documentedCodes.has(label)).toBe(true);
  });
});

describe('otelAttributes', () => {
  test('follows the semantic conventions and namespaces the rest', () => {
    expect(otelAttributes(balance())).toEqual({
      'error.type': 'reconnect-required',
      'http.response.status_code': 400,
      'http.request.method': 'GET',
      'url.template': '/accounts/{user_id}/balance',
      'aggregator.provider': 'aerosync',
      'aggregator.kind': 'reconnect-required',
      'aggregator.code': 'AC-104',
      'aggregator.detail': 'connection',
      'aggregator.endpoint': 'GET /accounts/{user_id}/balance',
      'aggregator.owner': 'end-user',
      'aggregator.severity': 'info',
      'aggregator.match': 'row',
      'aggregator.user_action': 'reconnect',
      'aggregator.retryable': false,
    });
  });

  test('leaves out what it does not know instead of setting undefined', () => {
    const attributes = otelAttributes(normalize({ provider: 'plaid', code: 'INVALID_API_KEYS' }));
    expect(attributes['error.type']).toBe('auth');
    for (const key of ['http.response.status_code', 'http.request.method', 'url.template', 'aggregator.detail']) expect(Object.hasOwn(attributes, key)).toBe(false);
    expect(Object.values(attributes)).not.toContain(undefined);
  });

  fcTest.prop([looseError])('every name is a registered convention or an aggregator.* name, every value a primitive', (error) => {
    const attributes = otelAttributes(error);
    for (const [name, value] of Object.entries(attributes)) {
      expect(['error.type', 'http.response.status_code', 'http.request.method', 'url.template'].includes(name) || /^aggregator\.[a-z_]+$/.test(name)).toBe(true);
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
    expect(KINDS).toContain(attributes['error.type']);
    expect(attributes['aggregator.code']).toBe(errorLabels(error).code);
  });
});

describe('logFields', () => {
  test('keeps what operators need, hides params and their values in the message by default', () => {
    const error = normalize({
      provider: 'aerosync',
      method: 'GET',
      url: '/v2/accounts/user-8812/balance',
      status: 404,
      body: '{"error":{"code":"AC-102","message":"User user-8812 not found"}}',
    });
    expect(error.params['user_id']).toBe('user-8812');
    const fields = logFields(error);
    expect(JSON.stringify(fields)).not.toContain('user-8812');
    expect(fields).toMatchObject({ provider: 'aerosync', kind: error.kind, code: 'AC-102', status: 404, endpoint: error.endpoint, match: error.match.by });
    expect(fields.message).toContain('{user_id}');
    expect(Object.hasOwn(fields, 'params')).toBe(false);
  });

  test('logs params only when opted in, all or by name', () => {
    const error = { ...balance(), params: { user_id: 'u-4242', job_id: 'IDT-77' }, message: 'job IDT-77 of u-4242 failed' } as NormalizedError;
    expect(logFields(error, { params: true }).params).toEqual({ user_id: 'u-4242', job_id: 'IDT-77' });
    const some = logFields(error, { params: ['job_id'] });
    expect(some.params).toEqual({ job_id: 'IDT-77' });
    expect(some.message).toBe('job IDT-77 of {user_id} failed');
  });

  test('caps the message, keeps the raw code and request id, and never carries a cause or stack', () => {
    const error = { ...undocumentedPlaid(), message: 'x'.repeat(5000), cause: new Error('with credentials'), stack: 'at secret' } as unknown as NormalizedError;
    const fields = logFields(error, { maxMessageLength: 100 });
    expect(fields.message).toBe(`${'x'.repeat(100)}…`);
    expect(fields.code).toBe('BRAND_NEW_CODE_u-42');
    expect(fields.requestId).toBe('r1');
    expect(Object.keys(fields)).not.toContain('cause');
    expect(JSON.stringify(fields)).not.toContain('credentials');
    expect(JSON.stringify(fields)).not.toContain('secret');
  });

  test('carries the retry wait the provider asked for', () => {
    const error = normalize({ provider: 'plaid', status: 429, headers: { 'retry-after': '30' }, body: { error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT', error_message: 'slow down' } });
    expect(logFields(error)).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 30_000 });
  });
});

describe('alert routing', () => {
  test('the table covers all 13 kinds and follows KIND_DEFAULTS', () => {
    expect(Object.keys(ALERT_ROUTING).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) {
      expect(ALERT_ROUTING[kind]).toEqual({ severity: KIND_DEFAULTS[kind].severity, action: SEVERITY_ACTIONS[KIND_DEFAULTS[kind].severity], owner: KIND_DEFAULTS[kind].owner });
    }
  });

  test('our broken credentials and a provider outage page; one user\'s bank never does', () => {
    const paging = KINDS.filter((kind) => ALERT_ROUTING[kind].action === 'page');
    expect(paging).toEqual(['auth', 'provider-unavailable']);
    for (const kind of ['reconnect-required', 'mfa-expired', 'no-accounts', 'fi-unavailable'] satisfies Kind[]) expect(ALERT_ROUTING[kind].action).toBe('count');
    expect(alertRoute(normalize({ provider: 'plaid', status: 400, body: { error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS' } })).action).toBe('page');
    expect(alertRoute(balance())).toEqual({ severity: 'info', action: 'count', owner: 'end-user', group: 'aggregator/aerosync/reconnect-required' });
  });

  test("an error's own severity decides; an invalid one falls back to its kind's", () => {
    expect(alertRoute({ ...balance(), severity: 'page' }).action).toBe('page');
    expect(alertRoute({ ...balance(), severity: 'loud' } as never).action).toBe('count');
    expect(alertRoute({ kind: 'auth' } as never)).toEqual({ severity: 'page', action: 'page', owner: 'integrator', group: 'aggregator/other/auth' });
  });
});

describe('prometheusRules', () => {
  const yaml = prometheusRules(allCatalogs);
  const ids = allCatalogs.map((catalog) => catalog.id).sort();

  test('names every alert once, with a page or ticket severity', () => {
    const alerts = [...yaml.matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    expect(alerts).toEqual(['AggregatorErrorsPaging', 'AggregatorAuthBurst', 'AggregatorErrorsTicket', 'AggregatorUndocumentedErrors', 'AggregatorUnknownProvider']);
    expect([...yaml.matchAll(/ severity: (\w+)$/gm)].map((m) => m[1])).toEqual(['page', 'page', 'ticket', 'ticket', 'ticket']);
  });

  test('selects the shipped providers on the documented counter and labels', () => {
    expect(yaml).toContain(`aggregator_errors_total{provider=~"${ids.join('|')}",severity="page"}`);
    expect(yaml).toContain('kind="auth"');
    expect(yaml).toContain('code="other"');
    expect(yaml).toContain('match="none"');
    expect(yaml).toContain(`provider!~"${ids.join('|')}"`);
    for (const label of [...yaml.matchAll(/by \(([^)]*)\)/g)].flatMap((m) => m[1]!.split(', '))) expect(ERROR_LABEL_NAMES).toContain(label);
  });

  test('lists the kinds that never alert, from the routing table', () => {
    const counted = KINDS.filter((kind) => ALERT_ROUTING[kind].action === 'count');
    expect(yaml).toContain(`# Counted only, never alerted: ${counted.join(', ')}.`);
  });

  test('is YAML a parser reads: two-space indentation, every scalar with a quote single-quoted and escaped', () => {
    for (const line of yaml.trimEnd().split('\n')) {
      expect(line).not.toMatch(/\t/);
      if (line.startsWith('#')) continue;
      expect((line.length - line.trimStart().length) % 2).toBe(0);
      const value = /^\s*(?:- )?[a-z]+: (.*)$/.exec(line)?.[1];
      if (value !== undefined && /["'{}]/.test(value)) expect(value).toMatch(/^'(?:[^']|'')*'$/);
    }
    expect(prometheusRules(allCatalogs, { group: "it's" })).toContain("  - name: 'it''s'");
  });

  test('does not depend on catalog order, and options change thresholds and names', () => {
    expect(prometheusRules([...allCatalogs].reverse())).toBe(yaml);
    const custom = prometheusRules([aerosync, plaid], { metric: 'bank_errors_total', window: '10m', authBurst: 10, pageRate: 1 });
    expect(custom).toContain('rate(bank_errors_total{provider=~"aerosync|plaid",severity="page"}[10m])) > 1');
    expect(custom).toContain('[10m])) >= 10');
    expect(custom).not.toContain('aggregator_errors_total');
  });

  test('without catalogs, selects every provider and has no unknown-provider rule', () => {
    const any = prometheusRules([]);
    expect(any).toContain('aggregator_errors_total{severity="page"}');
    expect(any).not.toContain('AggregatorUnknownProvider');
  });

  test.each([
    [{ metric: 'bad-name' }],
    [{ window: '5 minutes' }],
    [{ pageRate: -1 }],
    [{ authBurst: Number.NaN }],
    [{ ticketFor: '' }],
  ])('rejects an invalid option %o', (options) => {
    expect(() => prometheusRules(allCatalogs, options)).toThrow(TypeError);
  });
});
