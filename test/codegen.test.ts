/**
 * The compiled readers (the Node entry's createNormalizer) against the generic
 * one (every other runtime's): they must answer alike on every documented row
 * and code of every catalog, and on hostile inputs.
 */
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer as generic, type NormalizeInput } from '../src/index.js';
import { createNormalizer as compiled } from '../src/index.node.js';
import { allCatalogs } from '../catalogs/all.js';
import { compileCatalog } from '../src/matcher/compile.js';
import { compileObserver } from '../src/matcher/codegen.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { hostileResponse } from '../src/testkit/arbitraries-entry.js';
import { acme } from './support/acme.js';
import { defineCatalog } from '../src/catalog/define-catalog.js';

const catalogs = [...allCatalogs, acme];
const slow = generic(catalogs);
const fast = compiled(catalogs);

// Under --disallow-code-generation-from-strings (npm run test:no-codegen) both sides are the generic reader.
const codegenAllowed = ((): boolean => {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
})();

test.skipIf(!codegenAllowed)('every shipped catalog compiles into its own reader', () => {
  for (const catalog of catalogs) expect(compileObserver(compileCatalog(catalog)), catalog.id).toBeTypeOf('function');
});

describe.each(catalogs.map((catalog) => [catalog.id, catalog] as const))('%s', (_id, catalog) => {
  const fixtures = [...rowFixtures(catalog), ...codeFixtures(catalog)];

  test('every documented row and code, as text, parsed, by path and without a method', () => {
    for (const fixture of fixtures) {
      const { input } = fixture;
      const variants: NormalizeInput[] = [
        input,
        { ...input, body: JSON.parse(input.body ?? '{}') as unknown },
        ...(input.url === undefined
          ? []
          : [
              { ...input, url: new URL(input.url).pathname + new URL(input.url).search },
              { ...input, method: undefined },
              { ...input, method: (input.method ?? 'get').toLowerCase() },
              { ...input, url: `${input.url}/#frag` },
            ]),
        { ...input, headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT', Date: 'Wed, 21 Oct 2026 07:27:00 GMT', 'X-Request-Id': 'r-1' } },
      ];
      for (const variant of variants) expect(fast.normalize(variant), fixture.name).toEqual(slow.normalize(variant));
    }
  });
});

fcTest.prop([hostileResponse({ providers: catalogs.map((catalog) => catalog.id), huge: false })], { numRuns: 500 })(
  'hostile inputs get the same answer from both readers',
  (input) => {
    expect(fast.normalize(input as NormalizeInput)).toEqual(slow.normalize(input as NormalizeInput));
    expect(fast.pending(input as NormalizeInput)).toEqual(slow.pending(input as NormalizeInput));
  },
);

describe('endpoints told apart by their first segment', () => {
  const source = 'https://docs.twins.example/errors';
  const twins = defineCatalog({
    id: 'twins',
    name: 'Twins',
    source,
    body: { code: ['code'] },
    codes: { T1: { kind: 'not-found', source } },
    endpoints: {
      'GET /abcd/{id}': { source, rows: [{ status: 404, code: 'T1' }] },
      'GET /abce/{id}': { source, rows: [{ status: 404, code: 'T1' }] },
      'GET /{kind}/list': { source, rows: [{ status: 404, code: 'T1' }] },
      'GET /abcd/list': { source, rows: [{ status: 404, code: 'T1' }] },
    },
  });
  const slowTwins = generic([twins]);
  const fastTwins = compiled([twins]);
  test.each([
    ['/abcd/1', 'GET /abcd/{id}', { id: '1' }],
    ['/abce/1', 'GET /abce/{id}', { id: '1' }],
    ['/abcf/1', undefined, {}],
    ['/ABCD/1', undefined, {}],
    ['/abc/1', undefined, {}],
    ['/abcd/list', 'GET /abcd/list', {}],
    // As specific as each other (one literal each): the one the catalog lists first wins.
    ['/abce/list', 'GET /abce/{id}', { id: 'list' }],
    ['/zzz/list', 'GET /{kind}/list', { kind: 'zzz' }],
    ['https://api.twins.example/abce/2?x=1#f', 'GET /abce/{id}', { id: '2' }],
  ] as const)('%s is %s in both readers', (url, endpoint, params) => {
    const input = { provider: 'twins', method: 'GET', url, status: 404, body: { code: 'T1' } };
    const answer = slowTwins.normalize(input);
    expect(answer).toMatchObject({ endpoint, params });
    expect(fastTwins.normalize(input)).toEqual(answer);
  });
});
