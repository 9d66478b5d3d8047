import type { Kind } from '../taxonomy/kinds.js';

/** What an HTTP status alone means when the provider documents nothing better. */
export interface StatusFallback {
  readonly kind: Kind;
  readonly detail?: string;
}

const FALLBACKS: ReadonlyMap<number, StatusFallback> = new Map<number, StatusFallback>([
  [400, { kind: 'invalid-request' }],
  [401, { kind: 'auth' }],
  [403, { kind: 'auth' }],
  [404, { kind: 'not-found' }],
  [405, { kind: 'invalid-request' }],
  [406, { kind: 'invalid-request' }],
  [408, { kind: 'provider-unavailable', detail: 'timeout' }],
  [409, { kind: 'conflict' }],
  [410, { kind: 'not-found' }],
  [413, { kind: 'invalid-request' }],
  [415, { kind: 'invalid-request' }],
  [422, { kind: 'invalid-request' }],
  [429, { kind: 'rate-limited', detail: 'client' }],
  [503, { kind: 'provider-unavailable', detail: 'maintenance' }],
  [504, { kind: 'provider-unavailable', detail: 'timeout' }],
]);

const SERVER_ERROR: StatusFallback = { kind: 'provider-unavailable', detail: 'server-error' };

/** The generic meaning of a status, or `undefined` when a status alone says nothing. */
export function statusFallback(status: number): StatusFallback | undefined {
  return FALLBACKS.get(status) ?? (status >= 500 && status <= 599 ? SERVER_ERROR : undefined);
}
