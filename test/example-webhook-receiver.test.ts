/**
 * The example webhook receiver end to end over loopback: the testkit fires
 * every documented webhook at it, signed as each provider signs, and forged,
 * stale, tampered and oversized ones; the receiver shows and clears banners,
 * pages only on what pages over HTTP too, and never alerts on a cancel.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConnectionEvent } from '../src/index.js';
import {
  createPlaidTestKey,
  sendWebhook,
  signWebhook,
  webhookFixtures,
  type PlaidTestKey,
  type WebhookFixture,
  type WebhookSigning,
} from '../src/testkit/index.js';
import { decide, startWebhookReceiver, type Receiver } from '../examples/webhook-receiver.js';

const secret = 'shared-secret-for-the-test';
let key: PlaidTestKey;
let receiver: Receiver;
let partial: Receiver;
let signing: WebhookSigning;
const events: ConnectionEvent[] = [];
const logs: string[] = [];

beforeAll(async () => {
  key = await createPlaidTestKey();
  signing = { plaid: { key }, finicity: { secret }, aerosync: { secret }, teller: { secrets: [secret] } };
  receiver = await startWebhookReceiver({
    plaid: { getKey: key.getKey },
    finicity: { secret },
    aerosync: { secret },
    teller: { secret },
    unsigned: ['mx', 'yodlee', 'synapse'],
    onEvent: (event) => events.push(event),
    log: (line) => logs.push(line),
  });
  // A receiver configured for Plaid only: every other route answers 404.
  partial = await startWebhookReceiver({ plaid: { getKey: key.getKey }, log: () => undefined });
});

afterAll(async () => {
  await Promise.all([receiver.close(), partial.close()]);
});

function named(name: string): WebhookFixture {
  const fixture = webhookFixtures().find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return fixture;
}

function send(
  fixture: WebhookFixture,
  extra: { readonly signing?: WebhookSigning; readonly headers?: Record<string, string>; readonly payload?: string } = {},
): Promise<{ status: number }> {
  return sendWebhook({
    url: `${receiver.url}/webhooks/${fixture.provider}`,
    provider: fixture.provider,
    payload: extra.payload ?? fixture.payload,
    signing: extra.signing ?? signing,
    ...(extra.headers === undefined ? {} : { headers: extra.headers }),
  });
}

describe('the example webhook receiver over loopback', () => {
  test('every documented webhook, signed as its provider signs, is accepted and classified as documented', async () => {
    for (const fixture of webhookFixtures()) {
      const before = events.length;
      expect((await send(fixture)).status, fixture.name).toBe(204);
      const event = events[before];
      // A redelivered id is acknowledged without acting: only first deliveries add an event.
      if (event !== undefined) expect(event.state, fixture.name).toBe(fixture.expected.state);
    }
    expect(events.length).toBeGreaterThan(60);
  });

  test('ITEM ERROR shows the banner; LOGIN_REPAIRED for the same Item clears it', async () => {
    await send(named('plaid ITEM.ERROR (ITEM_LOGIN_REQUIRED, OAuth)'));
    expect(receiver.banners().get('plaid:wz666MBjYWTp2PDzzggYhM6oWWmBb')).toMatchObject({
      state: 'needs-reconnect',
      reason: 'credentials',
      userAction: 'reconnect',
    });
    await send(named('plaid ITEM.LOGIN_REPAIRED'));
    expect(receiver.banners().has('plaid:wz666MBjYWTp2PDzzggYhM6oWWmBb')).toBe(false);
  });

  test('a Teller disconnection shows the banner with its reason; an MX member connected again clears its banner', async () => {
    await send(named('teller enrollment.disconnected (disconnected.user_action.mfa_required)'), {
      payload: JSON.stringify({ ...named('teller enrollment.disconnected (disconnected.user_action.mfa_required)').payload, id: 'wh_fresh_1' }),
    });
    expect(receiver.banners().get('teller:enr_oiffb5cocakqmksbkg001')).toMatchObject({ reason: 'institution-attention', userAction: 'restart-mfa' });
    const denied = named('mx CONNECTION_STATUS DENIED');
    await send(denied);
    expect(receiver.banners().get('mx:MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a')).toMatchObject({ reason: 'credentials', userAction: 'reenter-credentials' });
    const connected = { ...named('mx member CONNECTED').payload, guid: 'MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a' };
    await send(denied, { payload: JSON.stringify(connected) });
    expect(receiver.banners().has('mx:MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a')).toBe(false);
  });

  test('a user who closed Link changes nothing and never alerts', async () => {
    const banners = receiver.banners();
    const alerts = receiver.alerts().length;
    for (const name of ['plaid LINK.SESSION_FINISHED (EXITED)', 'plaid LINK.EVENTS (the user closed Link)', 'plaid LINK.EVENTS (abandoned)']) {
      const before = events.length;
      expect((await send(named(name))).status).toBe(204);
      expect(events[before]).toMatchObject({ state: 'cancelled', severity: 'info' });
      expect(decide(events[before] as ConnectionEvent)).toEqual({ banner: 'keep', alert: 'none' });
    }
    expect(receiver.banners()).toEqual(banners);
    expect(receiver.alerts()).toHaveLength(alerts);
  });

  test("one user's broken connection never pages; a Plaid API_ERROR pages, as it does over HTTP", async () => {
    expect(receiver.alerts().filter((alert) => alert.level === 'page')).toEqual([]);
    const outage = {
      ...named('plaid ITEM.ERROR (INSTITUTION_DOWN)').payload,
      error: {
        error_type: 'API_ERROR',
        error_code: 'INTERNAL_SERVER_ERROR',
        error_message: 'an unexpected error occurred',
        display_message: null,
        status: 500,
      },
    };
    await send(named('plaid ITEM.ERROR (INSTITUTION_DOWN)'), { payload: JSON.stringify(outage) });
    expect(receiver.alerts().at(-1)).toEqual({ level: 'page', provider: 'plaid', event: 'ITEM.ERROR' });
  });

  test('forged, unsigned, tampered and stale webhooks are refused with 401 and change nothing', async () => {
    const fixture = named('plaid ITEM.LOGIN_REPAIRED');
    await send(named('plaid ITEM.ERROR (ITEM_LOGIN_REQUIRED, OAuth)'));
    const banners = receiver.banners();
    const accepted = events.length;
    const forger = await createPlaidTestKey({ kid: key.kid });
    expect((await send(fixture, { signing: { plaid: { key: forger } } })).status).toBe(401);
    expect((await send(fixture, { signing: {} })).status).toBe(401);
    expect((await send(fixture, { signing: { plaid: { key, iat: Math.floor(Date.now() / 1000) - 3600 } } })).status).toBe(401);
    const genuine = await sendWebhook({ url: `${receiver.url}/webhooks/plaid`, provider: 'plaid', payload: '{}', signing });
    expect(genuine.status).toBe(204);
    // A genuine signature for "{}" replayed onto another body.
    const headers = await signWebhook({ provider: 'plaid', body: '{}', signing });
    expect((await send(fixture, { headers })).status).toBe(401);
    expect((await send(named('finicity accountsDeleted'), { signing: { finicity: { secret: 'wrong' } } })).status).toBe(401);
    expect((await send(named('aerosync bank.revocation'), { headers: { 'x-webhook-signature': `sha256=${'0'.repeat(64)}` } })).status).toBe(401);
    expect((await send(named('teller webhook.test'), { signing: { teller: { secrets: [secret], timestamp: 1_000_000_000 } } })).status).toBe(401);
    expect(receiver.banners()).toEqual(banners);
    expect(events.length).toBe(accepted + 1);
  });

  test('a redelivered Finicity event (same eventId) is acknowledged and not acted on twice', async () => {
    const fixture = { ...named('finicity accountsDeleted').payload, eventId: 'redelivered-1' };
    const before = events.length;
    expect((await send(named('finicity accountsDeleted'), { payload: JSON.stringify(fixture) })).status).toBe(204);
    expect((await send(named('finicity accountsDeleted'), { payload: JSON.stringify(fixture) })).status).toBe(204);
    expect(events.length).toBe(before + 1);
  });

  test('an unconfigured provider is 404, a body over 1 MiB is 413, a GET is 404', async () => {
    expect(
      (await sendWebhook({ url: `${partial.url}/webhooks/finicity`, provider: 'finicity', payload: named('finicity ping').payload, signing })).status,
    ).toBe(404);
    expect((await sendWebhook({ url: `${receiver.url}/webhooks/stripe`, provider: 'stripe', payload: {} })).status).toBe(404);
    const huge = JSON.stringify({ webhook_type: 'ITEM', padding: 'x'.repeat(1024 * 1024) });
    expect((await sendWebhook({ url: `${receiver.url}/webhooks/plaid`, provider: 'plaid', payload: huge, signing })).status).toBe(413);
    expect((await fetch(`${receiver.url}/webhooks/plaid`)).status).toBe(404);
  });

  test('the log says what happened and nothing of what arrived: no ids, no bodies, no signatures', () => {
    const text = logs.join('\n');
    expect(text).toMatch(/webhook plaid ITEM\.ERROR: needs-reconnect/);
    expect(text).toMatch(/webhook plaid rejected: bad-signature/);
    for (const secretish of ['wz666MBjYWTp2PDzzggYhM6oWWmBb', 'usr_9nSp2KuZ2x4JDw', 'public-sandbox', 'eyJ', secret, 'MBR-48d9a481', 'Citizens Bank'])
      expect(text).not.toContain(secretish);
  });
});
