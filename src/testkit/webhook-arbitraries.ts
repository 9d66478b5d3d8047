import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { own } from '../util/own.js';
import { WEBHOOK_PROVIDERS } from '../webhooks/webhook-event.js';
import { webhookFixtures } from './webhooks.js';

/**
 * A webhook delivery as a hostile sender or a broken proxy may hand it over:
 * any field may have any type, so cast it where a typed input is expected.
 *
 * @public
 */
export interface HostileWebhook {
  /** The provider: usually one the adapters know, sometimes any value. */
  readonly provider?: unknown;
  /** The body: a documented payload with hostile values spliced in (parsed, as text or as bytes), broken JSON, random bytes, or any value. */
  readonly body?: unknown;
  /** The request headers: forged, malformed or oversized signature headers (`alg: none` JWTs, `sha256=` junk, `t=,v1=`), in any header shape. */
  readonly headers?: unknown;
}

/**
 * Options of {@link hostileWebhook}.
 *
 * @public
 */
export interface HostileWebhookOptions {
  /**
   * Providers to use most of the time, so the hostile parts reach each adapter's tables.
   *
   * @defaultValue every provider the webhook adapters read
   */
  readonly providers?: readonly string[];
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const SIGNATURE_HEADERS = ['plaid-verification', 'x-finicity-signature', 'x-signature', 'x-webhook-signature', 'teller-signature'] as const;

function base64url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function throwingGetter(name: string): object {
  return Object.defineProperty({}, name, {
    enumerable: true,
    get(): never {
      throw new Error(`hostile getter ${name}`);
    },
  });
}

function hex(minLength: number, maxLength: number): Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength, maxLength });
}

const hostileScalar: Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, maxDepth: 2 }),
  fc.constantFrom<unknown>(...PROTO_KEYS, '', null, NaN, -0, Infinity, 1e308, 2 ** 53, [], {}, 'x'.repeat(100_000)),
  fc.constantFrom(...PROTO_KEYS).map(throwingGetter),
);

/** A JWT-shaped header value: any algorithm (`none` included), any kid, any claims, a random signature. */
const jwtLike: Arbitrary<string> = fc
  .tuple(
    fc.record(
      {
        alg: fc.oneof(fc.constantFrom('none', 'ES256', 'HS256', 'RS256', 'ES384', 'EdDSA', ''), fc.string()),
        kid: fc.oneof(fc.uuid(), fc.string(), fc.constantFrom(...PROTO_KEYS)),
        typ: fc.constant('JWT'),
      },
      { requiredKeys: [] },
    ),
    fc.record({ iat: fc.oneof(fc.integer(), fc.double(), fc.string()), request_body_sha256: fc.oneof(hex(64, 64), fc.string()) }, { requiredKeys: [] }),
    fc.oneof(fc.base64String(), fc.constant(''), fc.string()),
  )
  .map(([header, claims, signature]) => `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`);

const signatureValue: Arbitrary<unknown> = fc.oneof(
  jwtLike,
  hex(0, 80),
  hex(64, 64).map((mac) => `sha256=${mac}`),
  fc
    .tuple(fc.oneof(fc.nat(), fc.string()), fc.array(hex(64, 64), { maxLength: 12 }))
    .map(([t, macs]) => [`t=${String(t)}`, ...macs.map((mac) => `v1=${mac}`)].join(',')),
  fc.constantFrom('t=,v1=', 'sha256=', ',,,', '=', 'v1=abc,t=1', 'x'.repeat(20_000)),
  fc.array(fc.string(), { maxLength: 3 }),
  hostileScalar,
);

const headerRecord: Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...SIGNATURE_HEADERS),
    fc.constantFrom(...SIGNATURE_HEADERS).map((name) => name.toUpperCase()),
    fc.constantFrom(...PROTO_KEYS),
  ),
  signatureValue,
  { maxKeys: 6 },
);

const hostileHeaders: Arbitrary<unknown> = fc.oneof(
  headerRecord,
  headerRecord.map((record) => Object.entries(record)),
  headerRecord.map((record) => new Map(Object.entries(record))),
  headerRecord.map((record) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(record)) {
      try {
        headers.set(name, String(value));
      } catch {
        // A value Headers refuses (a control character) is left out.
      }
    }
    return headers;
  }),
  fc.constantFrom(...SIGNATURE_HEADERS).map(throwingGetter),
  hostileScalar,
);

/** A documented payload with one value, anywhere in its top two levels, replaced by a hostile one. */
function spliced(payload: object): Arbitrary<unknown> {
  const keys = Object.keys(payload);
  if (keys.length === 0) return fc.constant(payload);
  return fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constant(undefined), fc.constantFrom(...PROTO_KEYS)), hostileScalar).map(([key, inner, value]) => {
    const copy: Record<string, unknown> = { ...payload };
    const nested = own(payload, key);
    if (inner !== undefined && typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
      // A key such as "__proto__" is set as an own property, the way JSON.parse sets it.
      const child: Record<string, unknown> = { ...nested };
      Object.defineProperty(child, inner, { value, enumerable: true, configurable: true, writable: true });
      copy[key] = child;
    } else copy[key] = value;
    return copy;
  });
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * Random hostile webhook deliveries for anything that reads webhooks: the
 * documented payloads of every provider with hostile values spliced in, as
 * objects, text and bytes; broken JSON, random bytes, huge strings; forged and
 * malformed signature headers in every header shape.
 *
 * @example
 * ```ts
 * test.prop([hostileWebhook()])('never throws, never accepts a forgery', async (hook) => {
 *   const result = await receiveWebhook(hook.body as string, hook.headers as Headers, options);
 *   expect(result.ok).toBe(false);
 * });
 * ```
 *
 * @public
 */
export function hostileWebhook(options?: HostileWebhookOptions): Arbitrary<HostileWebhook> {
  const listed = own(options, 'providers');
  const providers = Array.isArray(listed) && listed.length > 0 ? listed.filter((p): p is string => typeof p === 'string').slice(0, 64) : [...WEBHOOK_PROVIDERS];
  const known = providers.length > 0 ? providers : [...WEBHOOK_PROVIDERS];
  const payloads = webhookFixtures().filter((fixture) => known.includes(fixture.provider));
  const documented: Arbitrary<unknown> =
    payloads.length === 0
      ? fc.object()
      : fc.constantFrom(...payloads.map((fixture) => fixture.payload)).chain((payload) => fc.oneof(fc.constant(payload), spliced(payload)));
  const body: Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: documented },
    { weight: 3, arbitrary: documented.map(jsonText) },
    { weight: 1, arbitrary: documented.map((value) => new TextEncoder().encode(jsonText(value))) },
    { weight: 1, arbitrary: fc.tuple(documented.map(jsonText), fc.nat()).map(([text, cut]) => text.slice(0, text.length === 0 ? 0 : cut % text.length)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string(),
        fc.json(),
        fc.constantFrom('{', '{"event":', '<html>', '\u0000', '[]', 'null', '['.repeat(10_000), '{"a":'.repeat(5_000)),
      ),
    },
    { weight: 1, arbitrary: hostileScalar },
  );
  const provider: Arbitrary<unknown> = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileScalar });
  return fc.record({ provider, body, headers: hostileHeaders });
}
