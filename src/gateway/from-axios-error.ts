import type { NormalizeInput } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { NormalizerLike } from './from-response.js';
import type { GatewayRequest } from './gateway-request.js';
import { fromNetworkError } from './from-network-error.js';
import { safeHeaders, safeUrl } from './safe-headers.js';

function read(value: unknown, key: string): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a value is shaped like an axios error (0.x or 1.x): it says so with `isAxiosError`.
 *
 * @public
 */
export function isAxiosErrorLike(error: unknown): boolean {
  return read(error, 'isAxiosError') === true;
}

function joinUrl(baseURL: unknown, url: unknown): string | undefined {
  const path = typeof url === 'string' ? url : undefined;
  if (path !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  if (typeof baseURL !== 'string' || baseURL === '') return path;
  if (path === undefined || path === '') return baseURL;
  return `${baseURL.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Reads an axios error (0.x or 1.x, as the official Plaid and Synapse Node clients
 * throw them) into the input `normalize` takes.
 *
 * @remarks
 * Reads `response.status`, `response.headers`, `response.data`, and
 * `config.method`, `config.baseURL`, `config.url` and `config.params`. Never copies
 * the request body, the request headers, or credential-like response headers and
 * query parameters. Never throws.
 *
 * @returns the input, or `undefined` when the error carries no response (a
 * timeout, a refused connection): pass it to {@link fromNetworkError} then, or
 * use {@link normalizeFailure}, which does both.
 *
 * @example
 * ```ts
 * try { await plaid.accountsBalanceGet({ access_token }); }
 * catch (cause) {
 *   const input = fromAxiosError('plaid', cause);
 *   const error = input === undefined ? fromNetworkError('plaid', cause) : normalize(input);
 * }
 * ```
 *
 * @public
 */
export function fromAxiosError(provider: string, error: unknown): NormalizeInput | undefined {
  const response = read(error, 'response');
  if (typeof response !== 'object' || response === null) return undefined;
  const config = read(error, 'config') ?? read(response, 'config');
  const status = read(response, 'status');
  const method = read(config, 'method');
  const url = safeUrl(joinUrl(read(config, 'baseURL'), read(config, 'url')), read(config, 'params'));
  const data = read(response, 'data');
  return {
    provider,
    ...(typeof method === 'string' && method !== '' ? { method: method.toUpperCase() } : {}),
    ...(url === undefined ? {} : { url }),
    ...(typeof status === 'number' ? { status } : {}),
    headers: safeHeaders(read(response, 'headers')),
    ...(data === undefined || data === null || data === '' ? {} : { body: data }),
  };
}

/**
 * Normalizes whatever a provider call threw: an axios error with a response goes
 * through the catalogs, anything else through {@link fromNetworkError}.
 *
 * @remarks
 * Without `request.endpoint`, the endpoint of a network failure is resolved from
 * `request.url` (or the axios config) with the normalizer. Never throws.
 *
 * @example
 * ```ts
 * try { await synapse.getNode(nodeId, { force_refresh: 'yes' }); }
 * catch (cause) { return toProblem(normalizeFailure(normalizer, 'synapse', cause)); }
 * ```
 *
 * @public
 */
export function normalizeFailure(normalizer: NormalizerLike, provider: string, error: unknown, request?: GatewayRequest): NormalizedError {
  const input = fromAxiosError(provider, error);
  if (input !== undefined) return normalizer.normalize(input);
  let endpoint = request?.endpoint;
  if (endpoint === undefined) {
    const config = read(error, 'config');
    const method = request?.method ?? read(config, 'method');
    const url = request?.url === undefined ? joinUrl(read(config, 'baseURL'), read(config, 'url')) : String(request.url);
    const located = normalizer.normalize({
      provider,
      ...(typeof method === 'string' ? { method } : {}),
      ...(typeof url === 'string' ? { url: safeUrl(url, read(config, 'params')) ?? '' } : {}),
    });
    endpoint = located.endpoint;
  }
  return fromNetworkError(provider, error, endpoint === undefined ? undefined : { endpoint });
}
