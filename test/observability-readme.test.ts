import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { prometheusRules } from '../src/observability/index.js';
import { allCatalogs } from '../catalogs/all.js';

const START = '<!-- generated:prometheus-rules -->';
const END = '<!-- /generated:prometheus-rules -->';

test("the README's example Prometheus rules are exactly what prometheusRules(allCatalogs) generates", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start, `README.md has no ${START} marker`).toBeGreaterThanOrEqual(0);
  expect(end, `README.md has no ${END} marker after ${START}`).toBeGreaterThan(start);
  const block = readme.slice(start + START.length, end);
  const expected = `\n\`\`\`yaml\n${prometheusRules(allCatalogs)}\`\`\`\n`;
  if (block !== expected) {
    // Script-free regeneration: paste this between the markers.
    console.log(`README.md is stale: replace the text between ${START} and ${END} with:\n${expected}`);
  }
  expect(block).toBe(expected);
});
