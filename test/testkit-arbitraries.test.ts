import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { defineCatalog } from '../src/catalog/index.js';
import type { NormalizeInput } from '../src/index.js';
import { normalizedErrorSchema } from '../src/schemas/normalized-error.js';
import { allCatalogs } from '../catalogs/all.js';
import { aerosync } from '../catalogs/aerosync.js';
import { truelayer } from '../catalogs/truelayer.js';
import { readError, fromError, retryDecision, toProblem, type NormalizerLike } from '../src/gateway/index.js';
import { codeFixtures, rowFixtures } from '../src/testkit/index.js';
import { documentedResponse, hostileResponse, type HostileResponse } from '../src/testkit/arbitraries-entry.js';

const normalizer: NormalizerLike = createNormalizer(allCatalogs);

describe('documentedResponse', () => {
  test.each(allCatalogs.map((catalog) => [catalog.id, catalog] as const))('%s: draws every documented row (or code) and nothing else', (_id, catalog) => {
    const rows = rowFixtures(catalog);
    const expected = (rows.length > 0 ? rows : codeFixtures(catalog)).map((fixture) => fixture.name);
    const drawn = new Set(fc.sample(documentedResponse(catalog), { numRuns: expected.length * 40, seed: 7 }).map((fixture) => fixture.name));
    expect([...drawn].sort()).toEqual([...new Set(expected)].sort());
  });

  propTest.prop([documentedResponse(aerosync)])('an Aerosync row normalizes as documented', (fixture) => {
    const error = normalizer.normalize(fixture.input);
    expect(error.kind).toBe(fixture.expected.kind);
    expect(error.endpoint).toBe(fixture.expected.endpoint);
  });

  propTest.prop([documentedResponse(truelayer)])('TrueLayer has no endpoint tables: its codes are drawn bare', (fixture) => {
    expect(fixture.input.status).toBeUndefined();
    expect(normalizer.normalize(fixture.input).kind).toBe(fixture.expected.kind);
  });

  test('a catalog with neither rows nor codes is refused by name', () => {
    const empty = defineCatalog({ id: 'empty', name: 'Empty', source: 'https://docs.example.com/' });
    expect(() => documentedResponse(empty)).toThrow(/"empty"/);
  });
});

describe('hostileResponse', () => {
  const samples = fc.sample(hostileResponse(), { numRuns: 600, seed: 11 });

  function has(predicate: (input: HostileResponse) => boolean): boolean {
    return samples.some((input) => {
      try {
        return predicate(input);
      } catch {
        return false;
      }
    });
  }

  test('draws every kind of hostility it promises', () => {
    expect(has((input) => Object.isFrozen(input))).toBe(true);
    expect(has((input) => typeof input.body === 'string' && input.body.length > 4 * 1024 * 1024)).toBe(true);
    expect(has((input) => typeof input.body === 'string' && input.body.includes('__proto__'))).toBe(true);
    expect(has((input) => input.code === '__proto__' || input.code === 'constructor')).toBe(true);
    expect(has((input) => typeof input.body === 'string' && input.body.startsWith('<html>'))).toBe(true);
    expect(has((input) => typeof input.status === 'string')).toBe(true);
    expect(has((input) => input.body instanceof Uint8Array)).toBe(true);
    expect(samples.some((input) => Object.getOwnPropertyDescriptor(input, 'body')?.get !== undefined)).toBe(true);
  });

  propTest.prop([hostileResponse()], { numRuns: 300 })('normalize never throws and always answers a valid normalized error', (input) => {
    const error = normalizer.normalize(input as NormalizeInput);
    expect(normalizedErrorSchema.safeParse(error).success).toBe(true);
  });

  propTest.prop([hostileResponse({ huge: false })], { numRuns: 300 })('the gateway helpers never throw on it either', (input) => {
    const error = normalizer.normalize(input as NormalizeInput);
    const problem = toProblem(error);
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.body.kind).toBe(error.kind);
    expect(['retry', 'poll-job', 'stop']).toContain(retryDecision(error, { attempt: 1 }).action);
    expect(() => readError({ isAxiosError: true, response: input }, { provider: 'aerosync' })).not.toThrow();
    expect(normalizedErrorSchema.safeParse(fromError(input, { provider: 'aerosync' })).success).toBe(true);
    expect(
      normalizedErrorSchema.safeParse(fromError({ isAxiosError: true, response: input, config: input }, { normalizer, provider: 'aerosync' })).success,
    ).toBe(true);
  });
});

describe('entry points', () => {
  test('aggregator-errors/testkit never loads fast-check; only its arbitraries entry does', async () => {
    const { build } = await import('esbuild');
    const imports = async (entry: string): Promise<string[]> => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        external: ['fast-check', 'zod'],
        metafile: true,
        logLevel: 'silent',
      });
      return Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
    };
    expect(await imports('src/testkit/index.ts')).not.toContain('fast-check');
    expect(await imports('src/testkit/arbitraries-entry.ts')).toContain('fast-check');
  });
});
