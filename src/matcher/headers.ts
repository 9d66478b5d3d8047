/** What the matcher reads from response headers, and nothing else. */
export interface HeaderFacts {
  retryAfter: string | undefined;
  /** The response's `Date`, which a `Retry-After` date is measured against. */
  date: string | undefined;
  requestId: string | undefined;
  requestIdRank: number;
}

/**
 * Response headers as any client hands them over: a fetch `Headers`, axios's
 * `AxiosHeaders`, a `Map`, a Node `IncomingHttpHeaders` record, or `[name, value]` pairs.
 *
 * @public
 */
export type HeadersLike =
  | { get(name: string): unknown }
  | ReadonlyMap<string, unknown>
  | Readonly<Record<string, unknown>>
  | readonly (readonly [string, unknown])[];

/** The most headers read from one response: a hostile upstream or caller may send millions (or a sparse array of length 2^28). */
export const MAX_HEADERS = 256;
const MAX_VALUE = 256;

/**
 * Visits each header of any header shape, in the order it holds them, at most
 * {@link MAX_HEADERS} of them; stops when `visit` returns `true`. Never throws:
 * a throwing getter or a revoked proxy ends the walk with what was read.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor that returns nothing goes on, as forEach callbacks do
export function eachHeader(headers: unknown, visit: (name: string, value: unknown) => boolean | void): void {
  if (typeof headers !== 'object' || headers === null) return;
  let count = 0;
  try {
    if (Array.isArray(headers)) {
      // Walked by index, never by length: a sparse array of length 2^28 costs MAX_HEADERS steps.
      const length = Math.min(headers.length, MAX_HEADERS);
      for (let i = 0; i < length; i++) {
        const pair: unknown = headers[i];
        if (Array.isArray(pair) && typeof pair[0] === 'string' && visit(pair[0], pair[1]) === true) return;
      }
      return;
    }
    if (headers instanceof Map || (typeof Headers !== 'undefined' && headers instanceof Headers)) {
      for (const [name, value] of headers as Iterable<[unknown, unknown]>) {
        if (++count > MAX_HEADERS) return;
        if (typeof name === 'string' && visit(name, value) === true) return;
      }
      return;
    }
    for (const name in headers) {
      if (++count > MAX_HEADERS) return;
      if (Object.hasOwn(headers, name) && visit(name, (headers as Record<string, unknown>)[name]) === true) return;
    }
  } catch {
    // What was read stays.
  }
}

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  return typeof v === 'string' && v.length > 0 ? v.slice(0, MAX_VALUE) : undefined;
}

/** Most headers are none of those read: a name's length rules it out before a lowercase copy is made. */
function wanted(name: string, requestIdNames: readonly string[]): boolean {
  const length = name.length;
  if (length === 11 || length === 4) return true;
  // A catalog lists one or two request-id headers: a loop costs less than a set kept per list.
  for (const id of requestIdNames) if (id.length === length) return true;
  return false;
}

/** Takes one header into the facts, if it is one of those read. */
function take(facts: HeaderFacts, requestIdNames: readonly string[], name: string, value: unknown): void {
  const lower = name.toLowerCase();
  if (lower === 'retry-after') facts.retryAfter ??= firstString(value);
  else if (lower === 'date') facts.date ??= firstString(value);
  else {
    // The first listed request-id header wins, whatever order the headers came in.
    const rank = requestIdNames.indexOf(lower);
    if (rank >= 0 && rank < facts.requestIdRank) {
      const id = firstString(value);
      if (id !== undefined) {
        facts.requestId = id;
        facts.requestIdRank = rank;
      }
    }
  }
}

/** Reads `Retry-After` (with the response's `Date`) and the first listed request id header present; never throws on odd shapes. */
export function readHeaders(headers: unknown, requestIdNames: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { retryAfter: undefined, date: undefined, requestId: undefined, requestIdRank: Number.POSITIVE_INFINITY };
  if (typeof headers !== 'object' || headers === null) return facts;
  // A fetch Headers and axios's AxiosHeaders look names up in any case; a Map does not, and is walked.
  const get = headers instanceof Map ? undefined : (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    try {
      facts.retryAfter = firstString(get.call(headers, 'retry-after'));
      if (facts.retryAfter !== undefined) facts.date = firstString(get.call(headers, 'date'));
      for (const name of requestIdNames) {
        facts.requestId = firstString(get.call(headers, name));
        if (facts.requestId !== undefined) break;
      }
    } catch {
      // A getter that throws leaves what was read.
    }
    return facts;
  }
  if (Array.isArray(headers) || headers instanceof Map) {
    eachHeader(headers, (name, value) => {
      if (wanted(name, requestIdNames)) take(facts, requestIdNames, name, value);
    });
    return facts;
  }
  // A plain record (Node's IncomingHttpHeaders, a JSON log line), walked without a callback.
  let count = 0;
  try {
    for (const name in headers) {
      if (++count > MAX_HEADERS) break;
      if (wanted(name, requestIdNames) && Object.hasOwn(headers, name)) take(facts, requestIdNames, name, (headers as Record<string, unknown>)[name]);
    }
  } catch {
    // What was read stays.
  }
  return facts;
}
