const DELAY_SECONDS = /^\s*(\d{1,10})\s*$/;
// The longest wait a timer can hold (setTimeout's limit, about 24.8 days): every answer is a usable delay.
const MAX_WAIT_MS = 2_147_483_647;

/**
 * Reads a `Retry-After` value (delay seconds or an HTTP date) as milliseconds from `now`.
 *
 * @returns the wait in milliseconds (at most 2^31 - 1, a timer's limit), or `undefined` when the value is neither form.
 *
 * @example
 * ```ts
 * parseRetryAfter('120'); // 120000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now());
 * ```
 *
 * @public
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.min(Math.round(value * 1000), MAX_WAIT_MS) : undefined;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const seconds = DELAY_SECONDS.exec(value)?.[1];
  if (seconds !== undefined) return Math.min(Number(seconds) * 1000, MAX_WAIT_MS);
  // An HTTP date must name a weekday or month in letters; Date.parse alone accepts bare numbers.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  const base = typeof now === 'number' && Number.isFinite(now) ? now : Date.now();
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - base), MAX_WAIT_MS);
}
