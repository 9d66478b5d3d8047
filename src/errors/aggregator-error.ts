import type { Kind } from '../taxonomy/kinds.js';
import { isKind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { errorOfKind } from '../matcher/error-of-kind.js';
import { own, ownString } from '../util/own.js';

/** Whether a value has the shape of a normalized error (checked without a schema: the main entry carries none). */
function isNormalized(error: unknown): boolean {
  const retry = own(error, 'retry');
  return (
    isKind(own(error, 'kind')) &&
    typeof own(error, 'provider') === 'string' &&
    typeof own(error, 'message') === 'string' &&
    typeof own(retry, 'retryable') === 'boolean' &&
    typeof own(own(error, 'match'), 'by') === 'string' &&
    typeof own(error, 'params') === 'object' &&
    Array.isArray(own(error, 'causes')) &&
    typeof own(error, 'userAction') === 'string' &&
    typeof own(error, 'owner') === 'string' &&
    typeof own(error, 'severity') === 'string'
  );
}

/** The error itself when it is one, else an `unknown` error that says what was passed: the class never throws. */
function settle(error: unknown): NormalizedError {
  if (isNormalized(error)) return error as NormalizedError;
  const provider = ownString(error, 'provider');
  return errorOfKind('unknown', {
    provider: provider === undefined || provider === '' ? 'unknown' : provider.slice(0, 64),
    code: undefined,
    message: '',
    endpoint: undefined,
    detail: undefined,
    mayHaveSucceeded: false,
    description: 'AggregatorError was given a value that is not a normalized error.',
  });
}

function summary(error: NormalizedError): string {
  const code = ownString(error, 'code');
  const message = ownString(error, 'message') ?? '';
  const text = message.length > 512 ? `${message.slice(0, 512)}…` : message;
  return `${ownString(error, 'provider') ?? 'unknown'}${code === undefined ? '' : ` ${code.slice(0, 128)}`}: ${String(own(error, 'kind'))}${text === '' ? '' : ` (${text})`}`;
}

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
    const settled = settle(error);
    const cause = own(options, 'cause');
    super(summary(settled), cause === undefined ? undefined : { cause });
    this.error = settled;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The normalized error's kind. */
  get kind(): Kind {
    const kind = own(this.error, 'kind');
    return isKind(kind) ? kind : 'unknown';
  }

  /**
   * Whether a value is an `AggregatorError`, from any realm or copy of this package.
   */
  static is(value: unknown): value is AggregatorError {
    try {
      if (value instanceof AggregatorError) return true;
      if (typeof value !== 'object' || value === null) return false;
      return (value as { [key: symbol]: unknown })[BRAND] === true && isKind(own(own(value, 'error'), 'kind'));
    } catch {
      // A revoked proxy or a throwing getter is not an AggregatorError.
      return false;
    }
  }

  /** The safe-to-log form: name, message and the normalized error; no cause, no stack. */
  toJSON(): AggregatorErrorJSON {
    return { name: this.name, message: this.message, error: this.error };
  }
}
