import type { Kind } from '../taxonomy/kinds.js';

/** What an HTTP status alone means when the provider documents nothing better. */
export interface StatusFallback {
  readonly kind: Kind;
  readonly detail?: string;
}

// Statuses that mean the same share one object: a record of them is smaller in a bundle than a Map of fifteen literals.
const INVALID: StatusFallback = { kind: 'invalid-request' };
const AUTH: StatusFallback = { kind: 'auth' };
const NOT_FOUND: StatusFallback = { kind: 'not-found' };
const TIMEOUT: StatusFallback = { kind: 'provider-unavailable', detail: 'timeout' };
const SERVER_ERROR: StatusFallback = { kind: 'provider-unavailable', detail: 'server-error' };

const FALLBACKS: Readonly<Record<number, StatusFallback | undefined>> = {
  400: INVALID,
  401: AUTH,
  403: AUTH,
  404: NOT_FOUND,
  405: INVALID,
  406: INVALID,
  408: TIMEOUT,
  409: { kind: 'conflict' },
  410: NOT_FOUND,
  413: INVALID,
  415: INVALID,
  422: INVALID,
  429: { kind: 'rate-limited', detail: 'client' },
  503: { kind: 'provider-unavailable', detail: 'maintenance' },
  504: TIMEOUT,
};

/** The generic meaning of a status, or `undefined` when a status alone says nothing. */
export function statusFallback(status: number): StatusFallback | undefined {
  return FALLBACKS[status] ?? (status >= 500 && status <= 599 ? SERVER_ERROR : undefined);
}
