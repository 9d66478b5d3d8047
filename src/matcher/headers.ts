/** What the matcher reads from response headers, and nothing else. */
export interface HeaderFacts {
  retryAfter: string | undefined;
  requestId: string | undefined;
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

/** Reads `Retry-After` and the first request id header present; never throws on odd shapes. */
export function readHeaders(headers: unknown, requestIdNames: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { retryAfter: undefined, requestId: undefined };
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
  const pairs: Iterable<unknown> = Array.isArray(headers) ? headers : Object.entries(headers);
  let idRank = requestIdNames.length;
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
    const name = pair[0].toLowerCase();
    if (name === 'retry-after') facts.retryAfter ??= firstString(pair[1]);
    else {
      const rank = requestIdNames.indexOf(name);
      if (rank >= 0 && rank < idRank) {
        const value = firstString(pair[1]);
        if (value !== undefined) {
          facts.requestId = value;
          idRank = rank;
        }
      }
    }
  }
  return facts;
}
