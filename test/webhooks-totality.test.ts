/**
 * Totality under fast-check: every webhook function answers any hostile
 * delivery with a valid value (never a throw, never a rejected promise), no
 * forged or mutated signature is ever accepted, and a cancel is never an alert.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { CONNECTION_STATES, SEVERITIES, USER_ACTIONS, createNormalizer } from '../src/index.js';
import { hostileWebhook } from '../src/testkit/arbitraries-entry.js';
import { createPlaidTestKey, signWebhook, webhookFixtures, type PlaidTestKey } from '../src/testkit/index.js';
import * as webhooks from '../src/webhooks/index.js';
import { isConnectionEvent } from './support/hostile.js';

const normalizer = createNormalizer(allCatalogs);

const classifiers = {
  webhookEvent: (body: unknown, provider: unknown) => webhooks.webhookEvent(body, { provider: provider as string, normalizer }),
  plaidWebhookEvent: (body: unknown) => webhooks.plaidWebhookEvent(body, { normalizer }),
  mxWebhookEvent: (body: unknown) => webhooks.mxWebhookEvent(body, { normalizer }),
  tellerWebhookEvent: (body: unknown) => webhooks.tellerWebhookEvent(body, { normalizer }),
  finicityWebhookEvent: (body: unknown) => webhooks.finicityWebhookEvent(body, { normalizer }),
  yodleeWebhookEvent: (body: unknown) => webhooks.yodleeWebhookEvent(body, { normalizer }),
  aerosyncWebhookEvent: (body: unknown) => webhooks.aerosyncWebhookEvent(body, { normalizer }),
  synapseWebhookEvent: (body: unknown) => webhooks.synapseWebhookEvent(body, { normalizer }),
};

describe('the classifiers are total', () => {
  describe.each(Object.entries(classifiers))('%s', (_name, classify) => {
    fcTest.prop([hostileWebhook()], { numRuns: 150 })('answers a valid connection event for any delivery', (hook) => {
      const event = classify(hook.body, hook.provider);
      expect(isConnectionEvent(event)).toBe(true);
      // A cancel is never louder than info, whatever else the payload says.
      if (event.state === 'cancelled') expect(event.severity).toBe('info');
    });
  });

  fcTest.prop([hostileWebhook({ providers: ['plaid'] })], { numRuns: 150 })('plaidLinkEvents answers an array of valid events', (hook) => {
    const events = webhooks.plaidLinkEvents(hook.body, { normalizer });
    expect(Array.isArray(events)).toBe(true);
    expect(events.every(isConnectionEvent)).toBe(true);
  });

  fcTest.prop([fc.anything({ withNullPrototype: true }), fc.anything({ withNullPrototype: true })], { numRuns: 60 })(
    'any options at all, a hostile normalizer included',
    (body, options) => {
      const throwing = {
        normalize: () => {
          throw new Error('boom');
        },
        pending: () => {
          throw new Error('boom');
        },
      };
      const garbage = { normalize: () => ({ kind: 42 }) };
      for (const normalizerOption of [options, throwing, garbage]) {
        for (const provider of webhooks.WEBHOOK_PROVIDERS) {
          expect(isConnectionEvent(webhooks.webhookEvent(body, { provider, normalizer: normalizerOption } as never))).toBe(true);
        }
      }
      for (const fixture of webhookFixtures()) {
        expect(isConnectionEvent(webhooks.webhookEvent(fixture.payload, { provider: fixture.provider, normalizer: throwing } as never))).toBe(true);
        expect(isConnectionEvent(webhooks.webhookEvent(fixture.payload, { provider: fixture.provider, normalizer: garbage } as never))).toBe(true);
      }
    },
  );

  fcTest.prop(
    [
      fc.constantFrom(...webhooks.WEBHOOK_PROVIDERS),
      fc.string({ maxLength: 64 }),
      fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString')),
    ],
    { numRuns: 200 },
  )('any event name answers, and an undocumented one is info', (provider, event, status) => {
    const payloads = [
      { webhook_type: event, webhook_code: status },
      { type: event, connection_status: status, member_guid: 'm' },
      { type: event, payload: { reason: status, enrollment_id: 'e' } },
      { eventType: event, payload: { accounts: [{ aggregationStatusCode: status }] } },
      { event: { info: event, data: { providerAccount: [{ status, dataset: [{ additionalStatus: status }] }] } } },
      { event, data: { status } },
      { _id: event, allowed: status },
    ];
    for (const payload of payloads) {
      const answer = webhooks.webhookEvent(payload, { provider, normalizer });
      expect(isConnectionEvent(answer)).toBe(true);
      if (answer.match.by === 'none') expect(answer.state).toBe('info');
    }
  });
});

describe('the receivers are total and never accept what they cannot verify', () => {
  let key: PlaidTestKey;
  beforeAll(async () => {
    key = await createPlaidTestKey();
  });

  const isResult = (result: webhooks.WebhookResult): boolean =>
    result.ok
      ? isConnectionEvent(result.event) && typeof result.verified === 'boolean'
      : webhooks.WEBHOOK_REJECTIONS.includes(result.reason) && typeof result.message === 'string';

  fcTest.prop([hostileWebhook()], { numRuns: 150 })('any delivery to a signing provider is rejected with a reason', async (hook) => {
    const receivers = [
      webhooks.receivePlaidWebhook(hook.body as string, hook.headers as Headers, { normalizer, getKey: key.getKey }),
      webhooks.receiveFinicityWebhook(hook.body as string, hook.headers as Headers, { normalizer, secret: 'secret' }),
      webhooks.receiveAerosyncWebhook(hook.body as string, hook.headers as Headers, { normalizer, secret: 'secret' }),
      webhooks.receiveTellerWebhook(hook.body as string, hook.headers as Headers, { normalizer, secret: 'secret' }),
      webhooks.receiveWebhook(
        hook.body as string,
        hook.headers as Headers,
        { provider: hook.provider, normalizer, secret: 'secret', getKey: key.getKey } as never,
      ),
    ];
    for (const result of await Promise.all(receivers)) {
      expect(isResult(result)).toBe(true);
      // Nobody but the key holders can sign: random headers never verify.
      if (result.ok) expect(result.verified).toBe(false);
    }
  });

  fcTest.prop([fc.anything({ withNullPrototype: true }), fc.anything({ withNullPrototype: true }), fc.anything({ withNullPrototype: true })], { numRuns: 100 })(
    'any arguments at all',
    async (body, headers, options) => {
      for (const receive of [
        webhooks.receiveWebhook,
        webhooks.receivePlaidWebhook,
        webhooks.receiveFinicityWebhook,
        webhooks.receiveAerosyncWebhook,
        webhooks.receiveTellerWebhook,
      ]) {
        expect(isResult(await receive(body as never, headers as never, options as never))).toBe(true);
      }
    },
  );

  const signed = webhookFixtures().filter((fixture) => ['plaid', 'finicity', 'aerosync', 'teller'].includes(fixture.provider));

  fcTest.prop([fc.constantFrom(...signed), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean()], { numRuns: 120 })(
    'one changed byte, in the body or in the signature, is never accepted',
    async (fixture, position, flip, inBody) => {
      const body = JSON.stringify(fixture.payload);
      const signing = { plaid: { key }, finicity: { secret: 's3cret' }, aerosync: { secret: 's3cret' }, teller: { secrets: ['s3cret'] } };
      const headers = await signWebhook({ provider: fixture.provider, body, signing });
      const options = { provider: fixture.provider, normalizer, getKey: key.getKey, secret: 's3cret' } as never;
      expect(await webhooks.receiveWebhook(body, headers, options)).toMatchObject({ ok: true, verified: true });
      const bytes = new TextEncoder().encode(body);
      const [name, value] = Object.entries(headers).find(([header]) => header !== 'content-type') ?? ['', ''];
      let tamperedBody: Uint8Array = bytes;
      let tamperedHeaders = headers;
      if (inBody) {
        tamperedBody = bytes.slice();
        const at = position % tamperedBody.length;
        tamperedBody[at] = (tamperedBody[at] ?? 0) ^ flip;
      } else {
        const chars = [...value];
        const at = position % chars.length;
        const original = chars[at] ?? '';
        // Another character of the same alphabet, so the header stays well-formed where it can.
        chars[at] =
          original === 'a' ? 'b' : original === '0' ? '1' : original === 'A' ? 'B' : original === '.' || original === ',' || original === '=' ? original : 'a';
        if (chars.join('') === value) return;
        tamperedHeaders = { ...headers, [name]: chars.join('') };
      }
      const result = await webhooks.receiveWebhook(tamperedBody, tamperedHeaders, options);
      expect(result.ok).toBe(false);
    },
  );
});

describe('the runtime lists', () => {
  fcTest.prop([fc.constantFrom(...webhookFixtures())], { numRuns: 50 })(
    'every fixture classifies to a state, user action and severity of the closed lists',
    (fixture) => {
      const event = webhooks.webhookEvent(fixture.payload, { provider: fixture.provider, normalizer });
      expect(CONNECTION_STATES).toContain(event.state);
      expect(USER_ACTIONS).toContain(event.userAction);
      expect(SEVERITIES).toContain(event.severity);
    },
  );
});
