/**
 * The per-provider reference pages (docs/providers/<id>.md) and their index,
 * generated from the shipped catalogs. A page is two generated blocks around
 * hand-written prose: `summary` (what the catalog reads and how much it
 * documents) at the top, `catalog` (every documented row) at the bottom.
 */
import type { BodyShapeInput, CatalogInput, RateLimitsInput } from '../../src/catalog/types.js';
import { sourceUrl } from '../../src/catalog/resolve.js';
import { catalogMarkdown } from '../../src/cli/catalog-docs.js';
import { coverageOf, coverageTable } from '../../src/cli/coverage.js';
import { cell, sourceLink, table } from '../../src/cli/markdown.js';
import { KINDS } from '../../src/index.js';
import { wrapBlock } from './markers.js';

/** The folder of the provider pages, from the repository root. */
export const PROVIDERS_DIR = 'docs/providers';

/** The page of one catalog, from the repository root. */
export function providerPagePath(catalog: Pick<CatalogInput, 'id'>): string {
  return `${PROVIDERS_DIR}/${catalog.id}.md`;
}

const BODY_FIELDS: readonly (readonly [keyof BodyShapeInput, string])[] = [
  ['code', 'the provider code (`code`)'],
  ['message', 'the developer message (`message`)'],
  ['displayMessage', 'text for end users (`displayMessage`)'],
  ['requestId', 'the request id (`requestId`)'],
  ['category', 'the error category, for an unknown code'],
  ['status', 'the HTTP status, when none was observed'],
  ['documentationUrl', "a link to the provider's docs (`documentationUrl`)"],
  ['suggestedAction', 'advice to developers (`suggestedAction`)'],
  ['causes', 'nested errors, each in this shape (`causes`)'],
];

function paths(list: readonly string[] | undefined): string {
  return list === undefined || list.length === 0 ? '–' : list.map((path) => `\`${cell(path)}\``).join(', ');
}

function bodySection(catalog: CatalogInput): string[] {
  const body = catalog.body;
  const out = ['## Error body', ''];
  if (body === undefined) return [...out, 'The provider documents no error body: the catalog classifies on codes passed bare and on the HTTP status.'];
  const rows: string[][] = [];
  for (const [field, what] of BODY_FIELDS) {
    const value = body[field];
    if (Array.isArray(value) && value.length > 0) rows.push([what, paths(value as readonly string[])]);
  }
  for (const [name, list] of Object.entries(body.params ?? {})) rows.push([`the value of \`params.${cell(name)}\``, paths(list)]);
  out.push(rows.length === 0 ? 'No field of the body is read.' : table(['Read', 'From (paths tried in order)'], rows));
  const extra: string[] = [];
  if (body.encode?.code !== undefined) extra.push(`codes are sent as JSON ${body.encode.code}s`);
  if (body.encode?.status !== undefined) extra.push(`the repeated status is a JSON ${body.encode.status}`);
  const constant = Object.entries(body.constant ?? {});
  if (constant.length > 0)
    extra.push(`every error body also carries ${constant.map(([key, value]) => `\`${cell(key)}: ${cell(JSON.stringify(value))}\``).join(', ')}`);
  if ((catalog.requestIdHeaders ?? []).length > 0)
    extra.push(`the request id is also read from the ${(catalog.requestIdHeaders ?? []).map((h) => `\`${cell(h)}\``).join(', ')} header`);
  if (extra.length > 0) out.push('', `In the body, ${extra.join('; ')}.`);
  return out;
}

function connectionSection(catalog: CatalogInput): string[] {
  const urls = Object.entries(catalog.baseUrls ?? {});
  const out = ['## Base URLs', ''];
  out.push(
    urls.length === 0
      ? 'None documented: observed URLs are matched on their path.'
      : table(
          ['Environment', 'URL'],
          urls.map(([env, url]) => [cell(env), cell(url)]),
        ),
  );
  if (catalog.pathPrefix !== undefined)
    out.push('', `Endpoint ids omit the path prefix \`${cell(catalog.pathPrefix)}\`; a URL with or without it resolves to the same endpoint.`);
  if (catalog.timeout !== undefined) {
    const note = catalog.timeout.note === undefined ? '' : ` ${cell(catalog.timeout.note)}`;
    out.push('', `Recommended timeout: ${catalog.timeout.ms / 1000} s (${sourceLink(sourceUrl(catalog, catalog.timeout.source))}).${note}`);
  }
  return out;
}

function rateLimitSection(limits: RateLimitsInput | undefined, catalog: CatalogInput): string[] {
  if (limits === undefined) return [];
  const out = ['## Rate limits', '', `Documented at ${sourceLink(sourceUrl(catalog, limits.source))}.`];
  if (limits.note !== undefined) out.push('', cell(limits.note));
  const headers = limits.headers;
  if (headers !== undefined) {
    const rows = (['limit', 'remaining', 'reset'] as const).flatMap((key) => (headers[key] === undefined ? [] : [[key, `\`${cell(headers[key])}\``]]));
    out.push('', table(['Header', 'Name'], rows), '', `The reset header counts as \`${headers.resetFormat ?? 'delta-seconds'}\`.`);
  }
  const waits = limits.bodyWaits ?? [];
  if (waits.length > 0) {
    out.push(
      '',
      table(
        ['Message stating a wait', 'Unit', 'Codes', 'Source'],
        waits.map((w) => [
          `\`${cell(w.message)}\``,
          w.unit,
          w.codes === undefined ? 'any' : w.codes.map((c) => `\`${cell(c)}\``).join(', '),
          sourceLink(sourceUrl(catalog, w.source)),
        ]),
      ),
    );
  }
  const quotas = Object.entries(limits.dailyQuotas ?? {});
  if (quotas.length > 0) {
    out.push(
      '',
      table(
        ['Daily quota code', 'Resets at (UTC)', 'Note', 'Source'],
        quotas.map(([code, q]) => [`\`${cell(code)}\``, q.resetsAt ?? '00:00', cell(q.note), sourceLink(sourceUrl(catalog, q.source))]),
      ),
    );
  }
  return out;
}

/** The counts a page shows, beyond what the coverage table has. */
function counts(catalog: CatalogInput): string[][] {
  const coverage = coverageOf(catalog);
  const codes = Object.values(catalog.codes ?? {});
  const aliases = codes.reduce((sum, code) => sum + (code.aliases?.length ?? 0), 0);
  return [
    ['Rows documented (endpoint error tables)', coverage.endpoints === 0 ? '– (codes only)' : String(coverage.rows)],
    ['Endpoints', String(coverage.endpoints)],
    ['Codes', String(coverage.codes)],
    ['Aliases (other spellings of a code)', String(aliases)],
    ['Legacy codes', String(coverage.legacy)],
    ['Categories', String(coverage.categories)],
    ['Code prefixes', String(Object.keys(catalog.prefixes ?? {}).length)],
    ['Statuses', String(Object.keys(catalog.statuses ?? {}).length)],
    ['Pending steps', String((catalog.pending ?? []).length)],
    ['Sandbox triggers', String((catalog.sandbox ?? []).length)],
    ['Kinds covered', `${coverage.kinds.length} of ${KINDS.length}: ${coverage.kinds.map((kind) => `\`${kind}\``).join(', ')}`],
  ];
}

/** The top of a provider page: name and id, imports, coverage, base URLs, body shape, rate limits, sources, notes. */
export function providerSummary(catalog: CatalogInput): string {
  const out = [
    `# ${cell(catalog.name)} (\`${catalog.id}\`)`,
    '',
    `Import \`aggregator-errors/catalogs/${catalog.id}\`, or \`aggregator-errors/catalogs/${catalog.id}/lean\` (without descriptions and notes: it classifies the same).`,
    `The provider's error documentation: ${sourceLink(sourceUrl(catalog, catalog.source))}.`,
    '',
    '## Coverage',
    '',
    table(['Documented', 'Count'], counts(catalog)),
    '',
    ...connectionSection(catalog),
    '',
    ...bodySection(catalog),
  ];
  const limits = rateLimitSection(catalog.rateLimits, catalog);
  if (limits.length > 0) out.push('', ...limits);
  const sources = Object.entries(catalog.sources ?? {});
  if (sources.length > 0) {
    out.push(
      '',
      '## Sources',
      '',
      'Entries name these keys in their `source`.',
      '',
      table(
        ['Key', 'URL'],
        sources.map(([key, url]) => [`\`${cell(key)}\``, cell(url)]),
      ),
    );
  }
  const notes = catalog.notes ?? [];
  if (notes.length > 0) out.push('', '## Notes on the documentation', '', ...notes.map((note) => `- ${cell(note)}`));
  return `${out.join('\n')}\n`;
}

/** The bottom of a provider page: every code, category, status, endpoint row, pending step and sandbox trigger. */
export function providerTables(catalog: CatalogInput): string {
  const markdown = catalogMarkdown(catalog);
  // catalogMarkdown opens with the name, source and notes, which the summary already shows.
  const first = markdown.indexOf('\n### ');
  const body = first < 0 ? 'The catalog documents no codes and no endpoints.\n' : markdown.slice(first + 1);
  return `## Every documented row\n\nAs \`aggregator-errors catalog --provider ${catalog.id} --format markdown\` prints it.\n\n${body}`;
}

/** A new provider page: both generated blocks around a place for hand-written prose. */
export function providerSkeleton(catalog: CatalogInput, prose?: string): string {
  const text =
    prose ?? `<!-- Hand-written: how the catalog reads ${cell(catalog.name)}'s documentation, its quirks and how they are resolved, an example. -->\n`;
  return `${wrapBlock('summary', providerSummary(catalog))}\n## About this catalog\n\n${text}\n${wrapBlock('catalog', providerTables(catalog))}`;
}

/** docs/providers/README.md: the coverage table with each provider linked to its page. */
export function providersIndex(catalogs: readonly CatalogInput[]): string {
  let coverage = coverageTable(catalogs);
  for (const catalog of catalogs) {
    const plain = `| ${cell(catalog.name)} (\`${catalog.id}\`) |`;
    if (!coverage.includes(plain)) throw new Error(`providers index: the coverage table has no row "${plain}"`);
    coverage = coverage.replace(plain, `| [${cell(catalog.name)}](${catalog.id}.md) (\`${catalog.id}\`) |`);
  }
  return [
    '<!-- Generated by `npm run docs` from the shipped catalogs; edit the catalogs, not this file. -->',
    '',
    '# Providers',
    '',
    'Every shipped catalog, as `aggregator-errors catalog --format coverage` counts it. Each page shows what the catalog',
    "reads from the provider's responses, notes on the provider's documentation, and every documented row.",
    '',
    coverage,
    "*Rows documented* counts the rows of the provider's per-endpoint error tables (providers that document codes only",
    'show a dash); *Codes* counts distinct codes (provider-wide, in endpoint rows and in pending steps, aliases not',
    'counted); *Kinds covered* counts the kinds its codes, rows, categories and statuses classify as.',
    '',
  ].join('\n');
}
