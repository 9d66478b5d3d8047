/** A markdown table cell: pipes escaped, line breaks flattened, empty shown as a dash. */
export function cell(value: string | number | undefined): string {
  if (value === undefined || value === '') return '–';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A markdown link whose text is the URL's host (and path start), for a source column. */
export function sourceLink(url: string | undefined): string {
  if (url === undefined) return '–';
  let text = url;
  try {
    text = new URL(url).host;
  } catch {
    // Catalog URLs are validated; a malformed one is shown as it is.
  }
  return `[${cell(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A markdown table from a header and rows of already-formatted cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
  return lines.join('\n');
}
