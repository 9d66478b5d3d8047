/**
 * The widget adapters are total: any callback name, any payload (hostile
 * values, the React Native bridge's empty values, cut JSON, broken WebView
 * URLs, huge strings, throwing getters) answers a valid connection event.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { hostileWidgetInput } from '../src/testkit/arbitraries-entry.js';
import { widgetFixtures } from '../src/testkit/index.js';
import { plaid } from '../catalogs/plaid.js';
import { mx } from '../catalogs/mx.js';
import { aerosync } from '../catalogs/aerosync.js';
import { yodlee } from '../catalogs/yodlee.js';
import { mxConnectEvent, plaidLinkEvent } from '../src/widgets/index.js';
import { ADAPTERS, eventProblem } from './support/widgets.js';
import { revokedProxy, throwingProxy } from './support/hostile.js';

const normalizer = createNormalizer([plaid, mx, aerosync, yodlee]);

describe('totality', () => {
  fcTest.prop([hostileWidgetInput(), fc.boolean()], { numRuns: 600 })(
    'any callback and payload answers a valid event, never a throw',
    ({ provider, callback, payload }, withNormalizer) => {
      const event = ADAPTERS[provider](callback as string, payload, withNormalizer ? { normalizer } : undefined);
      expect(eventProblem(event)).toBeUndefined();
      expect(event.provider).toBe(provider);
    },
  );

  test.each(Object.entries(ADAPTERS))('%s: proxies, revoked proxies and throwing options answer a valid event', (_provider, adapter) => {
    for (const payload of [
      throwingProxy(),
      revokedProxy(),
      {
        get metadata(): never {
          throw new Error('x');
        },
      },
      Object.create(null) as object,
    ])
      for (const options of [undefined, throwingProxy(), revokedProxy(), { normalizer: throwingProxy() }, { connection: throwingProxy(), user: 42 }])
        for (const callback of ['message', 'onEvent', 'onExit', 'onError', 'onSuccess', 'onClose', '__proto__']) {
          expect(eventProblem(adapter(callback, payload, options as never))).toBeUndefined();
        }
  });

  fcTest.prop([fc.constantFrom(...(Object.keys(ADAPTERS) as (keyof typeof ADAPTERS)[])), fc.string({ minLength: 1, maxLength: 300 })])(
    'an undocumented callback answers info with its name kept (capped), never a throw',
    (provider, name) => {
      fc.pre(!/^(on[A-Z]|message$)/.test(name));
      const event = ADAPTERS[provider](name, {});
      expect(event).toMatchObject({ state: 'info', match: { by: 'none' }, event: name.slice(0, 128) });
    },
  );

  fcTest.prop([fc.stringMatching(/^[A-Z][A-Z_]{2,40}$/)])('an undocumented Plaid event name answers info with the name kept', (name) => {
    const documented = new Set(widgetFixtures('plaid').map((fixture) => fixture.expected.event));
    fc.pre(!documented.has(name));
    expect(plaidLinkEvent('onEvent', { eventName: name, metadata: {} })).toMatchObject({ state: 'info', event: name, match: { by: 'none' } });
  });

  fcTest.prop([fc.stringMatching(/^[a-zA-Z]{1,24}$/)])('an undocumented MX type answers info with the type kept', (name) => {
    const type = `mx/connect/zz${name}`;
    expect(mxConnectEvent('message', { mx: true, type, metadata: {} })).toMatchObject({ state: 'info', event: type, match: { by: 'none' } });
  });

  test('unknown MX statuses (22, -1, 3.5, "X") are not guessed at', () => {
    for (const status of [22, -1, 3.5, 'X', '99']) {
      expect(mxConnectEvent('message', { type: 'mx/connect/memberStatusUpdate', metadata: { connection_status: status } })).toMatchObject({
        state: 'info',
        match: { by: 'none' },
      });
    }
  });

  test('prototype names are never found in a table', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(plaidLinkEvent('onExit', { error: null, metadata: { status: name } })).toMatchObject({ state: 'cancelled', step: name, match: { by: 'event' } });
      expect(plaidLinkEvent('onEvent', { eventName: name })).toMatchObject({ state: 'info', match: { by: 'none' } });
      expect(mxConnectEvent('message', { type: `mx/connect/${name}`, metadata: { connection_status: name } })).toMatchObject({
        state: 'info',
        match: { by: 'none' },
      });
      expect(ADAPTERS.yodlee('onError', { code: name })).toMatchObject({ state: 'failed', match: { by: 'event' } });
      expect(ADAPTERS.finicity('message', { type: name })).toMatchObject({ state: 'info', match: { by: 'none' } });
    }
  });
});

describe('the React Native bridge: {} and "" for absent values read as absent', () => {
  const absent = fc.constantFrom<unknown>(undefined, null, '', {});
  const status = fc.constantFrom('requires_credentials', 'requires_code', 'institution_not_found', 'institution_not_supported', 'connected');

  fcTest.prop([status, absent, absent, absent])(
    'an onExit with no error is the same event however the bridge spells "absent"',
    (exitStatus, error, institution, requestId) => {
      const web = plaidLinkEvent('onExit', { error: null, metadata: { status: exitStatus, institution: null } });
      const rn = plaidLinkEvent('onExit', { error, metadata: { status: exitStatus, institution, requestId, linkSessionId: 'ls-1' } });
      expect(rn).toEqual(web);
    },
  );

  fcTest.prop([absent, absent])('an onExit with no error and no status is a cancel with no step', (error, exitStatus) => {
    expect(plaidLinkEvent('onExit', { error, metadata: { status: exitStatus } })).toMatchObject({ state: 'cancelled', step: undefined });
  });

  fcTest.prop([absent, absent])('an RN error whose code and type are "" is no error', (code, type) => {
    const event = plaidLinkEvent(
      'onExit',
      { error: { errorCode: code, errorType: type, errorMessage: '', displayMessage: '' }, metadata: { status: '' } },
      { normalizer },
    );
    expect(event).toMatchObject({ state: 'cancelled', error: undefined });
  });

  test('an RN onEvent with viewName "" and every string "" is an info event with no step', () => {
    const event = plaidLinkEvent('onEvent', {
      eventName: 'TRANSITION_VIEW',
      metadata: { viewName: '', errorCode: '', exitStatus: '', institutionId: '', linkSessionId: 'ls-1', timestamp: '2024-05-21T00:17:54Z', requestId: '' },
    });
    expect(event).toMatchObject({ state: 'info', at: '2024-05-21T00:17:54.000Z' });
  });
});

describe('bounded work', () => {
  test('a message far over the limit is not parsed, and answers at once as undocumented', () => {
    const huge = JSON.stringify({ type: 'mx/connect/memberConnected', metadata: { member_guid: 'M'.repeat(1_000_000) } });
    expect(mxConnectEvent('message', huge)).toMatchObject({ state: 'info', match: { by: 'none' } });
  });

  test('ids are capped at 256 characters, event names at 128, accounts at 64', () => {
    const event = mxConnectEvent('message', {
      type: 'mx/connect/memberConnected',
      metadata: { member_guid: 'M'.repeat(10_000), user_guid: 'U'.repeat(10_000) },
    });
    expect(event.connection?.id).toHaveLength(256);
    expect(event.user).toHaveLength(256);
    const many = plaidLinkEvent('onSuccess', { metadata: { accounts: Array.from({ length: 1000 }, (_, i) => ({ id: `a-${i}` })) } });
    expect(many.accounts).toHaveLength(64);
    expect(plaidLinkEvent('onEvent', { eventName: 'X'.repeat(1000) }).event).toHaveLength(128);
  });
});
