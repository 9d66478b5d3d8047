import { match } from 'ts-pattern';
import { describe, expectTypeOf, test } from 'vitest';
import { type KINDS, createNormalizer, type EndpointIdOf, type Kind, type NormalizedError, type NormalizedErrorOf } from '../src/index.js';
import { acme } from './support/acme.js';

describe('the kind union', () => {
  test('the runtime list and the type are one source', () => {
    expectTypeOf<(typeof KINDS)[number]>().toEqualTypeOf<Kind>();
    expectTypeOf<NormalizedError['kind']>().toEqualTypeOf<Kind>();
  });

  test('an exhaustive match over kind compiles only when every kind is handled', () => {
    const render = (error: NormalizedError): string =>
      match(error)
        .with({ kind: 'auth' }, () => 'a')
        .with({ kind: 'invalid-request' }, () => 'b')
        .with({ kind: 'not-found' }, () => 'c')
        .with({ kind: 'conflict' }, () => 'd')
        .with({ kind: 'rate-limited' }, (e) => e.scope)
        .with({ kind: 'mfa-expired' }, () => 'f')
        .with({ kind: 'reconnect-required' }, (e) => e.reason)
        .with({ kind: 'manual-link-unsupported' }, () => 'h')
        .with({ kind: 'unsupported' }, () => 'i')
        .with({ kind: 'no-accounts' }, () => 'j')
        .with({ kind: 'fi-unavailable' }, (e) => e.reason)
        .with({ kind: 'provider-unavailable' }, (e) => e.reason)
        .with({ kind: 'unknown' }, () => 'm')
        .exhaustive();
    expectTypeOf(render).returns.toBeString();

    const missingOne = (error: NormalizedError): string =>
      match(error)
        .with({ kind: 'auth' }, () => 'a')
        .with({ kind: 'invalid-request' }, () => 'b')
        .with({ kind: 'not-found' }, () => 'c')
        .with({ kind: 'conflict' }, () => 'd')
        .with({ kind: 'rate-limited' }, () => 'e')
        .with({ kind: 'mfa-expired' }, () => 'f')
        .with({ kind: 'reconnect-required' }, () => 'g')
        .with({ kind: 'manual-link-unsupported' }, () => 'h')
        .with({ kind: 'unsupported' }, () => 'i')
        .with({ kind: 'no-accounts' }, () => 'j')
        .with({ kind: 'fi-unavailable' }, () => 'k')
        .with({ kind: 'provider-unavailable' }, () => 'l')
        // @ts-expect-error 'unknown' is not handled, so exhaustive() does not compile
        .exhaustive();
    expectTypeOf(missingOne).toBeFunction();
  });

  test('a switch without a default fails its never check when a kind is missing', () => {
    const assertNever = (value: never): never => value;
    const f = (error: NormalizedError): void => {
      switch (error.kind) {
        case 'auth':
        case 'invalid-request':
        case 'not-found':
        case 'conflict':
        case 'rate-limited':
        case 'mfa-expired':
        case 'reconnect-required':
        case 'manual-link-unsupported':
        case 'unsupported':
        case 'no-accounts':
        case 'fi-unavailable':
        case 'provider-unavailable':
          return;
        default:
          // @ts-expect-error 'unknown' is still possible here
          assertNever(error);
      }
    };
    expectTypeOf(f).toBeFunction();
  });

  test('per-kind detail lives on its own variant only', () => {
    expectTypeOf<NormalizedErrorOf<'reconnect-required'>['reason']>().toEqualTypeOf<
      'credentials' | 'consent' | 'fi-paused-sharing' | 'account-locked' | 'institution-attention' | 'connection'
    >();
    expectTypeOf<NormalizedErrorOf<'rate-limited'>['scope']>().toEqualTypeOf<'client' | 'end-user'>();
    // @ts-expect-error an auth error carries no reason
    expectTypeOf<NormalizedErrorOf<'auth'>['reason']>().toBeNever();
  });
});

describe('catalog literal types', () => {
  test('endpoint ids of a catalog autocomplete', () => {
    expectTypeOf<EndpointIdOf<typeof acme>>().toEqualTypeOf<
      | 'GET /users/{user_id}'
      | 'POST /users/{user_id}/refresh'
      | 'GET /users/{user_id}/jobs/{job_id}'
      | 'GET /users/{user_id}/jobs/latest'
      | 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes'
      | 'GET /users/{user_id}/nodes/{node_id}'
    >();
  });

  test("normalize takes the catalogs' ids as providers and suggests their endpoint ids", () => {
    const { normalize } = createNormalizer([acme]);
    type Input = Parameters<typeof normalize>[0];
    expectTypeOf<'acme'>().toExtend<Input['provider']>();
    type AcmeInput = Extract<Input, { provider: 'acme' }>;
    expectTypeOf<AcmeInput['endpoint']>().toEqualTypeOf<EndpointIdOf<typeof acme> | (string & {}) | undefined>();
    // A provider id read from data is accepted: it is classified by status alone.
    const fromLogs: string = 'plaid';
    expectTypeOf(normalize({ provider: fromLogs, status: 400 }).kind).toEqualTypeOf<Kind>();
    // @ts-expect-error the status is a number or a numeric string, never an object
    normalize({ provider: 'acme', status: { code: 400 } });
  });
});
