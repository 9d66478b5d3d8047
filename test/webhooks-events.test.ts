/**
 * Every documented server-side webhook of the seed files, from the provider's
 * own example payload where one exists, classified as documented; the error a
 * webhook carries agrees with the same error over HTTP.
 */
import { describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { createNormalizer, type ConnectionEvent } from '../src/index.js';
import { webhookFixtures, type WebhookFixture } from '../src/testkit/index.js';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_PROVIDERS,
  aerosyncWebhookEvent,
  finicityWebhookEvent,
  mxWebhookEvent,
  plaidLinkEvents,
  plaidWebhookEvent,
  synapseWebhookEvent,
  tellerWebhookEvent,
  webhookEvent,
  yodleeWebhookEvent,
} from '../src/webhooks/index.js';
import { seedText, seedsPresent } from './support/seeds.js';

const normalizer = createNormalizer(allCatalogs);

function classify(fixture: WebhookFixture): ConnectionEvent {
  return webhookEvent(fixture.payload, { provider: fixture.provider, normalizer });
}

describe('every documented webhook classifies as documented', () => {
  test.each(webhookFixtures().map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const event = classify(fixture);
    const { expected } = fixture;
    expect(event.state).toBe(expected.state);
    expect(event.provider).toBe(fixture.provider);
    expect(event.event).toBe(expected.event);
    expect(event.match.by).not.toBe('none');
    expect(event.match.source).toMatch(/^https:\/\//);
    if (expected.kind !== undefined) expect(event.error?.kind).toBe(expected.kind);
    if (expected.reason !== undefined) expect(event).toMatchObject({ reason: expected.reason });
    if (expected.userAction !== undefined) expect(event.userAction).toBe(expected.userAction);
    if (expected.step !== undefined) expect(event).toMatchObject({ step: expected.step });
    if (expected.connection !== undefined) expect(event.connection?.id).toBe(expected.connection);
    // A connection event survives JSON, as it crosses from a webhook handler to a frontend.
    expect(JSON.parse(JSON.stringify(event))).toMatchObject({ state: event.state, event: event.event });
  });

  test('the per-provider functions answer what the dispatcher answers', () => {
    const adapters = {
      plaid: plaidWebhookEvent,
      mx: mxWebhookEvent,
      teller: tellerWebhookEvent,
      finicity: finicityWebhookEvent,
      yodlee: yodleeWebhookEvent,
      aerosync: aerosyncWebhookEvent,
      synapse: synapseWebhookEvent,
    };
    for (const fixture of webhookFixtures()) expect(adapters[fixture.provider](fixture.payload, { normalizer })).toEqual(classify(fixture));
  });

  test('raw text and bytes classify like the parsed payload', () => {
    for (const fixture of webhookFixtures()) {
      const text = JSON.stringify(fixture.payload);
      expect(webhookEvent(text, { provider: fixture.provider, normalizer })).toEqual(classify(fixture));
      expect(webhookEvent(new TextEncoder().encode(text), { provider: fixture.provider, normalizer })).toEqual(classify(fixture));
    }
  });

  test("every provider has fixtures, and every event of the tables but Link's own events is exercised by one", () => {
    const fixtures = webhookFixtures();
    for (const provider of WEBHOOK_PROVIDERS) expect(fixtures.some((fixture) => fixture.provider === provider)).toBe(true);
    const exercised = new Set(fixtures.map((fixture) => `${fixture.provider} ${classify(fixture).event}`));
    const expectedRows = WEBHOOK_EVENTS.filter(
      (row) =>
        !row.event.startsWith('LINK.EVENTS ') &&
        !row.event.startsWith('connection_status ') &&
        !row.event.startsWith('job.* ') &&
        row.event !== 'LATEST_BALANCE.COMPLETED',
    );
    const missing = expectedRows.filter((row) => !exercised.has(`${row.provider} ${row.event}`)).map((row) => `${row.provider} ${row.event}`);
    expect(missing).toEqual([]);
  });

  test('every row of the events table names a first-party https source and a state', () => {
    for (const row of WEBHOOK_EVENTS) {
      expect(row.source).toMatch(/^https:\/\//);
      expect(row.description.length).toBeGreaterThan(10);
    }
  });
});

/** The ```json blocks of a seed file between a heading that starts with `heading` and the next `## ` heading. */
function seedExamples(file: string, heading: string): unknown[] {
  const text = seedText(file);
  const start = text.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`${file}: no heading ${heading}`);
  const next = text.indexOf('\n## ', start + heading.length + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```json\n([\s\S]*?)```/gi)].map((block) => JSON.parse(block[1] ?? '') as unknown);
}

describe.skipIf(!seedsPresent)("the fixtures are the seed files' example payloads", () => {
  const sections = [
    ['plaid', 'events/plaid.md', '## 6. Server-side webhooks'],
    ['mx', 'events/mx.md', '## 2. Server-side webhooks'],
    ['teller', 'events/teller.md', '## 2. Webhooks'],
    ['finicity', 'events/finicity-mastercard.md', '## 2. Connect webhooks'],
    ['yodlee', 'events/yodlee.md', '## 2. Webhooks'],
    ['aerosync', 'events/aerosync.md', '## 2. Webhooks'],
  ] as const;

  test.each(sections)('every example webhook of %s is a fixture, verbatim', (provider, file, heading) => {
    const examples = seedExamples(file, heading);
    expect(examples.length).toBeGreaterThan(0);
    const fixtures = webhookFixtures(provider).filter((fixture) => fixture.example);
    for (const example of examples) expect(fixtures.map((fixture) => fixture.payload)).toContainEqual(example);
    // And no fixture claims to be an example that the seed does not print.
    for (const fixture of fixtures) expect(examples).toContainEqual(fixture.payload);
  });
});

describe('an error a webhook carries agrees with the same error over HTTP', () => {
  const hints = (error: { kind: string; userAction: string; owner: string; severity: string } | undefined) =>
    error && { kind: error.kind, userAction: error.userAction, owner: error.owner, severity: error.severity };

  test('Plaid: the ITEM webhook error is the error object of a 400', () => {
    for (const fixture of webhookFixtures('plaid')) {
      const error = (fixture.payload as { error?: unknown }).error;
      if (typeof error !== 'object' || error === null) continue;
      const event = classify(fixture);
      const http = normalizer.normalize({ provider: 'plaid', status: 400, body: error });
      expect(hints(event.error)).toEqual(hints(http));
      expect(event.error?.code).toBe(http.code);
    }
  });

  test('Teller: a disconnected enrollment reason is the 404 error code it aliases', () => {
    for (const fixture of webhookFixtures('teller')) {
      const reason = (fixture.payload as { payload: { reason?: string } }).payload.reason;
      if (reason === undefined) continue;
      const event = classify(fixture);
      const http = normalizer.normalize({ provider: 'teller', status: 404, body: { error: { code: `enrollment.${reason}`, message: 'disconnected' } } });
      expect(http.kind).toBe('reconnect-required');
      expect(hints(event.error)).toEqual(hints(http));
      expect(event).toMatchObject({
        state: 'needs-reconnect',
        reason: http.kind === 'reconnect-required' ? http.reason : undefined,
        userAction: http.userAction,
      });
    }
  });

  test('MX: a CONNECTION_STATUS status is the member connection_status of a read member', () => {
    for (const fixture of webhookFixtures('mx')) {
      const status = (fixture.payload as { connection_status: string }).connection_status;
      const event = classify(fixture);
      const read = normalizer.normalize({ provider: 'mx', code: status });
      if (event.error !== undefined) expect(hints(event.error)).toEqual(hints(read));
      // The numeric id of the widget's events classifies the same.
      const id = (fixture.payload as { connection_status_id: number }).connection_status_id;
      expect(webhookEvent({ ...fixture.payload, connection_status: undefined }, { provider: 'mx', normalizer }).state).toBe(event.state);
      expect(hints(normalizer.normalize({ provider: 'mx', code: id }))).toEqual(hints(read));
    }
  });

  test('a webhook with an error never pages for one user: a reconnect is info, as over HTTP', () => {
    for (const fixture of webhookFixtures()) {
      const event = classify(fixture);
      if (event.state === 'needs-reconnect' || event.state === 'revoked' || event.state === 'cancelled' || event.state === 'pending')
        expect(event.severity).toBe('info');
    }
  });
});

describe('the Plaid LINK EVENTS webhook', () => {
  const example = webhookFixtures('plaid').find((fixture) => fixture.name.startsWith('plaid LINK.EVENTS (exit after'));

  test('each Link event once, in time order, with the error classified', () => {
    const payload = example?.payload as { events: unknown[] };
    const doubled = { ...payload, events: [...payload.events, payload.events[3]] };
    const events = plaidLinkEvents(doubled, { normalizer });
    expect(events).toHaveLength(11);
    const times = events.map((event) => event.at ?? '');
    expect([...times].sort()).toEqual(times);
    expect(events.every((event) => event.connection?.id === '1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e')).toBe(true);
    const error = events.find((event) => event.event === 'ERROR');
    expect(error).toMatchObject({ state: 'info', error: { kind: 'reconnect-required', code: 'INVALID_CREDENTIALS' } });
    expect(events.at(-1)).toMatchObject({ state: 'failed', event: 'EXIT', reason: 'error', error: { code: 'INVALID_CREDENTIALS' } });
    expect(events.find((event) => event.event === 'SKIP_SUBMIT_PHONE')?.match.by).toBe('event');
  });

  test('a transition to the MFA pane is pending; an unknown Link event is info with its name kept', () => {
    const payload = {
      webhook_type: 'LINK',
      webhook_code: 'EVENTS',
      link_session_id: 's-1',
      link_token: 't',
      events: [
        { event_id: 'a', event_name: 'TRANSITION_VIEW', event_metadata: { view_name: 'MFA' }, timestamp: '2024-05-21T00:17:50Z' },
        { event_id: 'b', event_name: 'A_NEW_EVENT', event_metadata: {}, timestamp: '2024-05-21T00:17:51Z' },
      ],
    };
    const [mfa, unknown] = plaidLinkEvents(payload, { normalizer });
    expect(mfa).toMatchObject({ state: 'pending', step: 'mfa' });
    expect(unknown).toMatchObject({ state: 'info', event: 'A_NEW_EVENT', match: { by: 'none' } });
  });

  test('anything but a LINK EVENTS webhook gives no events', () => {
    expect(plaidLinkEvents(webhookFixtures('plaid')[0]?.payload, { normalizer })).toEqual([]);
    expect(plaidLinkEvents('not json', { normalizer })).toEqual([]);
  });

  test('a user who closed Link is cancelled: never an error, never an alert', () => {
    for (const fixture of webhookFixtures('plaid')) {
      const event = classify(fixture);
      if (event.state !== 'cancelled') continue;
      expect(event.error).toBeUndefined();
      expect(event.severity).toBe('info');
      expect(event.userAction).toBe('none');
    }
  });
});

describe('events no table documents', () => {
  test.each([
    ['plaid', { webhook_type: 'ITEM', webhook_code: 'SOMETHING_NEW', item_id: 'item-1' }, 'ITEM.SOMETHING_NEW'],
    ['plaid', { webhook_type: '__proto__', webhook_code: 'constructor' }, '__proto__.constructor'],
    ['mx', { type: 'CONNECTION_STATUS', connection_status: 'BRAND_NEW', member_guid: 'MBR-1' }, 'CONNECTION_STATUS BRAND_NEW'],
    ['teller', { id: 'wh_1', type: 'enrollment.reconnected', payload: { enrollment_id: 'enr_1' } }, 'enrollment.reconnected'],
    ['finicity', { eventType: 'invalidCredentials', customerId: '1', payload: {} }, 'invalidCredentials'],
    ['yodlee', { event: { info: 'REFRESH.USER_INPUT_REQUIRED', data: {} } }, 'REFRESH.USER_INPUT_REQUIRED'],
    ['aerosync', { event: 'job.balance', data: { status: 'in_progress' } }, 'job.balance in_progress'],
    ['aerosync', { event: 'job.statements', data: { status: 'completed' } }, 'job.statements'],
    ['synapse', { _id: 'n-1', allowed: 'SOMETHING' }, 'NODE SOMETHING'],
  ] as const)('%s %j is info with its raw name kept', (provider, payload, name) => {
    const event = webhookEvent(payload, { provider, normalizer });
    expect(event).toMatchObject({ state: 'info', provider, event: name, severity: 'info', match: { by: 'none' } });
  });

  test('an unknown provider, and a body that is not JSON, are info too', () => {
    expect(webhookEvent({}, { provider: 'stripe', normalizer })).toMatchObject({ state: 'info', provider: 'stripe', event: 'webhook' });
    expect(webhookEvent('<html>', { provider: 'plaid', normalizer })).toMatchObject({ state: 'info', provider: 'plaid', event: 'unreadable' });
  });

  test('an undocumented Plaid code still names its Item and classifies its error', () => {
    const event = webhookEvent(
      {
        webhook_type: 'ITEM',
        webhook_code: 'SOMETHING_NEW',
        item_id: 'item-1',
        error: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'x', display_message: null },
      },
      { provider: 'plaid', normalizer },
    );
    expect(event).toMatchObject({ state: 'info', connection: { type: 'item', id: 'item-1' }, error: { kind: 'reconnect-required' } });
  });

  test("without the provider's catalog in the normalizer, the event still follows its own table", () => {
    const bare = createNormalizer([]);
    const teller = webhookFixtures('teller')[0];
    expect(teller === undefined ? undefined : webhookEvent(teller.payload, { provider: 'teller', normalizer: bare })).toMatchObject({
      state: 'needs-reconnect',
      reason: 'connection',
      error: undefined,
    });
    const mx = webhookFixtures('mx').find((fixture) => fixture.name.endsWith('DENIED'));
    expect(mx === undefined ? undefined : webhookEvent(mx.payload, { provider: 'mx', normalizer: bare })).toMatchObject({
      state: 'info',
      match: { by: 'none' },
    });
  });
});
