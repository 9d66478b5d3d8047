/**
 * Reads the providers' documented tables from `../shared/seeds/` (beside the
 * repository, as in CI), so that coverage tests check the catalogs against the
 * seed files themselves rather than against a hand-copied list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the seed files are: `../shared/seeds` beside the repository. */
export const SEEDS: string = resolve(import.meta.dirname, '../../../shared/seeds');

/** Whether the seed files are present (they are in CI and in every checkout of the workplace). */
export const seedsPresent: boolean = existsSync(SEEDS);

/** The text of a seed file, e.g. `seedText('providers/plaid.md')`. */
export function seedText(file: string): string {
  return readFileSync(resolve(SEEDS, file), 'utf8');
}

/** One markdown table row, by its header's column names (cells trimmed, backticks kept). */
export type SeedRow = Readonly<Record<string, string>>;

function cells(line: string): string[] {
  // Split on pipes that are not escaped; the outer pipes give empty first and last cells.
  const parts = line.split(/(?<!\\)\|/);
  return parts.slice(1, -1).map((cell) => cell.trim());
}

/**
 * The rows of the first markdown table after the heading that starts with
 * `heading` (e.g. `'## Error codes'`), stopping at the table's end.
 *
 * @throws when the heading or its table is missing: the seed changed shape.
 */
export function seedTable(file: string, heading: string): SeedRow[] {
  const lines = seedText(file).split('\n');
  const at = lines.findIndex((line) => line.startsWith(heading));
  if (at < 0) throw new Error(`${file}: no heading starting "${heading}"`);
  let i = at + 1;
  while (i < lines.length && !lines[i]?.startsWith('|')) {
    if (lines[i]?.startsWith('#')) throw new Error(`${file}: no table under "${heading}"`);
    i++;
  }
  const header = cells(lines[i] ?? '');
  const rows: SeedRow[] = [];
  for (i += 2; i < lines.length && lines[i]?.startsWith('|'); i++) {
    const values = cells(lines[i] ?? '');
    rows.push(Object.fromEntries(header.map((name, index) => [name, values[index] ?? ''])));
  }
  if (rows.length === 0) throw new Error(`${file}: the table under "${heading}" is empty`);
  return rows;
}

/** The codes of a cell: backticks dropped; several codes separated by commas or slashes are returned one by one. */
export function codesIn(cell: string): string[] {
  return cell
    .replace(/`/g, '')
    .split(/\s*(?:,|\/)\s*/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}
