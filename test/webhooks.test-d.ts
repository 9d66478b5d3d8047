/**
 * Types of the webhook entry: matching a ConnectionEvent's `state` is
 * exhaustive (a missing state fails to compile), each state narrows to its
 * detail, and a receiver's result narrows on `ok`.
 */
import { match } from 'ts-pattern';
import { describe, expectTypeOf, test } from 'vitest';
import type { CONNECTION_STATES, ConnectionEvent, ConnectionState, ReconnectReason } from '../src/index.js';
import {
  type WEBHOOK_PROVIDERS,
  type WEBHOOK_REJECTIONS,
  receiveWebhook,
  webhookEvent,
  type WebhookProvider,
  type WebhookRejection,
  type WebhookResult,
} from '../src/webhooks/index.js';

declare const event: ConnectionEvent;

describe('the state union', () => {
  test('the runtime list and the type are one source', () => {
    expectTypeOf<(typeof CONNECTION_STATES)[number]>().toEqualTypeOf<ConnectionState>();
    expectTypeOf<ConnectionEvent['state']>().toEqualTypeOf<ConnectionState>();
    expectTypeOf<(typeof WEBHOOK_PROVIDERS)[number]>().toEqualTypeOf<WebhookProvider>();
    expectTypeOf<(typeof WEBHOOK_REJECTIONS)[number]>().toEqualTypeOf<WebhookRejection>();
  });

  test('an exhaustive match over state compiles only when every state is handled, and each narrows to its detail', () => {
    const act = (e: ConnectionEvent): string =>
      match(e)
        .with({ state: 'connected' }, () => 'clear banner')
        .with({ state: 'recovered' }, () => 'clear banner')
        .with({ state: 'needs-reconnect' }, (x) => x.reason)
        .with({ state: 'expiring' }, (x) => x.expiresAt ?? 'soon')
        .with({ state: 'revoked' }, (x) => x.scope)
        .with({ state: 'degraded' }, () => 'wait')
        .with({ state: 'pending' }, (x) => x.step ?? 'step')
        .with({ state: 'new-accounts' }, () => 'share')
        .with({ state: 'cancelled' }, (x) => x.step ?? 'nothing')
        .with({ state: 'failed' }, (x) => x.reason)
        .with({ state: 'info' }, () => 'nothing')
        .exhaustive();
    expectTypeOf(act).returns.toBeString();

    const missingCancel = (e: ConnectionEvent): string =>
      match(e)
        .with({ state: 'connected' }, () => 'a')
        .with({ state: 'recovered' }, () => 'b')
        .with({ state: 'needs-reconnect' }, () => 'c')
        .with({ state: 'expiring' }, () => 'd')
        .with({ state: 'revoked' }, () => 'e')
        .with({ state: 'degraded' }, () => 'f')
        .with({ state: 'pending' }, () => 'g')
        .with({ state: 'new-accounts' }, () => 'h')
        .with({ state: 'failed' }, () => 'j')
        .with({ state: 'info' }, () => 'k')
        // @ts-expect-error 'cancelled' is not handled, so exhaustive() does not compile
        .exhaustive();
    expectTypeOf(missingCancel).toBeFunction();
  });

  test('a switch without a default fails its never check when a state is missing', () => {
    const assertNever = (value: never): never => value;
    const complete = (e: ConnectionEvent): string => {
      switch (e.state) {
        case 'connected':
        case 'recovered':
        case 'needs-reconnect':
        case 'expiring':
        case 'revoked':
        case 'degraded':
        case 'pending':
        case 'new-accounts':
        case 'cancelled':
        case 'failed':
        case 'info':
          return e.state;
        default:
          return assertNever(e);
      }
    };
    const missingRecovered = (e: ConnectionEvent): string => {
      switch (e.state) {
        case 'connected':
        case 'needs-reconnect':
        case 'expiring':
        case 'revoked':
        case 'degraded':
        case 'pending':
        case 'new-accounts':
        case 'cancelled':
        case 'failed':
        case 'info':
          return e.state;
        default:
          // @ts-expect-error 'recovered' is not handled, so e is not never
          return assertNever(e);
      }
    };
    expectTypeOf(complete).toBeFunction();
    expectTypeOf(missingRecovered).toBeFunction();
  });

  test('detail fields exist only on their state', () => {
    if (event.state === 'needs-reconnect') expectTypeOf(event.reason).toEqualTypeOf<ReconnectReason>();
    if (event.state === 'expiring') expectTypeOf(event.expiresAt).toEqualTypeOf<string | undefined>();
    // @ts-expect-error a recovered event has no reason
    if (event.state === 'recovered') void event.reason;
  });
});

describe('the webhook functions', () => {
  test('webhookEvent answers a ConnectionEvent; receiveWebhook a result that narrows on ok', () => {
    expectTypeOf(webhookEvent).returns.toEqualTypeOf<ConnectionEvent>();
    expectTypeOf(receiveWebhook).returns.toEqualTypeOf<Promise<WebhookResult>>();
    const handle = (result: WebhookResult): string => (result.ok ? result.event.state : result.reason);
    expectTypeOf(handle).returns.toBeString();
    // @ts-expect-error a rejection carries no event
    const wrong = (result: WebhookResult): unknown => !result.ok && result.event;
    expectTypeOf(wrong).toBeFunction();
  });

  test('the options say what each provider needs: a key lookup for Plaid, a secret for the HMAC providers', () => {
    const normalizer = { normalize: () => undefined as never };
    expectTypeOf(receiveWebhook).toBeCallableWith('{}', {}, { provider: 'plaid', normalizer, getKey: async () => undefined });
    expectTypeOf(receiveWebhook).toBeCallableWith('{}', {}, { provider: 'finicity', normalizer, secret: 's' });
    expectTypeOf(receiveWebhook).toBeCallableWith('{}', {}, { provider: 'mx', normalizer });
    // @ts-expect-error Finicity signs: a secret is required
    void receiveWebhook('{}', {}, { provider: 'finicity', normalizer });
    // @ts-expect-error Plaid signs: a key lookup is required
    void receiveWebhook('{}', {}, { provider: 'plaid', normalizer });
    // @ts-expect-error every adapter classifies with a normalizer
    void webhookEvent({}, { provider: 'mx' });
  });
});
