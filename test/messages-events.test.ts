/**
 * renderConnectionEvent: a cancel renders nothing, `recovered` the "all good"
 * line, every other state a complete message in English and Spanish; an event
 * that carries an error renders exactly as renderMessage renders the error; the
 * same override layering as errors; nothing of the provider's reaches the text.
 */
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CONNECTION_STATES, createNormalizer, USER_ACTIONS } from '../src/index.js';
import type { ConnectionEvent, ConnectionState } from '../src/index.js';
import { connectionEvent } from '../src/connections/build.js';
import { EVENT_MESSAGES_EN, MESSAGES_EN, renderConnectionEvent, renderMessage } from '../src/messages/index.js';
import type { EventRenderOptions, RenderedMessage, TextState } from '../src/messages/index.js';
import { EVENT_MESSAGES_ES, MESSAGES_ES } from '../src/messages/es.js';
import { plaid } from '../catalogs/plaid.js';
import { mx } from '../catalogs/mx.js';
import { widgetFixtures } from '../src/testkit/index.js';
import { mxConnectEvent, plaidLinkEvent } from '../src/widgets/index.js';
import { ADAPTERS } from './support/widgets.js';
import { hostileValue } from './support/hostile.js';

const spanish: EventRenderOptions = { locale: 'es', locales: { es: { ...MESSAGES_ES, ...EVENT_MESSAGES_ES } } };
const normalizer = createNormalizer([plaid, mx]);
const TEXT_STATES = Object.keys(EVENT_MESSAGES_EN.states) as TextState[];

/** An event of a state, naming ids and a provider message that must never reach the text. */
function eventOf(state: ConnectionState, extra: Record<string, unknown> = {}): ConnectionEvent {
  return connectionEvent(state, {
    provider: 'plaid',
    event: 'ITEM.SECRET_EVENT',
    connection: { type: 'item', id: 'item-sk_live_0123' },
    user: 'usr-secret-42',
    accounts: ['acct-secret-7'],
    match: { by: 'event', source: 'https://plaid.com/docs/', description: 'developer text' },
    ...extra,
  }) as ConnectionEvent;
}

const SECRETS = ['sk_live_0123', 'usr-secret-42', 'acct-secret-7', 'SECRET_EVENT', 'developer text', 'plaid'];

function expectComplete(message: RenderedMessage | undefined): asserts message is RenderedMessage {
  expect(message).toBeDefined();
  expect(message?.title.trim()).not.toBe('');
  expect(message?.body.trim()).not.toBe('');
  expect(message?.action.label.trim()).not.toBe('');
  expect(USER_ACTIONS).toContain(message?.action.kind);
}

describe('what each state renders', () => {
  test('a cancel renders nothing, in any locale, with any override', () => {
    const cancel = eventOf('cancelled', { step: 'requires_credentials' });
    expect(renderConnectionEvent(cancel)).toBeUndefined();
    expect(renderConnectionEvent(cancel, spanish)).toBeUndefined();
    expect(
      renderConnectionEvent(cancel, {
        messages: { en: { states: { info: { title: 'x', body: 'y' } }, events: { plaid: { 'ITEM.SECRET_EVENT': { title: 'x' } } } } },
      }),
    ).toBeUndefined();
    for (const fixture of widgetFixtures().filter((f) => f.expected.state === 'cancelled')) {
      expect(renderConnectionEvent(ADAPTERS[fixture.provider](fixture.callback, fixture.payload))).toBeUndefined();
    }
  });

  test('recovered renders the "all good" line, with nothing to do', () => {
    expect(renderConnectionEvent(eventOf('recovered'))).toEqual({
      title: 'All good',
      body: 'Your bank connection is working again.',
      action: { kind: 'none', label: 'OK' },
    });
  });

  test('info renders nothing unless an override words it', () => {
    expect(renderConnectionEvent(eventOf('info'))).toBeUndefined();
    expect(renderConnectionEvent(eventOf('info'), { messages: { en: { states: { info: { title: 'Heads up', body: 'Something changed.' } } } } })).toMatchObject(
      { title: 'Heads up', body: 'Something changed.' },
    );
  });

  test.each(TEXT_STATES.map((state) => [state]))('%s renders a complete message in English and in Spanish, and they differ', (state) => {
    const event = eventOf(state, state === 'failed' ? { failure: 'widget' } : {});
    const en = renderConnectionEvent(event);
    const es = renderConnectionEvent(event, spanish);
    expectComplete(en);
    expectComplete(es);
    expect(en.title).toBe(EVENT_MESSAGES_EN.states[state].title);
    expect(es.title).toBe(EVENT_MESSAGES_ES.states[state].title);
    expect(es.title).not.toBe(en.title);
    expect(es.action.label).toBe(MESSAGES_ES.actions[en.action.kind]);
    expect(en.action.kind).toBe(event.userAction);
  });

  test('every locale words every state and the same details', () => {
    expect(Object.keys(EVENT_MESSAGES_ES.states).sort()).toEqual(Object.keys(EVENT_MESSAGES_EN.states).sort());
    expect(Object.keys(EVENT_MESSAGES_ES.stateDetails ?? {}).sort()).toEqual(Object.keys(EVENT_MESSAGES_EN.stateDetails ?? {}).sort());
    expect(CONNECTION_STATES.filter((state) => !(TEXT_STATES as string[]).includes(state)).sort()).toEqual(['cancelled', 'info', 'needs-reconnect']);
  });

  test('details: an institution not supported or not found, an MFA step', () => {
    expect(renderConnectionEvent(eventOf('failed', { failure: 'institution-unsupported', userAction: 'link-another-account' }))).toEqual({
      title: 'Bank not supported',
      body: "We can't connect to this bank.",
      action: { kind: 'link-another-account', label: 'Link another account' },
    });
    // Not found words as any failure: the user links another account (the adapter's action).
    expect(renderConnectionEvent(eventOf('failed', { failure: 'institution-not-found', userAction: 'link-another-account' }))).toEqual({
      title: "Couldn't connect",
      body: "We couldn't connect to your bank.",
      action: { kind: 'link-another-account', label: 'Link another account' },
    });
    expect(renderConnectionEvent(eventOf('pending', { step: 'mfa' }))?.title).toBe("Verify it's you");
    expect(renderConnectionEvent(eventOf('pending', { step: 'CREATED' }))?.title).toBe('Connecting');
  });
});

describe('an error behind the event renders as renderMessage renders it', () => {
  test('a Plaid onExit with INVALID_CREDENTIALS, classified, says what the HTTP path says', () => {
    const event = plaidLinkEvent(
      'onExit',
      {
        error: {
          error_type: 'ITEM_ERROR',
          error_code: 'INVALID_CREDENTIALS',
          error_message: 'the provided credentials were not correct',
          display_message: 'Wrong password.',
        },
        metadata: { status: 'requires_credentials' },
      },
      { normalizer },
    );
    const error = event.error;
    expect(error).toBeDefined();
    expect(renderConnectionEvent(event)).toEqual(renderMessage(error));
    expect(renderConnectionEvent(event, spanish)).toEqual(renderMessage(error, spanish));
    expect(renderConnectionEvent(event, { displayMessage: true })?.body).toBe('Wrong password.');
    expect(renderConnectionEvent(event)?.title).toBe('Check your bank login');
  });

  test('an MX DENIED from the widget renders the same text as the same status from the webhook path', () => {
    const event = mxConnectEvent(
      'message',
      { type: 'mx/connect/memberStatusUpdate', metadata: { member_guid: 'MBR-1', connection_status: 2 } },
      { normalizer },
    );
    expect(renderConnectionEvent(event)).toEqual(renderMessage(normalizer.normalize({ provider: 'mx', code: 'DENIED' })));
  });

  test('a needs-reconnect renders the reconnect-required text of its reason, with or without an error', () => {
    for (const reason of ['credentials', 'consent', 'account-locked', 'connection'] as const) {
      const message = renderConnectionEvent(eventOf('needs-reconnect', { reason }));
      expect(message).toEqual(renderMessage({ kind: 'reconnect-required', reason, userAction: 'reconnect' }));
    }
    expect(renderConnectionEvent(eventOf('needs-reconnect', { reason: 'credentials' }))?.title).toBe('Check your bank login');
    expect(renderConnectionEvent(eventOf('needs-reconnect', { reason: 'consent' }), spanish)?.body).toBe(
      MESSAGES_ES.details['reconnect-required.consent']?.body,
    );
  });

  test('error overrides apply to events that carry the error', () => {
    const event = plaidLinkEvent('onExit', { error: { error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS' }, metadata: {} }, { normalizer });
    const options: EventRenderOptions = { messages: { en: { codes: { plaid: { INVALID_CREDENTIALS: { title: 'Wrong bank password' } } } } } };
    expect(renderConnectionEvent(event, options)?.title).toBe('Wrong bank password');
  });

  test('a failed event without an error uses the event texts, with the adapter’s action', () => {
    const event = plaidLinkEvent('onExit', { error: { error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS' }, metadata: {} });
    expect(renderConnectionEvent(event)).toEqual({
      title: "Couldn't connect",
      body: "We couldn't connect to your bank.",
      action: { kind: 'reconnect', label: 'Reconnect' },
    });
  });
});

describe('overrides, layered as for errors', () => {
  const event = eventOf('connected');

  test('the most specific entry wins: the event, then its detail, then the state; the caller’s before the locale’s', () => {
    const base = { states: { connected: { title: 'S', body: 'state body' } } };
    expect(renderConnectionEvent(event, { messages: { en: base } })).toMatchObject({ title: 'S', body: 'state body' });
    expect(renderConnectionEvent(event, { messages: { en: { ...base, events: { plaid: { 'ITEM.SECRET_EVENT': { title: 'E' } } } } } })).toMatchObject({
      title: 'E',
      body: 'state body',
    });
    const failed = eventOf('failed', { failure: 'institution-unsupported' });
    expect(
      renderConnectionEvent(failed, {
        messages: { en: { stateDetails: { 'failed.institution-unsupported': { title: 'D' } }, states: { failed: { title: 'S' } } } },
      })?.title,
    ).toBe('D');
    expect(renderConnectionEvent(failed, { messages: { en: { states: { failed: { title: 'S' } } } } })).toMatchObject({
      title: 'S',
      body: "We can't connect to this bank.",
    });
  });

  test('an override’s action and label win, a label belongs to its entry’s action, and action labels follow the error texts', () => {
    expect(
      renderConnectionEvent(event, { messages: { en: { states: { connected: { action: 'link-another-account', label: 'Add another bank' } } } } })?.action,
    ).toEqual({ kind: 'link-another-account', label: 'Add another bank' });
    expect(
      renderConnectionEvent(event, {
        messages: { en: { states: { connected: { action: 'link-another-account' } }, actions: { 'link-another-account': 'Add one more' } } },
      })?.action,
    ).toEqual({ kind: 'link-another-account', label: 'Add one more' });
    expect(renderConnectionEvent(event, { messages: { en: { actions: { none: 'Great' } } } })?.action).toEqual({ kind: 'none', label: 'Great' });
  });

  test('a locale tag falls back to its language (es-MX, es_MX), then to English; an error-only locale keeps English event texts', () => {
    const es = renderConnectionEvent(event, spanish);
    expect(renderConnectionEvent(event, { ...spanish, locale: 'es-MX' })).toEqual(es);
    expect(renderConnectionEvent(event, { ...spanish, locale: 'es_MX' })).toEqual(es);
    expect(renderConnectionEvent(event, { ...spanish, locale: 'fr' })).toEqual(renderConnectionEvent(event));
    const errorOnly = renderConnectionEvent(event, { locale: 'es', locales: { es: MESSAGES_ES as never } });
    expect(errorOnly).toEqual({ title: 'Bank connected', body: 'Your bank is connected.', action: { kind: 'none', label: 'Aceptar' } });
  });

  test('one options object serves renderMessage and renderConnectionEvent', () => {
    const error = normalizer.normalize({ provider: 'mx', code: 'LOCKED' });
    expect(renderMessage(error, spanish).title).toBe(MESSAGES_ES.kinds['reconnect-required'].title);
  });
});

describe('safety', () => {
  test('ids, the provider, the event name and its description never reach the text', () => {
    for (const state of CONNECTION_STATES) {
      const text = JSON.stringify(renderConnectionEvent(eventOf(state, state === 'failed' ? { failure: 'error' } : {})) ?? null);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  test('an event as a gateway sends it (parsed JSON) renders as the event it came from', () => {
    for (const fixture of widgetFixtures()) {
      const event = ADAPTERS[fixture.provider](fixture.callback, fixture.payload, { normalizer });
      expect(renderConnectionEvent(JSON.parse(JSON.stringify(event)) as unknown)).toEqual(renderConnectionEvent(event));
    }
  });

  test('prototype names as state, provider or event find nothing', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(renderConnectionEvent({ state: name })).toBeUndefined();
      expect(renderConnectionEvent({ ...eventOf('connected'), provider: name, event: name })?.title).toBe('Bank connected');
      // Inherited entries are never read: only a caller's own keys count.
      const inherited = Object.create({ [name]: { states: { connected: { title: 'x' } } } }) as never;
      expect(renderConnectionEvent(eventOf('connected'), { locale: name, messages: inherited, locales: inherited })?.title).toBe('Bank connected');
    }
  });

  fcTest.prop([hostileValue, hostileValue])('any value and any options: undefined or a complete message, never a throw', (a, b) => {
    const message = renderConnectionEvent(a(), b() as never);
    if (message !== undefined) {
      expect(typeof message.title).toBe('string');
      expect(message.title.trim()).not.toBe('');
      expect(typeof message.body).toBe('string');
      expect(USER_ACTIONS).toContain(message.action.kind);
      expect(typeof message.action.label).toBe('string');
    }
  });

  test('hostile options with a valid event fall back to the English texts', () => {
    const options = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
      },
    );
    expect(renderConnectionEvent(eventOf('recovered'), options as never)?.title).toBe('All good');
    expect(MESSAGES_EN.actions.none).toBe('OK');
  });
});
