import { arrayItems, own } from '../util/own.js';
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { CatalogInput } from '../catalog/types.js';
import { codeFixtures, rowFixtures, type Fixture } from './fixtures.js';

/**
 * A raw response as a hostile or broken upstream may hand it over: any field may
 * have any type (or throw when read), so cast it where a typed input is expected
 * (`input as NormalizeInput`).
 *
 * @public
 */
export interface HostileResponse {
  /** The provider's catalog id: usually one of the options' `providers`, sometimes any value. */
  readonly provider?: unknown;
  /** The request's HTTP method, in any case, empty, padded or not a string at all. */
  readonly method?: unknown;
  /** The request URL, valid or malformed, or not a string at all. */
  readonly url?: unknown;
  /** The catalog endpoint id (e.g. `'GET /accounts/{user_id}/balance'`), or any other value. */
  readonly endpoint?: unknown;
  /** The HTTP status, in or out of range, or not a number at all. */
  readonly status?: unknown;
  /** The response headers: a plain object, an array of pairs, a `Headers`-like object with a broken `get`, or any other value. */
  readonly headers?: unknown;
  /** The response body: parsed JSON (possibly frozen or with throwing getters), JSON or non-JSON text, bytes, a huge string or any other value. */
  readonly body?: unknown;
  /** The provider's error code given apart from the body: any value, including keys such as `__proto__` and `constructor`. */
  readonly code?: unknown;
}

/**
 * Options of {@link hostileResponse}.
 *
 * @public
 */
export interface HostileOptions {
  /**
   * Catalog ids to use as `provider` most of the time, so the hostile parts reach a catalog's lookups.
   *
   * @defaultValue ['aerosync', 'synapse', 'plaid']
   */
  readonly providers?: readonly string[];
  /**
   * Whether to include bodies over the matcher's 4 MiB limit (built once, 5 MiB each).
   *
   * @defaultValue true
   */
  readonly huge?: boolean;
}

/**
 * Every documented row of a catalog, as the raw response the provider sends and
 * what it must normalize to (a catalog without rows gives its bare codes).
 *
 * @throws TypeError when the catalog documents neither rows nor codes.
 *
 * @example
 * ```ts
 * test.prop([documentedResponse(aerosync)])('every row classifies as documented', (fixture) => {
 *   expect(normalize(fixture.input).kind).toBe(fixture.expected.kind);
 * });
 * ```
 *
 * @public
 */
export function documentedResponse(catalog: CatalogInput): Arbitrary<Fixture> {
  const rows = rowFixtures(catalog);
  const fixtures = rows.length > 0 ? rows : codeFixtures(catalog);
  if (fixtures.length === 0) {
    const id = own(catalog, 'id');
    throw new TypeError(`aggregator-errors: ${typeof id === 'string' ? `catalog "${id.slice(0, 64)}"` : 'the value'} documents no rows and no codes`);
  }
  return fc.constantFrom(...fixtures);
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    // Descriptors, not values: a hostile getter must not run while the input is built.
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
      if ('value' in descriptor) deepFreeze(descriptor.value);
    }
  }
  return value;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function throwingGetter(name: string): object {
  return Object.defineProperty({}, name, {
    enumerable: true,
    get(): never {
      throw new Error(`hostile getter ${name}`);
    },
  });
}

let hugeBodies: readonly string[] | undefined;

function huge(): readonly string[] {
  hugeBodies ??= [`{"error":{"code":"AC-104","message":"${'x'.repeat(5 * 1024 * 1024)}"}}`, 'y'.repeat(5 * 1024 * 1024)];
  return hugeBodies;
}

/**
 * Random hostile inputs for `normalize` and anything else that reads provider
 * responses: wrong types, huge strings, `__proto__` and `constructor` codes,
 * odd headers, non-JSON bodies, frozen objects and throwing getters.
 *
 * @example
 * ```ts
 * test.prop([hostileResponse()])('never throws', (input) => {
 *   expect(() => normalize(input as NormalizeInput)).not.toThrow();
 * });
 * ```
 *
 * @public
 */
export function hostileResponse(options?: HostileOptions): Arbitrary<HostileResponse> {
  const given = arrayItems(own(options, 'providers'), 64).filter((id): id is string => typeof id === 'string');
  const providers = given.length > 0 ? given : ['aerosync', 'synapse', 'plaid'];
  const text = fc.oneof(fc.string({ maxLength: 64 }), fc.constantFrom(...PROTO_KEYS), fc.string({ unit: 'binary', maxLength: 32 }));
  const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });
  const codeValue = fc.oneof(text, fc.integer(), fc.double(), fc.constantFrom(null, true, [], {}, ['AC-104'], { code: 'AC-104' }), anyValue);
  const errorObject = fc
    .record(
      {
        error: fc.oneof(fc.record({ code: codeValue, message: codeValue, en: codeValue }, { requiredKeys: [] }), codeValue),
        error_code: codeValue,
        http_code: codeValue,
        error_type: codeValue,
        errorCode: codeValue,
        success: codeValue,
      },
      { requiredKeys: [] },
    )
    .chain((body) => fc.constantFrom<unknown>(body, deepFreeze(structuredCloneSafe(body)), jsonText(body)));
  const rawBodies = fc.constantFrom(
    '<html><body>502 Bad Gateway</body></html>',
    '{',
    '{"error":',
    'null',
    '[]',
    '"AC-104"',
    '{"__proto__":{"code":"AC-104"},"error":{"code":"__proto__"}}',
    '{"error":{"code":"constructor","message":"toString"}}',
    '{"error_code":"__proto__","http_code":"__proto__"}',
    '{"error_code":{"toString":1},"http_code":"99999"}',
    `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    '\u0000\uffff\ud800',
    '   ',
  );
  const bodies: Arbitrary<unknown>[] = [
    errorObject,
    rawBodies,
    fc.string({ maxLength: 256 }),
    fc.json({ maxDepth: 3 }),
    fc.uint8Array({ maxLength: 64 }),
    anyValue,
    fc.constant(throwingGetter('error')),
    fc.constant(Object.freeze(Object.create(null) as object)),
  ];
  if (own(options, 'huge') !== false) bodies.push(fc.constantFrom(...huge()));
  const headers = fc.oneof(
    fc.dictionary(
      fc.oneof(text, fc.constantFrom('retry-after', 'Retry-After', 'x-request-id', 'RETRY-AFTER')),
      fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.integer()),
      { maxKeys: 6 },
    ),
    fc.array(fc.tuple(fc.oneof(text, fc.constant('retry-after')), text), { maxLength: 4 }),
    fc.constantFrom<unknown>(
      { 'retry-after': '-1' },
      { 'retry-after': '99999999999999999999' },
      { 'retry-after': 'Wed, 99 Foo 2026 99:99:99 GMT' },
      { 'retry-after': ['1', '2'] },
      { get: 'not a function' },
      {
        get: (): never => {
          throw new Error('hostile headers.get');
        },
      },
      Object.freeze({ 'retry-after': '1' }),
      throwingGetter('retry-after'),
      [['retry-after']],
      'retry-after: 1',
    ),
    anyValue,
  );
  const status = fc.oneof(
    fc.integer({ min: -1000, max: 2000 }),
    fc.constantFrom<unknown>('500', '50503', 'abc', ' 404', Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 402.5, null, {}, ['400']),
    anyValue,
  );
  const url = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string({ maxLength: 128 }),
    fc.constantFrom<unknown>(
      '/v2/accounts/__proto__/balance',
      '/users/constructor/nodes',
      'http://[::1',
      '%E0%A4%A',
      `/${'a/'.repeat(5000)}`,
      'x'.repeat(10_000),
    ),
    anyValue,
  );
  const record = fc.record(
    {
      provider: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(providers.length > 0 ? providers : ['unknown'])) },
        { weight: 1, arbitrary: fc.oneof(text, anyValue) },
      ),
      method: fc.oneof(fc.constantFrom('GET', 'post', 'PATCH', '', 'get '), text, anyValue),
      url,
      endpoint: fc.oneof(text, fc.constantFrom('GET /accounts/{user_id}/balance', 'POST /users/{user_id}/nodes'), anyValue),
      status,
      headers,
      body: fc.oneof(...bodies),
      code: fc.oneof(codeValue, fc.constantFrom(...PROTO_KEYS)),
    },
    { requiredKeys: ['provider'] },
  );
  return fc.oneof(
    { weight: 8, arbitrary: record },
    { weight: 1, arbitrary: record.map((input) => deepFreeze(input)) },
    { weight: 1, arbitrary: fc.constant(throwingGetter('body') as HostileResponse) },
  );
}

function structuredCloneSafe<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
