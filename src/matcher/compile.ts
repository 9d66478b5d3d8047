import { KIND_DEFAULTS } from '../taxonomy/defaults.js';
import { KIND_DETAILS } from '../taxonomy/details.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { MatchInfo, MatchStep, RetryHint } from '../taxonomy/normalized-error.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';
import type { ParsedTemplate } from '../catalog/template.js';
import type { CatalogInput, CodeInput, HintsInput, MeaningInput, RowInput } from '../catalog/types.js';

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
}

export interface CompiledCatalog {
  readonly id: string;
  readonly prefixes: readonly string[];
  readonly body: BodyPaths;
  readonly requestIdHeaders: readonly string[];
  /** Endpoints by method, then by segment count, most specific first. */
  readonly endpoints: ReadonlyMap<string, ReadonlyMap<number, readonly CompiledEndpoint[]>>;
  readonly endpointsById: ReadonlyMap<string, CompiledEndpoint>;
  readonly codes: ReadonlyMap<string, Meaning>;
  readonly categories: ReadonlyMap<string, Meaning>;
  readonly statuses: ReadonlyMap<number, Meaning>;
  /** Rows by code then status across all endpoints; `null` where endpoints disagree on the kind. */
  readonly rowsAnywhere: ReadonlyMap<string, ReadonlyMap<number, Meaning | null>>;
  readonly pending: ReadonlyMap<string, readonly CompiledPending[]>;
}

const DETAILS: Readonly<Record<string, { readonly field: string; readonly fallback: string } | undefined>> = KIND_DETAILS;

interface MeaningSource {
  readonly kind: Kind;
  readonly detail?: string | undefined;
  readonly message?: string | undefined;
  readonly description?: string | undefined;
  readonly note?: string | undefined;
  readonly source?: string | undefined;
  readonly hints?: HintsInput | undefined;
}

function matchInfo(by: MatchStep, documentedStatus: number | undefined, from: MeaningSource): MatchInfo {
  return Object.freeze({ by, documentedStatus, description: from.description, note: from.note, source: from.source });
}

// Catalogs are validated before they get here (defineCatalog, parseCatalog, the
// build), so compiling parses without re-checking, and ships no error messages.
function splitTemplate(message: string): ParsedTemplate | undefined {
  const pieces = message.split(/\{([A-Za-z_]\w*)\}/);
  if (pieces.length === 1) return undefined;
  return { literals: pieces.filter((_, i) => i % 2 === 0), names: pieces.filter((_, i) => i % 2 === 1) };
}

/** Applies the kind's defaults, then the entry's hints; everything here is computed once. */
export function compileMeaning(from: MeaningSource, exactStep: MatchStep, driftStep: MatchStep, driftStatus: number | undefined, statuses?: readonly number[]): Meaning {
  const defaults = KIND_DEFAULTS[from.kind];
  const hints = from.hints ?? {};
  const spec = DETAILS[from.kind];
  const detail = spec === undefined ? undefined : (from.detail ?? spec.fallback);
  const template = from.message === undefined ? undefined : splitTemplate(from.message);
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
    template,
    exact: matchInfo(exactStep, undefined, from),
    drift: matchInfo(driftStep, driftStatus, from),
    statuses,
  });
}

/** A row takes its code's provider-wide meaning, and overrides what it documents itself. */
function rowSource(row: RowInput, code: CodeInput | undefined, endpointSource: string): MeaningSource {
  const kind = row.kind ?? code?.kind ?? 'unknown';
  const same = code !== undefined && code.kind === kind ? code : undefined;
  return {
    kind,
    detail: row.detail ?? same?.detail,
    message: row.message ?? same?.message,
    description: row.description ?? same?.description,
    note: row.note,
    source: row.source ?? endpointSource,
    hints: { ...same?.hints, ...row.hints },
  };
}

function splitPaths(paths: readonly string[] | undefined): readonly (readonly string[])[] {
  return (paths ?? []).map((path) => path.split('.'));
}

function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  return slash < 0 ? '' : url.slice(slash).replace(/\/+$/, '');
}

function compileEndpoint(id: string, rows: readonly RowInput[], source: string, codes: Readonly<Record<string, CodeInput>>): CompiledEndpoint {
  const byCode = new Map<string, { first: Meaning | undefined; byStatus: Map<number, Meaning> }>();
  const byStatus = new Map<number, Meaning>();
  for (const row of rows) {
    const code = row.code === undefined ? undefined : Object.hasOwn(codes, row.code) ? codes[row.code] : undefined;
    if (row.code === undefined) {
      // With an undocumented code present, a status-only row answers for the status, not as a documented row.
      if (!byStatus.has(row.status)) byStatus.set(row.status, compileMeaning(rowSource(row, code, source), 'row', 'status', undefined));
      continue;
    }
    const meaning = compileMeaning(rowSource(row, code, source), 'row', 'endpoint-code', row.status);
    // A row that overrides its code's provider-wide meaning holds for its own
    // status only: at another status the code keeps its provider-wide meaning.
    const overrides = code !== undefined && row.kind !== undefined && row.kind !== code.kind;
    const entry = byCode.get(row.code) ?? { first: undefined, byStatus: new Map<number, Meaning>() };
    if (!entry.byStatus.has(row.status)) entry.byStatus.set(row.status, meaning);
    if (entry.first === undefined && !overrides) entry.first = meaning;
    byCode.set(row.code, entry);
  }
  const space = id.indexOf(' ');
  const [path = '', query = ''] = id.slice(space + 1).split('?');
  const segments = path.split('/').filter((segment) => segment !== '');
  return {
    id,
    literals: segments.map((segment) => (segment.startsWith('{') ? undefined : segment)),
    params: segments.flatMap((segment, i): [number, string][] => (segment.startsWith('{') ? [[i, segment.slice(1, -1)]] : [])),
    query: query === '' ? [] : query.split('&'),
    byCode,
    byStatus,
  };
}

function specificity(endpoint: CompiledEndpoint): number {
  return endpoint.literals.filter((literal) => literal !== undefined).length * 16 + endpoint.query.length;
}

function meaningsOf(entries: Readonly<Record<string, MeaningInput>> | undefined, step: MatchStep): Map<string, Meaning> {
  const out = new Map<string, Meaning>();
  for (const [key, entry] of Object.entries(entries ?? {})) out.set(key, compileMeaning(entry, step, step, undefined));
  return out;
}

/** Turns a validated catalog into lookup tables, so `normalize` only reads maps. */
export function compileCatalog(catalog: CatalogInput): CompiledCatalog {
  const codeInputs = catalog.codes ?? {};
  const codes = new Map<string, Meaning>();
  for (const [key, entry] of Object.entries(codeInputs)) {
    codes.set(key, compileMeaning(entry, 'code', 'code', entry.statuses?.[0], entry.statuses));
  }
  const endpoints = new Map<string, Map<number, CompiledEndpoint[]>>();
  const endpointsById = new Map<string, CompiledEndpoint>();
  const rowsAnywhere = new Map<string, Map<number, Meaning | null>>();
  for (const [id, input] of Object.entries(catalog.endpoints ?? {})) {
    const endpoint = compileEndpoint(id, input.rows, input.source, codeInputs);
    endpointsById.set(id, endpoint);
    const method = id.slice(0, id.indexOf(' '));
    const bySize = endpoints.get(method) ?? new Map<number, CompiledEndpoint[]>();
    endpoints.set(method, bySize);
    const size = endpoint.literals.length;
    bySize.set(size, [...(bySize.get(size) ?? []), endpoint].sort((a, b) => specificity(b) - specificity(a)));
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
  for (const [status, meaning] of meaningsOf(catalog.statuses, 'status')) statuses.set(Number(status), meaning);
  const pending = new Map<string, CompiledPending[]>();
  for (const step of catalog.pending ?? []) {
    const meaning = compileMeaning(
      { kind: 'unknown', description: step.description, source: step.source, hints: { userAction: 'none', owner: 'end-user', severity: 'info' } },
      'pending',
      'pending',
      undefined,
    );
    pending.set(step.code, [...(pending.get(step.code) ?? []), { step: step.step, status: step.status, when: step.when?.split('.'), meaning }]);
  }
  const prefixes = new Set<string>();
  if (catalog.pathPrefix !== undefined) prefixes.add(catalog.pathPrefix);
  for (const url of Object.values(catalog.baseUrls ?? {})) {
    const path = pathOf(url);
    if (path !== '') prefixes.add(path);
  }
  const body = catalog.body ?? {};
  return {
    id: catalog.id,
    prefixes: [...prefixes].sort((a, b) => b.length - a.length),
    body: {
      code: splitPaths(body.code),
      message: splitPaths(body.message),
      displayMessage: splitPaths(body.displayMessage),
      requestId: splitPaths(body.requestId),
      category: splitPaths(body.category),
      status: splitPaths(body.status),
    },
    requestIdHeaders: catalog.requestIdHeaders ?? ['x-request-id'],
    endpoints,
    endpointsById,
    codes,
    categories: meaningsOf(catalog.categories, 'category'),
    statuses,
    rowsAnywhere,
    pending,
  };
}
