import { arrayItems, own } from '../util/own.js';

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
    // Built from anything without throwing: only string paths and messages are kept.
    const kept = arrayItems(problems, 1000).flatMap((problem): CatalogProblem[] => {
      const path = own(problem, 'path');
      const message = own(problem, 'message');
      return typeof path === 'string' && typeof message === 'string' ? [{ path: path.slice(0, 1024), message: message.slice(0, 1024) }] : [];
    });
    super(`Invalid catalog (${kept.length} problem${kept.length === 1 ? '' : 's'}):\n${kept.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.problems = kept;
  }
}
