/**
 * Every documented widget callback and message of the seed files
 * (../shared/seeds/events/*.md), from the providers' example payloads where
 * they print one, through its adapter: the state, detail, action, the ids it
 * names, and what it must never keep.
 */
import { describe, expect, test } from 'vitest';
import { widgetFixtures } from '../src/testkit/index.js';
import type { WidgetFixture } from '../src/testkit/index.js';
import { ADAPTERS, eventProblem } from './support/widgets.js';

const fixtures = widgetFixtures();

function run(fixture: WidgetFixture) {
  return ADAPTERS[fixture.provider](fixture.callback, fixture.payload);
}

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
  test('becomes the documented event, named and sourced', () => {
    const event = run(fixture);
    expect(eventProblem(event)).toBeUndefined();
    const { expected } = fixture;
    expect(event.state).toBe(expected.state);
    expect(event.provider).toBe(fixture.provider);
    expect(event.event).toBe(expected.event);
    expect(event.userAction).toBe(expected.userAction);
    expect(event.match.by).toBe(expected.documented ? 'event' : 'none');
    // Without a normalizer no error is classified, and nothing is loud: these are one user's widget.
    expect(event.error).toBeUndefined();
    expect(event.severity).toBe(
      fixture.provider === 'yodlee' && event.state === 'failed' && /^(onError|errorHandler):E[78]/.test(event.event) ? 'ticket' : 'info',
    );
    if (event.state === 'failed') expect(event.reason).toBe(expected.reason);
    if (event.state === 'pending' || event.state === 'cancelled') expect(event.step).toBe(expected.step);
    expect(event.connection).toEqual(expected.connection);
    expect(event.user).toBe(expected.user);
    expect(event.accounts).toEqual(expected.accounts ?? []);
  });

  test('keeps no token or password of the payload, and answers the same twice', () => {
    const text = JSON.stringify(run(fixture));
    for (const secret of fixture.secrets) expect(text).not.toContain(secret);
    expect(JSON.stringify(run(fixture))).toBe(text);
  });
});

describe('the fixtures cover what the seeds document', () => {
  const names = (provider: string) => fixtures.filter((fixture) => fixture.provider === provider);

  test('every widget has fixtures, each with a first-party https source', () => {
    for (const provider of Object.keys(ADAPTERS)) expect(names(provider).length).toBeGreaterThan(4);
    for (const fixture of fixtures) expect(fixture.source).toMatch(/^https:\/\//);
  });

  test('Plaid: every exit status of the spec and the React Native SDK, every event name of either SDK', () => {
    const steps = new Set(names('plaid').map((fixture) => fixture.expected.step));
    for (const status of [
      'requires_questions',
      'requires_selections',
      'requires_code',
      'choose_device',
      'requires_credentials',
      'requires_account_selection',
      'requires_oauth',
      'connected',
      'requires_external_action',
      'requires_recaptcha',
      'requires_deposit_switch_allocation_configuration',
      'requires_deposit_switch_allocation_selection',
    ]) {
      expect(steps).toContain(status);
    }
    const events = new Set(names('plaid').map((fixture) => fixture.expected.event));
    // The web SDK's 13 stable events and the spec's 26 names.
    for (const name of [
      'OPEN',
      'EXIT',
      'HANDOFF',
      'SELECT_INSTITUTION',
      'ERROR',
      'BANK_INCOME_INSIGHTS_COMPLETED',
      'IDENTITY_MATCH_FAILED',
      'IDENTITY_MATCH_PASSED',
      'IDENTITY_VERIFICATION_PASS_SESSION',
      'IDENTITY_VERIFICATION_FAIL_SESSION',
      'LAYER_READY',
      'LAYER_NOT_AVAILABLE',
      'LAYER_AUTOFILL_NOT_AVAILABLE',
      'CLOSE_OAUTH',
      'FAIL_OAUTH',
      'ISSUE_FOLLOWED',
      'OPEN_MY_PLAID',
      'OPEN_OAUTH',
      'SEARCH_INSTITUTION',
      'SELECT_AUTH_TYPE',
      'SELECT_BRAND',
      'SELECT_DEGRADED_INSTITUTION',
      'SELECT_DOWN_INSTITUTION',
      'SELECT_FILTERED_INSTITUTION',
      'SUBMIT_ACCOUNT_NUMBER',
      'SUBMIT_CREDENTIALS',
      'SUBMIT_DOCUMENTS',
      'SUBMIT_DOCUMENTS_ERROR',
      'SUBMIT_DOCUMENTS_SUCCESS',
      'SUBMIT_MFA',
      'SUBMIT_ROUTING_NUMBER',
      'TRANSITION_VIEW',
      'VIEW_DATA_TYPES',
    ]) {
      expect(events).toContain(name);
    }
    expect([...events].filter((name) => /^[A-Z_]+$/.test(name)).length).toBeGreaterThanOrEqual(67);
  });

  test('MX: all 22 connection statuses, every connect event of the definitions and of the widget docs', () => {
    const statusFixtures = names('mx').filter((fixture) => fixture.name.startsWith('mx mx/connect/memberStatusUpdate '));
    expect(statusFixtures).toHaveLength(22);
    const events = new Set(names('mx').map((fixture) => fixture.expected.event.toLowerCase()));
    for (const name of [
      'loaded',
      'enterCredentials',
      'institutionSearch',
      'selectedInstitution',
      'memberConnected',
      'connected/primaryAction',
      'memberDeleted',
      'createMemberError',
      'memberStatusUpdate',
      'oauthError',
      'oauthRequested',
      'stepChange',
      'submitMFA',
      'updateCredentials',
      'backToSearch',
      'invalidData',
      'memberError',
      'initialDataReady',
      'memberConnected/primaryAction',
      'memberStatusUpdated',
    ]) {
      expect(events).toContain(`mx/connect/${name}`.toLowerCase());
    }
    for (const name of [
      'mx/load',
      'mx/ping',
      'mx/navigation',
      'mx/focusTrap',
      'mx/client/oauthComplete',
      'mx/pulse/overdraftWarning/cta/transferFunds',
      'mx/account/created',
    ])
      expect(events).toContain(name.toLowerCase());
  });

  test('Finicity: the four documented codes (100, 1440, 500, 1403) and a success', () => {
    const events = names('finicity').map((fixture) => fixture.expected.event);
    expect(events).toEqual(expect.arrayContaining(['onCancel', 'onError:1440', 'onError:500', 'onError:1403', 'onDone']));
  });

  test('Yodlee: E700 to E705, and both exits', () => {
    const events = names('yodlee').map((fixture) => fixture.expected.event);
    expect(events).toEqual(
      expect.arrayContaining(['onError:E700', 'onError:E701', 'onError:E702', 'onError:E703', 'onError:E704', 'onError:E705', 'onClose', 'POST_MESSAGE:exit']),
    );
  });

  test('a close, a cancel or an exit of any widget is cancelled, and cancelled is never louder than info', () => {
    // MX Connect posts no close message (the host page owns the modal): its cancel is an OAuth the user declined.
    const closes = fixtures.filter(
      (fixture) =>
        /onExit|onClose|onCancel|widgetClose|exit|CANCELLED/.test(`${fixture.callback} ${JSON.stringify(fixture.payload) ?? ''}`) &&
        fixture.expected.state === 'cancelled',
    );
    expect(new Set(closes.map((fixture) => fixture.provider))).toEqual(new Set(Object.keys(ADAPTERS)));
    for (const fixture of closes) expect(run(fixture)).toMatchObject({ state: 'cancelled', severity: 'info', error: undefined });
  });

  test('an institution not supported is failed with reason institution-unsupported, in every widget that reports one', () => {
    const unsupported = fixtures.filter((fixture) => fixture.expected.reason === 'institution-unsupported');
    expect(new Set(unsupported.map((fixture) => fixture.provider))).toEqual(new Set(['plaid', 'mx']));
    for (const fixture of unsupported) expect(run(fixture)).toMatchObject({ state: 'failed', reason: 'institution-unsupported' });
  });

  test('fixtures are fresh copies: mutating one changes no later call', () => {
    const [first] = widgetFixtures('plaid');
    (first?.payload as Record<string, unknown>)['metadata'] = 'changed';
    expect(JSON.stringify(widgetFixtures('plaid')[0]?.payload)).not.toContain('changed');
    expect(widgetFixtures('nope').length).toBe(fixtures.length);
  });
});
