/**
 * docs/alerting.md shows the rules exactly as the package generates them for
 * the shipped catalogs; `npm run docs` rewrites the generated blocks.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { connectionEventRules, prometheusRules } from '../src/observability/index.js';
import { readBlock } from '../scripts/docs/markers.js';
import { expectedBlock } from '../scripts/docs/registry.js';

const DOC = readFileSync(new URL('../docs/alerting.md', import.meta.url), 'utf8');

test.each([
  ['prometheus-rules', () => prometheusRules(allCatalogs)],
  ['connection-event-rules', () => connectionEventRules(allCatalogs)],
])('the %s block of docs/alerting.md is what the generator writes (npm run docs rewrites it)', (name, generate) => {
  const expected = `\`\`\`yaml\n${generate()}\`\`\`\n`;
  expect(expectedBlock('docs/alerting.md', name)).toBe(expected);
  expect(readBlock(DOC, name), `docs/alerting.md block "${name}" drifted: run npm run docs`).toBe(expected);
});
