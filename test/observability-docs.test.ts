/**
 * docs/alerting.md shows the rules exactly as the package generates them for
 * the shipped catalogs; UPDATE_DOCS=1 rewrites the generated blocks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { connectionEventRules, prometheusRules } from '../src/observability/index.js';

const DOC = new URL('../docs/alerting.md', import.meta.url);

function sync(name: string, expected: string): string | undefined {
  const open = `<!-- generated:${name} -->\n`;
  const close = `<!-- /generated:${name} -->`;
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) return undefined;
  if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOC, text.slice(0, start + open.length) + expected + text.slice(end));
  const now = readFileSync(DOC, 'utf8');
  return now.slice(now.indexOf(open) + open.length, now.indexOf(close));
}

test.each([
  ['prometheus-rules', () => prometheusRules(allCatalogs)],
  ['connection-event-rules', () => connectionEventRules(allCatalogs)],
])('the %s block of docs/alerting.md is what the generator writes (UPDATE_DOCS=1 rewrites it)', (name, generate) => {
  const expected = `\`\`\`yaml\n${generate()}\`\`\`\n`;
  expect(sync(name, expected), `docs/alerting.md block "${name}" drifted: run UPDATE_DOCS=1 npx vitest run test/observability-docs.test.ts`).toBe(expected);
});
