import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { coverageOf, coverageTable } from '../src/cli/coverage.js';
import { catalogMarkdown } from '../src/cli/catalog-docs.js';
import { syncReadmeBlock } from './support/readme.js';

test('the README provider coverage table is what `catalog --format coverage` prints (UPDATE_README=1 rewrites it)', () => {
  const expected = coverageTable(allCatalogs);
  expect(
    syncReadmeBlock('provider-coverage', expected),
    `README block "provider-coverage" must read (the output of \`aggregator-errors catalog --format coverage\`):\n${expected}`,
  ).toBe(expected);
});

// Every row of every catalog, as `catalog --provider <id> --format markdown` prints it,
// with headings moved under the README's "Providers" section and each provider folded.
function providerTables(): string {
  return allCatalogs
    .map((catalog) => {
      const { rows, codes } = coverageOf(catalog);
      const body = catalogMarkdown(catalog)
        .trim()
        .replace(/^### /gm, '##### ')
        .replace(/^## .*\n+/, '');
      return `<details>\n<summary><b>${catalog.name}</b> (<code>${catalog.id}</code>): ${rows} rows, ${codes} codes</summary>\n\n${body}\n\n</details>\n`;
    })
    .join('\n');
}

test('the README provider tables are what `catalog --format markdown` prints (UPDATE_README=1 rewrites them)', () => {
  const expected = providerTables();
  expect(syncReadmeBlock('provider-tables', expected), 'README block "provider-tables" drifted from the catalogs: run UPDATE_README=1 npx vitest run test/cli-readme.test.ts').toBe(expected);
});
