import type { CatalogInput } from './types.js';

/**
 * The catalog fields written for people (descriptions, quirk notes, sandbox
 * triggers, printed status lines, where a code arrives): classification never
 * reads them.
 *
 * @public
 */
export const PROSE_KEYS = ['description', 'note', 'notes', 'sandbox', 'printed', 'arrives', 'thirdParty'] as const;

/**
 * A catalog's field written for people.
 *
 * @public
 */
export type ProseKey = (typeof PROSE_KEYS)[number];

/**
 * A catalog without its prose: it classifies exactly as the full catalog, and
 * its results carry `match.source` but no `match.description` or `match.note`.
 *
 * @public
 */
export type LeanCatalog<C> = LeanPart<C, 'entry'>;

/**
 * A part of a lean catalog: an entry of the format loses its prose fields; a
 * record (codes by name, endpoints by id) keeps every key; data (base URLs by
 * environment, a body's constant fields) is kept whole.
 *
 * @public
 */
export type LeanPart<C, Shape extends 'entry' | 'record' | 'data'> = Shape extends 'data'
  ? C
  : C extends readonly (infer E)[]
    ? readonly LeanPart<E, 'entry'>[]
    : C extends object
      ? Shape extends 'record'
        ? { readonly [K in keyof C]: LeanPart<C[K], 'entry'> }
        : {
            readonly [K in keyof C as K extends ProseKey ? never : K]: LeanPart<
              Exclude<C[K], undefined>,
              K extends 'baseUrls' | 'sources' | 'constant' | 'with' | 'params'
                ? 'data'
                : K extends 'codes' | 'categories' | 'prefixes' | 'statuses' | 'endpoints' | 'byCategory'
                  ? 'record'
                  : 'entry'
            >;
          }
      : C;

// The same fields as LeanPart's, at run time (a type test keeps the two lists equal).
const RECORD_KEYS = ['codes', 'categories', 'prefixes', 'statuses', 'endpoints', 'byCategory'] as const;
const DATA_KEYS = ['baseUrls', 'sources', 'constant', 'with', 'params'] as const;

const prose: ReadonlySet<string> = new Set(PROSE_KEYS);
const MAX_DEPTH = 64;
const RECORDS: ReadonlySet<string> = new Set(RECORD_KEYS);
const DATA: ReadonlySet<string> = new Set(DATA_KEYS);
const MAX_ITEMS = 1_000_000;

/**
 * Strips the prose from a catalog, for bundles where every byte counts; the
 * build ships each catalog this way as `aggregator-errors/catalogs/<id>/lean`.
 *
 * @example
 * ```ts
 * const small = leanCatalog(myCatalog); // same classification, no descriptions or notes
 * ```
 *
 * @public
 */
export function leanCatalog<const C extends CatalogInput>(catalog: C): LeanCatalog<C> {
  // A validated catalog is a finite tree; anything else is copied as far as it is one.
  const seen = new Set<object>();
  const strip = (value: unknown, depth: number, shape: 'entry' | 'record' | 'data'): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value) || depth > MAX_DEPTH) return undefined;
    seen.add(value);
    try {
      if (Array.isArray(value))
        return value.length > MAX_ITEMS ? undefined : value.map((child: unknown) => strip(child, depth + 1, shape === 'data' ? 'data' : 'entry'));
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        if (key === '__proto__') continue;
        // Prose is a field of an entry; in a record (codes by name) or in data (base URLs by environment) every key is kept.
        if (shape === 'entry' && prose.has(key)) continue;
        const next = shape === 'record' ? 'entry' : shape === 'data' || DATA.has(key) ? 'data' : RECORDS.has(key) ? 'record' : 'entry';
        out[key] = strip(child, depth + 1, next);
      }
      return out;
    } catch {
      return undefined;
    } finally {
      seen.delete(value);
    }
  };
  return (strip(catalog, 0, 'entry') ?? {}) as LeanCatalog<C>;
}
