/**
 * Compiles a catalog into its own reader function, for runtimes that allow code
 * generation (the `node` export condition): the body's paths become property
 * reads, endpoint inference a switch on method, segment count and the first
 * segment, with literal segments compared in place. What it reads is exactly
 * what the generic reader (create-normalizer.ts) reads; a differential test
 * proves the two answer alike on every documented row and on hostile inputs.
 * Where code generation is refused (a strict CSP, an edge runtime), the catalog
 * keeps the generic reader.
 */
import { readBody } from './body.js';
import type { Observed } from './build.js';
import type { CompiledCatalog, CompiledEndpoint } from './compile.js';
import { observeCauses, retryAfterMs, toCode, toStatus, type Observer, type RawInput } from './create-normalizer.js';
import { resolveEndpoint, type EndpointTable } from './endpoint.js';
import { readHeaders } from './headers.js';

const MAX_FIELD_CHARS = 1024;
const MAX_PARAM_CHARS = 256;
const MAX_URL_CHARS = 8192;
const MAX_SEGMENTS = 64;
const MAX_CODE_CHARS = 128;
const MAX_HEADERS = 256;
const ID_RANK_NONE = 1_000_000;
const MAX_HEADER_VALUE = 256;

/** A header's value as the generic reader takes it: the first of a list, a number as text, capped. */
function headerText(value: unknown): string | undefined {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  return typeof v === 'string' && v.length > 0 ? v.slice(0, MAX_HEADER_VALUE) : undefined;
}

const lit = (value: string): string => JSON.stringify(value);

/** Code that sets `out` to the first path holding text, as the generic `readText` does. */
function readerOf(out: string, paths: readonly (readonly string[])[]): string {
  if (paths.length === 0) return '';
  const tries = paths.map((path) => {
    let code = 'v = body;';
    for (const key of path) code += ` if (typeof v === 'object' && v !== null && hasOwn.call(v, ${lit(key)})) v = v[${lit(key)}]; else v = undefined;`;
    return `${code} t = text(v); if (t !== undefined) { ${out} = t; break read; }`;
  });
  return `read: { ${tries.join(' ')} }`;
}

/** Code comparing a literal with the URL at an offset: inline char codes for the shortest literals, a call (which the JIT inlines) for the rest, so the source stays small. */
function sameCode(literal: string, at: string): string {
  if (literal.length > 3) return `same(url, ${lit(literal)}, ${at})`;
  return [...literal].map((_, i) => `url.charCodeAt(${at} + ${i}) === ${literal.charCodeAt(i)}`).join(' && ') || 'true';
}

/** The condition under which an endpoint's literal segments and query pairs match the scanned URL. */
function conditionOf(endpoint: CompiledEndpoint): string {
  const parts: string[] = [];
  endpoint.literals.forEach((literal, i) => {
    // The first segment was compared by the switch that found the candidate (or is a parameter).
    if (literal === undefined || i === 0) return;
    parts.push(`starts[${i + 1}] - 1 - starts[${i}] === ${literal.length} && ${sameCode(literal, `starts[${i}]`)}`);
  });
  // A required query pair is looked for in place: the query is never split.
  for (const pair of endpoint.query)
    parts.push(`(query === ${lit(pair)} || query.startsWith(${lit(`${pair}&`)}) || query.endsWith(${lit(`&${pair}`)}) || query.includes(${lit(`&${pair}&`)}))`);
  return parts.length === 0 ? 'true' : parts.join(' && ');
}

/** A function of the scanned URL that returns the index of the endpoint a bucket's candidates resolve to, or -1. */
function bucketCode(
  index: Map<CompiledEndpoint, number>,
  byFirst: ReadonlyMap<string, readonly CompiledEndpoint[]>,
  anyFirst: readonly CompiledEndpoint[],
): string {
  const first = (list: readonly CompiledEndpoint[]): string =>
    list.map((endpoint) => `if (${conditionOf(endpoint)}) return ${index.get(endpoint) ?? -1};`).join(' ');
  const cases = [...byFirst].map(([literal, list]) => `case ${lit(literal)}: { ${first(list)} break; }`).join(' ');
  const named = cases === '' ? '' : `switch (first) { ${cases} }`;
  if (anyFirst.length === 0) return `{ ${named} return -1; }`;
  // A literal first segment and a parameter both match: the more specific wins (the catalog's order on a tie), as the generic reader decides.
  // Each "return i;" follows an "if (...)": its replacement is braced, or the break would end the search at its first candidate.
  return `{ let named = -1; n: { ${named.replace(/return (\d+);/g, '{ named = $1; break n; }')} } let any = -1; a: { ${first(anyFirst).replace(/return (\d+);/g, '{ any = $1; break a; }')} } if (named < 0 || any < 0) return named < 0 ? any : named; return before(E[any], E[named]) ? any : named; }`;
}

/** Code of a function that finds the endpoint index for an upper-case method, or -1. */
function locateCode(table: EndpointTable, endpoints: readonly CompiledEndpoint[]): string {
  const index = new Map(endpoints.map((endpoint, i) => [endpoint, i] as const));
  const methods = [...table.byMethod].map(([method, bySize]) => {
    const sizes = [...bySize].map(([size, bucket]) => `case ${size}: ${bucketCode(index, bucket.byFirst, bucket.anyFirst)}`).join(' ');
    return `case ${lit(method)}: switch (count) { ${sizes} } return -1;`;
  });
  return `function pick(method, count, first, url, query) { switch (method) { ${methods.join(' ')} } return -1; }`;
}

function same(url: string, literal: string, from: number): boolean {
  for (let i = 0; i < literal.length; i++) if (url.charCodeAt(from + i) !== literal.charCodeAt(i)) return false;
  return true;
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

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value.length > MAX_FIELD_CHARS ? value.slice(0, MAX_FIELD_CHARS) : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function before(a: CompiledEndpoint, b: CompiledEndpoint): boolean {
  return a.rank > b.rank || (a.rank === b.rank && a.order < b.order);
}

const UPPER = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

// Past this many endpoints a generated switch grows beyond what the JIT optimizes;
// the generic index (endpoint.ts) is as fast there and costs nothing to compile.
const MAX_INLINE_ENDPOINTS = 64;

function source(catalog: CompiledCatalog, endpoints: readonly CompiledEndpoint[]): string {
  const paths = catalog.body;
  const inline = endpoints.length <= MAX_INLINE_ENDPOINTS;
  const params = paths.params
    .map(
      ([name, at]) =>
        `{ let t; ${readerOf('t', at)} if (t !== undefined) { (params ??= {})[${lit(name)}] = t.length > ${MAX_PARAM_CHARS} ? t.slice(0, ${MAX_PARAM_CHARS}) : t; } }`,
    )
    .join(' ');
  const ids = catalog.requestIdHeaders;
  const idLengths = [...new Set(ids.map((id) => id.length))];
  const idLengthTest = idLengths.length === 0 ? 'true' : idLengths.map((n) => `n !== ${n}`).join(' && ');
  // The first listed request-id header wins, whatever order the headers came in.
  const idBranches = ids
    .map(
      (id, rank) =>
        `else if (lower === ${lit(id)}) { if (rank > ${rank}) { const t = headerText(headers[name]); if (t !== undefined) { headerId = t; rank = ${rank}; } } }`,
    )
    .join(' ');
  const prefixes = catalog.endpoints.prefixes
    .map(
      (prefix) =>
        `{ const after = start + ${prefix.length}; if (after <= end && same(url, ${lit(prefix)}, start) && (after === end || url.charCodeAt(after) === 47)) { start = after; break prefix; } }`,
    )
    .join(' ');
  return `
"use strict";
const { hasOwn, readBody, toStatus, toCode, observeCauses, retryAfterMs, readHeaders, resolveEndpoint, same, decode, text, headerText, before, E, UPPER, starts, ID_HEADERS } = deps;
${inline ? locateCode(catalog.endpoints, endpoints) : 'function pick() { return -1; }'}
function locate(url, method) {
  const length = url.length;
  if (length > ${MAX_URL_CHARS}) return -1;
  let start = 0;
  if (url.charCodeAt(0) !== 47) {
    const scheme = url.indexOf('://');
    if (scheme >= 0 && scheme < 10) { start = url.indexOf('/', scheme + 3); if (start < 0) return -1; }
  }
  let end = url.indexOf('#', start);
  if (end < 0) end = length;
  const q = url.indexOf('?', start);
  const hasQuery = q >= 0 && q < end;
  const query = hasQuery ? url.slice(q + 1, end) : '';
  if (hasQuery) end = q;
  prefix: { ${prefixes} }
  if (end > start + 1 && url.charCodeAt(end - 1) === 47) end--;
  let count = 0;
  let at = url.charCodeAt(start) === 47 ? start + 1 : start;
  if (at < end) {
    for (;;) {
      if (count === ${MAX_SEGMENTS}) return -1;
      starts[count++] = at;
      const slash = url.indexOf('/', at);
      if (slash < 0 || slash >= end) break;
      at = slash + 1;
    }
  }
  starts[count] = end + 1;
  const first = count > 0 ? url.slice(starts[0], starts[1] - 1) : '';
  return pick(UPPER.has(method) ? method : method.toUpperCase(), count, first, url, query);
}
return function observe(input, catalog) {
  let body = input.body;
  let unreadable = false;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || body instanceof Uint8Array) {
    body = readBody(body);
    unreadable = body === 'unreadable';
  }
  let status = toStatus(input.status);
  let code, message, displayMessage, requestId, category, documentationUrl, suggestedAction, params, causes;
  const parsed = typeof body === 'object' ? body : undefined;
  if (parsed !== undefined) {
    let v, t;
    ${readerOf('code', paths.code)}
    ${readerOf('message', paths.message)}
    ${readerOf('displayMessage', paths.displayMessage)}
    ${readerOf('requestId', paths.requestId)}
    ${readerOf('category', paths.category)}
    if (status === undefined) { let s; ${readerOf('s', paths.status)} status = toStatus(s); }
    ${readerOf('documentationUrl', paths.documentationUrl)}
    ${readerOf('suggestedAction', paths.suggestedAction)}
    ${params}
  }
  if (code === undefined) code = toCode(input.code);
  if (code !== undefined) {
    if (code.length > ${MAX_CODE_CHARS}) code = code.slice(0, ${MAX_CODE_CHARS});
    else if (!catalog.codes.has(code)) code = catalog.aliases.get(code) ?? code;
  }
  const named = input.endpoint;
  const url = input.url;
  let endpoint;
  const byId = typeof named === 'string' ? catalog.endpointsById.get(named) : undefined;
  if (byId !== undefined) endpoint = byId;
  else if (typeof url === 'string') {
    const method = input.method;
    if (${inline} && typeof method === 'string' && method !== '') {
      const i = locate(url, method);
      if (i >= 0) {
        endpoint = E[i];
        const names = endpoint.params;
        if (names.length > 0) {
          let found;
          for (let k = 0; k < names.length; k++) {
            const from = starts[names[k][0]];
            const to = starts[names[k][0] + 1] - 1;
            if (to > from) (found ??= {})[names[k][1]] = decode(url, from, to);
          }
          if (found !== undefined) params = params === undefined ? found : { ...params, ...found };
        }
      }
    } else {
      const located = resolveEndpoint(catalog.endpoints, method, url);
      if (located !== undefined) {
        endpoint = located.endpoint;
        if (located.params !== undefined) params = params === undefined ? located.params : { ...params, ...located.params };
      }
    }
  }
  let retryAfter, date, retryAfterMs_;
  const headers = input.headers;
  if (typeof headers === 'object' && headers !== null) {
    if (Array.isArray(headers) || typeof headers.get === 'function' || headers instanceof Map) {
      const facts = readHeaders(headers, ID_HEADERS);
      retryAfter = facts.retryAfter;
      date = facts.date;
      if (requestId === undefined) requestId = facts.requestId;
    } else {
      // A plain record, walked once; a name's length rules it out before any lowercase copy.
      let rank = ${ID_RANK_NONE}, seen = 0, headerId;
      // A throwing getter or a revoked proxy ends the walk with what was read, as the generic reader does.
      try { for (const name in headers) {
        if (++seen > ${MAX_HEADERS}) break;
        const n = name.length;
        if (n !== 11 && n !== 4 && ${idLengthTest}) continue;
        if (!hasOwn.call(headers, name)) continue;
        const lower = name.toLowerCase();
        if (lower === 'retry-after') { if (retryAfter === undefined) retryAfter = headerText(headers[name]); }
        else if (lower === 'date') { if (date === undefined) date = headerText(headers[name]); }
        ${idBranches}
      } } catch {}
      if (requestId === undefined) requestId = headerId;
    }
    if (retryAfter !== undefined) retryAfterMs_ = retryAfterMs(retryAfter, date);
  }
  const o = {
    provider: ${lit(catalog.id)},
    catalog,
    status,
    code,
    message,
    displayMessage,
    category,
    body: parsed,
    unreadable,
    requested: typeof named === 'string' || typeof url === 'string',
    endpoint,
    endpointId: endpoint === undefined ? undefined : endpoint.id,
    params,
    requestId,
    retryAfterMs: retryAfterMs_,
    documentationUrl,
    suggestedAction,
    causes,
  };
  ${paths.causes.length > 0 ? 'if (parsed !== undefined) observeCauses(o, parsed, catalog, 0);' : ''}
  return o;
};`;
}

/**
 * The reader compiled for one catalog, or `undefined` where the runtime refuses
 * code generation (the generic reader is used then).
 */
export function compileObserver(catalog: CompiledCatalog): Observer | undefined {
  const endpoints = [...catalog.endpointsById.values()];
  const deps = {
    hasOwn: Object.prototype.hasOwnProperty,
    readBody,
    toStatus,
    toCode,
    observeCauses,
    retryAfterMs,
    readHeaders,
    resolveEndpoint,
    same,
    decode,
    text,
    before,
    E: endpoints,
    UPPER,
    starts: new Int32Array(MAX_SEGMENTS + 1),
    ID_HEADERS: catalog.requestIdHeaders,
    headerText,
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point of this module
    const make = new Function('deps', source(catalog, endpoints)) as (d: typeof deps) => (input: RawInput, catalog: CompiledCatalog) => Observed;
    return make(deps);
  } catch {
    return undefined;
  }
}
