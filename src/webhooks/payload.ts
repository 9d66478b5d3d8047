/**
 * Reading what arrived: a raw body (text or bytes) as the exact bytes that were
 * signed, and a payload (raw or already parsed) as a JSON object.
 */

/**
 * A webhook's body exactly as it arrived: the text or the bytes that were
 * signed (never a re-serialized object: one changed space breaks the signature).
 *
 * @public
 */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The largest body read by default: webhooks are small, and a larger one is refused before any work. */
export const DEFAULT_MAX_BODY_BYTES: number = 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** The bytes of a raw body, or `undefined` when it is not one (or reading it throws: a detached buffer). */
export function bodyBytes(body: unknown): Uint8Array | undefined {
  try {
    if (typeof body === 'string') return encoder.encode(body);
    if (body instanceof Uint8Array) return body;
    if (body instanceof ArrayBuffer) return new Uint8Array(body);
  } catch {
    return undefined;
  }
  return undefined;
}

/** Whether a raw body fits in `maxBytes` of UTF-8, without encoding a string that obviously fits; `undefined` when it is not a raw body. */
export function fitsIn(body: unknown, maxBytes: number): boolean | undefined {
  try {
    // A UTF-16 code unit takes at most three UTF-8 bytes.
    if (typeof body === 'string') return body.length * 3 <= maxBytes || (body.length <= maxBytes && encoder.encode(body).byteLength <= maxBytes);
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body.byteLength <= maxBytes;
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parses JSON text into an object (not an array, not a scalar); `undefined` otherwise. */
export function parseObject(text: string): object | undefined {
  if (text.trimStart()[0] !== '{') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A payload as an adapter reads it: a parsed object as is, or raw text or bytes parsed; `undefined` when it is none. */
export function readPayload(payload: unknown, maxBytes: number = DEFAULT_MAX_BODY_BYTES): object | undefined {
  try {
    if (typeof payload === 'object' && payload !== null && !(payload instanceof Uint8Array) && !(payload instanceof ArrayBuffer)) {
      return Array.isArray(payload) ? undefined : payload;
    }
    if (fitsIn(payload, maxBytes) !== true) return undefined;
    const bytes = typeof payload === 'string' ? undefined : bodyBytes(payload);
    return parseObject(typeof payload === 'string' ? payload : decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** The text of raw body bytes (invalid UTF-8 replaced, never thrown on). */
export function bodyText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
