import { documentedRows, resolveCategoryCode, resolveCode, resolveMeaning, sourceUrl, type ResolvedMeaning } from '../catalog/resolve.js';
import type { CatalogInput } from '../catalog/types.js';
import { compileCatalog } from '../matcher/compile.js';
import { effective, type EffectiveHints } from './explain.js';

/**
 * The columns of `catalog --format csv`, in order: one row per documented
 * endpoint row, code (and each alias spelling), code under another category,
 * category, code prefix, status meaning and pending step, so that a warehouse
 * can join normalized logs against the catalogs.
 *
 * - `entry`: `row`, `code`, `category-code`, `category`, `prefix`, `status` or `pending`;
 * - `endpoint` (rows), `status` (rows, status meanings, pending steps), `statuses`
 *   (the statuses a code is documented with, space-separated);
 * - `code` (rows, codes, category codes, pending steps; an alias spelling for an
 *   alias row), `alias_of` (the code an alias spells), `category`, `prefix`;
 * - `kind`, `detail` (for a pending step: the step), and the hints as
 *   `normalize` answers them: `retryable`, `after_ms`, `user_action`, `owner`,
 *   `severity`; `legacy`;
 * - `message`, `description`, `note`, `source` (the documentation URL).
 */
export const CATALOG_CSV_COLUMNS = [
  'provider',
  'entry',
  'endpoint',
  'status',
  'statuses',
  'code',
  'alias_of',
  'category',
  'prefix',
  'kind',
  'detail',
  'retryable',
  'after_ms',
  'user_action',
  'owner',
  'severity',
  'legacy',
  'message',
  'description',
  'note',
  'source',
] as const;

type Column = (typeof CATALOG_CSV_COLUMNS)[number];
type Cell = string | number | boolean | undefined;
type CsvRow = Partial<Record<Column, Cell>>;

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
function field(value: Cell): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(row: CsvRow): string {
  return `${CATALOG_CSV_COLUMNS.map((column) => field(row[column])).join(',')}\n`;
}

function hintCells(hints: EffectiveHints): CsvRow {
  return { retryable: hints.retryable, after_ms: hints.afterMs, user_action: hints.userAction, owner: hints.owner, severity: hints.severity };
}

function meaningCells(meaning: ResolvedMeaning): CsvRow {
  const { hints, detail } = effective(meaning);
  return {
    kind: meaning.kind,
    detail,
    ...hintCells(hints),
    legacy: meaning.legacy,
    message: meaning.message,
    description: meaning.description,
    note: meaning.note,
    source: meaning.source,
  };
}

function statusList(statuses: readonly number[] | undefined): string | undefined {
  return statuses === undefined || statuses.length === 0 ? undefined : statuses.join(' ');
}

/** The CSV rows of one catalog, in a stable order: codes (each followed by its aliases), category codes, categories, prefixes, statuses, endpoint rows, pending steps. */
function catalogRows(catalog: CatalogInput): string {
  const provider = catalog.id;
  let out = '';
  for (const [code, entry] of Object.entries(catalog.codes ?? {})) {
    const meaning = resolveCode(catalog, code);
    if (meaning === undefined) continue;
    const cells = { ...meaningCells(meaning), statuses: statusList(entry.statuses), category: entry.category };
    out += line({ provider, entry: 'code', code, ...cells });
    for (const alias of entry.aliases ?? []) out += line({ provider, entry: 'code', code: alias, alias_of: code, ...cells });
  }
  for (const [code, entry] of Object.entries(catalog.codes ?? {})) {
    for (const [category, other] of Object.entries(entry.byCategory ?? {})) {
      const meaning = resolveCategoryCode(catalog, code, category);
      if (meaning !== undefined)
        out += line({ provider, entry: 'category-code', code, category, statuses: statusList(other.statuses ?? entry.statuses), ...meaningCells(meaning) });
    }
  }
  for (const [category, entry] of Object.entries(catalog.categories ?? {}))
    out += line({ provider, entry: 'category', category, ...meaningCells(resolveMeaning(catalog, entry)) });
  for (const [prefix, entry] of Object.entries(catalog.prefixes ?? {}))
    out += line({ provider, entry: 'prefix', prefix, ...meaningCells(resolveMeaning(catalog, entry)) });
  for (const [status, entry] of Object.entries(catalog.statuses ?? {}))
    out += line({ provider, entry: 'status', status: Number(status), ...meaningCells(resolveMeaning(catalog, entry)) });
  for (const { endpoint, row, meaning } of documentedRows(catalog))
    out += line({ provider, entry: 'row', endpoint, status: row.status, code: row.code, ...meaningCells(meaning) });
  // The matcher's own compiled steps, so the hints are what normalize answers for them.
  const compiled = compileCatalog(catalog).pending;
  const seen = new Map<string, number>();
  for (const step of catalog.pending ?? []) {
    const index = seen.get(step.code) ?? 0;
    seen.set(step.code, index + 1);
    const meaning = compiled.get(step.code)?.[index]?.meaning;
    if (meaning === undefined) continue;
    const cells: CsvRow = {
      provider,
      entry: 'pending',
      status: step.status,
      kind: meaning.kind,
      detail: step.step,
      retryable: meaning.retry.retryable,
      after_ms: meaning.retry.afterMs,
      user_action: meaning.userAction,
      owner: meaning.owner,
      severity: meaning.severity,
      legacy: false,
      description: step.description,
      source: sourceUrl(catalog, step.source),
    };
    out += line({ ...cells, code: step.code });
    for (const alias of step.aliases ?? []) out += line({ ...cells, code: alias, alias_of: step.code });
  }
  return out;
}

/**
 * The catalogs as one CSV table with a header row (see {@link CATALOG_CSV_COLUMNS}), for a data warehouse to join
 * normalized logs against.
 */
export function catalogsCsv(catalogs: readonly CatalogInput[]): string {
  return `${CATALOG_CSV_COLUMNS.join(',')}\n${catalogs.map(catalogRows).join('')}`;
}
