const DELAY_SECONDS = /^\s*(\d{1,10})\s*$/;

/**
 * Reads a `Retry-After` value (delay seconds or an HTTP date) as milliseconds from `now`.
 *
 * @returns the wait in milliseconds, or `undefined` when the value is neither form.
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
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const seconds = DELAY_SECONDS.exec(value)?.[1];
  if (seconds !== undefined) return Number(seconds) * 1000;
  // An HTTP date must name a weekday or month in letters; Date.parse alone accepts bare numbers.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
