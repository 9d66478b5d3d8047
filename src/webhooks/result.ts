import type { ConnectionEvent } from '../connections/event.js';

/**
 * Why a webhook was not accepted, as a closed list.
 *
 * @remarks
 * - `too-large`: the body is over `maxBodyBytes`; nothing was read.
 * - `unreadable-body`: not text or bytes, or (after its signature checked out) not a JSON object.
 * - `missing-signature`: the provider's signature header is absent or empty.
 * - `malformed-signature`: the header is not a JWT / not the documented format.
 * - `unsupported-algorithm`: the JWT's `alg` is not the documented one (`ES256` for Plaid; `none` included).
 * - `unknown-key`: the key lookup knows no key for the JWT's `kid`, or the key is unusable.
 * - `expired-key`: the key Plaid answered has expired (`expired_at` is in the past).
 * - `key-unavailable`: the key lookup failed or timed out (retry later: the provider resends).
 * - `bad-signature`: the signature does not verify (a forgery, a tampered body, a wrong secret).
 * - `body-mismatch`: the JWT verifies but its body hash is not the body's (a signature replayed onto another body).
 * - `stale`: the signature is older than the age limit, or dated in the future.
 * - `replayed`: the `seen` check says this signed delivery was already accepted.
 * - `replay-check-failed`: the `seen` check threw: nothing is accepted unchecked.
 * - `not-configured`: no key lookup or secret was given for a provider that signs.
 *
 * @public
 */
export const WEBHOOK_REJECTIONS = [
  'too-large',
  'unreadable-body',
  'missing-signature',
  'malformed-signature',
  'unsupported-algorithm',
  'unknown-key',
  'expired-key',
  'key-unavailable',
  'bad-signature',
  'body-mismatch',
  'stale',
  'replayed',
  'replay-check-failed',
  'not-configured',
] as const;

/**
 * One of {@link WEBHOOK_REJECTIONS}.
 *
 * @public
 */
export type WebhookRejection = (typeof WEBHOOK_REJECTIONS)[number];

/**
 * A webhook that was verified (where its provider signs) and classified.
 *
 * @public
 */
export interface AcceptedWebhook {
  /** The discriminant. */
  readonly ok: true;
  /** The webhook as a connection event. */
  readonly event: ConnectionEvent;
  /** The parsed body, for the fields an event does not carry (Plaid's `new_webhook_url`, a `public_tokens` list). */
  readonly payload: unknown;
  /** Whether a signature was checked: `false` only for providers that document none (MX, Yodlee, Synapse). */
  readonly verified: boolean;
  /** The provider's id of this delivery, where it sends one (Finicity `eventId`, Teller `id`, Yodlee `notificationId`): deduplicate on it, deliveries are at least once. */
  readonly deliveryId: string | undefined;
}

/**
 * A webhook that was refused before anything in it was trusted.
 *
 * @public
 */
export interface RejectedWebhook {
  /** The discriminant. */
  readonly ok: false;
  /** Why. */
  readonly reason: WebhookRejection;
  /** A fixed sentence for logs; it never quotes the request. */
  readonly message: string;
}

/**
 * What receiving a webhook gives: verified and classified, or rejected with a reason.
 *
 * @public
 */
export type WebhookResult = AcceptedWebhook | RejectedWebhook;

const MESSAGES: { readonly [R in WebhookRejection]: string } = {
  'too-large': 'The webhook body is larger than maxBodyBytes.',
  'unreadable-body': 'The webhook body is not a JSON object.',
  'missing-signature': 'The webhook carries no signature header.',
  'malformed-signature': 'The webhook signature is not in the documented format.',
  'unsupported-algorithm': 'The webhook JWT is not signed with the documented algorithm.',
  'unknown-key': 'No usable verification key is known for the webhook JWT.',
  'expired-key': 'The verification key of the webhook JWT has expired.',
  'key-unavailable': 'The verification key lookup failed or timed out.',
  'bad-signature': 'The webhook signature does not verify.',
  'body-mismatch': 'The webhook JWT does not sign this body.',
  stale: 'The webhook signature is too old, or dated in the future.',
  replayed: 'This signed webhook was already received.',
  'replay-check-failed': 'The replay check failed; the webhook was not accepted.',
  'not-configured': 'No verification key lookup or secret is configured for this provider.',
};

/** A rejection with its fixed message. */
export function rejected(reason: WebhookRejection): RejectedWebhook {
  return { ok: false, reason, message: MESSAGES[reason] };
}
