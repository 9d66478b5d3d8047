import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { coverageTable } from '../src/cli/coverage.js';
import { syncReadmeBlock } from './support/readme.js';

test('the README provider coverage table is what `catalog --format coverage` prints (UPDATE_README=1 rewrites it)', () => {
  const expected = coverageTable(allCatalogs);
  expect(
    syncReadmeBlock('provider-coverage', expected),
    `README block "provider-coverage" must read (the output of \`aggregator-errors catalog --format coverage\`):\n${expected}`,
  ).toBe(expected);
});
