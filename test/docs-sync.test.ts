/**
 * The one implementation of generated docs (scripts/docs/sync.ts) on files of
 * its own: drift of every kind is reported with its reason, `writeDocs` fixes
 * what a generator can and leaves the hand-written text alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findBlocks, readBlock, replaceBlock } from '../scripts/docs/markers.js';
import { findFences } from '../scripts/docs/fences.js';
import { checkDocs, type DocTarget, writeDocs } from '../scripts/docs/sync.js';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docs-sync-'));
  mkdirSync(join(root, 'docs/pages'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const put = (file: string, text: string): void => writeFileSync(join(root, file), text);
const get = (file: string): string => readFileSync(join(root, file), 'utf8');

const GUIDE = ['# Guide', '', 'Hand-written.', '', '<!-- generated:table -->', 'old', '<!-- /generated:table -->', '', 'More prose.', ''].join('\n');

function targets(): DocTarget[] {
  return [
    { kind: 'blocks', file: 'docs/guide.md', blocks: { table: () => '| a |\n|---|\n' } },
    { kind: 'blocks', file: 'docs/pages/one.md', blocks: { top: () => '# One\n' }, create: () => '<!-- generated:top -->\n<!-- /generated:top -->\n\nprose\n' },
    { kind: 'file', file: 'docs/pages/README.md', content: () => '# Pages\n' },
    {
      kind: 'folder',
      dir: 'docs/api',
      files: () =>
        new Map([
          ['index.md', '# API\n'],
          ['a.md', 'A\n'],
        ]),
    },
  ];
}
const SCAN = { scan: ['README.md', 'docs'], ownedDirs: ['docs/pages'] };

describe('markers', () => {
  test('a block is read, replaced and found with its line; a marker inside a code fence is text', () => {
    const text = `${GUIDE}\n\`\`\`md\n<!-- generated:example -->\n\`\`\`\n`;
    expect(readBlock(text, 'table')).toBe('old\n');
    expect(findBlocks(text)).toEqual({ blocks: [expect.objectContaining({ name: 'table', line: 5 })], problems: [] });
    expect(replaceBlock(text, 'table', 'new\n')).toBe(text.replace('old\n', 'new\n'));
    expect(replaceBlock(text, 'missing', 'x')).toBeUndefined();
  });

  test('markers that do not pair up are problems, each with its line', () => {
    const text = ['<!-- generated:a -->', '<!-- generated:b -->', '<!-- /generated:a -->', '<!-- /generated:c -->', '<!-- generated:d -->', ''].join('\n');
    expect(findBlocks(text).problems).toEqual([
      'line 2: block "b" opens inside block "a" (opened on line 1)',
      'line 4: block "c" closes but was not opened',
      'line 5: block "d" is never closed (<!-- /generated:d -->)',
    ]);
    expect(findBlocks('<!-- generated:a -->\n<!-- /generated:a -->\n<!-- generated:a -->\n<!-- /generated:a -->\n').problems).toEqual([
      'line 3: block "a" appears twice',
    ]);
  });

  test('fences: backticks and tildes, longer closing fences, indented fences, an unclosed fence runs to the end', () => {
    const text = ['```ts', 'a', '````', '~~~ sh extra', '```', 'b', '~~~', '  ```typescript', '  c', '    d', '  ```', '```tsx', 'e'].join('\n');
    expect(findFences(text).map(({ lang, info, code, line, indent }) => ({ lang, info, code, line, indent }))).toEqual([
      { lang: 'ts', info: 'ts', code: 'a\n', line: 1, indent: 0 },
      { lang: 'sh', info: 'sh extra', code: '```\nb\n', line: 4, indent: 0 },
      { lang: 'typescript', info: 'typescript', code: 'c\n  d\n', line: 8, indent: 2 },
      { lang: 'tsx', info: 'tsx', code: 'e\n', line: 12, indent: 0 },
    ]);
  });
});

describe('checkDocs and writeDocs', () => {
  test('every kind of drift is reported with a reason; writeDocs fixes the fixable and keeps the prose', () => {
    put('docs/guide.md', `${GUIDE}<!-- generated:stale -->\nx\n<!-- /generated:stale -->\n`);
    put('docs/other.md', 'text\n<!-- generated:orphan -->\n<!-- /generated:orphan -->\n');
    put('docs/pages/gone.md', '# a page of a removed catalog\n');
    mkdirSync(join(root, 'docs/api'));
    put('docs/api/index.md', '# API (old)\n');
    put('docs/api/removed.md', 'R\n');
    const drift = checkDocs(root, targets(), SCAN);
    expect(drift.map(({ file, reason, fixable }) => `${fixable ? 'fix' : 'hand'} ${file}: ${reason}`)).toEqual([
      'fix docs/guide.md: block "table" (line 5) drifted: line 1 is "old", the generator writes "| a |"',
      'hand docs/guide.md: block "stale" (line 10) has no generator: remove its markers, or add it to scripts/docs/registry.ts',
      'fix docs/pages/one.md: does not exist (npm run docs creates it)',
      'fix docs/pages/README.md: does not exist',
      'fix docs/api/a.md: does not exist',
      'fix docs/api/index.md: drifted: line 1 is "# API (old)", the generator writes "# API"',
      'fix docs/api/removed.md: is no longer generated',
      'hand docs/other.md: block "orphan" (line 2) has no generator: remove its markers, or add it to scripts/docs/registry.ts',
      'hand docs/pages/gone.md: no generator writes it (a page of a catalog no longer shipped?): delete it or move its prose',
    ]);
    const result = writeDocs(root, targets(), SCAN);
    expect(result.written).toEqual(['docs/guide.md', 'docs/pages/one.md', 'docs/pages/README.md', 'docs/api/index.md', 'docs/api/a.md']);
    expect(result.removed).toEqual(['docs/api/removed.md']);
    expect(result.unfixable.map((d) => d.file)).toEqual(['docs/guide.md', 'docs/other.md', 'docs/pages/gone.md']);
    expect(get('docs/guide.md')).toBe(`${GUIDE.replace('old\n', '| a |\n|---|\n')}<!-- generated:stale -->\nx\n<!-- /generated:stale -->\n`);
    expect(get('docs/pages/one.md')).toBe('<!-- generated:top -->\n# One\n<!-- /generated:top -->\n\nprose\n');
    expect(existsSync(join(root, 'docs/api/removed.md'))).toBe(false);
    expect(checkDocs(root, targets(), SCAN).filter((d) => d.fixable)).toEqual([]);
  });

  test('a hand-written file without its block, or missing, needs a person; an in-sync tree has no drift', () => {
    put('docs/guide.md', '# Guide without markers\n');
    expect(checkDocs(root, targets().slice(0, 1), { scan: [] })).toEqual([
      {
        file: 'docs/guide.md',
        block: 'table',
        reason: 'has no block "table": add the lines <!-- generated:table --> and <!-- /generated:table --> where it belongs',
        fixable: false,
      },
    ]);
    rmSync(join(root, 'docs/guide.md'));
    expect(checkDocs(root, targets().slice(0, 1), { scan: [] })).toEqual([
      { file: 'docs/guide.md', reason: 'does not exist: it is hand-written around the blocks "table"', fixable: false },
    ]);
    expect(writeDocs(root, targets().slice(0, 1), { scan: [] }).written).toEqual([]);
    put('docs/guide.md', GUIDE);
    writeDocs(root, targets(), SCAN);
    expect(checkDocs(root, targets(), SCAN)).toEqual([]);
    expect(writeDocs(root, targets(), SCAN)).toEqual({ written: [], removed: [], unfixable: [] });
  });

  test('each generator runs once per write, however many times a check and the write read it', () => {
    put('docs/guide.md', GUIDE);
    let calls = 0;
    const counted: DocTarget[] = [
      {
        kind: 'folder',
        dir: 'docs/api',
        files: () => {
          calls++;
          return new Map([['a.md', 'A\n']]);
        },
      },
    ];
    writeDocs(root, counted, { scan: [] });
    expect(calls).toBe(1);
  });
});
