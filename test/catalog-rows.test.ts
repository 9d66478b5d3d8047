import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { parseCatalog } from '../src/catalog/index.js';
import { allCatalogs } from '../catalogs/all.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { documentedRows, resolveCode } from '../src/catalog/resolve.js';

const { normalize } = createNormalizer(allCatalogs);

describe.each(allCatalogs.map((catalog) => [catalog.id, catalog] as const))('%s catalog', (_id, catalog) => {
  test('is valid JSON data: it survives a round trip through the schema', () => {
    const result = parseCatalog(JSON.parse(JSON.stringify(catalog)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('every row and code names its source', () => {
    for (const { meaning } of documentedRows(catalog)) expect(meaning.source).toMatch(/^https:\/\//);
    for (const code of Object.keys(catalog.codes ?? {})) expect(resolveCode(catalog, code)?.source).toMatch(/^https:\/\//);
  });

  const rows = rowFixtures(catalog);
  test.skipIf(rows.length === 0).each(rows.map((fixture) => [fixture.name, fixture] as const))('row %s', (_name, fixture) => {
    const error = normalize(fixture.input);
    expect(error.kind).toBe(fixture.expected.kind);
    expect(error.provider).toBe(catalog.id);
    expect(error.code).toBe(fixture.expected.code);
    expect(error.status).toBe(fixture.expected.status);
    expect(error.endpoint).toBe(fixture.expected.endpoint);
    expect(error.params).toMatchObject(fixture.expected.params);
    expect(error.match.by).toBe('row');
    expect(error.match.source).toMatch(/^https:\/\//);
  });

  const codes = codeFixtures(catalog);
  test.skipIf(codes.length === 0).each(codes.map((fixture) => [fixture.name, fixture] as const))('bare %s', (_name, fixture) => {
    const error = normalize(fixture.input);
    expect(error.kind).toBe(fixture.expected.kind);
    expect(error.match.by).toBe('code');
    expect(error.endpoint).toBeUndefined();
  });
});
