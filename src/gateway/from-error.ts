import type { NormalizeInput } from '../matcher/create-normalizer.js';
import { createNormalizer } from '../matcher/create-normalizer.js';
import { errorOfKind } from '../matcher/error-of-kind.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { read } from '../util/own.js';
import { safeUrl, scrubUrls } from '../util/redact.js';
import { networkFailure } from './network-failure.js';
import { normalizerOption, providerOption, requestOption, type GatewayRequest, type NormalizerLike } from './options.js';
import { safeHeaders } from './safe-headers.js';

/**
 * Options of {@link readError}.
 *
 * @public
 */
export interface ReadErrorOptions {
  /** The catalog id of the provider that was called. */
  readonly provider: string;
}

/**
 * Options of {@link fromError}.
 *
 * @public
 */
export interface FromErrorOptions extends ReadErrorOptions {
  /**
   * The normalizer that classifies an error that carries a response (an axios error).
   *
   * @defaultValue a normalizer over no catalog: the status alone
   */
  readonly normalizer?: NormalizerLike;
  /** The request that failed: its endpoint names a network failure's endpoint; its URL resolves one. */
  readonly request?: GatewayRequest;
}

const MAX_MESSAGE_CHARS = 256;
const STATUS_ONLY: NormalizerLike = createNormalizer([]);

// Trims slashes with a loop, not /\/+$/, which is quadratic on a run of slashes.
function trimSlashes(value: string, end: boolean): string {
  let from = 0;
  let to = value.length;
  if (end) while (to > 0 && value.charCodeAt(to - 1) === 47) to--;
  else while (from < to && value.charCodeAt(from) === 47) from++;
  return value.slice(from, to);
}

function joinUrl(baseURL: unknown, url: unknown): string | undefined {
  const path = typeof url === 'string' ? url : undefined;
  if (path !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  if (typeof baseURL !== 'string' || baseURL === '') return path;
  if (path === undefined || path === '') return baseURL;
  return `${trimSlashes(baseURL, true)}/${trimSlashes(path, false)}`;
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
 * timeout, a refused connection): {@link fromError} classifies those.
 *
 * @example
 * ```ts
 * try { await plaid.accountsBalanceGet({ access_token }); }
 * catch (cause) { await store.append(readError(cause, { provider: 'plaid' })); }
 * ```
 *
 * @public
 */
export function readError(error: unknown, options: ReadErrorOptions): NormalizeInput | undefined {
  const provider = providerOption(options);
  const response = read(error, 'response');
  if (typeof response !== 'object' || response === null) return undefined;
  const config = read(error, 'config') ?? read(response, 'config');
  const status = read(response, 'status');
  const method = read(config, 'method');
  const url = safeUrl(joinUrl(read(config, 'baseURL'), read(config, 'url')), read(config, 'params'));
  const data = read(response, 'data');
  return {
    provider,
    ...(typeof method === 'string' && method !== '' && method.length <= 16 ? { method: method.toUpperCase() } : {}),
    ...(url === undefined ? {} : { url }),
    ...(typeof status === 'number' ? { status } : {}),
    headers: safeHeaders(read(response, 'headers')),
    ...(data === undefined || data === null || data === '' ? {} : { body: data }),
  };
}

/** The error's message and its cause's, named, capped, and with every URL in them made safe. */
function messageOf(error: unknown): string {
  const message = read(error, 'message');
  const name = read(error, 'name');
  const own = typeof message === 'string' ? message.slice(0, 4 * MAX_MESSAGE_CHARS) : typeof error === 'string' ? error.slice(0, 4 * MAX_MESSAGE_CHARS) : '';
  const cause = read(read(error, 'cause'), 'message');
  const full = typeof cause === 'string' && cause !== '' && cause !== own ? `${own} (${cause.slice(0, 4 * MAX_MESSAGE_CHARS)})` : own;
  const named = typeof name === 'string' && name !== '' && name !== 'Error' && name.length <= 64 ? `${name}: ${full}` : full;
  // undici writes the whole request URL into its messages ("Request cannot be constructed from a URL that includes credentials: https://user:pass@...").
  const safe = scrubUrls(named);
  return safe.length > MAX_MESSAGE_CHARS ? safe.slice(0, MAX_MESSAGE_CHARS) : safe;
}

/**
 * Normalizes whatever a provider call threw: an error that carries a response
 * (an axios error) goes through the catalogs; a request that got no response
 * (a timeout, a reset or refused connection, an abort) is `provider-unavailable`
 * with reason `'timeout'` or `'network'` and `match.by` `'no-response'`; anything
 * else is `unknown`.
 *
 * @remarks
 * A timeout, a reset connection or an abort sets `retry.mayHaveSucceeded`: the
 * provider may have done the work, so a non-idempotent request must not be sent
 * again blindly. A refused connection or a failed DNS lookup never reached the
 * provider. The message keeps the error's own text with every URL in it
 * stripped of user info and credential-like query values. Never throws.
 *
 * @example
 * ```ts
 * try { await synapse.getNode(nodeId, { force_refresh: 'yes' }); }
 * catch (cause) { return toProblem(fromError(cause, { normalizer, provider: 'synapse' })); }
 * ```
 *
 * @public
 */
export function fromError(error: unknown, options: FromErrorOptions): NormalizedError {
  const provider = providerOption(options);
  const normalizer = normalizerOption(options) ?? STATUS_ONLY;
  const input = readError(error, { provider });
  if (input !== undefined) {
    try {
      return normalizer.normalize(input);
    } catch {
      return STATUS_ONLY.normalize(input);
    }
  }
  const request = requestOption(options);
  let endpoint = request.endpoint;
  if (endpoint === undefined) {
    const config = read(error, 'config');
    const method = request.method ?? read(config, 'method');
    const url = safeUrl(request.url ?? joinUrl(read(config, 'baseURL'), read(config, 'url')), read(config, 'params'));
    try {
      endpoint = normalizer.normalize({ provider, ...(typeof method === 'string' ? { method } : {}), ...(url === undefined ? {} : { url }) }).endpoint;
    } catch {
      endpoint = undefined;
    }
  }
  const failure = networkFailure(error);
  const message = messageOf(error);
  if (failure === undefined) {
    return errorOfKind('unknown', {
      provider,
      code: undefined,
      message,
      endpoint,
      detail: undefined,
      mayHaveSucceeded: false,
      description: 'The request failed without a response, for a reason that is not a known network failure.',
    });
  }
  return errorOfKind('provider-unavailable', {
    provider,
    code: failure.code,
    message,
    endpoint,
    detail: failure.reason,
    mayHaveSucceeded: failure.mayHaveSucceeded,
    description:
      failure.reason === 'timeout'
        ? 'The request timed out or was aborted before the provider answered.'
        : 'The connection to the provider failed before it answered.',
  });
}
