/**
 * Endpoint inference: which catalog endpoint a request went to, read from its
 * method and URL. The URL is scanned in place (no splitting; only the first
 * segment is copied, as the key candidates are indexed by), so the cost does not
 * grow with the number of endpoints a catalog documents (Plaid has 329, all POST).
 * A map lookup on the first segment compares it natively: cheaper than hashing it
 * and comparing its literal character by character.
 */
import type { CompiledEndpoint } from './compile.js';

const MAX_URL_CHARS = 8192;
const MAX_PARAM_CHARS = 256;
const MAX_SEGMENTS = 64;

/** Candidates of one method and segment count, by their first segment's literal. */
interface Bucket {
  readonly byFirst: Map<string, CompiledEndpoint[]>;
  /** Endpoints whose first segment is a parameter: they may match any first segment. */
  readonly anyFirst: CompiledEndpoint[];
}

/** A catalog's endpoints, indexed for lookup. */
export interface EndpointTable {
  /** By upper-case method, then by segment count. */
  readonly byMethod: Map<string, Map<number, Bucket>>;
  /** The path prefixes stripped before matching (`'/v2'`, `'/v3.1'`), longest first. */
  readonly prefixes: readonly string[];
}

/** Which of two endpoints wins where both match: the more specific, then the one the catalog lists first. */
function before(a: CompiledEndpoint, b: CompiledEndpoint): boolean {
  return a.rank > b.rank || (a.rank === b.rank && a.order < b.order);
}

/** Indexes endpoints, the winner first within every list. */
export function indexEndpoints(endpoints: readonly CompiledEndpoint[], prefixes: readonly string[]): EndpointTable {
  const byMethod = new Map<string, Map<number, Bucket>>();
  for (const endpoint of [...endpoints].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))) {
    const method = endpoint.id.slice(0, endpoint.id.indexOf(' '));
    const bySize = byMethod.get(method) ?? new Map<number, Bucket>();
    byMethod.set(method, bySize);
    const size = endpoint.literals.length;
    const bucket = bySize.get(size) ?? { byFirst: new Map<string, CompiledEndpoint[]>(), anyFirst: [] };
    bySize.set(size, bucket);
    const first = endpoint.literals[0];
    if (first === undefined) bucket.anyFirst.push(endpoint);
    else bucket.byFirst.set(first, [...(bucket.byFirst.get(first) ?? []), endpoint]);
  }
  return { byMethod, prefixes: [...prefixes].sort((a, b) => b.length - a.length) };
}

// Segment offsets of the URL being resolved: scratch space of one call (resolveEndpoint
// is synchronous and calls nothing that could re-enter it).
const starts = new Int32Array(MAX_SEGMENTS + 1);

function sameAt(url: string, literal: string, from: number): boolean {
  for (let i = 0; i < literal.length; i++) if (url.charCodeAt(from + i) !== literal.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether a candidate's literal segments and query pairs match the scanned URL;
 * its first segment was matched by the lookup that found it (or is a parameter).
 */
function matches(endpoint: CompiledEndpoint, url: string, query: string): boolean {
  const { literals } = endpoint;
  for (let i = 1; i < literals.length; i++) {
    const literal = literals[i];
    if (literal === undefined) continue;
    const at = starts[i] ?? 0;
    if ((starts[i + 1] ?? 0) - 1 - at !== literal.length || !sameAt(url, literal, at)) return false;
  }
  if (endpoint.query.length === 0) return true;
  const pairs = query.split('&');
  for (const pair of endpoint.query) if (!pairs.includes(pair)) return false;
  return true;
}

function firstMatch(list: readonly CompiledEndpoint[] | undefined, url: string, query: string): CompiledEndpoint | undefined {
  if (list !== undefined) for (const endpoint of list) if (matches(endpoint, url, query)) return endpoint;
  return undefined;
}

function inBucket(bucket: Bucket | undefined, url: string, query: string, first: string): CompiledEndpoint | undefined {
  if (bucket === undefined) return undefined;
  const named = firstMatch(bucket.byFirst.get(first), url, query);
  if (bucket.anyFirst.length === 0) return named;
  const any = firstMatch(bucket.anyFirst, url, query);
  if (named === undefined || any === undefined) return named ?? any;
  return before(any, named) ? any : named;
}

function decode(url: string, from: number, to: number): string {
  let value = url.slice(from, to);
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // A malformed escape is kept as sent.
    }
  }
  return value.length > MAX_PARAM_CHARS ? value.slice(0, MAX_PARAM_CHARS) : value;
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
export function resolveEndpoint(table: EndpointTable, method: unknown, url: string): Located | undefined {
  const length = url.length;
  if (length > MAX_URL_CHARS) return undefined;
  let start = 0;
  // A path starts with "/"; anything else is looked at for a scheme ("https://") and an origin.
  // indexOf scans in native code: faster than a loop of charCodeAt over the whole URL.
  if (url.charCodeAt(0) !== 47) {
    const scheme = url.indexOf('://');
    if (scheme >= 0 && scheme < 10) {
      start = url.indexOf('/', scheme + 3);
      if (start < 0) return undefined;
    }
  }
  let end = url.indexOf('#', start);
  if (end < 0) end = length;
  const q = url.indexOf('?', start);
  const hasQuery = q >= 0 && q < end;
  const query = hasQuery ? url.slice(q + 1, end) : '';
  if (hasQuery) end = q;
  for (const prefix of table.prefixes) {
    const after = start + prefix.length;
    if (after <= end && sameAt(url, prefix, start) && (after === end || url.charCodeAt(after) === 47)) {
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
  const first = count === 0 ? '' : url.slice(starts[0] ?? 0, (starts[1] ?? 0) - 1);
  let found: CompiledEndpoint | undefined;
  if (typeof method === 'string' && method !== '') {
    const bySize = table.byMethod.get(method) ?? table.byMethod.get(method.toUpperCase());
    found = inBucket(bySize?.get(count), url, query, first);
  } else {
    for (const bySize of table.byMethod.values()) {
      const endpoint = inBucket(bySize.get(count), url, query, first);
      if (endpoint === undefined) continue;
      if (found !== undefined) return undefined;
      found = endpoint;
    }
  }
  if (found === undefined) return undefined;
  const names = found.params;
  if (names.length === 0) return { endpoint: found, params: undefined };
  let params: Record<string, string> | undefined;
  for (let i = 0; i < names.length; i++) {
    const entry = names[i] as readonly [number, string];
    const from = starts[entry[0]] ?? 0;
    const to = (starts[entry[0] + 1] ?? 0) - 1;
    if (to <= from) continue;
    params ??= {};
    params[entry[1]] = decode(url, from, to);
  }
  return { endpoint: found, params };
}
