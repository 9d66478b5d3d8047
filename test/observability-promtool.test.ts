/**
 * The generated rules, run by the real tool: `promtool check rules` on every
 * file, and `promtool test rules` on series built from real normalized errors
 * and connection events (their labels are what errorLabels and
 * connectionEventLabels give), asserting which alerts fire and, for every
 * other alert of the file, that it does not.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { connectionEvent } from '../src/connections/build.js';
import { fromError } from '../src/gateway/index.js';
import { createNormalizer } from '../src/index.js';
import type { NormalizeInput } from '../src/index.js';
import {
  connectionEventLabels,
  CONNECTION_EVENTS_METRIC,
  connectionEventRules,
  errorLabels,
  ERRORS_METRIC,
  prometheusRules,
} from '../src/observability/index.js';
import type { ConnectionEventRuleOptions, PrometheusRuleOptions } from '../src/observability/index.js';
import { connectionEventRuleSet } from '../src/observability/connection-event-rules.js';
import { errorRuleSet } from '../src/observability/prometheus-rules.js';
import type { AlertRule, RuleSet } from '../src/observability/rule-file.js';

const PROMTOOL = process.env['PROMTOOL'] ?? '/usr/bin/promtool';
const run = promisify(execFile);
const { normalize } = createNormalizer(allCatalogs);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-promtool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function promtool(args: readonly string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(PROMTOOL, [...args], { cwd: dir, timeout: 60_000 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

type Labels = Readonly<Record<string, string>>;

/** One input series: a label set and promtool's expanding notation (`'0+1x30'`, `'_x10'`). */
interface Series {
  readonly labels: Labels;
  readonly values: string;
}

/** An alert expected to fire at a time, with the labels it groups by. */
interface Firing {
  readonly at: string;
  readonly alert: string;
  readonly labels: Labels;
}

interface Scenario {
  readonly metric: string;
  readonly series: readonly Series[];
  /** Every alert of the file is checked at each of these times: firing where `firing` says, silent everywhere else. */
  readonly checkAt: readonly string[];
  readonly firing: readonly Firing[];
}

function seriesText(metric: string, labels: Labels): string {
  return `${metric}{${Object.entries(labels)
    .map(([name, value]) => `${name}="${value.replace(/[\\"]/g, '\\$&')}"`)
    .join(',')}}`;
}

/** An annotation as Prometheus renders it for one alert: `{{ $labels.x }}` replaced by the label's value. */
function annotation(template: string, labels: Labels): string {
  return template.replace(/\{\{ \$labels\.([a-z_]+) \}\}/g, (_, name: string) => labels[name] ?? '');
}

function alertsOf(set: RuleSet): AlertRule[] {
  return set.rules.filter((rule): rule is AlertRule => 'alert' in rule);
}

/** Runs a scenario through `promtool test rules` against one rule set: exit status and output. */
async function runScenario(name: string, set: RuleSet, yaml: string, scenario: Scenario): Promise<{ code: number; output: string }> {
  const rulesFile = `${name}.rules.yml`;
  await writeFile(join(dir, rulesFile), yaml);
  const alerts = alertsOf(set);
  for (const firing of scenario.firing)
    expect(
      alerts.map((rule) => rule.alert),
      `${firing.alert} is a rule of the file`,
    ).toContain(firing.alert);
  const test = {
    rule_files: [rulesFile],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: scenario.series.map((series) => ({ series: seriesText(scenario.metric, series.labels), values: series.values })),
        alert_rule_test: scenario.checkAt.flatMap((at) =>
          alerts.map((rule) => ({
            eval_time: at,
            alertname: rule.alert,
            exp_alerts: scenario.firing
              .filter((firing) => firing.at === at && firing.alert === rule.alert)
              .map((firing) => ({
                exp_labels: { ...firing.labels, severity: rule.severity },
                exp_annotations: { summary: annotation(rule.summary, firing.labels), description: annotation(rule.description, firing.labels) },
              })),
          })),
        ),
      },
    ],
  };
  // JSON is YAML: promtool reads the test file as it is.
  const testFile = `${name}.test.yml`;
  await writeFile(join(dir, testFile), JSON.stringify(test, null, 1));
  return promtool(['test', 'rules', testFile]);
}

async function expectScenario(name: string, scenario: Omit<Scenario, 'metric'>, options?: PrometheusRuleOptions): Promise<void> {
  const result = await runScenario(name, errorRuleSet(allCatalogs, options), prometheusRules(allCatalogs, options), {
    ...scenario,
    metric: ERRORS_METRIC.name,
  });
  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain('SUCCESS');
}

async function expectEventScenario(name: string, scenario: Omit<Scenario, 'metric'>, options?: ConnectionEventRuleOptions): Promise<void> {
  const result = await runScenario(name, connectionEventRuleSet(allCatalogs, options), connectionEventRules(allCatalogs, options), {
    ...scenario,
    metric: CONNECTION_EVENTS_METRIC.name,
  });
  expect(result.code, result.output).toBe(0);
}

/** The labels errorLabels gives the normalized error of a raw response. */
function labelsOf(input: NormalizeInput): Labels {
  return errorLabels(normalize(input));
}

// Real responses, as each provider documents them.
const truelayerExpired = labelsOf({ provider: 'truelayer', status: 401, body: { error: 'unauthorized', error_description: 'The access token is expired' } });
const truelayerInvalid = labelsOf({ provider: 'truelayer', status: 401, body: { error: 'invalid_token' } });
const synapseFingerprint = labelsOf({
  provider: 'synapse',
  status: 401,
  body: { error: { en: 'Unauthorized fingerprint.' }, error_code: '120', http_code: '401', success: false },
});
const yodleeExpired = labelsOf({ provider: 'yodlee', status: 401, body: { errorCode: 'Y023', errorMessage: 'Token has expired', referenceCode: 'r1' } });
const yodleeStale = labelsOf({
  provider: 'yodlee',
  status: 401,
  body: { errorCode: 'Y008', errorMessage: 'Invalid token in authorization header', referenceCode: 'r2' },
});
const plaidKeys = labelsOf({
  provider: 'plaid',
  status: 400,
  body: { error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS', error_message: 'invalid client_id or secret provided' },
});
const plaidLogin = labelsOf({
  provider: 'plaid',
  status: 400,
  body: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'the login details of this item have changed' },
});
const plaidUndocumented = labelsOf({ provider: 'plaid', status: 400, body: { error_type: 'ITEM_ERROR', error_code: 'BRAND_NEW_CODE', error_message: 'new' } });
const mxDown = labelsOf({ provider: 'mx', status: 503 });
const timeout = errorLabels(fromError(Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' }), { provider: 'plaid' }));
const reset = errorLabels(fromError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { provider: 'plaid' }));

describe('the fixtures are what the catalogs say', () => {
  test("one user's token is auth with severity ticket; our key is auth with severity page", () => {
    for (const labels of [truelayerExpired, truelayerInvalid, synapseFingerprint, yodleeExpired, yodleeStale])
      expect(labels).toMatchObject({ kind: 'auth', severity: 'ticket' });
    expect(plaidKeys).toMatchObject({ kind: 'auth', severity: 'page', code: 'INVALID_API_KEYS' });
  });

  test('a request with no response is its own match step, with a system code and never "other"', () => {
    expect(timeout).toMatchObject({ kind: 'provider-unavailable', match: 'no-response', code: 'ETIMEDOUT', severity: 'page' });
    expect(reset).toMatchObject({ match: 'no-response', code: 'ECONNRESET' });
    expect(plaidUndocumented).toMatchObject({ code: 'other', match: 'category' });
  });
});

describe.concurrent('promtool check rules', () => {
  test.each([
    ['errors, defaults', () => prometheusRules(allCatalogs)],
    ['errors, no catalogs', () => prometheusRules([])],
    [
      'errors, custom',
      () =>
        prometheusRules(allCatalogs.slice(0, 2), {
          metric: 'bank_errors_total',
          window: '10m',
          baselineWindow: '7d',
          spikeKinds: ['mfa-expired'],
          group: "it's ours",
        }),
    ],
    ['errors, no spike rule', () => prometheusRules(allCatalogs, { spikeKinds: [] })],
    ['connection events, defaults', () => connectionEventRules(allCatalogs)],
    ['connection events, no catalogs', () => connectionEventRules([])],
    [
      'connection events, custom',
      () => connectionEventRules(allCatalogs, { metric: 'link_events_total', window: '1m', spikeStates: ['revoked', 'degraded'], baselineWindow: '2h' }),
    ],
  ])('%s', async (name, make) => {
    const file = `check-${name.replace(/\W+/g, '-')}.yml`;
    await writeFile(join(dir, file), make());
    const result = await promtool(['check', 'rules', file]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
  });
});

describe.concurrent('promtool test rules: errors', { timeout: 60_000 }, () => {
  const hour = ['5m', '10m', '20m', '40m', '60m'];

  test("three users' tokens expire (TrueLayer, Synapse, Yodlee): nothing pages, nothing opens", async () => {
    // Three end users each, within five minutes, then nothing.
    const three = '0 0 1 2 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3';
    await expectScenario('three-tokens', {
      series: [truelayerExpired, truelayerInvalid, synapseFingerprint, yodleeExpired, yodleeStale].map((labels) => ({ labels, values: three })),
      checkAt: hour,
      firing: [],
    });
  });

  test('the harness can fail: expecting a page there is reported by promtool', async () => {
    const result = await runScenario('harness', errorRuleSet(allCatalogs), prometheusRules(allCatalogs), {
      metric: ERRORS_METRIC.name,
      series: [{ labels: truelayerExpired, values: '0 1 2 3 3 3 3' }],
      checkAt: ['5m'],
      firing: [{ at: '5m', alert: 'AggregatorAuthBurst', labels: { provider: 'truelayer' } }],
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('AggregatorAuthBurst');
  });

  test('our Plaid key breaks: the auth burst pages at once, and only once (not again as a paging rate)', async () => {
    await expectScenario('our-key', {
      // Every request fails from minute 3: five a minute.
      series: [{ labels: plaidKeys, values: '0 0 0 0+5x30' }],
      checkAt: ['2m', '5m', '15m', '30m'],
      firing: ['5m', '15m', '30m'].map((at) => ({ at, alert: 'AggregatorAuthBurst', labels: { provider: 'plaid' } })),
    });
  });

  test('our key breaks on a label set never counted before (the series starts at its first error): it still pages', async () => {
    await expectScenario('our-key-new-series', {
      series: [{ labels: plaidKeys, values: '_x5 1+5x30' }],
      checkAt: ['4m', '12m'],
      firing: [{ at: '12m', alert: 'AggregatorAuthBurst', labels: { provider: 'plaid' } }],
    });
  });

  test('timeouts and resets are not catalog drift: no undocumented-error ticket; a new Plaid code opens one', async () => {
    await expectScenario('no-response', {
      series: [
        { labels: timeout, values: '0 1 2 3 4 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5' },
        { labels: reset, values: '0 0 1 1 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2' },
        { labels: plaidUndocumented, values: '0 0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 1 1' },
      ],
      checkAt: ['5m', '15m', '20m'],
      firing: ['15m', '20m'].map((at) => ({ at, alert: 'AggregatorUndocumentedErrors', labels: { provider: 'plaid', kind: 'reconnect-required' } })),
    });
  });

  test('the provider stops answering for everyone: a sustained rate of timeouts pages as an outage', async () => {
    await expectScenario('outage', {
      // Twelve timeouts a minute (0.2/s) from minute 2.
      series: [
        { labels: timeout, values: '0 0 0+12x30' },
        { labels: mxDown, values: '0 0 0+1x30' },
      ],
      checkAt: ['5m', '12m', '25m'],
      firing: ['12m', '25m'].map((at) => ({ at, alert: 'AggregatorErrorsPaging', labels: { provider: 'plaid', kind: 'provider-unavailable' } })),
    });
  });

  // A day of one reconnect every ten minutes, then thirty a minute: Plaid broke logins for many users at once.
  const day = 1440;
  test("a provider's reconnect-required rate jumps well above its own day: it pages", async () => {
    await expectScenario('reconnect-spike', {
      series: [{ labels: plaidLogin, values: `0+0.1x${day} ${day * 0.1 + 30}+30x30` }],
      checkAt: ['23h', '24h3m', '24h15m', '24h25m'],
      firing: ['24h15m', '24h25m'].map((at) => ({ at, alert: 'AggregatorErrorSpike', labels: { provider: 'plaid', kind: 'reconnect-required' } })),
    });
  });

  test('a provider that is always this busy does not page at its usual rate', async () => {
    // A two-hour baseline keeps this run short; the rule is the same.
    await expectScenario(
      'reconnect-steady',
      { series: [{ labels: plaidLogin, values: '0+30x150' }], checkAt: ['2h15m', '2h25m'], firing: [] },
      { baselineWindow: '2h' },
    );
  });

  test("a quiet provider's blip (five users in five minutes) stays under the minimum", async () => {
    await expectScenario(
      'reconnect-blip',
      { series: [{ labels: plaidLogin, values: '0+0x120 1 2 3 4 5 5 5 5 5 5 5 5 5 5 5 5' }], checkAt: ['2h5m', '2h10m'], firing: [] },
      { baselineWindow: '2h' },
    );
  });

  test('a quiet provider (other errors all day, never a reconnect) suddenly sees many: it pages', async () => {
    await expectScenario('reconnect-quiet-provider', {
      series: [
        { labels: mxDown, values: `0+0.05x${day + 40}` },
        // No reconnect-required series until the breakage: its baseline is the zero recorded for the provider.
        { labels: labelsOf({ provider: 'mx', code: 'DENIED' }), values: `_x${day} 0+30x30` },
      ],
      checkAt: ['24h3m', '24h15m'],
      firing: [{ at: '24h15m', alert: 'AggregatorErrorSpike', labels: { provider: 'mx', kind: 'reconnect-required' } }],
    });
  });

  test('a provider counted for the first time has no baseline: its first burst does not page (nothing to compare with)', async () => {
    await expectScenario('reconnect-no-history', {
      series: [{ labels: plaidLogin, values: '_x10 0+30x30' }],
      checkAt: ['12m', '25m'],
      firing: [],
    });
  });
});

describe.concurrent('promtool test rules: connection events', { timeout: 60_000 }, () => {
  const byEvent = { by: 'event', source: 'https://plaid.com/docs/link/web/#onexit', description: undefined } as const;
  const cancel = connectionEventLabels(connectionEvent('cancelled', { provider: 'plaid', event: 'onExit', match: byEvent, step: 'requires_credentials' }));
  const loginError = normalize({ provider: 'plaid', status: 400, body: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'x' } });
  const needsReconnect = connectionEventLabels(
    connectionEvent('needs-reconnect', {
      provider: 'plaid',
      event: 'ITEM.ERROR',
      error: loginError,
      match: { by: 'error', source: 'https://plaid.com/docs/api/items/#error', description: undefined },
    }),
  );
  const unsupported = connectionEventLabels(
    connectionEvent('failed', { provider: 'mx', event: 'mx/connect/institutionSearch', match: byEvent, failure: 'institution-unsupported' }),
  );
  const undocumented = connectionEventLabels(
    connectionEvent('info', { provider: 'plaid', event: 'ITEM.SOMETHING_NEW', match: { by: 'none', source: undefined, description: undefined } }),
  );
  const day = 1440;

  test('the labels are bounded and say what the events are', () => {
    expect(cancel).toEqual({ provider: 'plaid', state: 'cancelled', detail: 'none', event: 'onExit', kind: 'none', severity: 'info', match: 'event' });
    expect(needsReconnect).toMatchObject({
      state: 'needs-reconnect',
      detail: 'credentials',
      kind: 'reconnect-required',
      event: 'ITEM.ERROR',
      severity: 'info',
    });
    expect(undocumented).toMatchObject({ state: 'info', event: 'other', match: 'none' });
  });

  test('users who close the widget never alert, however many and however suddenly', async () => {
    await expectEventScenario('cancels', {
      // A day of ten cancels a minute, then a thousand a minute.
      series: [{ labels: cancel, values: `0+10x${day} ${day * 10 + 1000}+1000x30` }],
      checkAt: ['12h', '24h10m', '24h25m'],
      firing: [],
    });
  });

  test('a provider-wide jump in needs-reconnect pages; one user at a time never does', async () => {
    await expectEventScenario('needs-reconnect-spike', {
      series: [{ labels: needsReconnect, values: `0+0.2x${day} ${day * 0.2 + 40}+40x30` }],
      checkAt: ['12h', '24h3m', '24h15m'],
      firing: [{ at: '24h15m', alert: 'AggregatorConnectionsSpike', labels: { provider: 'plaid', state: 'needs-reconnect' } }],
    });
  });

  test('a jump of widget failures for banks the provider does not support is no outage', async () => {
    await expectEventScenario(
      'unsupported-spike',
      { series: [{ labels: unsupported, values: '0+0.1x120 62+50x30' }], checkAt: ['2h15m'], firing: [] },
      { baselineWindow: '2h' },
    );
  });

  test('the same jump of widget failures that are errors pages', async () => {
    const failedError = connectionEventLabels(connectionEvent('failed', { provider: 'mx', event: 'mx/connect/loaded', match: byEvent, failure: 'widget' }));
    await expectEventScenario(
      'failed-spike',
      {
        series: [{ labels: failedError, values: '0+0.1x120 62+50x30' }],
        checkAt: ['2h15m'],
        firing: [{ at: '2h15m', alert: 'AggregatorConnectionsSpike', labels: { provider: 'mx', state: 'failed' } }],
      },
      { baselineWindow: '2h' },
    );
  });

  test('an event no table documents opens a ticket', async () => {
    await expectEventScenario('undocumented-event', {
      series: [{ labels: undocumented, values: '0 0 1 1 1 1 1 1 1 1 1' }],
      checkAt: ['1m', '5m'],
      firing: [{ at: '5m', alert: 'AggregatorUndocumentedConnectionEvents', labels: { provider: 'plaid', state: 'info' } }],
    });
  });
});
