/**
 * The docs' snippet checker (scripts/docs/snippets.ts) on a package of its own:
 * blocks import it by name through its `exports`, every error is placed at its
 * line in the markdown file, and a good block passes under both flag sets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkSnippets, extractSnippets, formatFailure } from '../scripts/docs/snippets.js';

// Each check compiles a program with the DOM and Node's types twice: seconds on a loaded machine.
const COMPILE = { timeout: 120_000 };
// Inside the repository, so that @types/node and typescript's libs are found as a user's project finds them.
const cache = resolve(import.meta.dirname, '../node_modules/.cache');
let pkg = '';
beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  pkg = mkdtempSync(join(cache, 'snippets-test-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'snippet-fixture',
      type: 'module',
      exports: { '.': { types: './index.d.ts', default: './index.js' }, './sub': { types: './sub.d.ts', default: './sub.js' } },
    }),
    'index.d.ts':
      "export interface Options { readonly name?: string }\nexport declare function greet(options: Options): string;\nexport type Kind = 'a' | 'b';\n",
    'sub.d.ts': 'export declare const values: readonly string[];\n',
    // Not in exports: a block must not reach it by a deep path.
    'internal.d.ts': 'export declare const secret: number;\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pkg, name), text);
});
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

const BAD = [
  '# Guide', // 1
  '',
  '```ts',
  "import { greet } from 'snippet-fixture';", // 4
  "import { values } from 'snippet-fixture/sub';",
  "greet({ name: 'x' });",
  'const first: string = values[0];', // 7: noUncheckedIndexedAccess
  '```',
  '',
  'Text between.',
  '',
  '  ```typescript',
  "  import { greet } from 'snippet-fixture';", // 13
  '  const name: string | undefined = undefined;',
  '  greet({ name });', // 15: exactOptionalPropertyTypes
  '  ```',
  '',
  '```ts',
  "import { Kind } from 'snippet-fixture';", // 19: a type imported as a value, refused under verbatimModuleSyntax
  "export const kind: Kind = 'a';",
  "import { secret } from 'snippet-fixture/internal';", // 21: not exported by the package
  '```',
  '',
  '```sh',
  'echo not typescript',
  '```',
  '',
].join('\n');

test('blocks are extracted with the markdown line of their first line of code', () => {
  expect(extractSnippets('guide.md', BAD).map(({ line, lang }) => [line, lang])).toEqual([
    [4, 'ts'],
    [13, 'typescript'],
    [19, 'ts'],
  ]);
});

test('a bad block fails, each error at its line in the markdown file and under the flag sets it fails under', COMPILE, () => {
  const report = checkSnippets({ snippets: extractSnippets('docs/guide.md', BAD), outDir: join(pkg, 'snippets') });
  expect(report.checked).toBe(3);
  expect(report.failures.map(({ file, line, code, flagSets }) => `${file}:${line} ${code} ${flagSets.join('+')}`)).toEqual([
    'docs/guide.md:7 TS2322 NodeNext+Bundler',
    'docs/guide.md:15 TS2379 NodeNext+Bundler',
    'docs/guide.md:19 TS1484 Bundler',
    'docs/guide.md:21 TS2307 NodeNext+Bundler',
  ]);
  expect(formatFailure(report.failures[0] ?? expect.fail('no failure'))).toMatch(
    /^docs\/guide\.md:7: TS2322 Type 'string \| undefined' is not assignable to type 'string'\.[\s\S]* \[NodeNext, Bundler\]/,
  );
  expect(report.failures[1]?.column).toBe(9);
});

test('good blocks pass under both flag sets, each a module of its own', COMPILE, () => {
  const good = [
    '```ts',
    "import { greet, type Kind } from 'snippet-fixture';",
    "import { values } from 'snippet-fixture/sub';",
    "const kind: Kind = 'b';",
    'greet({ name: values[0] ?? kind });',
    'const shared = 1;',
    '```',
    '',
    '```ts',
    '// The same name in another block: blocks never see each other.',
    "const shared = 'two';",
    'await Promise.resolve(shared);',
    '```',
    '',
  ].join('\n');
  expect(checkSnippets({ snippets: extractSnippets('README.md', good), outDir: join(pkg, 'snippets') })).toEqual({ checked: 2, failures: [] });
});
