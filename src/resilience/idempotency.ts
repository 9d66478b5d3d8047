import { eachHeader, type HeadersLike } from '../matcher/headers.js';
import { own, read } from '../util/own.js';

/**
 * The methods RFC 9110 defines as idempotent (section 9.2.2): sending one twice has the effect of sending it once.
 *
 * @remarks
 * Source: https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2
 *
 * @public
 */
export const IDEMPOTENT_METHODS: readonly string[] = Object.freeze(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Request headers that carry an idempotency key, lowercase: the IETF draft's
 * `Idempotency-Key` and Synapse's `X-SP-IDEMPOTENCY-KEY`.
 *
 * @remarks
 * Sources: https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/ ;
 * Synapse's official Node client sends `X-SP-IDEMPOTENCY-KEY`
 * (https://github.com/SynapseFI/SynapseNode/blob/master/src/helpers/buildHeaders.js).
 *
 * @public
 */
export const IDEMPOTENCY_KEY_HEADERS: readonly string[] = Object.freeze(['idempotency-key', 'x-sp-idempotency-key']);

/**
 * The request a retry decision is about, as far as idempotency goes.
 *
 * @public
 */
export interface IdempotencyRequest {
  /** The HTTP method, in any case. */
  readonly method?: string | undefined;
  /** The request's headers, where an idempotency key may be (see {@link IDEMPOTENCY_KEY_HEADERS}). */
  readonly headers?: HeadersLike | undefined;
  /** The idempotency key the request carries elsewhere (a body field such as Plaid's `idempotency_key`). */
  readonly idempotencyKey?: string | undefined;
  /** Overrides the method: `true` when the caller knows the operation is safe to repeat, `false` when it is not. */
  readonly idempotent?: boolean | undefined;
}

/**
 * Whether a request may be sent again, and with which key.
 *
 * @public
 */
export interface Idempotency {
  /** Whether sending the request again cannot do the work twice. */
  readonly idempotent: boolean;
  /** The idempotency key, to send again unchanged on every attempt (a new key per attempt is a new request). */
  readonly key: string | undefined;
  /** What made it idempotent: the caller's word, the key, the method, or nothing. */
  readonly by: 'caller' | 'key' | 'method' | 'none';
}

// A key is an opaque token: printable ASCII of a sane length, or it is not one.
const KEY = /^[\x21-\x7e]{1,255}$/;
const idempotentSet: ReadonlySet<string> = new Set(IDEMPOTENT_METHODS);
const keyHeaders: ReadonlySet<string> = new Set(IDEMPOTENCY_KEY_HEADERS);

function keyText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' && KEY.test(first) ? first : undefined;
}

function headerKey(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  let get: unknown;
  try {
    get = headers instanceof Map ? undefined : read(headers, 'get');
  } catch {
    // A revoked proxy: no key.
    return undefined;
  }
  if (typeof get === 'function') {
    for (const name of IDEMPOTENCY_KEY_HEADERS) {
      try {
        const key = keyText(get.call(headers, name));
        if (key !== undefined) return key;
      } catch {
        // A getter that throws: no key there.
      }
    }
    return undefined;
  }
  let key: string | undefined;
  eachHeader(headers, (name, value) => {
    if (!keyHeaders.has(name.toLowerCase())) return false;
    key = keyText(value);
    return key !== undefined;
  });
  return key;
}

/**
 * Tells whether a request may be sent again: by the caller's word, by an
 * idempotency key it carries, or by its method (RFC 9110's idempotent methods).
 *
 * @remarks
 * A key makes a POST safe to repeat only when the same key goes out on every
 * attempt: {@link Idempotency.key} is that key. A method that is missing or
 * unknown is not idempotent. Never throws.
 *
 * @example
 * ```ts
 * idempotencyOf({ method: 'POST', headers: { 'idempotency-key': 'k-1' } }); // { idempotent: true, key: 'k-1', by: 'key' }
 * ```
 *
 * @public
 */
export function idempotencyOf(request: IdempotencyRequest | undefined): Idempotency {
  const key = keyText(own(request, 'idempotencyKey')) ?? headerKey(own(request, 'headers'));
  const stated = own(request, 'idempotent');
  if (typeof stated === 'boolean') return { idempotent: stated, key, by: 'caller' };
  if (key !== undefined) return { idempotent: true, key, by: 'key' };
  const method = own(request, 'method');
  if (typeof method === 'string' && method.length <= 16 && idempotentSet.has(method.toUpperCase())) return { idempotent: true, key, by: 'method' };
  return { idempotent: false, key, by: 'none' };
}
