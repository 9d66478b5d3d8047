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
export type LeanCatalog<C> = C extends readonly (infer E)[]
  ? readonly LeanCatalog<E>[]
  : C extends object
    ? { readonly [K in keyof C as K extends ProseKey ? never : K]: LeanCatalog<Exclude<C[K], undefined>> }
    : C;

const prose: ReadonlySet<string> = new Set(PROSE_KEYS);
const MAX_DEPTH = 64;
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
  const strip = (value: unknown, depth: number): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value) || depth > MAX_DEPTH) return undefined;
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.length > MAX_ITEMS ? undefined : value.map((child: unknown) => strip(child, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) if (!prose.has(key) && key !== '__proto__') out[key] = strip(child, depth + 1);
      return out;
    } catch {
      return undefined;
    } finally {
      seen.delete(value);
    }
  };
  return (strip(catalog, 0) ?? {}) as LeanCatalog<C>;
}
