import { closeMatches } from '../util/suggest.js';
import { CatalogError, formatPath, type CatalogProblem } from './catalog-error.js';
import { catalogSchema, keysAt, type Issue } from './schema.js';
import { snapshot } from './snapshot.js';
import type { CheckCatalog } from './check.js';
import type { Catalog, CatalogInput } from './types.js';

/**
 * The result of checking a catalog: the catalog, or every problem found.
 *
 * @public
 */
export type CatalogResult = { readonly ok: true; readonly catalog: Catalog } | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** One problem per unknown key, with the closest known key when there is one. */
function unknownKeys(path: readonly (string | number)[], keys: readonly string[]): CatalogProblem[] {
  const known = keysAt(path);
  return keys.map((key) => {
    const close = closeMatches(key, known, 1)[0];
    return { path: formatPath([...path, key]), message: `unknown key${close === undefined ? '' : `: did you mean "${close}"?`}` };
  });
}

function problemsOf(
  issues: readonly { readonly code?: string; readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] }[],
): CatalogProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys !== undefined
      ? unknownKeys(issue.path as (string | number)[], issue.keys)
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

function check(value: unknown): { readonly catalog: CatalogInput } | { readonly problems: CatalogProblem[] } {
  try {
    const { copy, issues } = snapshot(value);
    const result = catalogSchema.safeParse(copy);
    const found: CatalogProblem[] = problemsOf(issues as readonly Issue[]);
    if (result.success && found.length === 0) return { catalog: deepFreeze(result.data) };
    if (!result.success) {
      // A value the copy left out is reported once, where the copy found it, not again as missing.
      const dropped = issues.map((issue) => issue.path);
      const shadowed = (path: readonly PropertyKey[]): boolean => dropped.some((at) => at.length <= path.length && at.every((key, i) => key === path[i]));
      found.push(...problemsOf(result.error.issues.filter((issue) => !shadowed(issue.path))));
    }
    return { problems: found };
  } catch (error) {
    // The snapshot bounds what the schema sees; this is the last line, never a throw.
    return { problems: [{ path: '(catalog)', message: `could not be checked: ${error instanceof Error ? error.name : typeof error}` }] };
  }
}

/**
 * Checks any value (a catalog loaded at run time, parsed JSON) against the catalog schema; never throws.
 *
 * @remarks
 * The value is copied as plain data first: accessors are not run, prototype
 * keys, cycles, proxies that throw, depth and size are problems named by their
 * path, and the returned catalog is the validated copy, deeply frozen.
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
  const result = check(value);
  return 'catalog' in result ? { ok: true, catalog: result.catalog as Catalog } : { ok: false, problems: result.problems };
}

/**
 * Validates a catalog and keeps its literal types, so endpoint ids and codes autocomplete.
 *
 * @remarks
 * The mistakes a compiler can see are type errors at their place, before the
 * check runs: an unknown key, a detail of the wrong kind, a malformed endpoint
 * id, a row whose code has no meaning ({@link CheckCatalog}).
 *
 * @returns the validated copy, deeply frozen (never the object passed in).
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
export function defineCatalog<const C extends CatalogInput>(catalog: C & CheckCatalog<C>): Catalog<C> {
  const result = check(catalog);
  if ('problems' in result) throw new CatalogError(result.problems);
  return result.catalog as Catalog<C>;
}
