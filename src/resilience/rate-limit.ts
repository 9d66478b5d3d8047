import type { CatalogInput } from '../catalog/types.js';
import { eachHeader, type HeadersLike } from '../matcher/headers.js';
import { parseRetryAfter } from '../matcher/retry-after.js';
import type { RateLimitScope } from '../taxonomy/details.js';
import { detailOf, kindOf, statusOf } from '../taxonomy/read-error.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { arrayItems, own, ownString, read } from '../util/own.js';

/**
 * Options of {@link readRateLimit}.
 *
 * @public
 */
export interface ReadRateLimitOptions {
  /** The response's headers, as any client hands them over: `Date`, `Retry-After` and the rate-limit headers a catalog documents are read. */
  readonly headers?: HeadersLike | undefined;
  /** The catalogs whose `rateLimits` facts apply (the one whose id is the error's provider). */
  readonly catalogs?: readonly CatalogInput[] | undefined;
  /**
   * The local time, in milliseconds since the epoch, used only when the response has no valid `Date` header.
   *
   * @defaultValue Date.now()
   */
  readonly now?: number;
}

/**
 * Where a wait was read from.
 *
 * @remarks
 * `retry-after`: the `Retry-After` header; `rate-limit-header`: the reset header
 * the catalog documents; `body`: a wait stated in the message, by a pattern the
 * catalog documents; `daily-quota`: the reset time of a documented daily quota;
 * `catalog`: the catalog's documented wait for the code.
 *
 * @public
 */
export type WaitSource = 'retry-after' | 'rate-limit-header' | 'body' | 'daily-quota' | 'catalog';

/**
 * What a response says about a rate limit and how long to wait.
 *
 * @public
 */
export interface RateLimit {
  /** How long to wait before the same request can succeed, in milliseconds, when anything says. */
  readonly afterMs: number | undefined;
  /** Where `afterMs` came from. */
  readonly source: WaitSource | undefined;
  /** Whose limit it is, for a `rate-limited` error: our client's, or one end user's (a connection, an Item, an MFA lock). */
  readonly scope: RateLimitScope | undefined;
  /** The limit is a documented quota that resets at a fixed time of day: it is not worth retrying before then. */
  readonly quota: boolean;
  /** The requests the window allows, from the documented header. */
  readonly limit: number | undefined;
  /** The requests left in the window, from the documented header. */
  readonly remaining: number | undefined;
  /** How far the provider's clock is ahead of ours, from its `Date` header (negative when behind). */
  readonly clockSkewMs: number | undefined;
}

const MAX_DELAY_MS = 2_147_483_647;
const DAY_MS = 86_400_000;
const MAX_CATALOGS = 1024;
const MAX_MESSAGE_CHARS = 2048;
const NUMBER = /^\s*(\d{1,12})(\.\d{1,3})?\s*$/;
const UNIT_MS: Readonly<Record<string, number>> = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 };

interface BodyWait {
  readonly head: string;
  readonly tail: string;
  readonly unitMs: number;
  readonly codes: ReadonlySet<string> | undefined;
}

interface Limits {
  readonly limit: string | undefined;
  readonly remaining: string | undefined;
  readonly reset: string | undefined;
  readonly resetFormat: string;
  readonly waits: readonly BodyWait[];
  /** Minutes after midnight UTC, by code. */
  readonly quotas: ReadonlyMap<string, number>;
}

const NO_LIMITS: Limits = { limit: undefined, remaining: undefined, reset: undefined, resetFormat: 'delta-seconds', waits: [], quotas: new Map() };
const compiled = new WeakMap<object, Limits>();

function headerName(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z0-9-]{1,128}$/.test(value) ? value : undefined;
}

// A catalog is read once (its facts do not change) and defensively: it may be user data loaded at run time.
function limitsOf(catalog: CatalogInput): Limits {
  let limits = compiled.get(catalog);
  if (limits !== undefined) return limits;
  const spec = own(catalog, 'rateLimits');
  if (typeof spec !== 'object' || spec === null) limits = NO_LIMITS;
  else {
    const headers = own(spec, 'headers');
    const waits: BodyWait[] = [];
    for (const entry of arrayItems(own(spec, 'bodyWaits'), 64)) {
      const message = ownString(entry, 'message');
      const unitMs = UNIT_MS[ownString(entry, 'unit') ?? ''];
      const at = message?.indexOf('{wait}') ?? -1;
      if (message === undefined || unitMs === undefined || at < 0 || message.length > MAX_MESSAGE_CHARS) continue;
      const codes = arrayItems(own(entry, 'codes'), 1024).filter((code): code is string => typeof code === 'string');
      waits.push({ head: message.slice(0, at), tail: message.slice(at + '{wait}'.length), unitMs, codes: codes.length === 0 ? undefined : new Set(codes) });
    }
    const quotas = new Map<string, number>();
    const daily = own(spec, 'dailyQuotas');
    if (typeof daily === 'object' && daily !== null) {
      let count = 0;
      for (const code of Object.keys(daily)) {
        if (++count > 4096) break;
        const at = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(ownString(own(daily, code), 'resetsAt') ?? '00:00');
        if (at !== null) quotas.set(code, Number(at[1]) * 60 + Number(at[2]));
      }
    }
    limits = {
      limit: headerName(own(headers, 'limit')),
      remaining: headerName(own(headers, 'remaining')),
      reset: headerName(own(headers, 'reset')),
      resetFormat: ownString(headers, 'resetFormat') ?? 'delta-seconds',
      waits,
      quotas,
    };
  }
  compiled.set(catalog, limits);
  return limits;
}

function catalogFor(catalogs: unknown, provider: string | undefined): CatalogInput | undefined {
  if (provider === undefined) return undefined;
  for (const catalog of arrayItems(catalogs, MAX_CATALOGS)) {
    if (typeof catalog === 'object' && catalog !== null && own(catalog, 'id') === provider) return catalog as CatalogInput;
  }
  return undefined;
}

function firstText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  return typeof first === 'string' && first !== '' ? first.slice(0, 256) : undefined;
}

/** The values of a few named headers (lowercase), from any header shape; never throws. */
function headerValues(headers: unknown, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof headers !== 'object' || headers === null) return out;
  // A fetch Headers and axios's AxiosHeaders look names up in any case; a Map does not, and is walked.
  let get: unknown;
  try {
    get = headers instanceof Map ? undefined : read(headers, 'get');
  } catch {
    // A revoked proxy: no headers.
    return out;
  }
  if (typeof get === 'function') {
    for (const name of names) {
      try {
        const value = firstText(get.call(headers, name));
        if (value !== undefined) out.set(name, value);
      } catch {
        // A getter that throws leaves the header out.
      }
    }
    return out;
  }
  const wanted = new Set(names);
  eachHeader(headers, (name, value) => {
    const lower = name.toLowerCase();
    if (!wanted.has(lower) || out.has(lower)) return false;
    const text = firstText(value);
    if (text !== undefined) out.set(lower, text);
    return out.size === wanted.size;
  });
  return out;
}

function clampWait(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms)), MAX_DELAY_MS) : undefined;
}

function count(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d{1,15})\s*$/.exec(value);
  return match === null ? undefined : Number(match[1]);
}

/** A reset header's value as a wait from `base`, per the documented format. */
function resetWait(value: string, format: string, base: number): number | undefined {
  const number = NUMBER.exec(value);
  switch (format) {
    case 'epoch-seconds':
      return number === null ? undefined : clampWait(Number(value) * 1000 - base);
    case 'epoch-milliseconds':
      return number === null ? undefined : clampWait(Number(value) - base);
    case 'date': {
      const at = value.length <= 64 ? Date.parse(value) : Number.NaN;
      return Number.isNaN(at) ? undefined : clampWait(at - base);
    }
    default:
      return number === null ? undefined : clampWait(Number(value) * 1000);
  }
}

/** A wait stated in the message, read with indexOf around the one placeholder: linear, whatever the message holds. */
function bodyWait(waits: readonly BodyWait[], message: string | undefined, code: string | undefined): number | undefined {
  if (message === undefined || message.length > MAX_MESSAGE_CHARS) return undefined;
  for (const wait of waits) {
    if (wait.codes !== undefined && (code === undefined || !wait.codes.has(code))) continue;
    if (message.length < wait.head.length + wait.tail.length || !message.startsWith(wait.head) || !message.endsWith(wait.tail)) continue;
    const number = NUMBER.exec(message.slice(wait.head.length, message.length - wait.tail.length));
    if (number === null) continue;
    const ms = clampWait(Number(`${number[1]}${number[2] ?? ''}`) * wait.unitMs);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

function untilDailyReset(minutes: number, base: number): number {
  const midnight = Math.floor(base / DAY_MS) * DAY_MS;
  let at = midnight + minutes * 60_000;
  if (at <= base) at += DAY_MS;
  return at - base;
}

/**
 * Reads how long a provider asks to wait, from where providers put it: the
 * `Retry-After` header (seconds or an HTTP date), the rate-limit headers a
 * catalog documents (`X-RateLimit-Remaining`, `X-RateLimit-Reset`...), a wait
 * stated in the message by a pattern the catalog documents, or the reset time
 * of a documented daily quota.
 *
 * @remarks
 * Every date is measured against the response's own `Date` header, not the local
 * clock: a provider whose clock runs ahead or behind ours still gets the wait it
 * asked for (the AWS SDKs correct clock skew from the same header). `Retry-After`
 * wins over everything else; without headers, the error's own `retry.afterMs`
 * (read by the matcher, or documented by the catalog) is used. Never throws.
 *
 * @example
 * ```ts
 * const limit = readRateLimit(error, { headers: response.headers, catalogs: normalizer.catalogs });
 * if (limit.scope === 'end-user') return askTheUserToWait(limit.afterMs);
 * ```
 *
 * @public
 */
export function readRateLimit(error: NormalizedError, options?: ReadRateLimitOptions): RateLimit {
  const kind = kindOf(error);
  const scope = kind === 'rate-limited' ? ((detailOf(error) as RateLimitScope | undefined) ?? 'client') : undefined;
  const provider = ownString(error, 'provider');
  const code = ownString(error, 'code');
  const catalog = catalogFor(own(options, 'catalogs'), provider);
  const limits = catalog === undefined ? NO_LIMITS : limitsOf(catalog);
  const rawNow = own(options, 'now');
  const now = typeof rawNow === 'number' && Number.isFinite(rawNow) ? rawNow : Date.now();
  const names = ['date', 'retry-after', ...[limits.limit, limits.remaining, limits.reset].filter((name): name is string => name !== undefined)];
  const headers = headerValues(own(options, 'headers'), names);
  const date = headers.get('date');
  // An HTTP date names its weekday and month in letters; Date.parse alone would take a bare number.
  const served = date !== undefined && /[A-Za-z]{3}/.test(date) ? Date.parse(date) : Number.NaN;
  const base = Number.isNaN(served) ? now : served;
  const clockSkewMs = Number.isNaN(served) ? undefined : served - now;
  const limit = count(limits.limit === undefined ? undefined : headers.get(limits.limit));
  const remaining = count(limits.remaining === undefined ? undefined : headers.get(limits.remaining));
  const quotaReset = code === undefined ? undefined : limits.quotas.get(code);
  const quota = quotaReset !== undefined;
  const answer = (afterMs: number | undefined, source: WaitSource | undefined): RateLimit => ({
    afterMs,
    source: afterMs === undefined ? undefined : source,
    scope,
    quota,
    limit,
    remaining,
    clockSkewMs,
  });

  const retryAfter = headers.get('retry-after');
  const fromHeader = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, base);
  if (fromHeader !== undefined) return answer(fromHeader, 'retry-after');
  // A reset header tells when the window refills; it is a wait only once the window is spent.
  const reset = limits.reset === undefined ? undefined : headers.get(limits.reset);
  if (reset !== undefined && (remaining === 0 || kind === 'rate-limited' || statusOf(error) === 429)) {
    const wait = resetWait(reset, limits.resetFormat, base);
    if (wait !== undefined) return answer(wait, 'rate-limit-header');
  }
  const stated = limits.waits.length === 0 ? undefined : bodyWait(limits.waits, ownString(error, 'message'), code);
  if (stated !== undefined) return answer(stated, 'body');
  if (quotaReset !== undefined) return answer(untilDailyReset(quotaReset, base), 'daily-quota');
  const retry = own(error, 'retry');
  const after = own(retry, 'afterMs');
  const known = typeof after === 'number' && Number.isFinite(after) && after >= 0 ? Math.min(after, MAX_DELAY_MS) : undefined;
  // With headers in hand, the matcher's own Retry-After reading was superseded above; without them, it stands.
  return answer(known, own(retry, 'afterSource') === 'catalog' ? 'catalog' : 'retry-after');
}
