import { readFile, stat } from 'node:fs/promises';
import { parseCatalog } from '../catalog/define-catalog.js';
import type { Catalog } from '../catalog/types.js';
import { UsageError } from './usage-error.js';

/** The largest catalog file read; the shipped Finicity catalog, the largest, is under 1 MiB as JSON. */
const MAX_CATALOG_BYTES = 32 * 1024 * 1024;
/** The most problems printed for one file; the count says how many more there were. */
const MAX_PROBLEMS = 50;

/**
 * Reads a catalog from a JSON file and checks it with `parseCatalog`.
 *
 * @throws {@link UsageError} for a file that cannot be read, is not JSON, or is not a valid catalog, naming every problem by its path.
 */
export async function loadCatalogFile(file: string): Promise<Catalog> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`cannot read catalog ${file} (not a file)`);
    if (info.size > MAX_CATALOG_BYTES) throw new UsageError(`catalog ${file} is ${info.size} bytes, over the ${MAX_CATALOG_BYTES} a catalog may have`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new UsageError(`cannot read catalog ${file} (${code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`catalog ${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = parseCatalog(value);
  if (result.ok) return result.catalog;
  const shown = result.problems.slice(0, MAX_PROBLEMS).map((problem) => `\n  ${file}: ${problem.path}: ${problem.message}`);
  const more = result.problems.length > MAX_PROBLEMS ? `\n  ... and ${result.problems.length - MAX_PROBLEMS} more` : '';
  throw new UsageError(`invalid catalog ${file} (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):${shown.join('')}${more}`);
}

/**
 * The shipped catalogs with the loaded ones: a loaded catalog with a shipped id replaces it (a fixed or newer copy),
 * and two loaded catalogs may not share an id.
 */
export function withLoaded(shipped: readonly Catalog[], loaded: readonly { readonly file: string; readonly catalog: Catalog }[]): readonly Catalog[] {
  const ids = new Map<string, string>();
  for (const { file, catalog } of loaded) {
    const earlier = ids.get(catalog.id);
    if (earlier !== undefined) throw new UsageError(`catalogs ${earlier} and ${file} both have the id "${catalog.id}"`);
    ids.set(catalog.id, file);
  }
  return [...shipped.filter((catalog) => !ids.has(catalog.id)), ...loaded.map(({ catalog }) => catalog)];
}
