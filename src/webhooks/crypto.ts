/**
 * The cryptographic primitives the signature checks share, on WebCrypto alone
 * (Node, Deno, Bun, edge runtimes): HMAC-SHA256, SHA-256, a comparison whose
 * time does not depend on where two MACs differ, and signature decoding.
 */

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

/** Imported keys by secret: a receiver checks every delivery with the same one or two secrets. */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 16;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    // Not extractable: the imported key can sign, and nothing can read the secret back out of it.
    key = subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value ?? '');
    keys.set(secret, key);
    key.catch(() => keys.delete(secret));
  }
  return key;
}

/** The HMAC-SHA256 of data under a secret. */
export async function hmacSha256(secret: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', await hmacKey(secret), data as Uint8Array<ArrayBuffer>));
}

/** The SHA-256 of data, as lowercase hex. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Whether two byte strings are equal, in a time that depends on their length
 * only: a MAC compared byte by byte with an early exit leaks, one request at a
 * time, how many leading bytes a forgery got right.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // The length of a MAC is public (32 bytes for SHA-256); only its content is secret.
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The bytes of a signature sent as hex (either case) or as base64 / base64url;
 * `undefined` when it is neither, or is not the 32 bytes of an HMAC-SHA256.
 */
export function decodeMac(text: string): Uint8Array | undefined {
  if (text.length === 64 && HEX.test(text)) {
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  if ((text.length === 43 || text.length === 44) && BASE64.test(text)) {
    try {
      const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '='));
      if (binary.length !== 32) return undefined;
      return Uint8Array.from(binary, (c) => c.charCodeAt(0));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether a MAC sent as text is the HMAC-SHA256 of data under one of the secrets. */
export async function macMatches(sent: readonly Uint8Array[], secrets: readonly string[], data: Uint8Array): Promise<boolean> {
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacSha256(secret, data);
    // Every pair is compared, so the time says nothing about which secret or signature matched.
    for (const mac of sent) matched = constantTimeEqual(mac, expected) || matched;
  }
  return matched;
}

/** UTF-8 bytes of text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Two byte strings, one after the other. */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
