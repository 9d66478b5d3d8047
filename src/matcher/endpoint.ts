import type { CompiledCatalog, CompiledEndpoint } from './compile.js';

const MAX_URL_CHARS = 8192;
const MAX_PARAM_CHARS = 256;

function decode(segment: string): string {
  let value = segment;
  if (segment.includes('%')) {
    try {
      value = decodeURIComponent(segment);
    } catch {
      // A malformed escape is kept as sent.
    }
  }
  return value.length > MAX_PARAM_CHARS ? value.slice(0, MAX_PARAM_CHARS) : value;
}

// Segment offsets of the URL being resolved: scratch space of one resolveEndpoint
// call (synchronous, and it calls nothing that could re-enter it), so the scan
// allocates nothing; scanning in place avoids slicing and splitting the URL.
const MAX_SEGMENTS = 64;
const starts = new Int32Array(MAX_SEGMENTS + 1);

function matchIn(candidates: readonly CompiledEndpoint[] | undefined, url: string, query: string): CompiledEndpoint | undefined {
  if (candidates === undefined) return undefined;
  next: for (const endpoint of candidates) {
    const { literals } = endpoint;
    for (let i = 0; i < literals.length; i++) {
      const literal = literals[i];
      if (literal === undefined) continue;
      const from = starts[i] ?? 0;
      if ((starts[i + 1] ?? 0) - 1 - from !== literal.length || !url.startsWith(literal, from)) continue next;
    }
    if (endpoint.query.length > 0) {
      const pairs = query.split('&');
      for (const pair of endpoint.query) if (!pairs.includes(pair)) continue next;
    }
    return endpoint;
  }
  return undefined;
}

/** The path parameters of an endpoint just matched in `url`, read from the same scan. */
function paramsIn(endpoint: CompiledEndpoint, url: string): Record<string, string> | undefined {
  const { params } = endpoint;
  if (params.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [index, name] of params) {
    const from = starts[index] ?? 0;
    const to = (starts[index + 1] ?? 0) - 1;
    if (to > from) out[name] = decode(url.slice(from, to));
  }
  return out;
}

/** The endpoint a request went to, and the path parameters read from its URL. */
export interface Located {
  readonly endpoint: CompiledEndpoint;
  readonly params: Record<string, string> | undefined;
}

/**
 * Finds the catalog endpoint a request went to: the origin, the catalog's
 * prefixes, the fragment and a trailing slash are ignored; the method is
 * compared in any case; without a method the path must name one endpoint only.
 */
export function resolveEndpoint(catalog: CompiledCatalog, method: unknown, url: string): Located | undefined {
  if (url.length > MAX_URL_CHARS) return undefined;
  let start = 0;
  // A path starts with "/"; anything else is looked at for a scheme ("https://").
  if (url.charCodeAt(0) !== 47) {
    const scheme = url.indexOf('://');
    if (scheme >= 0 && scheme < 10) {
      start = url.indexOf('/', scheme + 3);
      if (start < 0) return undefined;
    }
  }
  let end = url.indexOf('#', start);
  if (end < 0) end = url.length;
  const q = url.indexOf('?', start);
  const hasQuery = q >= 0 && q < end;
  const query = hasQuery ? url.slice(q + 1, end) : '';
  if (hasQuery) end = q;
  for (const prefix of catalog.prefixes) {
    const after = start + prefix.length;
    if (url.startsWith(prefix, start) && (after === end || url.charCodeAt(after) === 47)) {
      start = after;
      break;
    }
  }
  if (end > start + 1 && url.charCodeAt(end - 1) === 47) end--;
  // starts[i] is where segment i begins; starts[count] is one past the last segment's end.
  let count = 0;
  let at = url.charCodeAt(start) === 47 ? start + 1 : start;
  if (at < end) {
    for (;;) {
      if (count === MAX_SEGMENTS) return undefined;
      starts[count++] = at;
      const slash = url.indexOf('/', at);
      if (slash < 0 || slash >= end) break;
      at = slash + 1;
    }
  }
  starts[count] = end + 1;
  let found: CompiledEndpoint | undefined;
  if (typeof method === 'string' && method !== '') {
    const bySize = catalog.endpoints.get(method) ?? catalog.endpoints.get(method.toUpperCase());
    found = matchIn(bySize?.get(count), url, query);
  } else {
    for (const bySize of catalog.endpoints.values()) {
      const endpoint = matchIn(bySize.get(count), url, query);
      if (endpoint === undefined) continue;
      if (found !== undefined) return undefined;
      found = endpoint;
    }
  }
  return found === undefined ? undefined : { endpoint: found, params: paramsIn(found, url) };
}
