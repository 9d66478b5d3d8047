import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { coverageOf, coverageTable } from '../src/cli/coverage.js';
import { catalogMarkdown } from '../src/cli/catalog-docs.js';
import { findBlocks, readBlock } from '../scripts/docs/markers.js';
import { providerPagePath } from '../scripts/docs/provider-pages.js';
import { expectedBlock, sourceTargets } from '../scripts/docs/registry.js';
import { checkDocs } from '../scripts/docs/sync.js';

const ROOT = resolve(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(resolve(ROOT, file), 'utf8');

test('the README provider coverage table is what `catalog --format coverage` prints (npm run docs rewrites it)', () => {
  const expected = coverageTable(allCatalogs);
  expect(expectedBlock('README.md', 'provider-coverage')).toBe(expected);
  expect(readBlock(read('README.md'), 'provider-coverage'), 'README block "provider-coverage" drifted: run npm run docs').toBe(expected);
});

describe('docs/providers', () => {
  test.each(allCatalogs.map((catalog) => [catalog.id, catalog] as const))('the page of %s is up to date (npm run docs rewrites it)', (id, catalog) => {
    const file = providerPagePath(catalog);
    expect(existsSync(resolve(ROOT, `catalogs/${id}.ts`)), `the page names the entry aggregator-errors/catalogs/${id}: catalogs/${id}.ts must exist`).toBe(
      true,
    );
    const targets = sourceTargets().filter((target) => target.kind === 'blocks' && target.file === file);
    expect(
      checkDocs(ROOT, targets, { scan: [] }).map((d) => `${d.file}: ${d.reason}`),
      `${file} drifted: run npm run docs`,
    ).toEqual([]);
    const text = read(file);
    // The page holds every row `catalog --provider <id> --format markdown` prints, below the hand-written prose.
    const tables = readBlock(text, 'catalog') ?? '';
    const markdown = catalogMarkdown(catalog);
    expect(tables).toContain(markdown.slice(markdown.indexOf('\n### ') + 1));
    const { rows } = coverageOf(catalog);
    const endpointRows = tables.split('\n').filter((line) => /^\| \d{3}/.test(line)).length;
    expect(endpointRows).toBeGreaterThanOrEqual(rows);
    const [summary, prose, catalogBlock] = [findBlocks(text).blocks[0], text.indexOf('## About this catalog'), findBlocks(text).blocks[1]];
    expect(summary?.name).toBe('summary');
    expect(catalogBlock?.name).toBe('catalog');
    expect(prose, 'the hand-written prose sits between the two generated blocks').toBeGreaterThan(summary?.end ?? Infinity);
    expect(prose).toBeLessThan(catalogBlock?.start ?? -1);
  });

  test('the index links every provider page and counts as the CLI does', () => {
    const targets = sourceTargets().filter((target) => target.kind === 'file' && target.file === 'docs/providers/README.md');
    expect(
      checkDocs(ROOT, targets, { scan: [] }).map((d) => `${d.file}: ${d.reason}`),
      'docs/providers/README.md drifted: run npm run docs',
    ).toEqual([]);
    const index = read('docs/providers/README.md');
    for (const catalog of allCatalogs) expect(index).toContain(`| [${catalog.name}](${catalog.id}.md) (\`${catalog.id}\`) |`);
    const table = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('|'));
    expect(table(index).map((line) => line.replace(/^\| \[([^\]]+)\]\([a-z]+\.md\)/, '| $1'))).toEqual(table(coverageTable(allCatalogs)));
  });
});
