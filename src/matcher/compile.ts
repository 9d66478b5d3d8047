import { KIND_DEFAULTS } from '../taxonomy/defaults.js';
import type { DetailedKind, KIND_DETAILS } from '../taxonomy/details.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { MatchInfo, MatchStep, RetryHint } from '../taxonomy/normalized-error.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';
import { splitEndpointId } from '../catalog/endpoint-id.js';
import { splitTemplate, type ParsedTemplate } from '../catalog/message-template.js';
import { inherit, overridesCode, resolveMeaning, resolveRow, sourceUrl, type ResolvedMeaning } from '../catalog/resolve.js';
import type { CatalogInput, EndpointInput, MeaningInput, RowInput } from '../catalog/types.js';
import { pathOfUrl } from '../catalog/base-url.js';
import { indexEndpoints, type EndpointTable } from './endpoint.js';

/** A documented meaning with every default applied: what a lookup hands back. */
export interface Meaning {
  readonly kind: Kind;
  /** The name of the kind's detail field (`reason`, `scope`), if it has one. */
  readonly detailField: string | undefined;
  readonly detail: string | undefined;
  readonly userAction: UserAction;
  readonly owner: Owner;
  readonly severity: Severity;
  readonly retry: RetryHint;
  readonly message: string | undefined;
  readonly template: ParsedTemplate | undefined;
  /** The match when the observed status is the documented one, and when it is not. */
  readonly exact: MatchInfo;
  readonly drift: MatchInfo;
  readonly statuses: readonly number[] | undefined;
}

export interface CompiledEndpoint {
  readonly id: string;
  /** How specific it is (literal segments, then query pairs) and its place in the catalog: who wins where two match. */
  readonly rank: number;
  readonly order: number;
  /** Per path segment: the literal it must equal, or `undefined` for a parameter. */
  readonly literals: readonly (string | undefined)[];
  /** Parameter positions and names. */
  readonly params: readonly (readonly [number, string])[];
  /** `key=value` pairs the query must carry. */
  readonly query: readonly string[];
  /** Rows by code: `first` answers the code at an undocumented status, unless every row overrides the code's meaning. */
  readonly byCode: ReadonlyMap<string, { readonly first: Meaning | undefined; readonly byStatus: ReadonlyMap<number, Meaning> }>;
  readonly byStatus: ReadonlyMap<number, Meaning>;
}

export interface CompiledPending {
  readonly step: string;
  readonly status: number | undefined;
  readonly when: readonly string[] | undefined;
  /** Not a failure: `unknown` with no action, counted only, and the step's own documentation. */
  readonly meaning: Meaning;
}

export interface BodyPaths {
  readonly code: readonly (readonly string[])[];
  readonly message: readonly (readonly string[])[];
  readonly displayMessage: readonly (readonly string[])[];
  readonly requestId: readonly (readonly string[])[];
  readonly category: readonly (readonly string[])[];
  readonly status: readonly (readonly string[])[];
  readonly documentationUrl: readonly (readonly string[])[];
  readonly suggestedAction: readonly (readonly string[])[];
  readonly causes: readonly (readonly string[])[];
  readonly params: readonly (readonly [string, readonly (readonly string[])[]])[];
}

export interface CompiledCatalog {
  readonly id: string;
  readonly body: BodyPaths;
  readonly requestIdHeaders: readonly string[];
  /** Endpoints indexed for inference from a method and URL. */
  readonly endpoints: EndpointTable;
  readonly endpointsById: ReadonlyMap<string, CompiledEndpoint>;
  readonly codes: ReadonlyMap<string, Meaning>;
  /** Other spellings of codes (numeric ids), to the code they stand for. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The meaning of a code within a category, by category then code. */
  readonly categoryCodes: ReadonlyMap<string, ReadonlyMap<string, Meaning>>;
  readonly categories: ReadonlyMap<string, Meaning>;
  /** Documented code prefixes, longest first. */
  readonly codePrefixes: readonly (readonly [string, Meaning])[];
  readonly statuses: ReadonlyMap<number, Meaning>;
  /** Rows by code then status across all endpoints; `null` where endpoints disagree on the kind. */
  readonly rowsAnywhere: ReadonlyMap<string, ReadonlyMap<number, Meaning | null>>;
  readonly pending: ReadonlyMap<string, readonly CompiledPending[]>;
}

/**
 * Each detailed kind's field and fallback, as KIND_DETAILS has them: its type
 * takes them from KIND_DETAILS, so the two cannot differ, and the matcher's
 * bundle carries no list of detail values (only the catalog checker needs those).
 */
const DETAIL_SPECS: { readonly [K in DetailedKind]: Omit<(typeof KIND_DETAILS)[K], 'values'> } = {
  'reconnect-required': { field: 'reason', fallback: 'connection' },
  'rate-limited': { field: 'scope', fallback: 'client' },
  'fi-unavailable': { field: 'reason', fallback: 'unknown' },
  'provider-unavailable': { field: 'reason', fallback: 'server-error' },
};
const DETAILS: Readonly<Record<string, { readonly field: string; readonly fallback: string } | undefined>> = DETAIL_SPECS;

/** What a meaning is compiled from: a resolved catalog entry, or a built-in meaning (a status fallback, a network failure). */
export type MeaningSource = Pick<ResolvedMeaning, 'kind'> & Partial<ResolvedMeaning>;

function matchInfo(by: MatchStep, documentedStatus: number | undefined, from: MeaningSource): MatchInfo {
  return Object.freeze({ by, documentedStatus, description: from.description, note: from.note, source: from.source, legacy: from.legacy === true });
}

/** Applies the kind's defaults, then the entry's hints; everything here is computed once. */
export function compileMeaning(
  from: MeaningSource,
  exactStep: MatchStep,
  driftStep: MatchStep,
  driftStatus: number | undefined,
  statuses?: readonly number[],
): Meaning {
  const defaults = KIND_DEFAULTS[from.kind];
  const hints = from.hints ?? {};
  const spec = DETAILS[from.kind];
  const detail = spec === undefined ? undefined : (from.detail ?? spec.fallback);
  return Object.freeze({
    kind: from.kind,
    detailField: spec?.field,
    detail,
    userAction: hints.userAction ?? defaults.userAction,
    owner: hints.owner ?? defaults.owner,
    severity: hints.severity ?? defaults.severity,
    retry: Object.freeze({
      retryable: hints.retryable ?? defaults.retryable,
      afterMs: hints.afterMs,
      afterSource: hints.afterMs === undefined ? undefined : ('catalog' as const),
      waitForJob: from.kind === 'conflict',
      mayHaveSucceeded: detail === 'timeout',
    }),
    message: from.message,
    template: from.message === undefined ? undefined : splitTemplate(from.message),
    exact: matchInfo(exactStep, undefined, from),
    drift: matchInfo(driftStep, driftStatus, from),
    statuses,
  });
}

/** Keys of a row that only a row has; a row with no other key means what its code means. */
const ROW_ONLY: ReadonlySet<string> = new Set(['status', 'code', 'printed']);

/** Meanings of rows that add nothing to their code, by endpoint source, code and status: compiled once per catalog. */
type SharedMeanings = Map<string, Map<string, Map<number, Meaning>>>;

/** The shared meanings of a plain row's code (by status), or `undefined` when the row documents more than its code. */
function sharedSlot(shared: SharedMeanings, source: string, row: RowInput & { readonly code: string }): Map<number, Meaning> | undefined {
  for (const key of Object.keys(row)) if (!ROW_ONLY.has(key)) return undefined;
  // Nested maps of the catalog's own strings: a key joined per row would be hashed anew every time.
  let byCode = shared.get(source);
  if (byCode === undefined) {
    byCode = new Map();
    shared.set(source, byCode);
  }
  let byStatus = byCode.get(row.code);
  if (byStatus === undefined) {
    byStatus = new Map();
    byCode.set(row.code, byStatus);
  }
  return byStatus;
}

function compileEndpoint(catalog: CatalogInput, id: string, input: EndpointInput, order: number, shared: SharedMeanings): CompiledEndpoint {
  const byCode = new Map<string, { first: Meaning | undefined; byStatus: Map<number, Meaning> }>();
  const byStatus = new Map<number, Meaning>();
  for (const row of input.rows) {
    if (row.code === undefined) {
      // With an undocumented code present, a status-only row answers for the status, not as a documented row.
      if (!byStatus.has(row.status)) byStatus.set(row.status, compileMeaning(resolveRow(catalog, input.source, row), 'row', 'status', undefined));
      continue;
    }
    // Rows that add nothing to their code (Mastercard's spec repeats one per endpoint) share one compiled meaning.
    const slot = sharedSlot(shared, input.source, row as RowInput & { readonly code: string });
    let meaning = slot?.get(row.status);
    if (meaning === undefined) {
      meaning = compileMeaning(resolveRow(catalog, input.source, row), 'row', 'endpoint-code', row.status);
      slot?.set(row.status, meaning);
    }
    const entry = byCode.get(row.code) ?? { first: undefined, byStatus: new Map<number, Meaning>() };
    if (!entry.byStatus.has(row.status)) entry.byStatus.set(row.status, meaning);
    // A row that overrides its code's provider-wide meaning holds for its own
    // status only: at another status the code keeps its provider-wide meaning.
    if (entry.first === undefined && !overridesCode(catalog, row)) entry.first = meaning;
    byCode.set(row.code, entry);
  }
  const { literals, params, query } = splitEndpointId(id);
  const rank = literals.filter((literal) => literal !== undefined).length * 16 + query.length;
  return { id, rank, order, literals, params, query, byCode, byStatus };
}

function meaningsOf(catalog: CatalogInput, entries: Readonly<Record<string, MeaningInput>> | undefined, step: MatchStep): Map<string, Meaning> {
  const out = new Map<string, Meaning>();
  for (const [key, entry] of Object.entries(entries ?? {})) out.set(key, compileMeaning(resolveMeaning(catalog, entry), step, step, undefined));
  return out;
}

function splitPaths(paths: readonly string[] | undefined): readonly (readonly string[])[] {
  return (paths ?? []).map((path) => path.split('.'));
}

function compileCodes(catalog: CatalogInput): { codes: Map<string, Meaning>; aliases: Map<string, string>; categoryCodes: Map<string, Map<string, Meaning>> } {
  const codes = new Map<string, Meaning>();
  const aliases = new Map<string, string>();
  const categoryCodes = new Map<string, Map<string, Meaning>>();
  const inCategory = (category: string): Map<string, Meaning> => {
    const map = categoryCodes.get(category) ?? new Map<string, Meaning>();
    categoryCodes.set(category, map);
    return map;
  };
  for (const [name, entry] of Object.entries(catalog.codes ?? {})) {
    const resolved = resolveMeaning(catalog, entry);
    codes.set(name, compileMeaning(resolved, 'code', 'code', entry.statuses?.[0], entry.statuses));
    for (const alias of entry.aliases ?? []) aliases.set(alias, name);
    if (entry.byCategory === undefined) continue;
    // The category tells meanings apart only where the code is reused under several.
    if (entry.category !== undefined) {
      inCategory(entry.category).set(name, compileMeaning(resolved, 'category-code', 'category-code', entry.statuses?.[0], entry.statuses));
    }
    for (const [category, other] of Object.entries(entry.byCategory)) {
      const statuses = other.statuses ?? entry.statuses;
      inCategory(category).set(
        name,
        compileMeaning(inherit(catalog, resolved, other, resolved.source), 'category-code', 'category-code', statuses?.[0], statuses),
      );
    }
  }
  return { codes, aliases, categoryCodes };
}

/** Turns a validated catalog into lookup tables, so `normalize` only reads maps. */
export function compileCatalog(catalog: CatalogInput): CompiledCatalog {
  const endpointsById = new Map<string, CompiledEndpoint>();
  const rowsAnywhere = new Map<string, Map<number, Meaning | null>>();
  let order = 0;
  const shared: SharedMeanings = new Map();
  for (const [id, input] of Object.entries(catalog.endpoints ?? {})) {
    const endpoint = compileEndpoint(catalog, id, input, order++, shared);
    endpointsById.set(id, endpoint);
    for (const [code, { byStatus }] of endpoint.byCode) {
      const statuses = rowsAnywhere.get(code) ?? new Map<number, Meaning | null>();
      rowsAnywhere.set(code, statuses);
      for (const [status, meaning] of byStatus) {
        const seen = statuses.get(status);
        statuses.set(status, seen === undefined ? meaning : seen !== null && seen.kind === meaning.kind && seen.detail === meaning.detail ? seen : null);
      }
    }
  }
  const statuses = new Map<number, Meaning>();
  for (const [status, meaning] of meaningsOf(catalog, catalog.statuses, 'status')) statuses.set(Number(status), meaning);
  const pending = new Map<string, CompiledPending[]>();
  const codes = compileCodes(catalog);
  for (const step of catalog.pending ?? []) {
    const meaning = compileMeaning(
      {
        kind: 'unknown',
        description: step.description,
        source: sourceUrl(catalog, step.source),
        hints: { userAction: 'none', owner: 'end-user', severity: 'info' },
      },
      'pending',
      'pending',
      undefined,
    );
    pending.set(step.code, [...(pending.get(step.code) ?? []), { step: step.step, status: step.status, when: step.when?.split('.'), meaning }]);
    // A pending step's spelling (MX's numeric status id) wins over a code's.
    for (const alias of step.aliases ?? []) codes.aliases.set(alias, step.code);
  }
  const prefixes = new Set<string>();
  if (catalog.pathPrefix !== undefined) prefixes.add(catalog.pathPrefix);
  for (const url of Object.values(catalog.baseUrls ?? {})) {
    const path = pathOfUrl(url);
    if (path !== '') prefixes.add(path);
  }
  const body = catalog.body ?? {};
  return {
    id: catalog.id,
    body: {
      code: splitPaths(body.code),
      message: splitPaths(body.message),
      displayMessage: splitPaths(body.displayMessage),
      requestId: splitPaths(body.requestId),
      category: splitPaths(body.category),
      status: splitPaths(body.status),
      documentationUrl: splitPaths(body.documentationUrl),
      suggestedAction: splitPaths(body.suggestedAction),
      causes: splitPaths(body.causes),
      params: Object.entries(body.params ?? {}).map(([name, paths]) => [name, splitPaths(paths)] as const),
    },
    requestIdHeaders: catalog.requestIdHeaders ?? ['x-request-id'],
    endpoints: indexEndpoints([...endpointsById.values()], [...prefixes]),
    endpointsById,
    ...codes,
    categories: meaningsOf(catalog, catalog.categories, 'category'),
    codePrefixes: [...meaningsOf(catalog, catalog.prefixes, 'category')].sort((a, b) => b[0].length - a[0].length),
    statuses,
    rowsAnywhere,
    pending,
  };
}
