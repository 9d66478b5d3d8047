import type { CompiledCatalog, CompiledEndpoint } from './compile.js';

/** An endpoint resolved from a request, with its path parameters. */
export interface ResolvedEndpoint {
  readonly endpoint: CompiledEndpoint;
  readonly params: Record<string, string> | undefined;
}

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

function queryMatches(endpoint: CompiledEndpoint, search: string): boolean {
  if (endpoint.query.length === 0) return true;
  if (search === '') return false;
  const pairs = search.split('&');
  return endpoint.query.every((pair) => pairs.includes(pair));
}

function matchIn(candidates: readonly CompiledEndpoint[] | undefined, parts: readonly string[], search: string): CompiledEndpoint | undefined {
  if (candidates === undefined) return undefined;
  outer: for (const endpoint of candidates) {
    const { segments } = endpoint;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (segment !== undefined && 'literal' in segment && segment.literal !== parts[i]) continue outer;
    }
    if (queryMatches(endpoint, search)) return endpoint;
  }
  return undefined;
}

function paramsOf(endpoint: CompiledEndpoint, parts: readonly string[]): Record<string, string> | undefined {
  if (!endpoint.hasParams) return undefined;
  const params: Record<string, string> = {};
  endpoint.segments.forEach((segment, i) => {
    const value = parts[i];
    if ('param' in segment && value !== undefined && value !== '') params[segment.param] = decode(value);
  });
  return params;
}

/**
 * Finds the catalog endpoint a request went to: the origin, the catalog's
 * prefixes, the fragment and a trailing slash are ignored; the method is
 * compared in any case; without a method the path must name one endpoint only.
 */
export function resolveEndpoint(catalog: CompiledCatalog, method: unknown, url: string): ResolvedEndpoint | undefined {
  if (url.length > MAX_URL_CHARS) return undefined;
  let start = 0;
  const scheme = url.indexOf('://');
  if (scheme >= 0 && scheme < 10) {
    start = url.indexOf('/', scheme + 3);
    if (start < 0) return undefined;
  }
  let end = url.indexOf('#', start);
  if (end < 0) end = url.length;
  const q = url.indexOf('?', start);
  const pathEnd = q >= 0 && q < end ? q : end;
  const search = q >= 0 && q < end ? url.slice(q + 1, end) : '';
  let path = url.slice(start, pathEnd);
  for (const prefix of catalog.prefixes) {
    if (path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47)) {
      path = path.slice(prefix.length);
      break;
    }
  }
  const parts = path.split('/');
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (typeof method === 'string' && method !== '') {
    const endpoint = matchIn(catalog.endpoints.get(method.toUpperCase())?.get(parts.length), parts, search);
    return endpoint === undefined ? undefined : { endpoint, params: paramsOf(endpoint, parts) };
  }
  let found: CompiledEndpoint | undefined;
  for (const bySize of catalog.endpoints.values()) {
    const endpoint = matchIn(bySize.get(parts.length), parts, search);
    if (endpoint === undefined) continue;
    if (found !== undefined) return undefined;
    found = endpoint;
  }
  return found === undefined ? undefined : { endpoint: found, params: paramsOf(found, parts) };
}
