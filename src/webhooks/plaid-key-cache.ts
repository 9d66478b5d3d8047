import { own, read } from '../util/own.js';
import type { PlaidJwk } from './plaid-signature.js';

/**
 * Options of {@link plaidKeyCache}.
 *
 * @public
 */
export interface PlaidKeyCacheOptions {
  /**
   * Asks Plaid for a key: call `/webhook_verification_key/get` with the key id
   * (e.g. `plaidClient.webhookVerificationKeyGet({ key_id })`). It may answer the
   * key, Plaid's response (`{ key }`) or the client's (`{ data: { key } }`);
   * nothing (or `null`) for an unknown key id; a throw means the call failed,
   * except Plaid's INVALID_WEBHOOK_VERIFICATION_KEY_ID, which is an unknown key id.
   */
  readonly fetchKey: (kid: string) => Promise<unknown>;
  /**
   * How long a key is kept, in milliseconds (Plaid rotates keys rarely, and says when one expired).
   *
   * @defaultValue 86400000
   */
  readonly ttlMs?: number;
  /**
   * How long an unknown key id is remembered as unknown, in milliseconds, so a
   * flood of forged `kid`s costs Plaid one request each per period.
   *
   * @defaultValue 60000
   */
  readonly missTtlMs?: number;
  /**
   * The most key ids kept; the oldest goes first.
   *
   * @defaultValue 64
   */
  readonly maxKeys?: number;
  /**
   * The current time in milliseconds since the epoch (for tests).
   *
   * @defaultValue Date.now
   */
  readonly now?: () => number;
}

function keyOf(answer: unknown): PlaidJwk | undefined {
  for (const candidate of [answer, own(answer, 'key'), own(own(answer, 'data'), 'key')]) {
    if (typeof own(candidate, 'kty') === 'string') return candidate as PlaidJwk;
  }
  return undefined;
}

/**
 * Whether a failed key request means the key id is unknown: Plaid answers an
 * invalid key_id with INVALID_WEBHOOK_VERIFICATION_KEY_ID
 * (https://plaid.com/docs/errors/invalid-input/), which its Node client throws
 * as an axios error.
 */
function unknownKeyId(error: unknown): boolean {
  const body = read(read(error, 'response'), 'data');
  return own(body, 'error_code') === 'INVALID_WEBHOOK_VERIFICATION_KEY_ID';
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * A key lookup for {@link receivePlaidWebhook} that asks Plaid once per key id
 * and period: concurrent webhooks signed by one new key share one request, keys
 * are kept for `ttlMs`, unknown ids for `missTtlMs`, and at most `maxKeys` are held.
 *
 * @remarks
 * Per process, like every cache of this library: each instance of a gateway
 * asks Plaid for a key once.
 *
 * @example
 * ```ts
 * const getKey = plaidKeyCache({ fetchKey: (key_id) => plaidClient.webhookVerificationKeyGet({ key_id }) });
 * const result = await receivePlaidWebhook(rawBody, headers, { getKey, normalizer });
 * ```
 *
 * @public
 */
export function plaidKeyCache(options: PlaidKeyCacheOptions): (kid: string) => Promise<PlaidJwk | undefined> {
  const fetchKey = own(options, 'fetchKey');
  const ttlMs = positive(own(options, 'ttlMs'), 86_400_000);
  const missTtlMs = positive(own(options, 'missTtlMs'), 60_000);
  const maxKeys = Math.max(1, Math.floor(positive(own(options, 'maxKeys'), 64)));
  const nowOption = own(options, 'now');
  const now = typeof nowOption === 'function' ? (nowOption as () => number) : Date.now;
  const kept = new Map<string, { readonly key: PlaidJwk | undefined; readonly until: number }>();
  const inFlight = new Map<string, Promise<PlaidJwk | undefined>>();

  function remember(kid: string, key: PlaidJwk | undefined): void {
    kept.delete(kid);
    kept.set(kid, { key, until: now() + (key === undefined ? missTtlMs : ttlMs) });
    while (kept.size > maxKeys) {
      const oldest = kept.keys().next().value;
      if (oldest === undefined) break;
      kept.delete(oldest);
    }
  }

  return async (kid: string): Promise<PlaidJwk | undefined> => {
    if (typeof fetchKey !== 'function') throw new TypeError('aggregator-errors: plaidKeyCache needs a fetchKey function');
    const hit = kept.get(kid);
    if (hit !== undefined && hit.until > now()) return hit.key;
    const pending = inFlight.get(kid);
    if (pending !== undefined) return pending;
    const request = (async () => {
      try {
        let key: PlaidJwk | undefined;
        try {
          key = keyOf(await (fetchKey as (kid: string) => Promise<unknown>)(kid));
        } catch (error) {
          // Any other failure is not remembered: the next webhook asks again.
          if (!unknownKeyId(error)) throw error;
        }
        remember(kid, key);
        return key;
      } finally {
        inFlight.delete(kid);
      }
    })();
    inFlight.set(kid, request);
    return request;
  };
}
