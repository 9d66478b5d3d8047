import type { Kind } from '../taxonomy/kinds.js';
import { isKind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';

// A registered symbol is the same in every realm and every copy of the package.
const BRAND: symbol = Symbol.for('aggregator-errors.AggregatorError');

/**
 * The JSON form of an {@link AggregatorError}: the normalized error, never the cause.
 *
 * @public
 */
export interface AggregatorErrorJSON {
  /** The error's name. */
  readonly name: 'AggregatorError';
  /** The error's message: provider, code, kind and the provider's developer text. */
  readonly message: string;
  /** The normalized error. */
  readonly error: NormalizedError;
}

/**
 * An `Error` that carries a normalized provider error, for code that throws.
 *
 * @remarks
 * The original error stays in the standard `cause`; `toJSON` leaves it out,
 * because a client error often holds the request's credentials.
 *
 * @example
 * ```ts
 * try { await client.getBalance(userId); }
 * catch (cause) { throw new AggregatorError(normalize(toInput(cause)), { cause }); }
 * ```
 *
 * @public
 */
export class AggregatorError extends Error {
  /** Always `'AggregatorError'`, so logs and `catch` blocks can tell it apart. */
  override readonly name = 'AggregatorError';
  /** The normalized error. */
  readonly error: NormalizedError;

  constructor(error: NormalizedError, options?: { readonly cause?: unknown }) {
    const code = error.code === undefined ? '' : ` ${error.code}`;
    super(`${error.provider}${code}: ${error.kind}${error.message === '' ? '' : ` (${error.message})`}`, options);
    this.error = error;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The normalized error's kind. */
  get kind(): Kind {
    return this.error.kind;
  }

  /**
   * Whether a value is an `AggregatorError`, from any realm or copy of this package.
   */
  static is(value: unknown): value is AggregatorError {
    if (value instanceof AggregatorError) return true;
    if (typeof value !== 'object' || value === null) return false;
    const candidate = value as { [key: symbol]: unknown; error?: { kind?: unknown } };
    return candidate[BRAND] === true && isKind(candidate.error?.kind);
  }

  /** The safe-to-log form: name, message and the normalized error; no cause, no stack. */
  toJSON(): AggregatorErrorJSON {
    return { name: this.name, message: this.message, error: this.error };
  }
}
