/**
 * One problem found in a catalog, named by its path.
 *
 * @public
 */
export interface CatalogProblem {
  /** Where, as a property path: `endpoints["GET /accounts/{user_id}"].rows[2].code`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a property path the way a reader would type it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(catalog)' : out;
}

/**
 * Thrown by `defineCatalog` for an invalid catalog; lists every problem.
 *
 * @public
 */
export class CatalogError extends Error {
  /** Always `'CatalogError'`. */
  override readonly name = 'CatalogError';
  /** Every problem found, each named by its path. */
  readonly problems: readonly CatalogProblem[];

  constructor(problems: readonly CatalogProblem[]) {
    super(`Invalid catalog (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}
