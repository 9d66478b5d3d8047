/**
 * Receiving a webhook: bound the body, check the provider's signature on the
 * exact bytes that arrived, optionally refuse a delivery seen before, and only
 * then parse and classify it. Nothing in a webhook is read before its
 * signature checks out.
 */
import type { ConnectionEvent } from '../connections/event.js';
import type { HeadersLike } from '../matcher/headers.js';
import { own } from '../util/own.js';
import { aerosyncWebhookEvent } from './aerosync.js';
import { textOf } from './classify.js';
import { finicityWebhookEvent } from './finicity.js';
import {
  verifyAerosyncSignature,
  verifyFinicitySignature,
  verifyTellerSignature,
  type HmacSecretOptions,
  type TellerSignatureOptions,
} from './hmac-signatures.js';
import { mxWebhookEvent } from './mx.js';
import type { WebhookEventOptions } from './options.js';
import { bodyBytes, bodyText, DEFAULT_MAX_BODY_BYTES, fitsIn, parseObject, type RawBody } from './payload.js';
import { plaidWebhookEvent } from './plaid.js';
import { verifyPlaidSignature, type PlaidSignatureOptions, type SignatureVerdict } from './plaid-signature.js';
import { rejected, type WebhookResult } from './result.js';
import { synapseWebhookEvent } from './synapse.js';
import { tellerWebhookEvent } from './teller.js';
import { yodleeWebhookEvent } from './yodlee.js';

/**
 * Options every receiver takes.
 *
 * @public
 */
export interface ReceiveOptions extends WebhookEventOptions {
  /**
   * The largest body read, in bytes; a larger one is rejected as `too-large` before any work.
   *
   * @defaultValue 1048576
   */
  readonly maxBodyBytes?: number;
  /**
   * A replay check, called with a key that identifies this signed delivery once
   * its signature verified: answer `true` when you have seen the key before
   * (and remember it otherwise, for longer than the signature's age limit),
   * e.g. with Redis `SET key 1 NX EX 600`. A `true` rejects the webhook as
   * `replayed`; a throw rejects it as `replay-check-failed`.
   */
  readonly seen?: (key: string) => boolean | Promise<boolean>;
}

/**
 * Options of {@link receivePlaidWebhook}.
 *
 * @public
 */
export interface PlaidReceiveOptions extends ReceiveOptions, PlaidSignatureOptions {}

/**
 * Options of {@link receiveFinicityWebhook}.
 *
 * @public
 */
export interface FinicityReceiveOptions extends ReceiveOptions, HmacSecretOptions {}

/**
 * Options of {@link receiveAerosyncWebhook}.
 *
 * @public
 */
export interface AerosyncReceiveOptions extends ReceiveOptions, HmacSecretOptions {
  /**
   * The oldest the body's `timestamp` may be, in seconds; unchecked when absent
   * (Aerosync documents neither a limit nor whether a retry keeps its first timestamp).
   */
  readonly maxAgeSeconds?: number;
  /**
   * The current time in milliseconds since the epoch (for tests).
   *
   * @defaultValue Date.now
   */
  readonly now?: () => number;
}

/**
 * Options of {@link receiveTellerWebhook}.
 *
 * @public
 */
export interface TellerReceiveOptions extends ReceiveOptions, TellerSignatureOptions {}

/**
 * Options of {@link receiveWebhook}: the provider, and what checks its signature.
 *
 * @public
 */
export type ReceiveWebhookOptions =
  | (PlaidReceiveOptions & { readonly provider: 'plaid' })
  | (FinicityReceiveOptions & { readonly provider: 'finicity' })
  | (AerosyncReceiveOptions & { readonly provider: 'aerosync' })
  | (TellerReceiveOptions & { readonly provider: 'teller' })
  | (ReceiveOptions & { readonly provider: 'mx' | 'yodlee' | 'synapse' });

type Verify = (body: Uint8Array, headers: unknown, options: unknown) => Promise<SignatureVerdict>;
type Classify = (payload: unknown, options: WebhookEventOptions) => ConnectionEvent;

/** The provider's id of a delivery, where its payload carries one. */
function deliveryIdOf(provider: string, payload: object): string | undefined {
  switch (provider) {
    case 'finicity':
      return textOf(own(payload, 'eventId'));
    case 'teller':
      return textOf(own(payload, 'id'));
    case 'yodlee':
      return textOf(own(own(payload, 'event'), 'notificationId'));
    case 'synapse':
      return textOf(own(own(payload, '_id'), '$oid'));
    default:
      return undefined;
  }
}

function agedOut(payload: object, options: unknown): boolean {
  const maxAge = own(options, 'maxAgeSeconds');
  if (typeof maxAge !== 'number' || !Number.isFinite(maxAge) || maxAge < 0) return false;
  const timestamp = own(payload, 'timestamp');
  const nowFn = own(options, 'now');
  const now = (typeof nowFn === 'function' ? Number((nowFn as () => number)()) : Date.now()) / 1000;
  return typeof timestamp !== 'number' || !Number.isFinite(timestamp) || now - timestamp > maxAge || timestamp - now > maxAge;
}

async function receive(
  provider: string,
  verify: Verify | undefined,
  classify: Classify,
  body: unknown,
  headers: unknown,
  options: unknown,
): Promise<WebhookResult> {
  const maxOption = own(options, 'maxBodyBytes');
  const max = typeof maxOption === 'number' && Number.isFinite(maxOption) && maxOption >= 0 ? maxOption : DEFAULT_MAX_BODY_BYTES;
  const fits = fitsIn(body, max);
  if (fits === undefined) return rejected('unreadable-body');
  if (!fits) return rejected('too-large');
  const bytes = bodyBytes(body);
  if (bytes === undefined) return rejected('unreadable-body');
  let verified = false;
  if (verify !== undefined) {
    const verdict = await verify(bytes, headers, options);
    if (!verdict.ok) return rejected(verdict.reason);
    verified = true;
    const seen = own(options, 'seen');
    if (typeof seen === 'function') {
      try {
        if ((await (seen as (key: string) => unknown)(verdict.replayKey)) === true) return rejected('replayed');
      } catch {
        return rejected('replay-check-failed');
      }
    }
  }
  const payload = parseObject(bodyText(bytes));
  if (payload === undefined) return rejected('unreadable-body');
  if (provider === 'aerosync' && agedOut(payload, options)) return rejected('stale');
  return { ok: true, event: classify(payload, options as WebhookEventOptions), payload, verified, deliveryId: deliveryIdOf(provider, payload) };
}

async function guarded(run: () => Promise<WebhookResult>): Promise<WebhookResult> {
  try {
    return await run();
  } catch {
    // Hostile options (a throwing getter, a revoked proxy): nothing is accepted.
    return rejected('not-configured');
  }
}

/**
 * Verifies a Plaid webhook's `Plaid-Verification` JWT (ES256 only, key by `kid`,
 * body SHA-256 and age checked, with `jose`) and classifies it.
 *
 * @example
 * ```ts
 * const result = await receivePlaidWebhook(rawBody, request.headers, { normalizer, getKey: plaidKeyCache({ fetchKey }) });
 * if (!result.ok) return reply.code(401).send();
 * handle(result.event);
 * ```
 *
 * @public
 */
export function receivePlaidWebhook(body: RawBody, headers: HeadersLike, options: PlaidReceiveOptions): Promise<WebhookResult> {
  return guarded(() => receive('plaid', verifyPlaidSignature, plaidWebhookEvent, body, headers, options));
}

/**
 * Verifies a Finicity / Mastercard webhook's `X-Finicity-Signature` (HMAC-SHA256
 * of the body under your Partner Secret) and classifies it.
 *
 * @remarks
 * Report webhooks of Generate VOA/VOI carry no signature (Finicity says so):
 * they are rejected as `missing-signature`; receive them on a route of their own.
 *
 * @public
 */
export function receiveFinicityWebhook(body: RawBody, headers: HeadersLike, options: FinicityReceiveOptions): Promise<WebhookResult> {
  return guarded(() => receive('finicity', verifyFinicitySignature, finicityWebhookEvent, body, headers, options));
}

/**
 * Verifies an Aerosync webhook's `X-Webhook-Signature` (HMAC-SHA256 of the body
 * under the subscription's secret_key) and classifies it.
 *
 * @public
 */
export function receiveAerosyncWebhook(body: RawBody, headers: HeadersLike, options: AerosyncReceiveOptions): Promise<WebhookResult> {
  return guarded(() => receive('aerosync', verifyAerosyncSignature, aerosyncWebhookEvent, body, headers, options));
}

/**
 * Verifies a Teller webhook's `Teller-Signature` and classifies it.
 *
 * @remarks
 * The scheme (HMAC-SHA256 of `"<t>.<body>"`, several `v1` during a secret
 * rotation, a 180-second tolerance) comes from a third-party integrator's
 * documentation: Teller's own page was not readable past its example.
 *
 * @public
 */
export function receiveTellerWebhook(body: RawBody, headers: HeadersLike, options: TellerReceiveOptions): Promise<WebhookResult> {
  return guarded(() => receive('teller', verifyTellerSignature, tellerWebhookEvent, body, headers, options));
}

const RECEIVERS: ReadonlyMap<string, { readonly verify: Verify | undefined; readonly classify: Classify }> = new Map([
  ['plaid', { verify: verifyPlaidSignature, classify: plaidWebhookEvent }],
  ['finicity', { verify: verifyFinicitySignature, classify: finicityWebhookEvent }],
  ['aerosync', { verify: verifyAerosyncSignature, classify: aerosyncWebhookEvent }],
  ['teller', { verify: verifyTellerSignature, classify: tellerWebhookEvent }],
  // These document no payload signature: `verified` is false, and the endpoint needs protection of its own.
  ['mx', { verify: undefined, classify: mxWebhookEvent }],
  ['yodlee', { verify: undefined, classify: yodleeWebhookEvent }],
  ['synapse', { verify: undefined, classify: synapseWebhookEvent }],
]);

/**
 * Receives any provider's webhook: checks its signature where the provider
 * documents one, then classifies it as a connection event.
 *
 * @remarks
 * Give it the raw body (the exact bytes that arrived, never a re-serialized
 * object), the request headers and the provider's options. It never throws: a
 * bad or missing signature, an oversized or unreadable body, is a rejection
 * with a reason, and nothing of it is trusted.
 *
 * @example
 * ```ts
 * const result = await receiveWebhook(rawBody, req.headers, { provider: 'finicity', secret: partnerSecret, normalizer });
 * if (!result.ok) { res.statusCode = 401; return res.end(); }
 * if (result.event.state === 'needs-reconnect') showBanner(result.event.connection?.id);
 * ```
 *
 * @public
 */
export function receiveWebhook(body: RawBody, headers: HeadersLike, options: ReceiveWebhookOptions): Promise<WebhookResult> {
  return guarded(async () => {
    const provider = own(options, 'provider');
    const receiver = typeof provider === 'string' ? RECEIVERS.get(provider) : undefined;
    if (receiver === undefined || typeof provider !== 'string') return rejected('not-configured');
    return receive(provider, receiver.verify, receiver.classify, body, headers, options);
  });
}
