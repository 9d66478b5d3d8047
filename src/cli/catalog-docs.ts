import type { CatalogInput, CodeInput, MeaningInput } from '../catalog/types.js';
import { cell, sourceLink, table } from './markdown.js';

function kindCell(kind: string | undefined, detail: string | undefined): string {
  if (kind === undefined) return '–';
  return detail === undefined ? `\`${kind}\`` : `\`${kind}\` (${cell(detail)})`;
}

function codeCell(code: string | undefined): string {
  return code === undefined ? '–' : `\`${cell(code)}\``;
}

function meaningRows(entries: readonly (readonly [string, MeaningInput | CodeInput])[], withStatuses: boolean): string[][] {
  return entries.map(([key, meaning]) => [
    codeCell(key),
    kindCell(meaning.kind, meaning.detail),
    ...(withStatuses ? [cell('statuses' in meaning ? meaning.statuses?.join(', ') : undefined)] : []),
    cell(meaning.description ?? meaning.message),
    cell(meaning.note),
    sourceLink(meaning.source),
  ]);
}

/**
 * One catalog as markdown documentation: its codes, categories, statuses, endpoint tables, pending steps and sandbox triggers.
 */
export function catalogMarkdown(catalog: CatalogInput): string {
  const out: string[] = [`## ${cell(catalog.name)} (\`${catalog.id}\`)`, '', `Source: ${catalog.source}`];
  for (const note of catalog.notes ?? []) out.push('', `> ${cell(note)}`);
  const codes = Object.entries(catalog.codes ?? {});
  if (codes.length > 0) {
    out.push('', '### Codes', '', table(['Code', 'Kind', 'Statuses', 'Description', 'Note', 'Source'], meaningRows(codes, true)));
  }
  const categories = Object.entries(catalog.categories ?? {});
  if (categories.length > 0) {
    out.push('', '### Categories (for codes the catalog does not know)', '', table(['Category', 'Kind', 'Description', 'Note', 'Source'], meaningRows(categories, false)));
  }
  const statuses = Object.entries(catalog.statuses ?? {});
  if (statuses.length > 0) {
    out.push('', '### Statuses (when no code matched)', '', table(['Status', 'Kind', 'Description', 'Note', 'Source'], meaningRows(statuses, false)));
  }
  for (const [id, endpoint] of Object.entries(catalog.endpoints ?? {})) {
    out.push('', `### \`${cell(id)}\``, '', `Source: ${endpoint.source}`);
    if (endpoint.note !== undefined) out.push('', `> ${cell(endpoint.note)}`);
    if (endpoint.rows.length === 0) {
      out.push('', 'No documented error rows.');
      continue;
    }
    const rows = endpoint.rows.map((row) => {
      const code = row.code !== undefined && catalog.codes !== undefined && Object.hasOwn(catalog.codes, row.code) ? catalog.codes[row.code] : undefined;
      const inherits = row.kind === undefined || row.kind === code?.kind;
      return [
        row.printed === undefined ? String(row.status) : `${row.status} (printed "${cell(row.printed)}")`,
        codeCell(row.code),
        kindCell(row.kind ?? code?.kind, row.detail ?? (inherits ? code?.detail : undefined)),
        cell(row.message ?? (inherits ? code?.message : undefined)),
        cell(row.description ?? (inherits ? code?.description : undefined)),
        cell(row.note),
        sourceLink(row.source ?? endpoint.source),
      ];
    });
    out.push('', table(['Status', 'Code', 'Kind', 'Message', 'Description', 'Note', 'Source'], rows));
  }
  const pending = catalog.pending ?? [];
  if (pending.length > 0) {
    out.push('', '### Pending steps (not failures)', '');
    out.push(
      table(
        ['Step', 'Code', 'Status', 'When the body has', 'Description', 'Source'],
        pending.map((step) => [cell(step.step), codeCell(step.code), cell(step.status), cell(step.when), cell(step.description), sourceLink(step.source)]),
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
          sourceLink(trigger.source),
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
