import { eachHeader } from '../matcher/headers.js';

/** The longest header value read: a signature header is short, a JWT a few hundred bytes. */
const MAX_HEADER_CHARS = 8192;

function firstText(value: unknown): string | undefined {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' && v !== '' && v.length <= MAX_HEADER_CHARS ? v.trim() : undefined;
}

/**
 * One request header by name, in any case, from any header shape (a fetch
 * `Headers`, Node's `IncomingHttpHeaders`, a `Map`, `[name, value]` pairs);
 * `undefined` when absent, empty, too long or unreadable. Never throws.
 */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const lower = name.toLowerCase();
  try {
    const get = headers instanceof Map ? undefined : (headers as { get?: unknown }).get;
    if (typeof get === 'function') return firstText(get.call(headers, lower));
  } catch {
    return undefined;
  }
  let found: string | undefined;
  eachHeader(headers, (key, value) => {
    if (key.toLowerCase() !== lower) return false;
    found = firstText(value);
    return true;
  });
  return found;
}
