/**
 * Plaid's webhook signature: the `Plaid-Verification` header is a JWT signed
 * with ES256 by a key Plaid names in its `kid`; its claims carry `iat` and the
 * SHA-256 of the raw body. Verified with `jose`, never by hand.
 *
 * Sources: https://plaid.com/docs/api/webhooks/webhook-verification/ (the
 * header, "ensure that the value of the alg field is ES256, reject the webhook
 * if this is not the case", the kid, the key endpoint; the stored copy ends
 * there) and Plaid's OpenAPI spec (JWKPublicKey, with created_at and
 * expired_at). The claims step (`request_body_sha256`, reject after five
 * minutes) is read from third-party implementations that cite the same page
 * (the elixir_plaid library; Stack Overflow question 62117400).
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type CryptoKey as JoseKey, type JWK } from 'jose';
import { own } from '../util/own.js';
import { constantTimeEqual, sha256Hex, utf8 } from './crypto.js';
import { headerValue } from './header.js';
import type { WebhookRejection } from './result.js';

/**
 * A verification key as Plaid's `/webhook_verification_key/get` answers it (its `key` field).
 *
 * @public
 */
export interface PlaidJwk {
  /** `'ES256'`. */
  readonly alg?: string;
  /** `'P-256'`. */
  readonly crv: string;
  /** The key id, the JWT's `kid`. */
  readonly kid?: string;
  /** `'EC'`. */
  readonly kty: string;
  /** `'sig'`. */
  readonly use?: string;
  /** The curve point's x coordinate, base64url. */
  readonly x: string;
  /** The curve point's y coordinate, base64url. */
  readonly y: string;
  /** When the key was created, in Unix seconds. */
  readonly created_at?: number;
  /** When the key expired, in Unix seconds; `null` while it is in use. */
  readonly expired_at?: number | null;
}

/**
 * Finds Plaid's verification key for a key id: call Plaid's
 * `/webhook_verification_key/get` (through {@link plaidKeyCache}, so each key
 * is fetched once), or read it from your own store; a WebCrypto `CryptoKey`
 * works too. Answer `undefined` for an unknown key id; a throw or a rejection
 * means the lookup failed.
 *
 * @public
 */
export type PlaidKeyLookup = (kid: string) => PlaidJwk | JoseKey | null | undefined | Promise<PlaidJwk | JoseKey | null | undefined>;

/**
 * How a Plaid signature is checked.
 *
 * @public
 */
export interface PlaidSignatureOptions {
  /** Finds the verification key for the JWT's `kid`. */
  readonly getKey: PlaidKeyLookup;
  /**
   * The oldest a signature may be (its `iat`), in seconds.
   *
   * @defaultValue 300
   */
  readonly maxAgeSeconds?: number;
  /**
   * How far the two clocks may disagree, in seconds: an `iat` this far in the future is accepted.
   *
   * @defaultValue 30
   */
  readonly clockToleranceSeconds?: number;
  /**
   * How long the key lookup may take, in milliseconds.
   *
   * @defaultValue 5000
   */
  readonly keyTimeoutMs?: number;
  /**
   * The current time in milliseconds since the epoch (for tests).
   *
   * @defaultValue Date.now
   */
  readonly now?: () => number;
}

/** The outcome of a signature check: the key of this signed delivery for a replay check, or why it failed. */
export type SignatureVerdict = { readonly ok: true; readonly replayKey: string } | { readonly ok: false; readonly reason: WebhookRejection };

const KID = /^[\x21-\x7e]{1,256}$/;
const imported = new WeakMap<object, Promise<JoseKey | Uint8Array>>();

function fail(reason: WebhookRejection): SignatureVerdict {
  return { ok: false, reason };
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The caller's lookup, bounded in time; `'failed'` when it threw, rejected or timed out. */
async function lookup(getKey: PlaidKeyLookup, kid: string, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), timeoutMs);
    // A pending lookup must not keep a process alive that is shutting down.
    (timer as { unref?: () => void }).unref?.();
  });
  try {
    return await Promise.race([Promise.resolve().then(() => getKey(kid)), timeout]);
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

function isCryptoKey(value: unknown): value is JoseKey {
  return typeof globalThis.CryptoKey !== 'undefined' && value instanceof globalThis.CryptoKey;
}

async function usableKey(key: object, kid: string, nowSeconds: number): Promise<JoseKey | Uint8Array | WebhookRejection> {
  if (isCryptoKey(key)) return key;
  const expiredAt = own(key, 'expired_at');
  if (typeof expiredAt === 'number' && expiredAt <= nowSeconds) return 'expired-key';
  if (own(key, 'kty') !== 'EC' || own(key, 'crv') !== 'P-256') return 'unknown-key';
  // A key the lookup answered for another id, or for another use, is not this JWT's key.
  const [alg, use, keyId] = [own(key, 'alg'), own(key, 'use'), own(key, 'kid')];
  if ((alg !== undefined && alg !== 'ES256') || (use !== undefined && use !== 'sig') || (keyId !== undefined && keyId !== kid)) return 'unknown-key';
  let promise = imported.get(key);
  if (promise === undefined) {
    // Only the public members: a JWK with a private "d" must not become a signing key here.
    promise = importJWK({ kty: 'EC', crv: 'P-256', x: own(key, 'x'), y: own(key, 'y') } as JWK, 'ES256');
    imported.set(key, promise);
  }
  try {
    return await promise;
  } catch {
    imported.delete(key);
    return 'unknown-key';
  }
}

function reasonOf(error: unknown): WebhookRejection {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'unsupported-algorithm';
  if (error instanceof errors.JWTExpired) return 'stale';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'iat' && error.reason === 'check_failed' ? 'stale' : 'malformed-signature';
  return 'malformed-signature';
}

/**
 * Checks a Plaid webhook's `Plaid-Verification` JWT against the raw body bytes.
 * Never throws.
 */
export async function verifyPlaidSignature(body: Uint8Array, headers: unknown, options: unknown): Promise<SignatureVerdict> {
  const getKey = own(options, 'getKey');
  if (typeof getKey !== 'function') return fail('not-configured');
  const jwt = headerValue(headers, 'plaid-verification');
  if (jwt === undefined) return fail('missing-signature');
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return fail('malformed-signature');
  }
  // Before any key is looked up: "alg": "none", HS256 with the public key as secret and every other algorithm end here.
  if (header.alg !== 'ES256') return fail('unsupported-algorithm');
  if (typeof header.kid !== 'string' || !KID.test(header.kid)) return fail('malformed-signature');
  const nowFn = own(options, 'now');
  const nowMs = typeof nowFn === 'function' ? Number((nowFn as () => number)()) : Date.now();
  if (!Number.isFinite(nowMs)) return fail('not-configured');
  const found = await lookup(getKey as PlaidKeyLookup, header.kid, positive(own(options, 'keyTimeoutMs'), 5000));
  if (found === 'failed') return fail('key-unavailable');
  if (typeof found !== 'object' || found === null) return fail('unknown-key');
  const key = await usableKey(found, header.kid, nowMs / 1000);
  if (typeof key === 'string') return fail(key);
  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(jwt, key, {
      algorithms: ['ES256'],
      maxTokenAge: positive(own(options, 'maxAgeSeconds'), 300),
      clockTolerance: positive(own(options, 'clockToleranceSeconds'), 30),
      currentDate: new Date(nowMs),
    });
    claims = verified.payload;
  } catch (error) {
    return fail(reasonOf(error));
  }
  const claimed = own(claims, 'request_body_sha256');
  if (typeof claimed !== 'string' || claimed.length !== 64) return fail('malformed-signature');
  const actual = await sha256Hex(body);
  if (!constantTimeEqual(utf8(claimed.toLowerCase()), utf8(actual))) return fail('body-mismatch');
  return { ok: true, replayKey: `plaid:${await sha256Hex(utf8(jwt))}` };
}
