/** What the matcher reads from response headers, and nothing else. */
export interface HeaderFacts {
  retryAfter: string | undefined;
  requestId: string | undefined;
  requestIdRank: number;
}

/**
 * Response headers as any client hands them over: a fetch `Headers`, axios's
 * `AxiosHeaders`, a Node `IncomingHttpHeaders` record, or `[name, value]` pairs.
 *
 * @public
 */
export type HeadersLike =
  | { get(name: string): unknown }
  | Readonly<Record<string, unknown>>
  | readonly (readonly [string, unknown])[];

const MAX_VALUE = 256;

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.length > 0 ? v.slice(0, MAX_VALUE) : undefined;
}

function take(facts: HeaderFacts, name: string, value: unknown, requestIdNames: readonly string[]): void {
  const lower = name.toLowerCase();
  if (lower === 'retry-after') facts.retryAfter ??= firstString(value);
  // The first listed request-id header wins, whatever order the headers came in.
  else if (requestIdNames.includes(lower) && (facts.requestId === undefined || requestIdNames.indexOf(lower) < facts.requestIdRank)) {
    const id = firstString(value);
    if (id !== undefined) {
      facts.requestId = id;
      facts.requestIdRank = requestIdNames.indexOf(lower);
    }
  }
}

/** Reads `Retry-After` and the first request id header present; never throws on odd shapes. */
export function readHeaders(headers: unknown, requestIdNames: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { retryAfter: undefined, requestId: undefined, requestIdRank: Number.POSITIVE_INFINITY };
  if (typeof headers !== 'object' || headers === null) return facts;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    facts.retryAfter = firstString(get.call(headers, 'retry-after'));
    for (const name of requestIdNames) {
      facts.requestId = firstString(get.call(headers, name));
      if (facts.requestId !== undefined) break;
    }
    return facts;
  }
  if (Array.isArray(headers)) {
    for (const pair of headers as unknown[]) {
      if (Array.isArray(pair) && typeof pair[0] === 'string') take(facts, pair[0], pair[1], requestIdNames);
    }
    return facts;
  }
  for (const name in headers) {
    if (Object.hasOwn(headers, name)) take(facts, name, (headers as Record<string, unknown>)[name], requestIdNames);
  }
  return facts;
}
