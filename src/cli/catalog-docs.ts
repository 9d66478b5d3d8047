import { documentedRows, resolveCategoryCode, sourceUrl } from '../catalog/resolve.js';
import type { CatalogInput, CodeInput, MeaningInput } from '../catalog/types.js';
import { cell, sourceLink, table } from './markdown.js';

function kindCell(kind: string | undefined, detail: string | undefined): string {
  if (kind === undefined) return '–';
  return detail === undefined ? `\`${kind}\`` : `\`${kind}\` (${cell(detail)})`;
}

function codeCell(code: string | undefined): string {
  return code === undefined ? '–' : `\`${cell(code)}\``;
}

function codeNote(meaning: MeaningInput | CodeInput): string | undefined {
  if (!('statuses' in meaning || 'aliases' in meaning || 'legacy' in meaning || 'byCategory' in meaning)) return meaning.note;
  const code = meaning as CodeInput;
  const marks = [
    code.legacy === true ? 'Legacy: no longer in the current docs.' : undefined,
    code.aliases === undefined ? undefined : `Also sent as ${code.aliases.join(', ')}.`,
    code.byCategory === undefined ? undefined : `Means something else under ${Object.keys(code.byCategory).join(', ')} (below).`,
    code.note,
  ];
  return marks.filter((mark) => mark !== undefined).join(' ') || undefined;
}

function meaningRows(catalog: CatalogInput, entries: readonly (readonly [string, MeaningInput | CodeInput])[], withStatuses: boolean): string[][] {
  return entries.map(([key, meaning]) => [
    codeCell(key),
    kindCell(meaning.kind, meaning.detail),
    ...(withStatuses ? [cell('statuses' in meaning ? meaning.statuses?.join(', ') : undefined)] : []),
    cell(meaning.description ?? meaning.message),
    cell(codeNote(meaning)),
    sourceLink(sourceUrl(catalog, meaning.source) ?? ''),
  ]);
}

/**
 * One catalog as markdown documentation: its codes, categories, statuses, endpoint tables, pending steps and sandbox triggers.
 */
export function catalogMarkdown(catalog: CatalogInput): string {
  const out: string[] = [`## ${cell(catalog.name)} (\`${catalog.id}\`)`, '', `Source: ${sourceUrl(catalog, catalog.source) ?? ''}`];
  for (const note of catalog.notes ?? []) out.push('', `> ${cell(note)}`);
  const codes = Object.entries(catalog.codes ?? {});
  if (codes.length > 0) {
    out.push('', '### Codes', '', table(['Code', 'Kind', 'Statuses', 'Description', 'Note', 'Source'], meaningRows(catalog, codes, true)));
  }
  const reused = codes.flatMap(([code, entry]) =>
    Object.keys(entry.byCategory ?? {}).map((category) => {
      const meaning = resolveCategoryCode(catalog, code, category);
      return [
        codeCell(code),
        `\`${cell(category)}\``,
        kindCell(meaning?.kind, meaning?.detail),
        cell(meaning?.description ?? meaning?.message),
        cell(meaning?.note),
        sourceLink(meaning?.source ?? ''),
      ];
    }),
  );
  if (reused.length > 0) {
    out.push('', '### Codes reused under another category (matched on both)', '', table(['Code', 'Category', 'Kind', 'Description', 'Note', 'Source'], reused));
  }
  const categories = Object.entries(catalog.categories ?? {});
  if (categories.length > 0) {
    out.push(
      '',
      '### Categories (for codes the catalog does not know)',
      '',
      table(['Category', 'Kind', 'Description', 'Note', 'Source'], meaningRows(catalog, categories, false)),
    );
  }
  const prefixes = Object.entries(catalog.prefixes ?? {});
  if (prefixes.length > 0) {
    out.push(
      '',
      '### Code prefixes (for codes the catalog does not know)',
      '',
      table(['Prefix', 'Kind', 'Description', 'Note', 'Source'], meaningRows(catalog, prefixes, false)),
    );
  }
  const statuses = Object.entries(catalog.statuses ?? {});
  if (statuses.length > 0) {
    out.push('', '### Statuses (when no code matched)', '', table(['Status', 'Kind', 'Description', 'Note', 'Source'], meaningRows(catalog, statuses, false)));
  }
  const resolved = documentedRows(catalog);
  for (const [id, endpoint] of Object.entries(catalog.endpoints ?? {})) {
    out.push('', `### \`${cell(id)}\``, '', `Source: ${sourceUrl(catalog, endpoint.source) ?? ''}`);
    if (endpoint.note !== undefined) out.push('', `> ${cell(endpoint.note)}`);
    if (endpoint.rows.length === 0) {
      out.push('', 'No documented error rows.');
      continue;
    }
    const rows = resolved
      .filter((entry) => entry.endpoint === id)
      .map(({ row, meaning }) => [
        row.printed === undefined ? String(row.status) : `${row.status} (printed "${cell(row.printed)}")`,
        codeCell(row.code),
        kindCell(meaning.kind, meaning.detail),
        cell(meaning.message),
        cell(meaning.description),
        cell(meaning.note),
        sourceLink(meaning.source ?? ''),
      ]);
    out.push('', table(['Status', 'Code', 'Kind', 'Message', 'Description', 'Note', 'Source'], rows));
  }
  const pending = catalog.pending ?? [];
  if (pending.length > 0) {
    out.push('', '### Pending steps (not failures)', '');
    out.push(
      table(
        ['Step', 'Code', 'Status', 'When the body has', 'Description', 'Source'],
        pending.map((step) => [
          cell(step.step),
          codeCell(step.code),
          cell(step.status),
          cell(step.when),
          cell(step.description),
          sourceLink(sourceUrl(catalog, step.source) ?? ''),
        ]),
      ),
    );
  }
  const sandbox = catalog.sandbox ?? [];
  if (sandbox.length > 0) {
    out.push('', '### Sandbox triggers', '');
    out.push(
      table(
        ['Field', 'Value', 'Endpoint', 'Status', 'Code', 'Description', 'Source'],
        sandbox.map((trigger) => [
          cell(trigger.field),
          `${trigger.compare === 'suffix' ? 'ends with ' : ''}\`${cell(trigger.value)}\``,
          trigger.endpoint === undefined ? '–' : `\`${cell(trigger.endpoint)}\``,
          cell(trigger.status),
          codeCell(trigger.code),
          cell(trigger.description),
          sourceLink(sourceUrl(catalog, trigger.source) ?? ''),
        ]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Every catalog as markdown documentation, one section each. */
export function catalogsMarkdown(catalogs: readonly CatalogInput[]): string {
  return catalogs.map(catalogMarkdown).join('\n');
}
