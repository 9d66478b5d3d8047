/**
 * The thirteen kinds of normalized error, in the order of the design's table.
 *
 * @remarks
 * This tuple is the one source of truth: the {@link Kind} union, the runtime
 * list, the catalog schema's enum and the per-kind defaults all derive from it.
 *
 * @public
 */
export const KINDS = [
  'auth',
  'invalid-request',
  'not-found',
  'conflict',
  'rate-limited',
  'mfa-expired',
  'reconnect-required',
  'manual-link-unsupported',
  'unsupported',
  'no-accounts',
  'fi-unavailable',
  'provider-unavailable',
  'unknown',
] as const;

/**
 * What happened, as one closed union: consumers can match it exhaustively.
 *
 * @public
 */
export type Kind = (typeof KINDS)[number];

const kindSet: ReadonlySet<string> = new Set(KINDS);

/**
 * Whether a value is one of the thirteen {@link Kind} names.
 *
 * @example
 * ```ts
 * if (isKind(json.kind)) render(json.kind);
 * ```
 *
 * @public
 */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && kindSet.has(value);
}
