import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { CatalogInput, EndpointIdOf } from '../catalog/types.js';
import { readBody, readPath, readText } from './body.js';
import { compileCatalog, compileMeaning, type CompiledCatalog, type CompiledPending, type Meaning } from './compile.js';
import { resolveEndpoint } from './endpoint.js';
import { readHeaders, type HeadersLike } from './headers.js';
import { parseRetryAfter } from './retry-after.js';
import { statusFallback } from './status-fallbacks.js';
import { matchTemplate } from './template-match.js';

/**
 * What `normalize` reads: a provider response as a gateway sees it, or a bare code.
 *
 * @public
 */
export interface NormalizeInput<P extends string = string, E extends string = string> {
  /** The catalog id of the provider that answered. */
  readonly provider: P;
  /** The request's HTTP method, in any case. */
  readonly method?: string;
  /** The request's URL, absolute or a path; the endpoint is inferred from it and `method`. */
  readonly url?: string;
  /** The catalog's endpoint id, when the caller knows it (it wins over `url`). */
  readonly endpoint?: E | (string & {});
  /** The observed HTTP status. */
  readonly status?: number | string;
  /** The response headers. */
  readonly headers?: HeadersLike;
  /** The response body: raw text, bytes or parsed JSON. */
  readonly body?: unknown;
  /** A bare provider code with no response at all (a webhook's or a status field's value). */
  readonly code?: string | number;
}

/**
 * The input `normalize` accepts for a set of catalogs: provider ids and, per
 * provider, endpoint ids autocomplete; any other provider string is accepted
 * too (it comes from data), and classified by status alone.
 *
 * @public
 */
export type NormalizeInputFor<Cs extends readonly CatalogInput[]> =
  | (Cs[number] extends infer C ? (C extends CatalogInput ? NormalizeInput<C['id'], EndpointIdOf<C>> : never) : never)
  | NormalizeInput;

/**
 * A documented response that is a step, not a failure (an MFA question).
 *
 * @public
 */
export interface PendingStep {
  readonly provider: string;
  /** The step, as the catalog names it (e.g. `'mfa'`, `'two-factor'`). */
  readonly step: string;
  readonly code: string;
  readonly status: number | undefined;
}

/**
 * Classifies provider errors against a set of catalogs.
 *
 * @public
 */
export interface Normalizer<Cs extends readonly CatalogInput[] = readonly CatalogInput[]> {
  /** Classifies any input; never throws. */
  normalize(input: NormalizeInputFor<Cs>): NormalizedError;
  /** The pending step a response announces, or `undefined` when it is not one. */
  pending(input: NormalizeInputFor<Cs>): PendingStep | undefined;
  /** The catalogs it was created with. */
  readonly catalogs: Cs;
}

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const MAX_CODE_CHARS = 128;
const MAX_PROVIDER_CHARS = 64;

const UNKNOWN = compileMeaning({ kind: 'unknown' }, 'none', 'none', undefined);
const UNREADABLE = compileMeaning({ kind: 'provider-unavailable', detail: 'unreadable-body' }, 'none', 'none', undefined);
const FALLBACK_CACHE = new Map<number, Meaning | null>();

function genericStatus(status: number): Meaning | undefined {
  let meaning = FALLBACK_CACHE.get(status);
  if (meaning === undefined) {
    const fallback = statusFallback(status);
    meaning = fallback === undefined ? null : compileMeaning(fallback, 'status', 'status', undefined);
    FALLBACK_CACHE.set(status, meaning);
  }
  return meaning ?? undefined;
}

function toStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function toCode(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_CODE_CHARS) : undefined;
}

function field(input: object, key: string): unknown {
  return (input as Record<string, unknown>)[key];
}

interface Observed {
  provider: string;
  status: number | undefined;
  code: string | undefined;
  message: string | undefined;
  displayMessage: string | undefined;
  endpoint: string | undefined;
  params: Record<string, string> | undefined;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
}

function build(meaning: Meaning, o: Observed, documented: boolean, pendingStep?: string): NormalizedError {
  let params = o.params;
  if (meaning.template !== undefined && o.message !== undefined) {
    const read = matchTemplate(meaning.template, o.message);
    // Path parameters are what was sent; they win over text read back from a message.
    if (read !== undefined) params = params === undefined ? read : { ...read, ...params };
  }
  const retry =
    o.retryAfterMs === undefined
      ? meaning.retry
      : { ...meaning.retry, afterMs: o.retryAfterMs, afterSource: 'retry-after' as const };
  const error: Record<string, unknown> = {
    kind: meaning.kind,
    provider: o.provider,
    status: o.status,
    code: o.code,
    message: o.message ?? meaning.message ?? '',
    displayMessage: o.displayMessage,
    endpoint: o.endpoint,
    params: params ?? EMPTY_PARAMS,
    requestId: o.requestId,
    retry,
    userAction: meaning.userAction,
    owner: meaning.owner,
    severity: meaning.severity,
    match: documented ? meaning.exact : meaning.drift,
  };
  if (meaning.detailField !== undefined) error[meaning.detailField] = meaning.detail;
  else if (meaning.kind === 'unknown') error['pending'] = pendingStep;
  return error as unknown as NormalizedError;
}

function pendingOf(catalog: CompiledCatalog, code: string | undefined, status: number | undefined, body: object | undefined): CompiledPending | undefined {
  if (code === undefined) return undefined;
  const steps = catalog.pending.get(code);
  if (steps === undefined) return undefined;
  for (const step of steps) {
    if (step.status !== undefined && status !== undefined && step.status !== status) continue;
    if (step.when !== undefined && (body === undefined || readPath(body, step.when) == null)) continue;
    return step;
  }
  return undefined;
}

/**
 * Builds a normalizer over a set of validated catalogs; all lookup tables are built here, once.
 *
 * @example
 * ```ts
 * import { createNormalizer } from 'aggregator-errors';
 * import { aerosync } from 'aggregator-errors/catalogs/aerosync';
 *
 * const { normalize } = createNormalizer([aerosync]);
 * const error = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-42/balance', status: 400, body });
 * if (error.kind === 'reconnect-required') askUserToReconnect();
 * ```
 *
 * @public
 */
export function createNormalizer<const Cs extends readonly CatalogInput[]>(catalogs: Cs): Normalizer<Cs> {
  const compiled = new Map<string, CompiledCatalog>();
  for (const catalog of catalogs) {
    if (compiled.has(catalog.id)) throw new TypeError(`aggregator-errors: two catalogs share the id "${catalog.id}"`);
    compiled.set(catalog.id, compileCatalog(catalog));
  }

  function observe(input: object): { o: Observed; catalog: CompiledCatalog | undefined; body: ReturnType<typeof readBody>; category: string | undefined; requested: boolean } {
    const providerValue = field(input, 'provider');
    const catalog = typeof providerValue === 'string' ? compiled.get(providerValue) : undefined;
    const body = readBody(field(input, 'body'));
    const value = body.state === 'object' ? body.value : undefined;
    let status = toStatus(field(input, 'status'));
    let code: string | undefined;
    let message: string | undefined;
    let displayMessage: string | undefined;
    let requestId: string | undefined;
    let category: string | undefined;
    if (catalog !== undefined && value !== undefined) {
      const paths = catalog.body;
      code = readText(value, paths.code);
      message = readText(value, paths.message);
      displayMessage = readText(value, paths.displayMessage);
      requestId = readText(value, paths.requestId);
      category = readText(value, paths.category);
      status ??= toStatus(readText(value, paths.status));
    }
    code = code === undefined ? toCode(field(input, 'code')) : code.slice(0, MAX_CODE_CHARS);
    let endpoint: string | undefined;
    let params: Record<string, string> | undefined;
    const named = field(input, 'endpoint');
    const url = field(input, 'url');
    const requested = typeof named === 'string' || typeof url === 'string';
    if (catalog !== undefined) {
      if (typeof named === 'string' && catalog.endpointsById.has(named)) endpoint = named;
      else if (typeof url === 'string') {
        const resolved = resolveEndpoint(catalog, field(input, 'method'), url);
        if (resolved !== undefined) {
          endpoint = resolved.endpoint.id;
          params = resolved.params;
        }
      }
    }
    const headers = field(input, 'headers');
    let retryAfterMs: number | undefined;
    if (headers !== undefined && headers !== null) {
      const facts = readHeaders(headers, catalog?.requestIdHeaders ?? ['x-request-id']);
      retryAfterMs = facts.retryAfter === undefined ? undefined : parseRetryAfter(facts.retryAfter);
      requestId ??= facts.requestId;
    }
    const provider =
      catalog?.id ?? (typeof providerValue === 'string' && providerValue !== '' ? providerValue.slice(0, MAX_PROVIDER_CHARS) : 'unknown');
    return {
      o: { provider, status, code, message, displayMessage, endpoint, params, requestId, retryAfterMs },
      catalog,
      body,
      category,
      requested,
    };
  }

  function classify(input: object): NormalizedError {
    const { o, catalog, body, category, requested } = observe(input);
    const { status, code } = o;
    if (catalog !== undefined) {
      const step = pendingOf(catalog, code, status, body.state === 'object' ? body.value : undefined);
      if (step !== undefined) return build(step.meaning, o, true, step.step);
      const endpoint = o.endpoint === undefined ? undefined : catalog.endpointsById.get(o.endpoint);
      if (code !== undefined) {
        if (endpoint !== undefined) {
          const rows = endpoint.byCode.get(code);
          const row = rows === undefined || status === undefined ? undefined : rows.byStatus.get(status);
          if (row !== undefined) return build(row, o, true);
          if (rows?.first !== undefined) return build(rows.first, o, false);
        } else if (status !== undefined && !requested) {
          // Only when the request is unknown: a URL that matched no endpoint names another one.
          const row = catalog.rowsAnywhere.get(code)?.get(status);
          if (row != null) return build(row, o, true);
        }
        const meaning = catalog.codes.get(code);
        if (meaning !== undefined) {
          const documented = status === undefined || meaning.statuses === undefined || meaning.statuses.includes(status);
          return build(meaning, o, documented);
        }
      }
      if (category !== undefined) {
        const meaning = catalog.categories.get(category);
        if (meaning !== undefined) return build(meaning, o, true);
      }
      if (status !== undefined) {
        const meaning = endpoint?.byStatus.get(status) ?? catalog.statuses.get(status);
        if (meaning !== undefined) return build(meaning, o, true);
      }
    }
    if (status !== undefined) {
      const meaning = genericStatus(status);
      if (meaning !== undefined) return build(meaning, o, true);
    }
    return build(body.state === 'unreadable' ? UNREADABLE : UNKNOWN, o, true);
  }

  function normalize(input: NormalizeInputFor<Cs>): NormalizedError {
    try {
      if (typeof input !== 'object' || input === null) return build(UNKNOWN, blank('unknown'), true);
      return classify(input);
    } catch {
      // A hostile input (a throwing getter, a revoked proxy) still gets a valid answer.
      return build(UNKNOWN, blank(safeProvider(input)), true);
    }
  }

  function pending(input: NormalizeInputFor<Cs>): PendingStep | undefined {
    try {
      if (typeof input !== 'object' || input === null) return undefined;
      const { o, catalog, body } = observe(input);
      if (catalog === undefined || o.code === undefined) return undefined;
      const step = pendingOf(catalog, o.code, o.status, body.state === 'object' ? body.value : undefined);
      return step === undefined ? undefined : { provider: catalog.id, step: step.step, code: o.code, status: o.status };
    } catch {
      return undefined;
    }
  }

  return { normalize, pending, catalogs };
}

function blank(provider: string): Observed {
  return {
    provider,
    status: undefined,
    code: undefined,
    message: undefined,
    displayMessage: undefined,
    endpoint: undefined,
    params: undefined,
    requestId: undefined,
    retryAfterMs: undefined,
  };
}

function safeProvider(input: unknown): string {
  try {
    const value = (input as { provider?: unknown }).provider;
    return typeof value === 'string' && value !== '' ? value.slice(0, MAX_PROVIDER_CHARS) : 'unknown';
  } catch {
    return 'unknown';
  }
}

