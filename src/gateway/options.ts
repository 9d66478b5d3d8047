/**
 * Options objects a caller hands the gateway helpers, read once and defensively:
 * a proxy, a throwing getter or a wrong type in any field reads as "not given",
 * so that no helper throws in a gateway's error path.
 */
import type { NormalizeInput } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { own, read } from '../util/own.js';

/**
 * Anything with the normalizer's `normalize` method: a normalizer over any catalogs.
 *
 * @public
 */
export interface NormalizerLike {
  /** Classifies any input; never throws. */
  normalize(input: NormalizeInput): NormalizedError;
}

/**
 * The request a gateway sent to the provider, as far as the adapters need it;
 * a fetch `Request` fits, and nothing of its body or headers is read.
 *
 * @public
 */
export interface GatewayRequest {
  /** The HTTP method, in any case. */
  readonly method?: string | undefined;
  /** The URL, absolute or a path; user info and credential-like query parameters are dropped. */
  readonly url?: string | URL | undefined;
  /** The catalog's endpoint id, when the caller knows it. */
  readonly endpoint?: string | undefined;
}

/** A string option, or `undefined`. */
export function stringOption(options: unknown, key: string, max = 8192): string | undefined {
  const value = own(options, key);
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

/** A finite non-negative number option, or `undefined`. */
export function numberOption(options: unknown, key: string): number | undefined {
  const value = own(options, key);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A function option, or `undefined`. */
export function functionOption(options: unknown, key: string): ((...args: never[]) => unknown) | undefined {
  const value = own(options, key);
  return typeof value === 'function' ? (value as (...args: never[]) => unknown) : undefined;
}

/** The provider id option: a string of at most 64 characters, else `'unknown'`. */
export function providerOption(options: unknown): string {
  const value = own(options, 'provider');
  return typeof value === 'string' && value !== '' ? value.slice(0, 64) : 'unknown';
}

/** The request's method, URL (as a string) and endpoint, each read once. */
export function requestOption(options: unknown): {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly endpoint: string | undefined;
} {
  // A fetch Request keeps method and url as getters on its prototype: read, not own.
  const request = own(options, 'request');
  const rawMethod = read(request, 'method');
  const method = typeof rawMethod === 'string' && rawMethod !== '' && rawMethod.length <= 16 ? rawMethod : undefined;
  const rawEndpoint = read(request, 'endpoint');
  const endpoint = typeof rawEndpoint === 'string' && rawEndpoint !== '' && rawEndpoint.length <= 256 ? rawEndpoint : undefined;
  let url: string | undefined;
  const raw = read(request, 'url');
  if (typeof raw === 'string') url = raw;
  else if (typeof URL !== 'undefined' && raw instanceof URL) {
    try {
      url = raw.href;
    } catch {
      url = undefined;
    }
  }
  return { method, url, endpoint };
}

/** The `normalizer` option, when it has a `normalize` function. */
export function normalizerOption(options: unknown): NormalizerLike | undefined {
  const normalizer = own(options, 'normalizer');
  return typeof read(normalizer, 'normalize') === 'function' ? (normalizer as NormalizerLike) : undefined;
}

/** An `AbortSignal` option, when it is one. */
export function signalOption(options: unknown): AbortSignal | undefined {
  const signal = own(options, 'signal');
  try {
    return typeof AbortSignal !== 'undefined' && signal instanceof AbortSignal ? signal : undefined;
  } catch {
    // instanceof runs a proxy's getPrototypeOf trap, which may throw.
    return undefined;
  }
}
