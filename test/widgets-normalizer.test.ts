/**
 * With a normalizer, the error a widget callback carries is classified by the
 * same catalogs as the HTTP path: kind, detail, userAction, owner and severity
 * agree, the event's action and severity are the error's, and `match` names the
 * error's source. Without one, nothing is classified.
 */
import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { NormalizedError, NormalizeInput } from '../src/index.js';
import { leanCatalog } from '../src/catalog/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { finicity } from '../catalogs/finicity.js';
import { mx } from '../catalogs/mx.js';
import { plaid } from '../catalogs/plaid.js';
import { teller } from '../catalogs/teller.js';
import { yodlee } from '../catalogs/yodlee.js';
import { widgetFixtures } from '../src/testkit/index.js';
import { aerosyncWidgetEvent, mxConnectEvent, plaidLinkEvent, yodleeFastLinkEvent } from '../src/widgets/index.js';
import { ADAPTERS, eventProblem } from './support/widgets.js';

const normalizer = createNormalizer([plaid, mx, aerosync, yodlee, finicity, teller]);
const lean = createNormalizer([leanCatalog(plaid), leanCatalog(mx), leanCatalog(aerosync), leanCatalog(yodlee)]);

function expectAgreement(event: ReturnType<typeof plaidLinkEvent>, expected: NormalizedError): void {
  expect(event.error).toEqual(expected);
  expect(event.userAction).toBe(expected.userAction);
  expect(event.severity).toBe(event.state === 'cancelled' ? 'info' : expected.severity);
  expect(event.match).toEqual({ by: 'error', source: expected.match.source, description: expected.match.description });
}

describe('Plaid Link', () => {
  const body = {
    error_type: 'ITEM_ERROR',
    error_code: 'INVALID_CREDENTIALS',
    error_message: 'the provided credentials were not correct',
    display_message: 'The provided credentials were not correct.',
  };

  test('an onExit error classifies as the HTTP path classifies the same Plaid error', () => {
    const event = plaidLinkEvent('onExit', { error: body, metadata: { status: 'requires_credentials', request_id: 'req-1' } }, { normalizer });
    expect(event).toMatchObject({ state: 'failed', reason: 'error', userAction: 'reenter-credentials' });
    expect(event.error).toMatchObject({ kind: 'reconnect-required', reason: 'credentials', code: 'INVALID_CREDENTIALS', requestId: 'req-1' });
    expectAgreement(event, normalizer.normalize({ provider: 'plaid', body: { ...body, request_id: 'req-1' } }));
  });

  test('the React Native camelCase error classifies the same as the web one', () => {
    const rn = plaidLinkEvent(
      'onExit',
      {
        error: { errorCode: 'INVALID_CREDENTIALS', errorType: 'ITEM_ERROR', errorMessage: body.error_message, displayMessage: body.display_message },
        metadata: { status: 'requires_credentials', requestId: '' },
      },
      { normalizer },
    );
    const web = plaidLinkEvent('onExit', { error: body, metadata: { status: 'requires_credentials' } }, { normalizer });
    expect(rn).toEqual(web);
  });

  test.each(Object.keys(plaid.codes ?? {}).map((code) => [code]))('every code of the catalog agrees through onExit: %s', (code) => {
    const category = (plaid.codes as Record<string, { category?: string }>)[code]?.category;
    const error = { error_code: code, error_type: category, error_message: 'm', display_message: null };
    const event = plaidLinkEvent('onExit', { error, metadata: { status: null } }, { normalizer });
    const expected = normalizer.normalize({ provider: 'plaid', body: { ...error, display_message: undefined, request_id: undefined } });
    expect(event.state).toBe('failed');
    expect(eventProblem(event)).toBeUndefined();
    expectAgreement(event, expected);
  });

  test('a lean catalog, as a browser bundle loads it, gives the same kind, action and severity', () => {
    const full = plaidLinkEvent('onExit', { error: body, metadata: {} }, { normalizer });
    const small = plaidLinkEvent('onExit', { error: body, metadata: {} }, { normalizer: lean });
    expect({ kind: small.error?.kind, userAction: small.userAction, severity: small.severity }).toEqual({
      kind: full.error?.kind,
      userAction: full.userAction,
      severity: full.severity,
    });
  });

  test('INVALID_API_KEYS in Link is our broken key: it takes the catalog severity (pages), as the HTTP path does', () => {
    const error = { error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS', error_message: 'invalid client_id or secret provided', display_message: null };
    const event = plaidLinkEvent('onEvent', { eventName: 'ERROR', metadata: error }, { normalizer });
    expect(event.state).toBe('info');
    expect(event.error?.kind).toBe('auth');
    expect(event.severity).toBe(normalizer.normalize({ provider: 'plaid', body: error }).severity);
  });

  test('a cancel stays a cancel with a normalizer, and no error is made up', () => {
    const event = plaidLinkEvent('onExit', { error: null, metadata: { status: 'requires_code' } }, { normalizer });
    expect(event).toMatchObject({ state: 'cancelled', step: 'requires_code', error: undefined, severity: 'info', match: { by: 'event' } });
  });
});

describe('MX Connect', () => {
  const failing = [
    'PREVENTED',
    'DENIED',
    'REJECTED',
    'LOCKED',
    'IMPEDED',
    'DEGRADED',
    'DISCONNECTED',
    'DISCONTINUED',
    'CLOSED',
    'DELAYED',
    'FAILED',
    'DISABLED',
    'IMPORTED',
    'EXPIRED',
    'IMPAIRED',
  ];
  const ids: Record<string, number> = {
    PREVENTED: 1,
    DENIED: 2,
    REJECTED: 4,
    LOCKED: 5,
    IMPEDED: 7,
    DEGRADED: 9,
    DISCONNECTED: 10,
    DISCONTINUED: 11,
    CLOSED: 12,
    DELAYED: 13,
    FAILED: 14,
    DISABLED: 16,
    IMPORTED: 17,
    EXPIRED: 19,
    IMPAIRED: 20,
  };

  test.each(failing.map((name) => [name]))('the widget’s numeric %s agrees with the catalog’s alias of it (the webhook path)', (name) => {
    const id = ids[name] ?? -1;
    const event = mxConnectEvent(
      'message',
      { mx: true, type: 'mx/connect/memberStatusUpdate', metadata: { member_guid: 'MBR-1', connection_status: id } },
      { normalizer },
    );
    const expected = normalizer.normalize({ provider: 'mx', code: String(id) });
    expect(expected.code).toBe(name);
    expectAgreement(event, expected);
    // Without a normalizer the adapter's own table says what the catalog says.
    const alone = mxConnectEvent('message', { mx: true, type: 'mx/connect/memberStatusUpdate', metadata: { member_guid: 'MBR-1', connection_status: id } });
    expect(alone.userAction).toBe(expected.userAction);
    expect(alone.state).toBe(expected.kind === 'fi-unavailable' ? 'degraded' : 'failed');
  });

  test('CHALLENGED and CONNECTED classify no error', () => {
    for (const id of [3, 6])
      expect(mxConnectEvent('message', { type: 'mx/connect/memberStatusUpdate', metadata: { connection_status: id } }, { normalizer }).error).toBeUndefined();
  });
});

describe('Aerosync widget', () => {
  test.each([
    ['INCORRECT_CREDENTIALS | Code: AC-117 | Message: Sorry, we encountered an issue while linking your account.', 'AC-117', 'reconnect-required'],
    [
      'POLLING_TIMEOUT | Code: AR-100 | Message: No response received from the user within the expected time frame. Please try again later.',
      'AR-100',
      'provider-unavailable',
    ],
    ['SERVER_ERROR | Code: AR-500 | Message: A server error occurred. Please try again later.', 'AR-500', 'provider-unavailable'],
  ])('%s classifies as the catalog code', (message, code, kind) => {
    const event = aerosyncWidgetEvent('onError', message, { normalizer });
    expect(event.error).toMatchObject({ kind, code, provider: 'aerosync' });
    expectAgreement(event, normalizer.normalize({ provider: 'aerosync', code, body: { error: { code, message: message.split('Message: ')[1] } } }));
    // The same userAction without the catalog: the adapter's table follows it.
    expect(aerosyncWidgetEvent('onError', message).userAction).toBe(event.userAction);
  });

  test('the SDK’s own free-form strings carry no code to classify', () => {
    expect(aerosyncWidgetEvent('onError', 'Failed to parse WebView message: SyntaxError', { normalizer }).error).toBeUndefined();
  });
});

describe('Yodlee FastLink', () => {
  test('a failed account addition with an additionalStatus classifies it with Yodlee’s catalog', () => {
    const event = yodleeFastLinkEvent(
      'onError',
      { fnToCall: 'accountStatus', providerId: 16441, providerAccountId: 10045, additionalStatus: 'INCORRECT_CREDENTIALS' },
      { normalizer },
    );
    expect(event).toMatchObject({
      state: 'failed',
      reason: 'error',
      connection: { type: 'provider-account', id: '10045' },
      event: 'onError:INCORRECT_CREDENTIALS',
    });
    expectAgreement(event, normalizer.normalize({ provider: 'yodlee', code: 'INCORRECT_CREDENTIALS' }));
  });

  test('deep-link errors are FastLink’s own codes: no catalog error, a ticket for the integrator', () => {
    const event = yodleeFastLinkEvent(
      'onError',
      { code: 'E701', title: 'INVALID_PARAMETER_OR_VALUE', message: 'Invalid value for providerId', fnToCall: 'errorHandler' },
      { normalizer },
    );
    expect(event).toMatchObject({ state: 'failed', severity: 'ticket', error: undefined, userAction: 'contact-support' });
  });
});

describe('every fixture with a normalizer', () => {
  test.each(widgetFixtures().map((fixture) => [fixture.name, fixture] as const))('%s keeps its state and stays valid', (_name, fixture) => {
    const event = ADAPTERS[fixture.provider](fixture.callback, fixture.payload, { normalizer });
    expect(eventProblem(event)).toBeUndefined();
    expect(event.state).toBe(fixture.expected.state);
    // Finicity's and Teller's widget codes are not API codes: never sent to a catalog.
    if (fixture.provider === 'finicity' || fixture.provider === 'teller') expect(event.error).toBeUndefined();
    if (event.error !== undefined) expect(event.userAction).toBe(event.error.userAction);
  });
});

describe('a normalizer that misbehaves', () => {
  const input = { error: { error_code: 'INVALID_CREDENTIALS', error_type: 'ITEM_ERROR' }, metadata: {} };

  test.each([
    [
      'throws',
      {
        normalize: (): never => {
          throw new Error('boom');
        },
      },
    ],
    ['answers garbage', { normalize: () => 'not an error' }],
    ['answers an object without match', { normalize: () => ({ kind: 'auth' }) }],
    ['is not a normalizer', { normalize: 42 }],
  ])('one that %s leaves the error out; the event stays valid', (_name, bad) => {
    const event = plaidLinkEvent('onExit', input, { normalizer: bad as unknown as { normalize(input: NormalizeInput): NormalizedError } });
    expect(eventProblem(event)).toBeUndefined();
    expect(event).toMatchObject({ state: 'failed', error: undefined, userAction: 'reconnect' });
  });
});
