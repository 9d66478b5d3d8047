import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { KINDS, KIND_DEFAULTS } from '../src/index.js';
import { kindsTable } from '../scripts/docs/kinds-table.js';
import { readBlock } from '../scripts/docs/markers.js';
import { expectedBlock } from '../scripts/docs/registry.js';

const README = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');

test('the README kinds table is generated from the taxonomy (npm run docs rewrites it)', () => {
  const expected = expectedBlock('README.md', 'kinds');
  expect(expected).toBe(kindsTable());
  expect(readBlock(README, 'kinds'), 'README block "kinds" drifted: run npm run docs').toBe(expected);
});

test('the kinds table has one row per kind, in taxonomy order, with its default hints', () => {
  const rows = kindsTable().split('\n').slice(2, -1);
  expect(rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1])).toEqual([...KINDS]);
  for (const [index, kind] of KINDS.entries()) {
    const { retryable, userAction, owner, severity } = KIND_DEFAULTS[kind];
    expect(rows[index]).toContain(`| ${retryable ? 'yes' : 'no'} | \`${userAction}\` | \`${owner}\` | \`${severity}\` |`);
  }
});
