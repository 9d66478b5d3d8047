import { catalogSchema } from './schema.js';
import { CatalogError, formatPath, type CatalogProblem } from './catalog-error.js';
import type { Catalog, CatalogInput } from './types.js';

/**
 * The result of checking a catalog: the catalog, or every problem found.
 *
 * @public
 */
export type CatalogResult =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Checks any value (a catalog loaded at run time, parsed JSON) against the catalog schema.
 *
 * @example
 * ```ts
 * const result = parseCatalog(JSON.parse(text));
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
 * ```
 *
 * @public
 */
export function parseCatalog(value: unknown): CatalogResult {
  const result = catalogSchema.safeParse(value);
  if (result.success) return { ok: true, catalog: deepFreeze(result.data) as Catalog };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/**
 * Validates a catalog and keeps its literal types, so endpoint ids and codes autocomplete.
 *
 * @throws {@link CatalogError} naming every problem by its path.
 *
 * @example
 * ```ts
 * export const acme = defineCatalog({
 *   id: 'acme',
 *   name: 'Acme',
 *   source: 'https://docs.acme.example/errors',
 *   body: { code: ['error.code'], message: ['error.message'] },
 *   codes: { E1: { kind: 'auth', source: 'https://docs.acme.example/errors' } },
 * });
 * ```
 *
 * @public
 */
export function defineCatalog<const C extends CatalogInput>(catalog: C): Catalog<C> {
  const result = catalogSchema.safeParse(catalog);
  if (!result.success) {
    throw new CatalogError(result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  return deepFreeze(catalog) as Catalog<C>;
}
