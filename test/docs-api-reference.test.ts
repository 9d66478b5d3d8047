/**
 * The API reference generator (scripts/docs/api-reference.ts) on a package of
 * its own, extracted by the real api-extractor: every entry gets its pages,
 * titled by its import specifier; a type an entry uses from another entry links
 * there; two names that differ only in case keep two pages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiEntries, entryConfig, extractEntries, type ApiEntry } from '../scripts/api-entries.js';
import { apiReference, type ApiReference } from '../scripts/docs/api-reference.js';

const cache = resolve(import.meta.dirname, '../node_modules/.cache');
let pkg = '';
let reference: ApiReference;
const model = (entry: ApiEntry): string => join(pkg, 'model', `${entry.slug}.api.json`);

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  pkg = mkdtempSync(join(cache, 'api-reference-test-'));
  const files: Record<string, string> = {
    // The generator renames this package per entry: it must carry the package's own name.
    'package.json': JSON.stringify({
      name: 'aggregator-errors',
      version: '0.0.0',
      type: 'module',
      exports: { '.': { types: './index.d.ts' }, './sub': { types: './sub.d.ts' } },
    }),
    'api-extractor.json': JSON.stringify({
      projectFolder: '.',
      mainEntryPointFilePath: '<projectFolder>/index.d.ts',
      compiler: {
        overrideTsconfig: {
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] },
          include: ['*.d.ts'],
        },
      },
      apiReport: { enabled: false },
      docModel: { enabled: true },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
    }),
    'index.d.ts': [
      '/**\n * A thing.\n *\n * @public\n */',
      'export interface Thing {\n  /** Its name. */\n  readonly name: string;\n}',
      '/**\n * Makes a {@link Thing}.\n *\n * @public\n */',
      'export declare function thing(): Thing;',
      '',
    ].join('\n'),
    'sub.d.ts':
      "import type { Thing } from './index.js';\n/**\n * Names a thing of the main entry.\n *\n * @public\n */\nexport declare function use(value: Thing): string;\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pkg, name), text);
  const entries = apiEntries(pkg);
  const results = extractEntries(
    pkg,
    entries,
    (entry) => entryConfig(pkg, entry, { apiReport: { enabled: false }, docModel: { enabled: true, apiJsonFilePath: model(entry) } }),
    () => ({
      localBuild: true,
      messageCallback: (message) => {
        message.handled = true;
      },
    }),
  );
  expect(results.map(({ entry, result }) => [entry.specifier, result.succeeded])).toEqual([
    ['aggregator-errors', true],
    ['aggregator-errors/sub', true],
  ]);
  reference = apiReference(pkg, entries, model, join(pkg, 'scratch'));
}, 120_000);
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

test('an index lists every entry by its specifier; every page leads back to it', () => {
  const index = reference.files.get('index.md') ?? '';
  expect(index).toContain('| [`aggregator-errors`](./aggregator-errors.md) | 1 function, 1 interface |');
  expect(index).toContain('| [`aggregator-errors/sub`](./sub.md) | 1 function |');
  expect(reference.files.get('sub.md')).toMatch(/^\[API reference\]\(\.\/index\.md\) &gt; \[aggregator-errors\/sub\]\(\.\/sub\.md\)$/m);
  expect(reference.files.get('sub.md')).toMatch(/^## aggregator-errors\/sub$/m);
});

test('names that differ only in case keep a page each, and links reach the right one', () => {
  expect([...reference.files.keys()].sort()).toEqual([
    'aggregator-errors.-thing.md',
    'aggregator-errors.-thing.name.md',
    'aggregator-errors.md',
    'aggregator-errors.thing.md',
    'index.md',
    'sub.md',
    'sub.use.md',
  ]);
  expect(reference.files.get('aggregator-errors.thing.md')).toContain('## thing() function');
  expect(reference.files.get('aggregator-errors.thing.md')).toContain('Makes a [Thing](./aggregator-errors.-thing.md)<!-- -->.');
  expect(reference.files.get('aggregator-errors.-thing.md')).toContain('## Thing interface');
});

test("a type an entry uses from another entry links to that entry's page", () => {
  expect(reference.files.get('sub.use.md')).toContain('[Thing](./aggregator-errors.-thing.md)');
});

test('pages have LF line ends, no path of this machine and no warnings', () => {
  for (const [name, text] of reference.files) {
    expect(text.includes('\r'), name).toBe(false);
    expect(text.includes(pkg), name).toBe(false);
  }
  expect(reference.warnings).toEqual([]);
});
