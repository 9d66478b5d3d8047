/**
 * The one home of the catalog's inheritance rules: what an endpoint row or a
 * code under another category means, given the code's own meaning. The matcher
 * compiles from these, and the CLI, the simulator and the fixtures read them,
 * so that what a tool shows is what `normalize` answers.
 */
import type { Kind } from '../taxonomy/kinds.js';
import { own, ownEntry } from '../util/own.js';
import type { CatalogInput, CategoryCodeInput, CodeInput, HintsInput, MeaningInput, RowInput } from './types.js';

/** A meaning with inheritance applied and its source resolved to a URL. */
export interface ResolvedMeaning {
  readonly kind: Kind;
  readonly detail: string | undefined;
  readonly message: string | undefined;
  readonly description: string | undefined;
  readonly note: string | undefined;
  readonly source: string | undefined;
  readonly thirdParty: string | undefined;
  readonly hints: HintsInput | undefined;
  readonly legacy: boolean;
}

/** The URL a source names: a key of the catalog's `sources`, or the URL itself. */
export function sourceUrl(catalog: Pick<CatalogInput, 'sources'>, ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const url = own(catalog.sources, ref);
  return typeof url === 'string' ? url : ref;
}

/** An entry's own meaning, its source resolved. */
export function resolveMeaning(catalog: Pick<CatalogInput, 'sources'>, entry: MeaningInput & { readonly legacy?: boolean }): ResolvedMeaning {
  return {
    kind: entry.kind,
    detail: entry.detail,
    message: entry.message,
    description: entry.description,
    note: entry.note,
    source: sourceUrl(catalog, entry.source),
    thirdParty: entry.thirdParty,
    hints: entry.hints,
    legacy: entry.legacy === true,
  };
}

/**
 * The inheritance rule: an entry takes its code's meaning and overrides what it
 * documents itself. An entry of another kind than its code's takes nothing of
 * the code's but its legacy mark (a detail, a message or hints of one kind say
 * nothing about another). A note is the entry's own; the source falls back to
 * `fallbackSource` (the endpoint's documentation for a row).
 */
export function inherit(
  catalog: Pick<CatalogInput, 'sources'>,
  code: ResolvedMeaning | undefined,
  entry: Partial<MeaningInput>,
  fallbackSource: string | undefined,
): ResolvedMeaning {
  const kind = entry.kind ?? code?.kind ?? 'unknown';
  const same = code !== undefined && code.kind === kind ? code : undefined;
  const hints = same?.hints === undefined ? entry.hints : entry.hints === undefined ? same.hints : { ...same.hints, ...entry.hints };
  return {
    kind,
    detail: entry.detail ?? same?.detail,
    message: entry.message ?? same?.message,
    description: entry.description ?? same?.description,
    note: entry.note,
    source: sourceUrl(catalog, entry.source) ?? fallbackSource,
    thirdParty: entry.thirdParty,
    hints,
    legacy: code?.legacy === true,
  };
}

/** The provider-wide entry of a code, through own properties only (a code of `"__proto__"` finds nothing). */
export function codeEntry(catalog: CatalogInput, code: string | undefined): CodeInput | undefined {
  return code === undefined ? undefined : ownEntry(catalog.codes, code);
}

/** The provider-wide meaning of a code, resolved. */
export function resolveCode(catalog: CatalogInput, code: string | undefined): ResolvedMeaning | undefined {
  const entry = codeEntry(catalog, code);
  return entry === undefined ? undefined : resolveMeaning(catalog, entry);
}

/** What a code means under a category: its `byCategory` entry over its own meaning, or its own meaning in its own category. */
export function resolveCategoryCode(catalog: CatalogInput, code: string, category: string): ResolvedMeaning | undefined {
  const entry = codeEntry(catalog, code);
  if (entry === undefined) return undefined;
  const base = resolveMeaning(catalog, entry);
  const other: CategoryCodeInput | undefined = ownEntry(entry.byCategory, category);
  if (other !== undefined) return inherit(catalog, base, other, base.source);
  return entry.category === category ? base : undefined;
}

/** A row's meaning: its code's, overridden by what the row documents; its source falls back to the endpoint's. */
export function resolveRow(catalog: CatalogInput, endpointSource: string, row: RowInput): ResolvedMeaning {
  return inherit(catalog, resolveCode(catalog, row.code), row, sourceUrl(catalog, endpointSource));
}

/** Whether a row documents another kind than its code's provider-wide meaning. */
export function overridesCode(catalog: CatalogInput, row: RowInput): boolean {
  const code = codeEntry(catalog, row.code);
  return code !== undefined && row.kind !== undefined && row.kind !== code.kind;
}

/** One documented endpoint row with its meaning resolved. */
export interface DocumentedRow {
  readonly endpoint: string;
  readonly row: RowInput;
  readonly meaning: ResolvedMeaning;
}

/** Every documented row of a catalog, in the docs' order, each resolved. */
export function documentedRows(catalog: CatalogInput): DocumentedRow[] {
  const out: DocumentedRow[] = [];
  for (const [endpoint, input] of Object.entries(catalog.endpoints ?? {})) {
    for (const row of input.rows) out.push({ endpoint, row, meaning: resolveRow(catalog, input.source, row) });
  }
  return out;
}

/** The canonical code an observed spelling stands for: the code itself, or the code whose `aliases` list it. */
export function canonicalCode(catalog: CatalogInput, code: string): string | undefined {
  if (codeEntry(catalog, code) !== undefined) return code;
  for (const [name, entry] of Object.entries(catalog.codes ?? {})) if (entry.aliases?.includes(code) === true) return name;
  return undefined;
}
