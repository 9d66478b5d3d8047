import type { ProviderFailure } from '../taxonomy/details.js';
import { read } from '../util/own.js';

/**
 * Why a request got no response, as far as the error says.
 *
 * @public
 */
export interface NetworkFailure {
  /** `'timeout'` when a deadline ran out, `'network'` when the connection failed. */
  readonly reason: Extract<ProviderFailure, 'network' | 'timeout'>;
  /** The system or client code found on the error or its causes (`'ECONNRESET'`), if any. */
  readonly code: string | undefined;
  /** Whether the request may have reached the provider and done its work. */
  readonly mayHaveSucceeded: boolean;
}

// The connection never carried the request: nothing can have happened upstream.
const BEFORE_SEND: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
// The connection broke or went quiet after the request may have been sent.
const AFTER_SEND: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_NETWORK', 'ERR_STREAM_PREMATURE_CLOSE']);
// axios reports its own timeout as ECONNABORTED (ETIMEDOUT with clarifyTimeoutError).
const TIMEOUTS: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
// An abort is usually a deadline the caller set; we cannot tell it from a cancel.
const TIMEOUT_NAMES: ReadonlySet<string> = new Set(['AbortError', 'TimeoutError', 'CanceledError']);
const MAX_DEPTH = 6;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 64 ? value : undefined;
}

/** The error, its `cause` chain and an `AggregateError`'s first errors, breadth first and bounded. */
export function causeChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < MAX_DEPTH) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || out.includes(next)) continue;
    out.push(next);
    const cause = read(next, 'cause');
    if (cause !== undefined) queue.push(cause);
    const errors = read(next, 'errors');
    if (Array.isArray(errors)) queue.push(errors[0], errors[1]);
  }
  return out;
}

/**
 * Tells why a request got no response: a system code (`ECONNRESET`, `ETIMEDOUT`,
 * `ENOTFOUND`...), an abort or timeout (`AbortError`, `TimeoutError`), undici's
 * `TypeError('fetch failed')` with its `cause`, or an axios error without a response.
 *
 * @returns the failure, or `undefined` when the error is not a network failure. Never throws.
 *
 * @example
 * ```ts
 * const failure = networkFailure(caught);
 * if (failure?.reason === 'timeout') metrics.timeouts.inc();
 * ```
 *
 * @public
 */
export function networkFailure(error: unknown): NetworkFailure | undefined {
  let network = false;
  try {
    for (const link of causeChain(error)) {
      const code = text(read(link, 'code'));
      const name = text(read(link, 'name'));
      if (code !== undefined && TIMEOUTS.has(code)) return { reason: 'timeout', code, mayHaveSucceeded: !BEFORE_SEND.has(code) };
      if (code !== undefined && BEFORE_SEND.has(code)) return { reason: 'network', code, mayHaveSucceeded: false };
      if (code !== undefined && AFTER_SEND.has(code)) return { reason: 'network', code, mayHaveSucceeded: true };
      if (name !== undefined && TIMEOUT_NAMES.has(name)) return { reason: 'timeout', code: code === 'ERR_CANCELED' ? code : undefined, mayHaveSucceeded: true };
      if (code === 'ERR_CANCELED') return { reason: 'timeout', code, mayHaveSucceeded: true };
      if (name === 'TypeError' && read(link, 'message') === 'fetch failed') network = true;
      if (read(link, 'isAxiosError') === true && read(link, 'response') == null) network = true;
    }
  } catch {
    return undefined;
  }
  // undici or axios said the request failed without a response, and no cause told more.
  return network ? { reason: 'network', code: undefined, mayHaveSucceeded: true } : undefined;
}
