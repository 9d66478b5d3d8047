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
  /** Distinct codes: provider-wide, in endpoint rows and as pending steps. */
  readonly codes: number;
  /** The kinds its codes, rows, categories and statuses classify as, in taxonomy order. */
  readonly kinds: readonly Kind[];
}

/** Counts what a catalog documents. */
export function coverageOf(catalog: CatalogInput): Coverage {
  const kinds = new Set<Kind>();
  for (const meaning of [...Object.values(catalog.codes ?? {}), ...Object.values(catalog.categories ?? {}), ...Object.values(catalog.statuses ?? {})]) kinds.add(meaning.kind);
  let rows = 0;
  const endpoints = Object.values(catalog.endpoints ?? {});
  for (const endpoint of endpoints) {
    for (const row of endpoint.rows) {
      rows++;
      const kind = row.kind ?? (row.code !== undefined && catalog.codes !== undefined && Object.hasOwn(catalog.codes, row.code) ? catalog.codes[row.code]?.kind : undefined);
      if (kind !== undefined) kinds.add(kind);
    }
  }
  return {
    id: catalog.id,
    name: catalog.name,
    source: catalog.source,
    rows,
    endpoints: endpoints.length,
    codes: codesOf(catalog).size,
    kinds: KINDS.filter((kind) => kinds.has(kind)),
  };
}

function rowsCell(rows: number, endpoints: number): string {
  return endpoints === 0 ? '– (codes only)' : `${rows} on ${endpoints} endpoint${endpoints === 1 ? '' : 's'}`;
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
  const rows = all.map((c) => [`${cell(c.name)} (\`${c.id}\`)`, rowsCell(c.rows, c.endpoints), String(c.codes), kindsCell(c.kinds), sourceLink(c.source)]);
  rows.push([
    `**All ${all.length} provider${all.length === 1 ? '' : 's'}**`,
    `**${sum((c) => c.rows)} on ${sum((c) => c.endpoints)} endpoints**`,
    `**${sum((c) => c.codes)}**`,
    `**${kindsCell(KINDS.filter((kind) => union.has(kind)))}**`,
    '',
  ]);
  return `${table(['Provider', 'Rows documented', 'Codes', 'Kinds covered', 'Source'], rows)}\n`;
}
