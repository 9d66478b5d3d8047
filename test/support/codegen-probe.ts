// Run as a child process by test/entry-points.test.ts, with and without code generation allowed.
import { createNormalizer } from '../../src/index.node.js';
import { compileCatalog } from '../../src/matcher/compile.js';
import { compileObserver } from '../../src/matcher/codegen.js';
import { allCatalogs } from '../../catalogs/all.js';
import { rowFixtures } from '../../src/testkit/fixtures.js';

const normalizer = createNormalizer(allCatalogs);
const compiled = allCatalogs.every((catalog) => compileObserver(compileCatalog(catalog)) !== undefined);
const answers = allCatalogs.flatMap((catalog) =>
  rowFixtures(catalog)
    .slice(0, 20)
    .map((fixture) => normalizer.normalize(fixture.input)),
);
process.stdout.write(JSON.stringify({ compiled, answers }));
