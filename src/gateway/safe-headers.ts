/** The most headers copied from one response; a hostile upstream may send thousands. */
const MAX_HEADERS = 64;
const MAX_VALUE_CHARS = 1024;

// Names that carry credentials in one provider or another (Synapse's X-SP-GATEWAY
// holds the client id and secret, X-SP-USER the user's OAuth key): never copied.
const SECRET_NAME = /auth|cookie|key|secret|token|passw|signature|session|credential|x-sp-gateway|x-sp-user|plaid-client/i;

/** Whether a header or query parameter name may hold a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[]).join(', ') : value;
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  if (typeof first !== 'string') return undefined;
  return first.length > MAX_VALUE_CHARS ? first.slice(0, MAX_VALUE_CHARS) : first;
}

/**
 * Copies response headers into a plain lowercase record without credentials;
 * reads a fetch `Headers`, axios's `AxiosHeaders`, a Node header record or pairs, and never throws.
 */
export function safeHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  const add = (name: unknown, value: unknown): void => {
    if (count >= MAX_HEADERS || typeof name !== 'string' || name === '' || name.length > 128) return;
    const lower = name.toLowerCase();
    if (isSecretName(lower) || lower === '__proto__') return;
    const text = textOf(value);
    if (text === undefined) return;
    out[lower] = text;
    count++;
  };
  try {
    if (typeof headers !== 'object' || headers === null) return out;
    const { forEach } = headers as { forEach?: unknown };
    if (typeof Headers !== 'undefined' && headers instanceof Headers) {
      headers.forEach((value, name) => add(name, value));
    } else if (Array.isArray(headers)) {
      for (const pair of headers as unknown[]) if (Array.isArray(pair)) add(pair[0], pair[1]);
    } else if (typeof (headers as { toJSON?: unknown }).toJSON === 'function' && typeof forEach === 'function') {
      // AxiosHeaders: toJSON gives the plain record.
      for (const [name, value] of Object.entries((headers as { toJSON(): object }).toJSON())) add(name, value);
    } else {
      for (const [name, value] of Object.entries(headers)) add(name, value);
    }
  } catch {
    // A throwing getter or a revoked proxy: keep what was read.
  }
  return out;
}

/**
 * A URL without user info or fragment, and without query parameters whose name
 * may hold a credential; the path and the other parameters stay, because the
 * matcher resolves endpoints such as `?force_refresh=yes` from them.
 */
export function safeUrl(url: unknown, extraQuery?: unknown): string | undefined {
  if (typeof url !== 'string' || url === '' || url.length > 8192) return undefined;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://relative.invalid');
  } catch {
    return undefined;
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (isSecretName(name)) parsed.searchParams.delete(name);
  if (typeof extraQuery === 'object' && extraQuery !== null && !(extraQuery instanceof URLSearchParams)) {
    try {
      for (const [name, value] of Object.entries(extraQuery)) {
        if (isSecretName(name)) continue;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') parsed.searchParams.append(name, String(value));
      }
    } catch {
      // Parameters we cannot read are left out.
    }
  }
  return absolute ? parsed.href : parsed.pathname + parsed.search;
}
