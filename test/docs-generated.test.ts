/**
 * Everything `npm run docs` generates from the source is up to date (the API
 * reference, which needs the build, is checked by `npm run docs:check`), and
 * the gateway guide's status table says what toProblem does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { KINDS, KIND_DETAILS } from '../src/index.js';
import { readBlock } from '../scripts/docs/markers.js';
import { problemStatusTable } from '../scripts/docs/problem-status.js';
import { expectedBlock, SCAN, sourceTargets } from '../scripts/docs/registry.js';
import { checkDocs } from '../scripts/docs/sync.js';

const ROOT = resolve(import.meta.dirname, '..');

test('every block and file generated from the source is up to date, and every generated block has a generator', () => {
  const drift = checkDocs(ROOT, sourceTargets(), SCAN).map((d) => `${d.file}: ${d.reason}${d.fixable ? '' : ' [edit by hand]'}`);
  expect(drift, 'run npm run docs (lines marked [edit by hand] need a person)').toEqual([]);
});

test('the problem-status block of docs/gateway.md is the table toProblem answers', () => {
  const expected = expectedBlock('docs/gateway.md', 'problem-status');
  expect(
    readBlock(readFileSync(resolve(ROOT, 'docs/gateway.md'), 'utf8'), 'problem-status'),
    'docs/gateway.md block "problem-status" drifted: run npm run docs',
  ).toBe(expected);
});

test('the status table has every kind and every detail value once, with what the gateway tests pin', () => {
  const rows = problemStatusTable()
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  const details = KIND_DETAILS as Record<string, { readonly values: readonly string[] } | undefined>;
  for (const kind of KINDS) {
    const ofKind = rows.filter((row) => row.startsWith(`| \`${kind}\` |`));
    expect(ofKind.length, kind).toBeGreaterThan(0);
    const values = details[kind]?.values;
    if (values === undefined || ofKind.length === 1) continue;
    const listed = ofKind.flatMap((row) => [...(row.split(' | ')[1] ?? '').matchAll(/`([^`]+)`/g)].slice(1).map((m) => m[1]));
    expect(listed.sort(), kind).toEqual([...values].sort());
  }
  expect(rows).toContain('| `rate-limited` | `scope`: `end-user` | 429 | yes, when the wait is known | Too many requests |');
  expect(rows.find((row) => row.includes('`timeout`'))).toMatch(/^\| `provider-unavailable` \| `reason`: `timeout` \| 504 \|/);
  expect(rows.find((row) => row.startsWith('| `auth` |'))).toMatch(/\| 502 \| no \|/);
  expect(rows.find((row) => row.startsWith('| `reconnect-required` |'))).toMatch(/^\| `reconnect-required` \| any `reason` \| 409 \| no \|/);
});
