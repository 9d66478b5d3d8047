import type { NormalizeInput } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { GatewayRequest } from './gateway-request.js';
import { safeHeaders, safeUrl } from './safe-headers.js';

/**
 * The parts of a fetch `Response` the adapter reads; a real `Response` fits.
 *
 * @public
 */
export interface ResponseLike {
  /** The HTTP status. */
  readonly status: number;
  /** The headers: a fetch `Headers`, a record or pairs. */
  readonly headers?: unknown;
  /** The final URL, used when the request's URL is not given. */
  readonly url?: string;
  /** Whether the body was already read; it is then left out. */
  readonly bodyUsed?: boolean;
  /** The body as a stream, read with a size cap. */
  readonly body?: { getReader(): ReadableStreamDefaultReader<Uint8Array> } | null;
  /** The body as text, for response-likes without a stream (cut to `maxBytes` characters). */
  text?(): Promise<string>;
}

/**
 * Options of {@link fromResponse}.
 *
 * @public
 */
export interface FromResponseOptions {
  /**
   * The most bytes of the body read; the rest is cancelled, and a cut JSON body
   * normalizes by its status alone.
   *
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBytes?: number;
  /** Stops reading a body that never ends; what was read so far is kept. */
  readonly signal?: AbortSignal;
}

/**
 * Anything with the normalizer's `normalize` method: a normalizer over any catalogs.
 *
 * @public
 */
export interface NormalizerLike {
  /** Classifies any input; never throws. */
  normalize(input: NormalizeInput): NormalizedError;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

async function readCapped(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, signal: AbortSignal | undefined): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let out = '';
  let total = 0;
  const onAbort = (): void => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal?.aborted === true) return out;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || value === undefined) break;
      const room = maxBytes - total;
      const chunk = value.byteLength > room ? value.subarray(0, room) : value;
      total += chunk.byteLength;
      out += decoder.decode(chunk, { stream: true });
      if (total >= maxBytes) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    // A body that breaks half way keeps what arrived; the status still classifies it.
  } finally {
    signal?.removeEventListener('abort', onAbort);
    try {
      reader.releaseLock();
    } catch {
      // Already released or cancelled.
    }
  }
  return out + decoder.decode();
}

async function readBodyText(response: ResponseLike, maxBytes: number, signal: AbortSignal | undefined): Promise<string | undefined> {
  if (response.bodyUsed === true) return undefined;
  const stream = response.body;
  if (stream !== null && stream !== undefined && typeof stream.getReader === 'function') {
    return readCapped(stream.getReader(), maxBytes, signal);
  }
  if (typeof response.text === 'function') {
    const whole = await response.text();
    return typeof whole === 'string' ? whole.slice(0, maxBytes) : undefined;
  }
  return undefined;
}

/**
 * Reads a fetch `Response` once, with a size cap, into the input `normalize` takes.
 *
 * @remarks
 * Never throws: a body already used, locked, broken half way or too large is
 * read as far as it goes (or left out), and the status still classifies it.
 * Credential-like headers (`set-cookie`, anything named key, token, secret...)
 * are never copied.
 *
 * @example
 * ```ts
 * const response = await fetch(`${base}/v2/accounts/${userId}/balance`);
 * if (!response.ok) {
 *   const error = normalize(await fromResponse('aerosync', response, { method: 'GET' }));
 * }
 * ```
 *
 * @public
 */
export async function fromResponse(provider: string, response: ResponseLike, request?: GatewayRequest, options?: FromResponseOptions): Promise<NormalizeInput> {
  const maxBytes = options?.maxBytes !== undefined && Number.isFinite(options.maxBytes) && options.maxBytes >= 0 ? Math.floor(options.maxBytes) : DEFAULT_MAX_BYTES;
  let status: number | undefined;
  let headers: Record<string, string> = {};
  let url: string | undefined;
  let body: string | undefined;
  try {
    status = typeof response.status === 'number' ? response.status : undefined;
    headers = safeHeaders(response.headers);
    const requested = request?.url === undefined ? undefined : String(request.url);
    url = safeUrl(requested ?? response.url);
    body = await readBodyText(response, maxBytes, options?.signal);
  } catch {
    // A locked stream or a throwing getter: normalize what was read.
  }
  return {
    provider,
    ...(typeof request?.method === 'string' ? { method: request.method } : {}),
    ...(url === undefined ? {} : { url }),
    ...(typeof request?.endpoint === 'string' ? { endpoint: request.endpoint } : {}),
    ...(status === undefined ? {} : { status }),
    headers,
    ...(body === undefined || body === '' ? {} : { body }),
  };
}

/**
 * Reads a fetch `Response` with {@link fromResponse} and normalizes it.
 *
 * @example
 * ```ts
 * if (!response.ok) return toProblem(await normalizeResponse(normalizer, 'aerosync', response, { method: 'GET' }));
 * ```
 *
 * @public
 */
export async function normalizeResponse(
  normalizer: NormalizerLike,
  provider: string,
  response: ResponseLike,
  request?: GatewayRequest,
  options?: FromResponseOptions,
): Promise<NormalizedError> {
  return normalizer.normalize(await fromResponse(provider, response, request, options));
}
