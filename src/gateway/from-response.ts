import type { NormalizeInput } from '../matcher/create-normalizer.js';
import { createNormalizer } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { read } from '../util/own.js';
import { safeUrl } from '../util/redact.js';
import { normalizerOption, numberOption, providerOption, requestOption, signalOption, type GatewayRequest, type NormalizerLike } from './options.js';
import { safeHeaders } from './safe-headers.js';

/**
 * The parts of a fetch `Response` the adapter reads; a real `Response` fits.
 *
 * @public
 */
export interface ResponseLike {
  /** The HTTP status. */
  readonly status: number;
  /** The headers: a fetch `Headers`, a `Map`, a record or pairs. */
  readonly headers?: unknown;
  /** The final URL, used when the request's URL is not given. */
  readonly url?: string;
  /** Whether the body was already read; it is then left out. */
  readonly bodyUsed?: boolean;
  /** The body as a stream, read with a size cap and a time bound. */
  readonly body?: { getReader(): ReadableStreamDefaultReader<Uint8Array> } | null;
  /** The body as text, for response-likes without a stream (not read when its `content-length` is over `maxBytes`). */
  text?(): Promise<string>;
}

/**
 * Options of {@link readResponse}.
 *
 * @public
 */
export interface ReadResponseOptions {
  /** The catalog id of the provider that answered. */
  readonly provider: string;
  /** The request the response answers: its method, URL (or the response's) and endpoint. */
  readonly request?: GatewayRequest;
  /**
   * The most bytes of the body read; the rest is cancelled, and a cut JSON body
   * normalizes by its status alone.
   *
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBytes?: number;
  /**
   * The longest time spent reading the body, in milliseconds; a body that trickles
   * or never ends is cut there, and what was read is kept.
   *
   * @defaultValue 10000
   */
  readonly timeoutMs?: number;
  /** Stops reading the body at once; what was read so far is kept. */
  readonly signal?: AbortSignal;
}

/**
 * Options of {@link fromResponse}.
 *
 * @public
 */
export interface FromResponseOptions extends ReadResponseOptions {
  /** The normalizer that classifies the response. */
  readonly normalizer: NormalizerLike;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
// A stream of empty chunks resolves every read at once and never reaches the
// byte cap: reads are counted, and the loop yields to timers now and then so
// that the time bound and an abort signal can fire.
const MAX_EMPTY_READS = 1024;
const YIELD_EVERY = 64;

const STATUS_ONLY: NormalizerLike = createNormalizer([]);

function later(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function readCapped(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, stop: AbortSignal): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let out = '';
  let total = 0;
  let empty = 0;
  let reads = 0;
  const cancel = (): void => {
    reader.cancel().catch(() => undefined);
  };
  stop.addEventListener('abort', cancel, { once: true });
  try {
    while (!stop.aborted) {
      const { done, value } = await reader.read();
      if (done || value === undefined) break;
      if (++reads % YIELD_EVERY === 0) await later();
      if (value.byteLength === 0) {
        if (++empty >= MAX_EMPTY_READS) break;
        continue;
      }
      empty = 0;
      const room = maxBytes - total;
      const chunk = value.byteLength > room ? value.subarray(0, room) : value;
      total += chunk.byteLength;
      out += decoder.decode(chunk, { stream: true });
      if (total >= maxBytes) break;
    }
  } catch {
    // A body that breaks half way keeps what arrived; the status still classifies it.
  } finally {
    stop.removeEventListener('abort', cancel);
    cancel();
    try {
      reader.releaseLock();
    } catch {
      // Already released or cancelled.
    }
  }
  return out + decoder.decode();
}

function declaredLength(headers: Readonly<Record<string, string>>): number | undefined {
  const value = headers['content-length'];
  const length = value === undefined ? Number.NaN : Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

async function readText(response: unknown, headers: Readonly<Record<string, string>>, maxBytes: number, stop: AbortSignal): Promise<string | undefined> {
  if (read(response, 'bodyUsed') === true) return undefined;
  const stream = read(response, 'body');
  const getReader = read(stream, 'getReader');
  if (typeof getReader === 'function') return readCapped(getReader.call(stream) as ReadableStreamDefaultReader<Uint8Array>, maxBytes, stop);
  const text = read(response, 'text');
  if (typeof text !== 'function') return undefined;
  // text() reads the whole body before anything can cut it: not when its declared length is over the cap.
  const length = declaredLength(headers);
  if (length !== undefined && length > maxBytes) return undefined;
  const whole = await Promise.race([
    Promise.resolve(text.call(response) as Promise<unknown>),
    new Promise<undefined>((resolve) => {
      if (stop.aborted) resolve(undefined);
      stop.addEventListener('abort', () => resolve(undefined), { once: true });
    }),
  ]);
  return typeof whole === 'string' ? whole.slice(0, maxBytes) : undefined;
}

/**
 * Reads a fetch `Response` once, with a size cap and a time bound, into the input `normalize` takes.
 *
 * @remarks
 * Never throws and always settles: a body already used, locked, broken half way,
 * too large, trickling or endless is read as far as the bounds allow (or left
 * out), and the status still classifies it. Credential-like headers
 * (`set-cookie`, anything named key, token, secret...) and URL credentials are
 * never copied.
 *
 * @example
 * ```ts
 * const input = await readResponse(response, { provider: 'aerosync', request: { method: 'GET', url } });
 * ```
 *
 * @public
 */
export async function readResponse(response: ResponseLike, options: ReadResponseOptions): Promise<NormalizeInput> {
  const provider = providerOption(options);
  const request = requestOption(options);
  const maxBytes = Math.floor(numberOption(options, 'maxBytes') ?? DEFAULT_MAX_BYTES);
  const timeoutMs = numberOption(options, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  const signal = signalOption(options);
  const rawStatus = read(response, 'status');
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const headers = safeHeaders(read(response, 'headers'));
  const responseUrl = read(response, 'url');
  const url = safeUrl(request.url ?? (typeof responseUrl === 'string' ? responseUrl : undefined));
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  const onAbort = (): void => stop.abort();
  if (signal?.aborted === true) stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let body: string | undefined;
  try {
    body = await readText(response, headers, maxBytes, stop.signal);
  } catch {
    // A locked stream or a throwing getter: normalize what was read.
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  return {
    provider,
    ...(request.method === undefined ? {} : { method: request.method }),
    ...(url === undefined ? {} : { url }),
    ...(request.endpoint === undefined ? {} : { endpoint: request.endpoint }),
    ...(status === undefined ? {} : { status }),
    headers,
    ...(body === undefined || body === '' ? {} : { body }),
  };
}

/**
 * Reads a fetch `Response` with {@link readResponse} and classifies it.
 *
 * @remarks
 * Call it for every response that is not a plain success ({@link isSuccess}):
 * a provider error may come with a 2xx status (MX answers 202 when a job of the
 * same type is already running; Plaid answers one documented error with 208).
 * Never throws.
 *
 * @example
 * ```ts
 * const response = await fetch(`${base}/v2/accounts/${userId}/balance`);
 * if (!isSuccess(response, { normalizer, provider: 'aerosync' })) return toProblem(await fromResponse(response, { normalizer, provider: 'aerosync', request: { method: 'GET', url: response.url } }));
 * ```
 *
 * @public
 */
export async function fromResponse(response: ResponseLike, options: FromResponseOptions): Promise<NormalizedError> {
  const input = await readResponse(response, options);
  const normalizer = normalizerOption(options) ?? STATUS_ONLY;
  try {
    return normalizer.normalize(input);
  } catch {
    return STATUS_ONLY.normalize(input);
  }
}
