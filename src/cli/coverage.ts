import { documentedRows, sourceUrl } from '../catalog/resolve.js';
import type { CatalogInput } from '../catalog/types.js';
import { KINDS, type Kind } from '../taxonomy/kinds.js';
import { codesOf } from './explain.js';
import { cell, sourceLink, table } from './markdown.js';

/** What one catalog documents, counted. */
export interface Coverage {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** Documented endpoint rows, over all endpoints. */
  readonly rows: number;
  readonly endpoints: number;
  /** Distinct codes: provider-wide, in endpoint rows and as pending steps (aliases not counted). */
  readonly codes: number;
  /** Error categories with a fallback meaning. */
  readonly categories: number;
  /** Codes the provider's current docs no longer list. */
  readonly legacy: number;
  /** The kinds its codes, rows, categories and statuses classify as, in taxonomy order. */
  readonly kinds: readonly Kind[];
}

/** Counts what a catalog documents. */
export function coverageOf(catalog: CatalogInput): Coverage {
  const kinds = new Set<Kind>();
  const codes = Object.values(catalog.codes ?? {});
  for (const meaning of [
    ...codes,
    ...Object.values(catalog.categories ?? {}),
    ...Object.values(catalog.prefixes ?? {}),
    ...Object.values(catalog.statuses ?? {}),
  ])
    kinds.add(meaning.kind);
  for (const code of codes) for (const other of Object.values(code.byCategory ?? {})) if (other.kind !== undefined) kinds.add(other.kind);
  const rows = documentedRows(catalog);
  for (const { meaning } of rows) kinds.add(meaning.kind);
  const aliases = new Set(codes.flatMap((code) => code.aliases ?? []));
  return {
    id: catalog.id,
    name: catalog.name,
    source: sourceUrl(catalog, catalog.source) ?? '',
    rows: rows.length,
    endpoints: Object.keys(catalog.endpoints ?? {}).length,
    codes: [...codesOf(catalog)].filter((code) => !aliases.has(code)).length,
    categories: Object.keys(catalog.categories ?? {}).length,
    legacy: codes.filter((code) => code.legacy === true).length,
    kinds: KINDS.filter((kind) => kinds.has(kind)),
  };
}

function rowsCell(rows: number, endpoints: number): string {
  return endpoints === 0 ? '– (codes only)' : String(rows);
}

function kindsCell(kinds: readonly Kind[]): string {
  return `${kinds.length} of ${KINDS.length}`;
}

/**
 * The provider coverage table, in markdown: provider, rows documented, codes, kinds covered, source, and a total.
 *
 * @remarks
 * The README's block between the `provider-coverage` markers is this output; a test fails when they differ.
 */
export function coverageTable(catalogs: readonly CatalogInput[]): string {
  const all = catalogs.map(coverageOf);
  const union = new Set(all.flatMap((coverage) => coverage.kinds));
  const sum = (pick: (coverage: Coverage) => number): number => all.reduce((total, coverage) => total + pick(coverage), 0);
  const rows = all.map((c) => [
    `${cell(c.name)} (\`${c.id}\`)`,
    rowsCell(c.rows, c.endpoints),
    String(c.endpoints),
    String(c.codes),
    String(c.categories),
    String(c.legacy),
    kindsCell(c.kinds),
    sourceLink(c.source),
  ]);
  rows.push([
    `**All ${all.length} provider${all.length === 1 ? '' : 's'}**`,
    `**${sum((c) => c.rows)}**`,
    `**${sum((c) => c.endpoints)}**`,
    `**${sum((c) => c.codes)}**`,
    `**${sum((c) => c.categories)}**`,
    `**${sum((c) => c.legacy)}**`,
    `**${kindsCell(KINDS.filter((kind) => union.has(kind)))}**`,
    '',
  ]);
  return `${table(['Provider', 'Rows documented', 'Endpoints', 'Codes', 'Categories', 'Legacy codes', 'Kinds covered', 'Source'], rows)}\n`;
}
