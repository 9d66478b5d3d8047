/**
 * The HMAC-SHA256 signature headers, checked with WebCrypto and a
 * constant-time comparison:
 *
 * - Finicity / Mastercard: `X-Finicity-Signature`, the hex HMAC of the raw
 *   body under the Partner Secret (https://docs.finicity.com/connect-webhooks/;
 *   its Node example compares with crypto.timingSafeEqual). Mastercard's
 *   Australian docs name the same header `X-Signature`
 *   (https://developer.mastercard.com/open-finance-au/documentation/connect/webhooks/):
 *   both are read.
 * - Aerosync: `X-Webhook-Signature: sha256=...`, present when the subscription
 *   has a secret_key (https://api-aerosync.readme.io/docs/events-you-can-subscribe-to).
 *   The page does not show what is signed: the raw body is, as the header's
 *   `sha256=` form means everywhere it is used; hex or base64 is accepted.
 * - Teller: `Teller-Signature: t=<timestamp>,v1=<signature>[,v1=...]`, the HMAC
 *   of `"<timestamp>.<raw body>"` under the signing secret, one v1 per
 *   unexpired secret. Third-party: Teller's webhook page is cut before its
 *   verification section; the scheme and the 180-second tolerance are
 *   https://docs.propstack.app/providers/teller's.
 */
import { own } from '../util/own.js';
import { concat, decodeMac, macMatches, toHex, utf8 } from './crypto.js';
import { headerValue } from './header.js';
import type { SignatureVerdict } from './plaid-signature.js';

/**
 * The secret of an HMAC-signed provider.
 *
 * @public
 */
export interface HmacSecretOptions {
  /** The shared secret (Finicity: your Partner Secret; Aerosync: the subscription's secret_key; Teller: the signing secret), or several while you rotate it. */
  readonly secret: string | readonly string[];
}

/**
 * How a Teller signature is checked.
 *
 * @public
 */
export interface TellerSignatureOptions extends HmacSecretOptions {
  /**
   * How far the signature's timestamp may be from now, in seconds (the third-party integrator's tolerance).
   *
   * @defaultValue 180
   */
  readonly toleranceSeconds?: number;
  /**
   * The current time in milliseconds since the epoch (for tests).
   *
   * @defaultValue Date.now
   */
  readonly now?: () => number;
}

const MAX_SECRETS = 8;
const MAX_SIGNATURES = 8;

function secretsOf(options: unknown): string[] {
  const secret = own(options, 'secret');
  const list = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? (secret as unknown[]).slice(0, MAX_SECRETS) : [];
  return list.filter((s): s is string => typeof s === 'string' && s !== '');
}

function fail(reason: Extract<SignatureVerdict, { ok: false }>['reason']): SignatureVerdict {
  return { ok: false, reason };
}

async function verifyBodyMac(body: Uint8Array, sent: string | undefined, options: unknown, prefix: string | undefined): Promise<SignatureVerdict> {
  const secrets = secretsOf(options);
  if (secrets.length === 0) return fail('not-configured');
  if (sent === undefined) return fail('missing-signature');
  const text = prefix !== undefined && sent.toLowerCase().startsWith(prefix) ? sent.slice(prefix.length) : sent;
  const mac = decodeMac(text.trim());
  if (mac === undefined) return fail('malformed-signature');
  if (!(await macMatches([mac], secrets, body))) return fail('bad-signature');
  return { ok: true, replayKey: toHex(mac) };
}

/** Checks Finicity's `X-Finicity-Signature` (or Mastercard's `X-Signature`). Never throws. */
export async function verifyFinicitySignature(body: Uint8Array, headers: unknown, options: unknown): Promise<SignatureVerdict> {
  const sent = headerValue(headers, 'x-finicity-signature') ?? headerValue(headers, 'x-signature');
  const verdict = await verifyBodyMac(body, sent, options, undefined);
  return verdict.ok ? { ok: true, replayKey: `finicity:${verdict.replayKey}` } : verdict;
}

/** Checks Aerosync's `X-Webhook-Signature: sha256=...`. Never throws. */
export async function verifyAerosyncSignature(body: Uint8Array, headers: unknown, options: unknown): Promise<SignatureVerdict> {
  const verdict = await verifyBodyMac(body, headerValue(headers, 'x-webhook-signature'), options, 'sha256=');
  return verdict.ok ? { ok: true, replayKey: `aerosync:${verdict.replayKey}` } : verdict;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Checks Teller's `Teller-Signature: t=...,v1=...` (third-party scheme). Never throws. */
export async function verifyTellerSignature(body: Uint8Array, headers: unknown, options: unknown): Promise<SignatureVerdict> {
  const secrets = secretsOf(options);
  if (secrets.length === 0) return fail('not-configured');
  const header = headerValue(headers, 'teller-signature');
  if (header === undefined) return fail('missing-signature');
  let timestamp: string | undefined;
  const macs: Uint8Array[] = [];
  for (const part of header.split(',').slice(0, MAX_SIGNATURES + 1)) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (at < 0) return fail('malformed-signature');
    if (name === 't') timestamp = value;
    else if (name === 'v1') {
      const mac = decodeMac(value);
      if (mac !== undefined && macs.length < MAX_SIGNATURES) macs.push(mac);
    }
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || macs.length === 0) return fail('malformed-signature');
  const nowFn = own(options, 'now');
  const nowMs = typeof nowFn === 'function' ? Number((nowFn as () => number)()) : Date.now();
  if (!Number.isFinite(nowMs)) return fail('not-configured');
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > positive(own(options, 'toleranceSeconds'), 180)) return fail('stale');
  if (!(await macMatches(macs, secrets, concat(utf8(`${timestamp}.`), body)))) return fail('bad-signature');
  return { ok: true, replayKey: `teller:${timestamp}:${toHex(macs[0] ?? new Uint8Array())}` };
}
