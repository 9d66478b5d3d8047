import { describe, expect, expectTypeOf, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { leanCatalog, PROSE_KEYS, type LeanCatalog } from '../src/catalog/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { acme } from './support/acme.js';

function keysOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      keysOf(child, out);
    }
  }
  return out;
}

describe.each([...allCatalogs, acme].map((catalog) => [catalog.id, catalog] as const))('lean %s', (_id, catalog) => {
  const lean = leanCatalog(catalog);
  const full = createNormalizer([catalog]);
  const small = createNormalizer([lean]);

  test('has no prose left, and is smaller', () => {
    const keys = keysOf(lean);
    for (const key of PROSE_KEYS) expect(keys.has(key)).toBe(false);
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(catalog).length);
  });

  test('classifies every documented row and code exactly as the full catalog', () => {
    const fixtures = [...rowFixtures(catalog), ...codeFixtures(catalog)];
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const a = full.normalize(fixture.input);
      const b = small.normalize(fixture.input);
      expect({ ...b, match: { ...b.match, description: a.match.description, note: a.match.note } }).toEqual(a);
      expect(b.match.description).toBeUndefined();
      expect(b.match.note).toBeUndefined();
    }
  });
});

test('the lean type drops the prose keys and is accepted by createNormalizer', () => {
  type Lean = LeanCatalog<typeof acme>;
  expectTypeOf<Lean>().not.toHaveProperty('notes');
  expectTypeOf<Lean['codes']['E102']>().not.toHaveProperty('description');
  expectTypeOf<Lean['codes']['E102']['kind']>().toEqualTypeOf<'not-found'>();
  expectTypeOf(createNormalizer([leanCatalog(acme)]).normalize).toBeFunction();
});
