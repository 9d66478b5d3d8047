import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { type DemoCase, demoLines } from '../demo/report.js';
import { createNormalizer } from '../src/index.js';

const cases = JSON.parse(readFileSync(new URL('../demo/responses.json', import.meta.url), 'utf8')) as DemoCase[];
const normalizer = createNormalizer(allCatalogs);

test.each(cases.map((c) => [c.label, c] as const))('demo case "%s" classifies as its label says', (_label, { expected, response }) => {
  if ('step' in expected) {
    expect(normalizer.pending(response)?.step).toBe(expected.step);
    return;
  }
  expect(normalizer.pending(response)).toBeUndefined();
  const error = normalizer.normalize(response);
  const detail = 'reason' in error ? error.reason : 'scope' in error ? error.scope : undefined;
  expect({ kind: error.kind, detail, by: error.match.by }).toEqual({ kind: expected.kind, detail: expected.detail, by: expected.by });
});

test('the demo covers every provider and fits an 80-column terminal, with or without --all', () => {
  expect(new Set(cases.map((c) => c.response.provider))).toEqual(new Set(allCatalogs.map((c) => c.id)));
  for (const all of [false, true]) {
    const lines = demoLines(cases, all).flatMap((line) => line.split('\n'));
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    for (const { label } of cases) expect(lines).toContain(label);
  }
});
