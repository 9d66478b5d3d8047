import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { Catalog, CatalogInput, EndpointIdOf } from '../catalog/types.js';
import { readBody, readPath, readText } from './body.js';
import { build, blank, type Observed } from './build.js';
import { compileCatalog, compileMeaning, type CompiledCatalog, type CompiledPending, type Meaning } from './compile.js';
import { resolveEndpoint } from './endpoint.js';
import { readHeaders, type HeadersLike } from './headers.js';
import { parseRetryAfter } from './retry-after.js';
import { statusFallback } from './status-fallbacks.js';
import { arrayItems } from '../util/own.js';

function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * What `normalize` reads: a provider response as a gateway sees it, or a bare code.
 *
 * @public
 */
export interface NormalizeInput<P extends string = string, E extends string = string> {
  /** The catalog id of the provider that answered. */
  readonly provider: P;
  /** The request's HTTP method, in any case. */
  readonly method?: string | undefined;
  /** The request's URL, absolute or a path; the endpoint is inferred from it and `method`. */
  readonly url?: string | undefined;
  /** The catalog's endpoint id, when the caller knows it (it wins over `url`). */
  readonly endpoint?: E | (string & {}) | undefined;
  /** The observed HTTP status. */
  readonly status?: number | string | undefined;
  /** The response headers. */
  readonly headers?: HeadersLike | undefined;
  /** The response body: raw text, bytes or parsed JSON. */
  readonly body?: unknown;
  /** A bare provider code with no response at all (a webhook's or a status field's value). */
  readonly code?: string | number | undefined;
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
  /** The catalog id of the provider. */
  readonly provider: string;
  /** The step, as the catalog names it (e.g. `'mfa'`, `'two-factor'`). */
  readonly step: string;
  /** The code that announced the step. */
  readonly code: string;
  /** The observed HTTP status, if any. */
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
  /** Catalogs left out, and why (not a catalog, an id given twice; one that cannot be compiled, from its first use): empty when every catalog is in use. */
  readonly problems: readonly string[];
}

const MAX_CODE_CHARS = 128;
const MAX_PROVIDER_CHARS = 64;
const MAX_PARAM_CHARS = 256;
const MAX_CATALOGS = 1024;
const DEFAULT_ID_HEADERS = ['x-request-id'];

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

export function toStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.length === 3 ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

export function toCode(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An input as read: the fields of `NormalizeInput`, each of which may hold anything. */
export type RawInput = { readonly [K in keyof NormalizeInput]?: unknown };

/** Nested errors read from one body, and how deep causes of causes are followed. */
const MAX_CAUSES = 8;
const MAX_CAUSE_DEPTH = 2;

/** Reads the fields the catalog's body shape names, causes included (bounded in count and depth). */
export function observeBody(o: Observed, body: object, catalog: CompiledCatalog, depth: number): void {
  const paths = catalog.body;
  o.body = body;
  o.code = readText(body, paths.code);
  o.message = readText(body, paths.message);
  // Fields a catalog's body does not carry are not looked for: most carry two or three of these.
  if (paths.displayMessage.length > 0) o.displayMessage = readText(body, paths.displayMessage);
  if (paths.requestId.length > 0) o.requestId = readText(body, paths.requestId);
  if (paths.category.length > 0) o.category = readText(body, paths.category);
  if (paths.status.length > 0) o.status ??= toStatus(readText(body, paths.status));
  if (paths.documentationUrl.length > 0) o.documentationUrl = readText(body, paths.documentationUrl);
  if (paths.suggestedAction.length > 0) o.suggestedAction = readText(body, paths.suggestedAction);
  for (const [name, at] of paths.params) {
    const value = readText(body, at);
    if (value === undefined) continue;
    o.params ??= {};
    o.params[name] = value.length > MAX_PARAM_CHARS ? value.slice(0, MAX_PARAM_CHARS) : value;
  }
  if (paths.causes.length > 0) observeCauses(o, body, catalog, depth);
}

/** Nested errors the body reports (Plaid's causes), each classified by the same catalog; bounded in count and depth. */
export function observeCauses(o: Observed, body: object, catalog: CompiledCatalog, depth: number): void {
  if (depth < MAX_CAUSE_DEPTH) {
    for (const path of catalog.body.causes) {
      const list = readPath(body, path);
      if (!Array.isArray(list) || list.length === 0) continue;
      const causes: NormalizedError[] = [];
      const count = Math.min(list.length, MAX_CAUSES);
      for (let i = 0; i < count; i++) {
        const item: unknown = list[i];
        if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
        const inner = blank(catalog.id);
        inner.catalog = catalog;
        observeBody(inner, item, catalog, depth + 1);
        settleCode(inner, catalog);
        causes.push(classify(inner));
      }
      if (causes.length > 0) o.causes = causes;
      break;
    }
  }
}

/** Caps the observed code and replaces a documented alias (MX's numeric status id) with the code it stands for. */
export function settleCode(o: Observed, catalog: CompiledCatalog | undefined): void {
  const code = o.code;
  if (code === undefined) return;
  if (code.length > MAX_CODE_CHARS) o.code = code.slice(0, MAX_CODE_CHARS);
  else if (catalog !== undefined && !catalog.codes.has(code)) o.code = catalog.aliases.get(code) ?? code;
}

/** The generic reader: what an input says, read against its provider's catalog (`undefined` when none is loaded). */
function observe(input: RawInput, catalog: CompiledCatalog | undefined): Observed {
  const o = blank(catalog?.id ?? providerName(input.provider));
  o.catalog = catalog;
  const body = readBody(input.body);
  o.unreadable = body === 'unreadable';
  o.status = toStatus(input.status);
  if (typeof body === 'object') {
    if (catalog === undefined) o.body = body;
    else observeBody(o, body, catalog, 0);
  }
  if (o.code === undefined) o.code = toCode(input.code);
  settleCode(o, catalog);
  const named = input.endpoint;
  const url = input.url;
  o.requested = typeof named === 'string' || typeof url === 'string';
  if (catalog !== undefined) {
    const byId = typeof named === 'string' ? catalog.endpointsById.get(named) : undefined;
    if (byId !== undefined) {
      o.endpoint = byId;
      o.endpointId = byId.id;
    } else if (typeof url === 'string') {
      const located = resolveEndpoint(catalog.endpoints, input.method, url);
      if (located !== undefined) {
        o.endpoint = located.endpoint;
        o.endpointId = located.endpoint.id;
        // Path parameters are what was sent: they win over values read from the body.
        if (located.params !== undefined) o.params = o.params === undefined ? located.params : { ...o.params, ...located.params };
      }
    }
  }
  const headers = input.headers;
  if (typeof headers === 'object' && headers !== null) {
    const facts = readHeaders(headers, catalog?.requestIdHeaders ?? DEFAULT_ID_HEADERS);
    if (facts.retryAfter !== undefined) o.retryAfterMs = retryAfterMs(facts.retryAfter, facts.date);
    o.requestId ??= facts.requestId;
  }
  return o;
}

/** A `Retry-After` wait; a date is measured against the response's own `Date` header when it has one, not the local clock. */
export function retryAfterMs(value: string, date: string | undefined): number | undefined {
  const sent = date === undefined ? Number.NaN : Date.parse(date);
  return parseRetryAfter(value, Number.isFinite(sent) ? sent : Date.now());
}

function pendingOf(o: Observed): CompiledPending | undefined {
  const steps = o.code === undefined ? undefined : o.catalog?.pending.get(o.code);
  if (steps === undefined) return undefined;
  for (const step of steps) {
    if (step.status !== undefined && o.status !== undefined && step.status !== o.status) continue;
    if (step.when !== undefined && (o.body === undefined || readPath(o.body, step.when) == null)) continue;
    return step;
  }
  return undefined;
}

/** Whether an observed status is one the docs print for a meaning (no status observed, or none printed, counts as documented). */
function atDocumentedStatus(meaning: Meaning, status: number | undefined): boolean {
  return status === undefined || meaning.statuses === undefined || meaning.statuses.includes(status);
}

export function classify(o: Observed): NormalizedError {
  const { catalog, status, code, endpoint, category } = o;
  if (catalog !== undefined) {
    const step = pendingOf(o);
    if (step !== undefined) return build(step.meaning, o, true, step.step);
    if (code !== undefined) {
      if (endpoint !== undefined) {
        const rows = endpoint.byCode.get(code);
        const row = rows === undefined || status === undefined ? undefined : rows.byStatus.get(status);
        if (row !== undefined) return build(row, o, true);
        if (rows?.first !== undefined) return build(rows.first, o, false);
      } else if (status !== undefined && !o.requested) {
        // Only when the request is unknown: a URL that matched no endpoint names another one.
        const row = catalog.rowsAnywhere.get(code)?.get(status);
        if (row != null) return build(row, o, true);
      }
      if (category !== undefined) {
        const meaning = catalog.categoryCodes.get(category)?.get(code);
        if (meaning !== undefined) return build(meaning, o, atDocumentedStatus(meaning, status));
      }
      const meaning = catalog.codes.get(code);
      if (meaning !== undefined) return build(meaning, o, atDocumentedStatus(meaning, status));
    }
    if (category !== undefined) {
      const meaning = catalog.categories.get(category);
      if (meaning !== undefined) return build(meaning, o, true);
    }
    if (code !== undefined) {
      for (const [prefix, meaning] of catalog.codePrefixes) if (code.startsWith(prefix)) return build(meaning, o, true);
    }
    if (status !== undefined) {
      const row = endpoint?.byStatus.get(status);
      if (row !== undefined) return build(row, o, code === undefined);
      const meaning = catalog.statuses.get(status);
      if (meaning !== undefined) return build(meaning, o, true);
    }
  }
  if (status !== undefined) {
    const meaning = genericStatus(status);
    if (meaning !== undefined) return build(meaning, o, true);
  }
  return build(o.unreadable ? UNREADABLE : UNKNOWN, o, true);
}

/** The provider a result names when no catalog is loaded for it: what was sent, capped, or `'unknown'`. */
function providerName(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_PROVIDER_CHARS) : 'unknown';
}

function safeProvider(input: unknown): string {
  try {
    return providerName((input as RawInput).provider);
  } catch {
    return 'unknown';
  }
}

/**
 * Builds a normalizer over a set of validated catalogs; each catalog's lookup tables are built once, on its first use.
 *
 * @remarks
 * Never throws: a value that is not a catalog, or a second catalog with an id
 * already given, is left out and named in `problems`.
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
export function createNormalizer<const Cs extends readonly Catalog[]>(catalogs: Cs): Normalizer<Cs> {
  return normalizerOf(catalogs, undefined);
}

/** Reads one input of one catalog into what was observed (the generic reader, or one compiled for the catalog). */
export type Observer = (input: RawInput, catalog: CompiledCatalog) => Observed;

/** One catalog given to a normalizer: compiled on first use, with the reader of its inputs. */
interface Entry {
  readonly id: string;
  readonly input: CatalogInput;
  readonly index: number;
  table: CompiledCatalog | undefined;
  observe: Observer;
}

const uncompiled = (index: number): string => `catalogs[${index}] could not be compiled: check it with parseCatalog`;

/** Builds a normalizer; `specialize` may compile a faster observer per catalog (the Node entry does). */
export function normalizerOf<const Cs extends readonly Catalog[]>(
  catalogs: Cs,
  specialize: ((catalog: CompiledCatalog) => Observer | undefined) | undefined,
): Normalizer<Cs> {
  // Catalogs are compiled on first use, not here: a normalizer over every
  // shipped catalog costs only the catalogs it reads (Finicity's 1,760 rows
  // take milliseconds to index), and creating one costs a lookup per catalog.
  const entries = new Map<string, Entry>();
  const problems: string[] = [];
  const list = arrayItems(catalogs, MAX_CATALOGS);
  if (list.length === 0 && !isArray(catalogs)) problems.push('catalogs must be an array of catalogs');
  list.forEach((catalog, index) => {
    // A catalog that did not come from defineCatalog, parseCatalog or the shipped ones is left out, never thrown on.
    try {
      const id = (catalog as CatalogInput).id;
      if (typeof id !== 'string') problems.push(`catalogs[${index}] is not a catalog`);
      else if (entries.has(id)) problems.push(`catalogs[${index}] repeats the id "${id.slice(0, 64)}"; the first one is used`);
      else entries.set(id, { id, input: catalog as CatalogInput, index, table: undefined, observe });
    } catch {
      problems.push(uncompiled(index));
    }
  });

  /** The compiled catalog of a provider, compiled now if this is its first use; one that cannot be compiled is left out from then on. */
  function entryOf(provider: unknown): Entry | undefined {
    const entry = typeof provider === 'string' ? entries.get(provider) : undefined;
    if (entry === undefined || entry.table !== undefined) return entry;
    try {
      const table = compileCatalog(entry.input);
      entry.table = table;
      // The compiled reader, where the runtime allows it, is made once the table exists.
      if (specialize !== undefined) entry.observe = specialize(table) ?? observe;
      return entry;
    } catch {
      entries.delete(entry.id);
      problems.push(uncompiled(entry.index));
      return undefined;
    }
  }

  function normalize(input: NormalizeInputFor<Cs>): NormalizedError {
    try {
      if (typeof input !== 'object' || input === null) return build(UNKNOWN, blank('unknown'), true);
      const entry = entryOf((input as RawInput).provider);
      return classify(entry?.table === undefined ? observe(input, undefined) : entry.observe(input, entry.table));
    } catch {
      // A hostile input (a throwing getter, a revoked proxy) still gets a valid answer.
      return build(UNKNOWN, blank(safeProvider(input)), true);
    }
  }

  function pending(input: NormalizeInputFor<Cs>): PendingStep | undefined {
    try {
      if (typeof input !== 'object' || input === null) return undefined;
      const o = observe(input, entryOf((input as RawInput).provider)?.table);
      const step = pendingOf(o);
      return step === undefined || o.code === undefined ? undefined : { provider: o.provider, step: step.step, code: o.code, status: o.status };
    } catch {
      return undefined;
    }
  }

  return { normalize, pending, catalogs, problems };
}
