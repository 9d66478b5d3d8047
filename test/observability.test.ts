import { describe, expect, test } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { createNormalizer, KIND_DEFAULTS, KINDS, MATCH_STEPS, OWNERS, SEVERITIES, USER_ACTIONS } from '../src/index.js';
import type { ConnectionEvent, Kind, NormalizedError } from '../src/index.js';
import { CONNECTION_STATES, KIND_DETAILS } from '../src/index.js';
import { connectionEvent } from '../src/connections/build.js';
import {
  ALERT_ROUTING,
  alertRoute,
  DOCUMENTED_STEPS,
  ERROR_LABEL_NAMES,
  ERRORS_METRIC,
  errorLabels,
  logFields,
  clientSpanAttributes,
  CONNECTION_EVENT_LABEL_NAMES,
  CONNECTION_EVENTS_METRIC,
  connectionEventLabels,
  connectionEventRules,
  errorAttributes,
  prometheusRules,
  SEVERITY_ACTIONS,
} from '../src/observability/index.js';
import * as observability from '../src/observability/index.js';
import { MAX_CODE_LABEL_LENGTH, MAX_ENDPOINT_LENGTH } from '../src/taxonomy/read-error.js';
import { fromError } from '../src/gateway/index.js';
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
  endpoint: fc.oneof(
    fc.constantFrom('GET /accounts/{user_id}/balance', 'https://api.aerosync.com/v2/accounts/u-42/balance', 'GET /x'.padEnd(400, 'y')),
    fc.string(),
    fc.constant(undefined),
  ),
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

  test('every code a shipped catalog documents is its own label, whole', () => {
    const codes = allCatalogs.flatMap((catalog) => [
      ...Object.keys(catalog.codes ?? {}).map((code) => [catalog.id, code] as const),
      ...(catalog.pending ?? []).map((step) => [catalog.id, step.code] as const),
    ]);
    expect(codes.length).toBeGreaterThan(500);
    for (const [provider, code] of codes) {
      expect(code.length, `${provider} ${code}`).toBeLessThanOrEqual(MAX_CODE_LABEL_LENGTH);
      const error = normalize({ provider, code });
      // Every code is documented on its own, or as a pending step: its label is the code itself.
      expect(['code', 'pending'], `${provider} ${code}`).toContain(error.match.by);
      expect(errorLabels(error).code, `${provider} ${code}`).toBe(code);
    }
  });

  test("the label names are the counter's", () => {
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
    if (labels.match === 'no-response') expect(labels.code === 'none' || /^[A-Z][A-Z_]{2,31}$/.test(labels.code)).toBe(true);
    else if (!DOCUMENTED_STEPS.includes(labels.match)) expect(['none', 'other']).toContain(labels.code);
  });

  test('a request with no response keeps a known system code, never "other": it is no catalog drift', () => {
    const timeout = fromError(Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' }), { provider: 'plaid' });
    expect(errorLabels(timeout)).toEqual({
      provider: 'plaid',
      kind: 'provider-unavailable',
      code: 'ETIMEDOUT',
      endpoint: 'unknown',
      owner: 'provider',
      severity: 'page',
      match: 'no-response',
    });
    const reset = fromError(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), {
      provider: 'mx',
    });
    expect(errorLabels(reset)).toMatchObject({ code: 'UND_ERR_SOCKET', match: 'no-response' });
    expect(errorLabels(fromError(new DOMException('This operation was aborted', 'AbortError'), { provider: 'mx' }))).toMatchObject({
      code: 'none',
      match: 'no-response',
    });
    // A value that only says it got no response keeps its code only when the gateway would have recognized it.
    expect(errorLabels({ ...timeout, code: 'u-42-secret' } as NormalizedError).code).toBe('none');
    expect(errorLabels({ ...timeout, code: 'ECONNREFUSED' } as NormalizedError).code).toBe('ECONNREFUSED');
  });

  test('codes of requests with no response are a closed list however many arrive', () => {
    const timeout = fromError(Object.assign(new Error('t'), { code: 'ETIMEDOUT' }), { provider: 'plaid' });
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^E[A-Z]{3,12}$/)), (code) => {
        seen.add(errorLabels({ ...timeout, code } as NormalizedError).code);
      }),
    );
    for (const code of seen)
      expect([
        'none',
        'ECONNRESET',
        'ECONNREFUSED',
        'ETIMEDOUT',
        'ENOTFOUND',
        'EPIPE',
        'EAI_AGAIN',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'EHOSTDOWN',
        'ENETDOWN',
        'ESOCKETTIMEDOUT',
        'ECONNABORTED',
      ]).toContain(code);
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

describe('clientSpanAttributes and errorAttributes', () => {
  test('the client span gets the conventions of the provider call and the aggregator.* attributes', () => {
    expect(clientSpanAttributes(balance())).toEqual({
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

  test('errorAttributes are the aggregator.* attributes alone: nothing a server span says about itself', () => {
    const all = clientSpanAttributes(balance());
    const safe = errorAttributes(balance());
    expect(Object.keys(safe).every((name) => name.startsWith('aggregator.'))).toBe(true);
    expect(safe).toEqual(Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('aggregator.'))));
  });

  test('leaves out what it does not know instead of setting undefined', () => {
    const attributes = clientSpanAttributes(normalize({ provider: 'plaid', code: 'INVALID_API_KEYS' }));
    expect(attributes['error.type']).toBe('auth');
    for (const key of ['http.response.status_code', 'http.request.method', 'url.template', 'aggregator.detail'])
      expect(Object.hasOwn(attributes, key)).toBe(false);
    expect(Object.values(attributes)).not.toContain(undefined);
  });

  test('a timeout says so: no status, the system code, match no-response', () => {
    const timeout = fromError(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), { provider: 'plaid' });
    expect(clientSpanAttributes(timeout)).toMatchObject({
      'error.type': 'provider-unavailable',
      'aggregator.code': 'ETIMEDOUT',
      'aggregator.detail': 'timeout',
      'aggregator.match': 'no-response',
    });
    expect(Object.hasOwn(clientSpanAttributes(timeout), 'http.response.status_code')).toBe(false);
  });

  fcTest.prop([looseError])('every name is a registered convention or an aggregator.* name, every value a primitive', (error) => {
    const attributes = clientSpanAttributes(error);
    for (const [name, value] of Object.entries(attributes)) {
      expect(['error.type', 'http.response.status_code', 'http.request.method', 'url.template'].includes(name) || /^aggregator\.[a-z_]+$/.test(name)).toBe(
        true,
      );
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
    expect(KINDS).toContain(attributes['error.type']);
    expect(attributes['aggregator.code']).toBe(errorLabels(error).code);
    expect(Object.keys(errorAttributes(error)).every((name) => name.startsWith('aggregator.'))).toBe(true);
  });

  test('the label-length constants are internal, not part of the observability entry', () => {
    expect(Object.keys(observability)).not.toContain('MAX_CODE_LABEL_LENGTH');
    expect(Object.keys(observability)).not.toContain('MAX_ENDPOINT_LENGTH');
    expect(Object.keys(observability)).not.toContain('otelAttributes');
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
    const error = normalize({
      provider: 'plaid',
      status: 429,
      headers: { 'retry-after': '30' },
      body: { error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT', error_message: 'slow down' },
    });
    expect(logFields(error)).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 30_000 });
  });
});

describe('alert routing', () => {
  test('the table covers all 13 kinds and follows KIND_DEFAULTS', () => {
    expect(Object.keys(ALERT_ROUTING).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) {
      expect(ALERT_ROUTING[kind]).toEqual({
        severity: KIND_DEFAULTS[kind].severity,
        action: SEVERITY_ACTIONS[KIND_DEFAULTS[kind].severity],
        owner: KIND_DEFAULTS[kind].owner,
      });
    }
  });

  test("our broken credentials and a provider outage page; one user's bank never does", () => {
    const paging = KINDS.filter((kind) => ALERT_ROUTING[kind].action === 'page');
    expect(paging).toEqual(['auth', 'provider-unavailable']);
    for (const kind of ['reconnect-required', 'mfa-expired', 'no-accounts', 'fi-unavailable'] satisfies Kind[])
      expect(ALERT_ROUTING[kind].action).toBe('count');
    expect(alertRoute(normalize({ provider: 'plaid', status: 400, body: { error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS' } })).action).toBe(
      'page',
    );
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
  const exprs = [...yaml.matchAll(/^ {8}expr: '(.*)'$/gm)].map((m) => m[1]!.replaceAll("''", "'"));

  test('names every alert once, with a page or ticket severity, after the recording rule it reads', () => {
    expect([...yaml.matchAll(/- record: (\S+)/g)].map((m) => m[1])).toEqual(['provider_kind:aggregator_errors_total:rate5m']);
    const alerts = [...yaml.matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    expect(alerts).toEqual([
      'AggregatorAuthBurst',
      'AggregatorErrorsPaging',
      'AggregatorErrorSpike',
      'AggregatorErrorsTicket',
      'AggregatorUndocumentedErrors',
      'AggregatorUnknownProvider',
    ]);
    expect([...yaml.matchAll(/ severity: (\w+)$/gm)].map((m) => m[1])).toEqual(['page', 'page', 'page', 'ticket', 'ticket', 'ticket']);
    expect(yaml.indexOf('- record:')).toBeLessThan(yaml.indexOf('- alert:'));
  });

  test('the auth burst counts only what the catalog says is our own credentials (severity page)', () => {
    const burst = exprs[1]!;
    expect(burst).toContain('kind="auth",severity="page"');
    // The paging rate leaves auth to the burst rule: one broken key, one page.
    expect(exprs[2]).toContain('severity="page",kind!="auth"');
  });

  test('a request with no response never opens the undocumented-error ticket', () => {
    const undocumented = exprs.find((expr) => expr.includes('code="other"'))!;
    expect(undocumented).toContain('code="other",match!="no-response"');
    expect(undocumented).toContain('match="none"');
  });

  test('the spike compares a recorded rate with its own day, per provider and kind, with a minimum count', () => {
    const spike = exprs[3]!;
    expect(spike).toBe(
      '(provider_kind:aggregator_errors_total:rate5m{kind=~"reconnect-required|fi-unavailable"} > 4 * avg_over_time(provider_kind:aggregator_errors_total:rate5m{kind=~"reconnect-required|fi-unavailable"}[1d] offset 5m))' +
        ' and provider_kind:aggregator_errors_total:rate5m{kind=~"reconnect-required|fi-unavailable"} * 300 >= 20',
    );
    // The recording rule gives each spike kind a zero wherever the provider has any series, so a quiet provider has a baseline.
    expect(exprs[0]).toContain('label_replace(sum by (provider) (rate(aggregator_errors_total{provider=~');
    expect(exprs[0]).toContain('* 0, "kind", "fi-unavailable", "", "")');
  });

  test('selects the shipped providers on the documented counter and labels', () => {
    expect(yaml).toContain(`aggregator_errors_total{provider=~"${ids.join('|')}",severity="page"`);
    expect(yaml).toContain(`provider!~"${ids.join('|')}"`);
    for (const label of [...yaml.matchAll(/by \(([^)]*)\)/g)].flatMap((m) => m[1]!.split(', '))) expect(ERROR_LABEL_NAMES).toContain(label);
  });

  test('lists the kinds that never alert one by one, from the routing table', () => {
    const counted = KINDS.filter((kind) => ALERT_ROUTING[kind].action === 'count');
    expect(yaml).toContain(`# Counted only, never alerted one by one: ${counted.join(', ')}.`);
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
    const custom = prometheusRules([aerosync, plaid], {
      metric: 'bank_errors_total',
      window: '10m',
      authBurst: 10,
      pageRate: 1,
      spikeKinds: ['mfa-expired'],
      spikeFactor: 8,
      spikeMin: 50,
      baselineWindow: '7d',
    });
    expect(custom).toContain('rate(bank_errors_total{provider=~"aerosync|plaid",severity="page",kind!="auth"}[10m])) > 1');
    expect(custom).toContain('[10m])) >= 10');
    expect(custom).toContain(
      'provider_kind:bank_errors_total:rate10m{kind=~"mfa-expired"} > 8 * avg_over_time(provider_kind:bank_errors_total:rate10m{kind=~"mfa-expired"}[7d] offset 10m)',
    );
    expect(custom).toContain('* 600 >= 50');
    expect(custom).not.toContain('aggregator_errors_total');
    expect(prometheusRules(allCatalogs, { spikeKinds: [] })).not.toContain('AggregatorErrorSpike');
  });

  test('without catalogs, selects every provider and has no unknown-provider rule', () => {
    const any = prometheusRules([]);
    expect(any).toContain('aggregator_errors_total{severity="page",kind!="auth"}');
    expect(any).toContain("expr: 'sum by (provider, kind) (rate(aggregator_errors_total[5m]))");
    expect(any).not.toContain('AggregatorUnknownProvider');
  });

  test.each([
    [{ metric: 'bad-name' }],
    [{ window: '5 minutes' }],
    [{ pageRate: -1 }],
    [{ authBurst: Number.NaN }],
    [{ ticketFor: '' }],
    [{ spikeKinds: ['reconnect'] }],
    [{ spikeKinds: 'reconnect-required' }],
    [{ spikeFactor: 0.5 }],
    [{ spikeMin: 0 }],
    [{ baselineWindow: '1 day' }],
    [{ group: '' }],
  ])('rejects an invalid option %o', (options) => {
    expect(() => prometheusRules(allCatalogs, options as never)).toThrow(TypeError);
  });
});

describe('connectionEventLabels', () => {
  const byEvent = { by: 'event', source: 'https://plaid.com/docs/api/items/#webhooks', description: undefined } as const;
  const login = normalize({ provider: 'plaid', status: 400, body: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'x' } });

  test('names the state, its detail, the documented event and the kind behind it; never the connection or the user', () => {
    const event = connectionEvent('needs-reconnect', {
      provider: 'plaid',
      event: 'ITEM.ERROR',
      connection: { type: 'item', id: 'item-secret-42' },
      user: 'user-42',
      accounts: ['acc-1'],
      error: login,
      match: { ...byEvent, by: 'error' },
    });
    const labels = connectionEventLabels(event);
    expect(labels).toEqual({
      provider: 'plaid',
      state: 'needs-reconnect',
      detail: 'credentials',
      event: 'ITEM.ERROR',
      kind: 'reconnect-required',
      severity: 'info',
      match: 'error',
    });
    expect(JSON.stringify(labels)).not.toMatch(/secret|user-42|acc-1/);
    expect(Object.keys(labels)).toEqual([...CONNECTION_EVENT_LABEL_NAMES]);
    expect(CONNECTION_EVENTS_METRIC).toMatchObject({ name: 'aggregator_connection_events_total', labelNames: CONNECTION_EVENT_LABEL_NAMES });
  });

  test('a cancel is info whatever it claims; an undocumented event name is "other"', () => {
    const cancel = connectionEvent('cancelled', { provider: 'plaid', event: 'onExit', match: byEvent, step: 'institution_search' });
    expect(connectionEventLabels({ ...cancel, severity: 'page' } as ConnectionEvent)).toMatchObject({ state: 'cancelled', severity: 'info', detail: 'none' });
    const raw = connectionEvent('info', { provider: 'plaid', event: 'ITEM.NEW_THING_u-42', match: { by: 'none', source: undefined, description: undefined } });
    expect(connectionEventLabels(raw)).toMatchObject({ event: 'other', match: 'none', kind: 'none' });
  });

  test("details come from each state's closed list", () => {
    expect(
      connectionEventLabels(connectionEvent('failed', { provider: 'mx', event: 'mx/connect/loaded', match: byEvent, failure: 'institution-unsupported' }))
        .detail,
    ).toBe('institution-unsupported');
    expect(
      connectionEventLabels(connectionEvent('revoked', { provider: 'plaid', event: 'ITEM.USER_ACCOUNT_REVOKED', accounts: ['a'], match: byEvent })).detail,
    ).toBe('accounts');
    expect(
      connectionEventLabels(
        connectionEvent('expiring', { provider: 'plaid', event: 'ITEM.PENDING_EXPIRATION', match: byEvent, expiresAt: '2030-01-01T00:00:00.000Z' }),
      ).detail,
    ).toBe('none');
  });

  const looseEvent = fc.record({
    state: fc.oneof(fc.constantFrom(...CONNECTION_STATES), fc.string()),
    provider: fc.oneof(fc.constantFrom('plaid', 'mx'), fc.string({ maxLength: 100 })),
    event: fc.string({ maxLength: 300 }),
    reason: fc.string(),
    scope: fc.string(),
    severity: fc.oneof(fc.constantFrom(...SEVERITIES), fc.string()),
    match: fc.record({ by: fc.oneof(fc.constantFrom('event', 'error', 'none'), fc.string()) }),
    error: fc.oneof(fc.constant(undefined), looseError),
  }) as unknown as fc.Arbitrary<ConnectionEvent>;

  fcTest.prop([looseEvent])('any value gets labels from closed lists or of bounded length; a cancel is never louder than info', (event) => {
    const labels = connectionEventLabels(event);
    expect(CONNECTION_STATES).toContain(labels.state);
    expect(SEVERITIES).toContain(labels.severity);
    expect(['event', 'error', 'none']).toContain(labels.match);
    expect([...KINDS, 'none']).toContain(labels.kind);
    expect(labels.event.length).toBeLessThanOrEqual(64);
    expect(labels.provider).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
    if (labels.match === 'none') expect(labels.event).toBe('other');
    if (labels.state === 'cancelled') expect(labels.severity).toBe('info');
    expect([
      'none',
      ...KIND_DETAILS['reconnect-required'].values,
      'error',
      'institution-unsupported',
      'institution-not-found',
      'widget',
      'connection',
      'accounts',
    ]).toContain(labels.detail);
  });
});

describe('connectionEventRules', () => {
  const yaml = connectionEventRules(allCatalogs);
  const rules = yaml
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const selectors = [...rules.matchAll(/aggregator_connection_events_total\{([^}]*)\}/g)].map((m) => m[1]!);

  test('names its alerts, pages only on provider-wide signals', () => {
    expect([...yaml.matchAll(/- alert: (\w+)/g)].map((m) => m[1])).toEqual([
      'AggregatorConnectionsSpike',
      'AggregatorConnectionEventsPaging',
      'AggregatorConnectionEventsTicket',
      'AggregatorUndocumentedConnectionEvents',
      'AggregatorConnectionEventsUnknownProvider',
    ]);
    expect([...yaml.matchAll(/ severity: (\w+)$/gm)].map((m) => m[1])).toEqual(['page', 'page', 'ticket', 'ticket', 'ticket']);
    expect(yaml).toContain('provider_state:aggregator_connection_events_total:rate5m{state=~"needs-reconnect|failed"} > 4 * avg_over_time(');
  });

  test('every selector of the raw counter leaves cancels out', () => {
    expect(selectors.length).toBeGreaterThan(4);
    for (const matchers of selectors) expect(matchers).toContain('state!="cancelled"');
    expect(yaml).not.toMatch(/state=~?"[^"]*cancelled/);
    expect(() => connectionEventRules(allCatalogs, { spikeStates: ['cancelled'] })).toThrow(/a user who leaves a widget never alerts/);
  });

  test('the health rate leaves out widget failures for unsupported banks', () => {
    expect(yaml).toContain('detail!~"institution-unsupported|institution-not-found"');
  });

  test.each([[{ metric: 'bad-name' }], [{ spikeStates: ['broken'] }], [{ spikeFactor: Number.POSITIVE_INFINITY }], [{ pageFor: '5' }]])(
    'rejects an invalid option %o',
    (options) => {
      expect(() => connectionEventRules(allCatalogs, options as never)).toThrow(TypeError);
    },
  );
});
