import { describe, expect, test } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { AggregatorError, createNormalizer, KIND_DEFAULTS, KIND_DETAILS, KINDS, USER_ACTIONS } from '../src/index.js';
import type { Kind, NormalizedError } from '../src/index.js';
import { MESSAGES_EN, renderMessage } from '../src/messages/index.js';
import { MESSAGES_ES } from '../src/messages/es.js';

// English is built in; Spanish comes from its own entry, as a bundle that wants it imports it.
const MESSAGES = { en: MESSAGES_EN, es: MESSAGES_ES } as const;
const locales = { es: MESSAGES_ES };
import type { RenderedMessage } from '../src/messages/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { plaid } from '../catalogs/plaid.js';

const { normalize } = createNormalizer([aerosync, plaid]);

/** A normalized error of a kind, as a gateway would send it, with integrator-side detail an end user must never see. */
function errorOf(kind: Kind, extra: Record<string, unknown> = {}): NormalizedError {
  const defaults = KIND_DEFAULTS[kind];
  return {
    kind,
    provider: 'aerosync',
    status: 400,
    code: 'AC-104',
    message: 'developer text: apiKey sk_live_0123456789 rejected for user u-42',
    displayMessage: undefined,
    endpoint: 'GET /accounts/{user_id}/balance',
    params: { user_id: 'u-42' },
    requestId: 'req-7f3a9c',
    retry: { retryable: defaults.retryable, afterMs: undefined, afterSource: undefined, waitForJob: false, mayHaveSucceeded: false },
    userAction: defaults.userAction,
    owner: defaults.owner,
    severity: defaults.severity,
    match: { by: 'row', documentedStatus: undefined, description: undefined, note: undefined, source: undefined },
    ...extra,
  } as unknown as NormalizedError;
}

const SECRETS = ['sk_live_0123456789', 'u-42', 'req-7f3a9c', 'AC-104', 'developer text', 'aerosync', 'GET /accounts'];

function expectComplete(message: RenderedMessage): void {
  expect(message.title.trim()).not.toBe('');
  expect(message.body.trim()).not.toBe('');
  expect(message.action.label.trim()).not.toBe('');
  expect(USER_ACTIONS).toContain(message.action.kind);
}

function expectNoSecrets(message: RenderedMessage): void {
  const text = JSON.stringify(message);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('built-in texts', () => {
  test.each(KINDS.map((kind) => [kind]))('%s renders a complete message in English and Spanish, and they differ', (kind) => {
    const error = errorOf(kind);
    const en = renderMessage(error);
    const es = renderMessage(error, { locale: 'es', locales });
    expectComplete(en);
    expectComplete(es);
    expect(en.title).toBe(MESSAGES_EN.kinds[kind].title);
    expect(en.body).toBe(MESSAGES_EN.kinds[kind].body);
    expect(es.title).toBe(MESSAGES_ES.kinds[kind].title);
    expect(es.title).not.toBe(en.title);
    expect(es.body).not.toBe(en.body);
    expect(es.action.label).not.toBe(en.action.label);
    expect(en.action.kind).toBe(KIND_DEFAULTS[kind].userAction);
    expectNoSecrets(en);
    expectNoSecrets(es);
  });

  test.each(USER_ACTIONS.map((action) => [action]))('action %s has a label in both locales, and they differ', (action) => {
    expect(MESSAGES_EN.actions[action].trim()).not.toBe('');
    expect(MESSAGES_ES.actions[action]).not.toBe(MESSAGES_EN.actions[action]);
    const rendered = renderMessage(errorOf('unknown', { userAction: action }), { locale: 'es', locales });
    expect(rendered.action).toEqual({ kind: action, label: MESSAGES_ES.actions[action] });
  });

  test('Spanish documents the same details as English, each text translated', () => {
    expect(Object.keys(MESSAGES_ES.details).sort()).toEqual(Object.keys(MESSAGES_EN.details).sort());
    for (const [key, en] of Object.entries(MESSAGES_EN.details)) {
      const es = MESSAGES_ES.details[key as keyof typeof MESSAGES_ES.details];
      expect(Object.keys(es ?? {}).sort(), key).toEqual(Object.keys(en).sort());
      if (en.title !== undefined) expect(es?.title).not.toBe(en.title);
      expect(es?.body).not.toBe(en.body);
    }
  });

  const details = Object.entries(KIND_DETAILS).flatMap(([kind, spec]) => spec.values.map((value) => [kind as Kind, spec.field, value] as const));
  test.each(details)('%s with %s %s renders a complete message; a documented detail changes the body', (kind, field, value) => {
    for (const locale of ['en', 'es'] as const) {
      const rendered = renderMessage(errorOf(kind, { [field]: value }), { locale, locales });
      expectComplete(rendered);
      const entry = MESSAGES[locale].details[`${kind}.${value}` as keyof (typeof MESSAGES)['en']['details']];
      expect(rendered.body).toBe(entry?.body ?? MESSAGES[locale].kinds[kind].body);
      expect(rendered.title).toBe(entry?.title ?? MESSAGES[locale].kinds[kind].title);
    }
  });

  test('a changed bank password reads differently from a revoked consent', () => {
    const credentials = renderMessage(errorOf('reconnect-required', { reason: 'credentials', userAction: 'reenter-credentials' }));
    const consent = renderMessage(errorOf('reconnect-required', { reason: 'consent' }));
    expect(credentials.body).not.toBe(consent.body);
    expect(credentials.action).toEqual({ kind: 'reenter-credentials', label: MESSAGES_EN.actions['reenter-credentials'] });
  });

  test('a detail of another kind is ignored: scope is read for rate-limited, reason elsewhere', () => {
    expect(renderMessage(errorOf('rate-limited', { reason: 'credentials' })).body).toBe(MESSAGES_EN.kinds['rate-limited'].body);
    expect(renderMessage(errorOf('auth', { reason: 'credentials' })).body).toBe(MESSAGES_EN.kinds.auth.body);
  });
});

describe('locales', () => {
  const error = errorOf('fi-unavailable');
  test.each([
    [undefined, 'en'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ES-419', 'es'],
    ['es_MX', 'es'],
    ['fr', 'en'],
    ['', 'en'],
    ['__proto__', 'en'],
  ] as const)('locale %s renders %s', (locale, expected) => {
    const rendered = renderMessage(error, locale === undefined ? { locales } : { locale, locales });
    expect(rendered.title).toBe(MESSAGES[expected].kinds['fi-unavailable'].title);
  });

  test('a language no locale was given for renders English: a bundle carries only the languages it imports', () => {
    expect(renderMessage(error, { locale: 'es-MX' })).toEqual(renderMessage(error, { locale: 'en' }));
  });

  test('a custom locale is used, and what it leaves out falls back to English', () => {
    const messages = { fr: { kinds: { 'fi-unavailable': { title: 'Votre banque ne répond pas' } }, actions: { wait: 'Réessayer plus tard' } } };
    const rendered = renderMessage(error, { locale: 'fr-CA', messages });
    expect(rendered).toEqual({
      title: 'Votre banque ne répond pas',
      body: MESSAGES_EN.kinds['fi-unavailable'].body,
      action: { kind: 'wait', label: 'Réessayer plus tard' },
    });
  });

  test('a custom regional locale wins over the built-in language it falls back to', () => {
    const messages = { 'es-AR': { kinds: { 'fi-unavailable': { body: 'Tu banco no anda por ahora.' } } } };
    expect(renderMessage(error, { locale: 'es-AR', locales, messages }).body).toBe('Tu banco no anda por ahora.');
    expect(renderMessage(error, { locale: 'es-AR', locales, messages }).title).toBe(MESSAGES_ES.kinds['fi-unavailable'].title);
    expect(renderMessage(error, { locale: 'es-MX', locales, messages }).body).toBe(MESSAGES_ES.kinds['fi-unavailable'].body);
  });

  test('overrides of one locale never leak into another', () => {
    const messages = { en: { kinds: { 'fi-unavailable': { title: 'Bank offline', label: 'Later' } } } };
    expect(renderMessage(error, { locale: 'es', locales, messages })).toEqual(renderMessage(error, { locale: 'es', locales }));
  });
});

describe('overrides', () => {
  const error = errorOf('reconnect-required', { reason: 'credentials', provider: 'plaid', code: 'ITEM_LOGIN_REQUIRED', userAction: 'reconnect' });
  const messages = {
    en: {
      kinds: { 'reconnect-required': { title: 'kind title', body: 'kind body', label: 'kind label' } },
      details: { 'reconnect-required.credentials': { title: 'detail title', body: 'detail body' } },
      providers: { plaid: { title: 'provider title' } },
      codes: { plaid: { ITEM_LOGIN_REQUIRED: { body: 'code body' } } },
    },
  };

  test('the most specific entry wins, field by field: code, then provider, then detail, then kind', () => {
    expect(renderMessage(error, { messages })).toEqual({
      title: 'provider title',
      body: 'code body',
      action: { kind: 'reconnect', label: 'kind label' },
    });
  });

  test('every level set on the same field: code beats provider beats detail beats kind', () => {
    const levels = ['code', 'provider', 'detail', 'kind'] as const;
    for (let top = 0; top < levels.length; top += 1) {
      const present = new Set(levels.slice(top));
      const en = {
        ...(present.has('kind') ? { kinds: { 'reconnect-required': { body: 'kind' } } } : {}),
        ...(present.has('detail') ? { details: { 'reconnect-required.credentials': { body: 'detail' } } } : {}),
        ...(present.has('provider') ? { providers: { plaid: { body: 'provider' } } } : {}),
        ...(present.has('code') ? { codes: { plaid: { ITEM_LOGIN_REQUIRED: { body: 'code' } } } } : {}),
      };
      expect(renderMessage(error, { messages: { en } }).body).toBe(levels[top]);
    }
  });

  test('without the more specific entries, the less specific ones answer', () => {
    const { providers: _p, codes: _c, ...rest } = messages.en;
    expect(renderMessage(error, { messages: { en: rest } })).toMatchObject({ title: 'detail title', body: 'detail body' });
    const { details: _d, ...kindsOnly } = rest;
    expect(renderMessage(error, { messages: { en: kindsOnly } })).toMatchObject({ title: 'kind title', body: 'kind body' });
  });

  test('overrides apply only to their provider and code', () => {
    const other = { ...error, provider: 'mx', code: 'ITEM_LOGIN_REQUIRED' } as NormalizedError;
    expect(renderMessage(other, { messages }).title).toBe('detail title');
    const otherCode = { ...error, code: 'ITEM_LOCKED' } as NormalizedError;
    expect(renderMessage(otherCode, { messages }).body).toBe('detail body');
  });

  test('an override may change the call to action; its label comes from the locale unless the entry gives one', () => {
    const action = { en: { ...messages.en, codes: { plaid: { ITEM_LOGIN_REQUIRED: { action: 'visit-institution' as const } } } } };
    // The kind's label belongs to the kind's action, not to the one the code entry chose.
    expect(renderMessage(error, { messages: action }).action).toEqual({ kind: 'visit-institution', label: MESSAGES_EN.actions['visit-institution'] });
    const labelled = { en: { codes: { plaid: { ITEM_LOGIN_REQUIRED: { action: 'visit-institution' as const, label: 'Open Plaid Portal' } } } } };
    expect(renderMessage(error, { messages: labelled }).action).toEqual({ kind: 'visit-institution', label: 'Open Plaid Portal' });
    const relabelled = { en: { actions: { 'visit-institution': 'Open your bank' }, codes: labelled.en.codes } };
    expect(renderMessage(error, { messages: { en: { ...relabelled.en, codes: action.en.codes } } }).action.label).toBe('Open your bank');
  });

  test('an invalid action or an empty text in an override is ignored', () => {
    const broken = { en: { kinds: { 'reconnect-required': { title: '  ', body: 42, action: 'format-disk' } } } } as never;
    const rendered = renderMessage(error, { messages: broken });
    expect(rendered.title).toBe(MESSAGES_EN.details['reconnect-required.credentials']?.title);
    expect(rendered.action.kind).toBe('reconnect');
  });

  test('override keys never reach the prototype: a "__proto__" or "constructor" code finds nothing', () => {
    for (const code of ['__proto__', 'constructor', 'toString']) {
      const rendered = renderMessage({ ...error, code }, { messages });
      expect(rendered.body).toBe('detail body');
    }
    expect(renderMessage({ ...error, provider: 'constructor' }, { messages }).title).toBe('detail title');
  });
});

describe("the provider's end-user text", () => {
  const body = {
    error_type: 'ITEM_ERROR',
    error_code: 'ITEM_LOGIN_REQUIRED',
    error_message: 'the login details of this item have changed',
    display_message: 'Your bank login changed. Please log in again.',
    request_id: 'Hf8Ixq2',
    status: 400,
  };
  const error = normalize({ provider: 'plaid', status: 400, body });

  test('is not used unless asked for', () => {
    expect(error.displayMessage).toBe(body.display_message);
    expect(renderMessage(error).body).toBe(MESSAGES_EN.details['reconnect-required.credentials']?.body);
  });

  test('is the body when asked for; the developer message and request id never are', () => {
    const rendered = renderMessage(error, { displayMessage: true });
    expect(rendered.body).toBe(body.display_message);
    expect(JSON.stringify(rendered)).not.toContain(body.error_message);
    expect(JSON.stringify(rendered)).not.toContain(body.request_id);
  });

  test('a missing, empty or non-string display message leaves the body alone', () => {
    for (const displayMessage of [undefined, null, '', '   ', 42, { en: 'x' }]) {
      expect(renderMessage({ ...error, displayMessage }, { displayMessage: true }).body).toBe(renderMessage(error).body);
    }
  });
});

test('reconnect copy is true for every documented cause: it never says the password changed (a wrong password at first link, an expired consent)', () => {
  for (const locale of [MESSAGES_EN, MESSAGES_ES]) {
    const credentials = locale.details['reconnect-required.credentials']?.body ?? '';
    expect(credentials).not.toMatch(/chang|cambi/i);
    expect(locale.details['reconnect-required.consent']?.body ?? '').not.toMatch(/^Your permission .* expired\.$/);
  }
});

describe('JSON from a gateway', () => {
  test("the README's example: Aerosync's wrong-credentials code asks to update the login", () => {
    const error = normalize({ provider: 'aerosync', code: 'AC-117' });
    expect(renderMessage(JSON.parse(JSON.stringify(error)))).toEqual({
      title: 'Check your bank login',
      body: "Your bank didn't accept the sign-in details. Please sign in again.",
      action: { kind: 'reenter-credentials', label: 'Update login' },
    });
  });

  const inputs = [
    {
      provider: 'aerosync',
      method: 'GET',
      url: 'https://api.aerosync.com/v2/accounts/u-42/balance',
      status: 400,
      body: '{"error":{"code":"AC-104","message":"We are having issues connecting to your bank."}}',
    },
    {
      provider: 'plaid',
      status: 400,
      body: {
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_DOWN',
        error_message: 'this institution is not currently responding',
        display_message: null,
        request_id: 'abc',
      },
    },
    {
      provider: 'plaid',
      status: 400,
      body: { error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS', error_message: 'invalid client_id or secret provided', request_id: 'def' },
    },
    { provider: 'aerosync', status: 503, body: '<html>Service Unavailable</html>' },
    { provider: 'nobody', status: 418 },
  ];

  test.each(inputs.map((input) => [input.provider, input.status, input] as const))(
    '%s %s renders the same after a JSON round trip, in every shape a gateway sends',
    (_p, _s, input) => {
      const error = normalize(input);
      const direct = renderMessage(error, { locale: 'es', locales });
      expectComplete(direct);
      const json = JSON.stringify(error);
      expect(renderMessage(JSON.parse(json), { locale: 'es', locales })).toEqual(direct);
      expect(renderMessage(json, { locale: 'es', locales })).toEqual(direct);
      expect(renderMessage(JSON.parse(JSON.stringify(new AggregatorError(error))), { locale: 'es', locales })).toEqual(direct);
      expect(direct.title).toBe(
        MESSAGES_ES.details[`${error.kind}.${String((error as { reason?: string }).reason)}` as never]?.['title'] ?? MESSAGES_ES.kinds[error.kind].title,
      );
      expect(direct.action.kind).toBe(error.userAction);
    },
  );
});

describe('hostile input', () => {
  const unknownEn = renderMessage({ kind: 'unknown' });

  test('the unknown message is what an unknown kind renders', () => {
    expect(unknownEn).toEqual({
      title: MESSAGES_EN.kinds.unknown.title,
      body: MESSAGES_EN.kinds.unknown.body,
      action: { kind: 'contact-support', label: MESSAGES_EN.actions['contact-support'] },
    });
  });

  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('boom');
      },
      has: () => {
        throw new Error('boom');
      },
    },
  );
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['invalid JSON text', '{"kind": "auth"'],
    ['JSON text of a string', '"auth"'],
    ['an array', ['auth']],
    ['a missing kind', { provider: 'plaid', code: 'ITEM_LOGIN_REQUIRED' }],
    ['a kind in the wrong case', { kind: 'AUTH' }],
    ['a numeric kind', { kind: 7 }],
    ['a "__proto__" kind', JSON.parse('{"kind":"__proto__"}')],
    ['a "constructor" kind', { kind: 'constructor' }],
    ['a "toString" kind', { kind: 'toString' }],
    ['a kind object', { kind: { toString: () => 'auth' } }],
    ['throwing getters', throwing],
    ['a revoked proxy', revocable.proxy],
    ['an error field that is not an object', { error: 'auth' }],
  ])('%s renders the unknown message and never throws', (_name, input) => {
    expect(renderMessage(input)).toEqual(unknownEn);
  });

  test('a hostile userAction or detail falls back instead of leaking', () => {
    const rendered = renderMessage({ kind: 'reconnect-required', reason: '__proto__', userAction: 'rm -rf /', message: 'secret' });
    expect(rendered).toEqual({
      title: MESSAGES_EN.kinds['reconnect-required'].title,
      body: MESSAGES_EN.kinds['reconnect-required'].body,
      action: { kind: 'contact-support', label: MESSAGES_EN.actions['contact-support'] },
    });
  });

  test('hostile options never throw either', () => {
    const messages = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('boom');
        },
      },
    );
    expectComplete(renderMessage(errorOf('auth'), { messages, locale: 'es' }));
    expectComplete(renderMessage(errorOf('auth'), { locale: Symbol('x') as never }));
    expectComplete(renderMessage(errorOf('auth'), null as never));
  });

  fcTest.prop([
    fc.oneof(
      fc.anything(),
      fc.json(),
      fc.record(
        {
          kind: fc.oneof(fc.constantFrom(...KINDS), fc.string()),
          reason: fc.string(),
          scope: fc.string(),
          userAction: fc.string(),
          provider: fc.string(),
          code: fc.string(),
          displayMessage: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    ),
    fc.constantFrom('en', 'es', 'fr', 'es-MX', undefined),
    fc.boolean(),
  ])('any value renders a complete message with a real call to action', (input, locale, displayMessage) => {
    const rendered = renderMessage(input, { ...(locale === undefined ? {} : { locale }), displayMessage });
    expectComplete(rendered);
  });
});
