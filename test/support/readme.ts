import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const README = resolve(import.meta.dirname, '../../README.md');

/** The text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in the README. */
export function readmeBlock(name: string): string | undefined {
  const text = readFileSync(README, 'utf8');
  const open = `<!-- generated:${name} -->\n`;
  const start = text.indexOf(open);
  const end = text.indexOf(`<!-- /generated:${name} -->`);
  return start < 0 || end < start ? undefined : text.slice(start + open.length, end);
}

/** With UPDATE_README=1, rewrites a generated block instead of only comparing it. */
export function syncReadmeBlock(name: string, expected: string): string | undefined {
  if (process.env['UPDATE_README'] === '1') {
    const text = readFileSync(README, 'utf8');
    const open = `<!-- generated:${name} -->\n`;
    const start = text.indexOf(open);
    const end = text.indexOf(`<!-- /generated:${name} -->`);
    if (start >= 0 && end > start) writeFileSync(README, text.slice(0, start + open.length) + expected + text.slice(end));
  }
  return readmeBlock(name);
}
