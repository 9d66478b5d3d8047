/**
 * The one rule for what may hold a credential in a URL, a header name or a
 * query parameter, and the functions that remove it: used by the gateway
 * adapters, the matcher (for messages it keeps), the simulator's request log.
 */

// Names that carry credentials in one provider or another (Synapse's X-SP-GATEWAY
// holds the client id and secret, X-SP-USER the user's OAuth key; Plaid and
// TrueLayer send client_id beside the secret): never copied.
const SECRET_NAME =
  /auth|cookie|key|secret|token|passw|pwd|signature|session|credential|client[_-]?id|x-sp-gateway|x-sp-user|plaid-client|assertion|code_verifier/i;

/** Whether a header or query parameter name may hold a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

const MAX_URL_CHARS = 8192;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A URL parsed, without user info, fragment or query parameters whose name may hold a credential; `undefined` when it is not one we copy. */
function cleanUrl(url: string): URL | undefined {
  if (url === '' || url.length > MAX_URL_CHARS) return undefined;
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()]) if (isSecretName(name)) parsed.searchParams.delete(name);
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * A URL without user info or fragment, and without query parameters whose name
 * may hold a credential; the path and the other parameters stay, because the
 * matcher resolves endpoints such as `?force_refresh=yes` from them.
 */
export function safeUrl(url: unknown, extraQuery?: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const parsed = cleanUrl(url);
  if (parsed === undefined) return undefined;
  if (typeof extraQuery === 'object' && extraQuery !== null) {
    try {
      const pairs: Iterable<[string, unknown]> = extraQuery instanceof URLSearchParams ? extraQuery.entries() : Object.entries(extraQuery);
      let count = 0;
      for (const [name, value] of pairs) {
        if (++count > 64) break;
        if (isSecretName(name)) continue;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') parsed.searchParams.append(name, String(value));
      }
    } catch {
      // Parameters we cannot read (a proxy that throws) are left out.
    }
  }
  return ABSOLUTE.test(url) ? parsed.href : parsed.pathname + parsed.search;
}

// Any scheme://... run inside free text, up to white space or a closing quote or bracket.
const URL_IN_TEXT = /[a-z][a-z0-9+.-]{0,15}:\/\/[^\s"'<>()[\]{}]*/gi;

/**
 * Free text (an error message) with every URL in it made safe by {@link safeUrl};
 * a URL that cannot be parsed is replaced whole. Linear in the text's length.
 */
export function scrubUrls(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (url) => {
    const trailing = /[.,;:!?]+$/.exec(url)?.[0] ?? '';
    // A run found in text always starts with a scheme: it stays absolute (the matcher needs none of safeUrl's extra query).
    return (cleanUrl(trailing === '' ? url : url.slice(0, -trailing.length))?.href ?? '[url]') + trailing;
  });
}
