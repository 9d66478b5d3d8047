import { eachHeader, MAX_HEADERS } from '../matcher/headers.js';
import { isSecretName } from '../util/redact.js';

/** The most headers copied from one response. */
const MAX_COPIED = 64;
const MAX_VALUE_CHARS = 1024;

function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[]).slice(0, 16).join(', ') : value;
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  if (typeof first !== 'string') return undefined;
  return first.length > MAX_VALUE_CHARS ? first.slice(0, MAX_VALUE_CHARS) : first;
}

/**
 * Copies response headers into a plain lowercase record without credentials;
 * reads a fetch `Headers`, axios's `AxiosHeaders`, a `Map`, a Node header record
 * or pairs (at most {@link MAX_HEADERS} of them), and never throws.
 */
export function safeHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  eachHeader(headers, (name, value) => {
    if (name === '' || name.length > 128) return false;
    const lower = name.toLowerCase();
    if (isSecretName(lower) || lower === '__proto__' || Object.hasOwn(out, lower)) return false;
    const text = textOf(value);
    if (text === undefined) return false;
    out[lower] = text;
    return ++count >= MAX_COPIED;
  });
  return out;
}
