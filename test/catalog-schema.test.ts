import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { CatalogInput } from '../src/index.js';
import { CatalogError, defineCatalog, parseCatalog } from '../src/catalog/index.js';
import { acme } from './support/acme.js';

const DOCS = 'https://docs.example.com/errors';
const valid = {
  id: 'ok',
  name: 'Ok',
  source: DOCS,
  codes: { A1: { kind: 'auth', source: DOCS } },
  endpoints: { 'GET /a/{id}': { source: DOCS, rows: [{ status: 401, code: 'A1' }] } },
} satisfies CatalogInput;

function problems(value: unknown): string[] {
  const result = parseCatalog(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('catalog schema', () => {
  test('a valid catalog passes and is frozen', () => {
    const result = parseCatalog(structuredClone(valid));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.isFrozen(result.catalog.codes)).toBe(true);
    expect(Object.isFrozen(acme.endpoints['GET /users/{user_id}'].rows[0])).toBe(true);
  });

  test('every problem is named by its path at once, field errors and cross-row errors together', () => {
    const found = problems({
      ...valid,
      id: 'Bad Id',
      codes: { A1: { kind: 'auth', source: DOCS }, C3: { kind: 'nope', source: DOCS }, B2: { kind: 'auth', detail: 'x', source: 'not a url' } },
      endpoints: {
        'GET /a/{id}': {
          source: DOCS,
          rows: [
            { status: 401, code: 'A1' },
            { status: 401, code: 'A1' },
            { status: 400, code: 'Z9' },
            { status: 402, code: 'A1', kind: 'unknown' },
            { status: 600, code: 'A1', message: 'User {user id} x' },
          ],
        },
        'fetch /x/{y': { source: DOCS, rows: [] },
      },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'id: must be a lowercase id such as "aerosync"',
        expect.stringMatching(/^codes\.C3\.kind: Invalid option/),
        'codes.B2.source: must be an http(s) URL or a key of sources (no source "not a url" in sources)',
        'codes.B2.detail: kind "auth" carries no detail',
        'endpoints["GET /a/{id}"].rows[1]: duplicate row: status 401 and code "A1" already at row 0',
        'endpoints["GET /a/{id}"].rows[2].code: code "Z9" has no provider-wide meaning in codes: document it there or give the row a kind',
        'endpoints["GET /a/{id}"].rows[4].status: must be an HTTP status (100-599)',
        expect.stringMatching(/^endpoints\["GET \/a\/\{id\}"\]\.rows\[4\]\.message: malformed template/),
        expect.stringMatching(/^endpoints\["fetch \/x\/\{y"\]: malformed endpoint id: must start with an upper-case HTTP method/),
      ]),
    );
  });

  test('a code may mean one thing at one status and another at another status on the same endpoint', () => {
    const twice = {
      ...valid,
      endpoints: {
        'GET /a/{id}': {
          source: DOCS,
          rows: [
            { status: 401, code: 'A1' },
            { status: 404, code: 'A1', kind: 'not-found' },
          ],
        },
      },
    };
    expect(problems(twice)).toEqual([]);
  });

  test.each([
    ['GET a/b', 'path must start with "/"'],
    ['GET /a/{b}/{b}', 'path parameter {b} appears twice'],
    ['GET /a/x{b}', 'must be a literal or a whole {name} placeholder'],
    ['GET /a//b', 'path has an empty segment'],
    ['GET /a?b', 'must be key=value with a literal value'],
    ['GET /a?b={c}', 'must be key=value with a literal value'],
    ['GET /a/{__proto__}', 'must be a literal or a whole {name} placeholder'],
  ])('endpoint id %s is malformed', (id, message) => {
    expect(problems({ ...valid, endpoints: { [id]: { source: DOCS, rows: [] } } }).join('\n')).toContain(message);
  });

  test.each([['User {a'], ['User a}'], ['{a}{b}'], ['{}'], ['{constructor}'], ['{a} and {a}']])('message template %s is malformed', (message) => {
    expect(problems({ ...valid, codes: { A1: { kind: 'auth', source: DOCS, message } } })[0]).toMatch(/^codes\.A1\.message: malformed template/);
  });

  test("a detail must be one of its kind's values, a sandbox trigger must name a real endpoint, unknown keys are rejected", () => {
    expect(problems({ ...valid, codes: { A1: { kind: 'reconnect-required', detail: 'bored', source: DOCS } } })).toEqual([
      'codes.A1.detail: must be one of credentials, consent, fi-paused-sharing, account-locked, institution-attention, connection for kind "reconnect-required"',
    ]);
    expect(problems({ ...valid, sandbox: [{ field: 'username', value: 'x', endpoint: 'GET /nope', description: 'd', source: DOCS }] })).toEqual([
      'sandbox[0].endpoint: unknown endpoint "GET /nope"',
    ]);
    expect(problems({ ...valid, codez: {} })).toEqual(['codez: unknown key: did you mean "codes"?']);
  });

  test('a catalog file may name its JSON Schema ($schema, as CatalogInput documents it); it must be a string', () => {
    const named = { $schema: 'https://unpkg.com/aggregator-errors/dist/schemas/catalog.json', ...structuredClone(valid) };
    const result = parseCatalog(JSON.parse(JSON.stringify(named)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.catalog.$schema).toBe(named.$schema);
    expect(problems({ ...valid, $schema: 42 })).toEqual([expect.stringMatching(/^\$schema: /)]);
  });

  test('defineCatalog throws a CatalogError that lists every problem', () => {
    const bad = { ...valid, id: 'X', source: 'ftp://x' } as unknown as CatalogInput;
    expect(() => defineCatalog(bad)).toThrow(CatalogError);
    try {
      defineCatalog(bad);
    } catch (error) {
      expect((error as CatalogError).problems.map((p) => p.path)).toEqual(['id', 'source']);
      expect((error as CatalogError).message).toContain('Invalid catalog (2 problems)');
    }
  });

  fcTest.prop([fc.anything()])('parseCatalog never throws and rejects non-catalogs with named problems', (value) => {
    const result = parseCatalog(value);
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) expect(problem.path).not.toBe('');
    }
  });

  fcTest.prop([fc.integer({ min: 0, max: 4 }), fc.array(fc.constantFrom(200, 400, 401, 404), { minLength: 2, maxLength: 6 })])(
    'any repeated (status, code) pair in a table is reported as a duplicate',
    (_seed, statuses) => {
      const rows = statuses.map((status) => ({ status, code: 'A1' }));
      const duplicates = statuses.filter((status, i) => statuses.indexOf(status) !== i).length;
      const found = problems({ ...valid, endpoints: { 'GET /a/{id}': { source: DOCS, rows } } }).filter((p) => p.includes('duplicate row'));
      expect(found).toHaveLength(duplicates);
    },
  );
});
