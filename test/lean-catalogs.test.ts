import { describe, expect, expectTypeOf, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { leanCatalog, PROSE_KEYS, type LeanCatalog } from '../src/catalog/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { acme } from './support/acme.js';

/** The keys of every entry of the format (the catalog, codes, rows, endpoints...), never of a record's names or of data. */
function entryKeysOf(catalog: Record<string, unknown>): Set<string> {
  const out = new Set<string>(Object.keys(catalog));
  const entries = (value: unknown): unknown[] => (typeof value === 'object' && value !== null ? Object.values(value) : []);
  const add = (entry: unknown): void => {
    for (const key of Object.keys(typeof entry === 'object' && entry !== null ? entry : {})) out.add(key);
  };
  for (const section of ['codes', 'categories', 'prefixes', 'statuses', 'endpoints'] as const) {
    for (const entry of entries(catalog[section])) {
      add(entry);
      for (const other of entries((entry as { byCategory?: unknown }).byCategory)) add(other);
      for (const row of (entry as { rows?: unknown[] }).rows ?? []) add(row);
    }
  }
  for (const step of (catalog['pending'] as unknown[] | undefined) ?? []) add(step);
  add(catalog['timeout']);
  return out;
}

describe.each([...allCatalogs, acme].map((catalog) => [catalog.id, catalog] as const))('lean %s', (_id, catalog) => {
  const lean = leanCatalog(catalog);
  const full = createNormalizer([catalog]);
  const small = createNormalizer([lean]);

  test('has no prose left, and is smaller', () => {
    const keys = entryKeysOf(lean as unknown as Record<string, unknown>);
    for (const key of PROSE_KEYS) expect(keys.has(key), key).toBe(false);
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(catalog).length);
  });

  test('keeps every name a record holds and every base URL: only prose fields of entries go', () => {
    const names = (value: unknown): string[] => Object.keys(typeof value === 'object' && value !== null ? value : {});
    expect(lean.baseUrls ?? {}).toEqual(catalog.baseUrls ?? {});
    for (const section of ['codes', 'categories', 'prefixes', 'statuses', 'endpoints'] as const) {
      expect(names((lean as Record<string, unknown>)[section]), section).toEqual(names((catalog as Record<string, unknown>)[section]));
    }
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
