import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
// ajv arrives with api-extractor, not as a dependency of ours: it checks the JSON documents we ship with a validator that is not zod.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { catalogSchema } from '../src/catalog/schema.js';
import { createNormalizer } from '../src/matcher/create-normalizer.js';
import { catalogJsonSchema, normalizedErrorJsonSchema } from '../src/schemas/json-schema.js';
import { normalizedErrorSchema } from '../src/schemas/normalized-error.js';
import { writeSchemas } from '../scripts/write-schemas.js';
import { KIND_DETAILS } from '../src/taxonomy/details.js';
import { OWNERS, SEVERITIES, USER_ACTIONS } from '../src/taxonomy/hints.js';
import { KINDS } from '../src/taxonomy/kinds.js';
import type { NormalizedError } from '../src/taxonomy/normalized-error.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { acme } from './support/acme.js';

const catalogs = [...allCatalogs, acme];
const { normalize } = createNormalizer(catalogs);

function problems(error: NormalizedError): string[] {
  const result = normalizedErrorSchema.safeParse(error);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** What a frontend receives from a gateway: the error after a JSON round trip. */
function overTheWire(error: NormalizedError): unknown {
  return JSON.parse(JSON.stringify(error));
}

describe('the normalized-error schema', () => {
  const fixtures = catalogs.flatMap((catalog) => [...rowFixtures(catalog), ...codeFixtures(catalog)]);

  test('there are fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s normalizes to a valid error, live and as JSON', (_name, fixture) => {
    const error = normalize(fixture.input);
    expect(problems(error)).toEqual([]);
    expect(normalizedErrorSchema.safeParse(overTheWire(error)).success).toBe(true);
  });

  test('errors with every kind of detail, a pending step and a Retry-After validate', () => {
    const inputs = [
      { provider: 'acme', code: 'E600', headers: { 'retry-after': '30' } },
      { provider: 'acme', code: 'LOCKED' },
      { provider: 'acme', code: '10', status: 202, body: { code: '10', mfa: { q: '?' } } },
      { provider: 'acme', status: 503, body: '<html>down</html>' },
      { provider: 'nobody', status: 504 },
      { provider: 'acme', status: 429 },
      { provider: 'acme', body: '{not json' },
    ];
    const errors = inputs.map((input) => normalize(input));
    expect(new Set(errors.map((error) => error.kind)).size).toBeGreaterThan(3);
    for (const error of errors) expect(problems(error)).toEqual([]);
  });

  propTest.prop([
    fc.record(
      {
        provider: fc.constantFrom('acme', ...allCatalogs.map((c) => c.id), 'other'),
        status: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.string()),
        code: fc.oneof(fc.string(), fc.integer()),
        body: fc.oneof(fc.json(), fc.jsonValue(), fc.string()),
        headers: fc.dictionary(fc.constantFrom('retry-after', 'x-request-id', 'content-type'), fc.string()),
      },
      { requiredKeys: ['provider'] },
    ),
  ])('whatever the input, the output validates', (input) => {
    expect(problems(normalize(input))).toEqual([]);
  });

  test('it rejects what is not a normalized error', () => {
    const valid = normalize({ provider: 'acme', code: 'LOCKED' });
    expect(problems(valid)).toEqual([]);
    const invalid: unknown[] = [
      { ...valid, kind: 'teapot' },
      { ...valid, reason: 'bored' },
      { ...valid, severity: 'panic' },
      { ...valid, userAction: 'dance' },
      { ...valid, status: 99 },
      { ...valid, params: { user_id: 42 } },
      { ...valid, retry: { ...valid.retry, retryable: 'yes' } },
      { ...valid, match: { ...valid.match, by: 'guess' } },
      { ...valid, kind: 'auth', provider: '' },
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'message')),
      // The reconnect-required variant needs its reason.
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'reason')),
    ];
    for (const value of invalid) expect(normalizedErrorSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });
});

interface VariantSchema {
  readonly properties: Record<string, { readonly const?: string; readonly enum?: readonly string[]; readonly $ref?: string }>;
  readonly required: readonly string[];
}

describe('the normalized-error JSON Schema', () => {
  const document = normalizedErrorJsonSchema();
  const variants = document.oneOf as unknown as VariantSchema[];
  const defs = document.$defs as Record<string, { readonly enum?: readonly string[] }>;

  test('is a draft 2020-12 document with a title and description', () => {
    expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.title).toMatch(/normalized error/);
    expect(document.description).toMatch(/kind/);
  });

  test('has one variant per kind, in the taxonomy order', () => {
    expect(variants.map((variant) => variant.properties['kind']?.const)).toEqual([...KINDS]);
    expect(variants).toHaveLength(13);
  });

  test('every variant requires the always-present fields and only those', () => {
    for (const variant of variants) {
      const detail = (KIND_DETAILS as Record<string, { readonly field: string } | undefined>)[variant.properties['kind']?.const ?? ''];
      expect([...variant.required].sort()).toEqual(
        [
          'kind',
          'provider',
          'message',
          'params',
          'causes',
          'retry',
          'userAction',
          'owner',
          'severity',
          'match',
          ...(detail === undefined ? [] : [detail.field]),
        ].sort(),
      );
    }
  });

  test('detail enums come from the taxonomy', () => {
    for (const [kind, spec] of Object.entries(KIND_DETAILS)) {
      const variant = variants.find((v) => v.properties['kind']?.const === kind);
      expect(variant?.properties[spec.field]?.enum).toEqual([...spec.values]);
    }
    expect(defs['UserAction']?.enum).toEqual([...USER_ACTIONS]);
    expect(defs['Owner']?.enum).toEqual([...OWNERS]);
    expect(defs['Severity']?.enum).toEqual([...SEVERITIES]);
    expect(Object.keys(defs).sort()).toEqual(['MatchInfo', 'Owner', 'RetryHint', 'Severity', 'UserAction']);
  });

  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});

describe('the catalog schema', () => {
  test.each(catalogs.map((catalog) => [catalog.id, catalog] as const))('the %s catalog validates', (_id, catalog) => {
    const result = catalogSchema.safeParse(JSON.parse(JSON.stringify(catalog)));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  test('its JSON Schema is a draft 2020-12 document that names what it cannot check', () => {
    const document = catalogJsonSchema();
    expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.type).toBe('object');
    expect(document.required).toEqual(expect.arrayContaining(['id', 'name', 'source']));
    expect(document.additionalProperties).toBe(false);
    expect(document.description).toMatch(/not expressible in it/);
    const kinds = JSON.stringify(document).match(/"enum":\["auth",[^\]]*\]/)?.[0];
    expect(kinds).toBe(`"enum":${JSON.stringify([...KINDS])}`);
  });
});

describe('the JSON Schema documents, checked by a JSON Schema validator (ajv)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  const validError = ajv.compile(normalizedErrorJsonSchema());
  const validCatalog = ajv.compile(catalogJsonSchema());
  const fixtures = catalogs.flatMap((catalog) => [...rowFixtures(catalog), ...codeFixtures(catalog)]);

  test('every fixture, normalized and sent as JSON, is valid', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const json = overTheWire(normalize(fixture.input));
      expect(validError(json) ? [] : validError.errors, fixture.name).toEqual([]);
    }
  });

  test('what zod rejects, the JSON Schema rejects too', () => {
    const valid = overTheWire(normalize({ provider: 'acme', code: 'E600', headers: { 'retry-after': '5' } })) as Record<string, unknown>;
    expect(validError(valid)).toBe(true);
    const invalid = [
      { ...valid, kind: 'teapot' },
      { ...valid, scope: 'galaxy' },
      { ...valid, severity: 'panic' },
      { ...valid, status: 'four hundred' },
      { ...valid, params: { user_id: 42 } },
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'scope')),
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'retry')),
    ];
    for (const value of invalid) {
      expect(normalizedErrorSchema.safeParse(value).success).toBe(false);
      expect(validError(value), JSON.stringify(value)).toBe(false);
    }
  });

  test.each(catalogs.map((catalog) => [catalog.id, catalog] as const))('the %s catalog, as JSON, is valid', (_id, catalog) => {
    expect(validCatalog(JSON.parse(JSON.stringify(catalog))) ? [] : validCatalog.errors).toEqual([]);
  });

  test('a catalog with an unknown field or kind is not', () => {
    expect(validCatalog({ ...JSON.parse(JSON.stringify(acme)), colour: 'blue' })).toBe(false);
    expect(validCatalog({ id: 'x', name: 'X', source: 'https://x.example', codes: { A: { kind: 'teapot', source: 'https://x.example' } } })).toBe(false);
    expect(validCatalog({ id: 'x', name: 'X', source: 'https://x.example', codes: { A: { kind: 'auth', source: 'https://x.example' } } })).toBe(true);
  });
});

describe('writeSchemas', () => {
  test('writes every document as a JSON file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-schemas-'));
    try {
      const written = await writeSchemas(join(dir, 'nested', 'schemas'));
      expect(written.map((path) => path.slice(dir.length + 1))).toEqual([
        join('nested', 'schemas', 'normalized-error.json'),
        join('nested', 'schemas', 'catalog.json'),
        join('nested', 'schemas', 'problem.json'),
      ]);
      expect(JSON.parse(await readFile(written[0] ?? '', 'utf8'))).toEqual(normalizedErrorJsonSchema());
      expect(JSON.parse(await readFile(written[1] ?? '', 'utf8'))).toEqual(catalogJsonSchema());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the problem+json body: JSON Schema, zod schema and the tiny guard agree with toProblem', () => {
  test('every documented row, as a gateway answers it, validates and passes the guard', async () => {
    const { toProblem } = await import('../src/gateway/index.js');
    const { isProblemBody } = await import('../src/messages/index.js');
    const { problemBodySchema, problemBodyJsonSchema } = await import('../src/catalog/index.js');
    const { Ajv2020: Ajv } = await import('ajv/dist/2020.js');
    const { allCatalogs: catalogs } = await import('../catalogs/all.js');
    const { createNormalizer: create } = await import('../src/index.js');
    const { rowFixtures: rows } = await import('../src/testkit/fixtures.js');
    const validate = new Ajv({ strict: false }).compile(problemBodyJsonSchema());
    const normalizer = create(catalogs);
    let count = 0;
    for (const catalog of catalogs) {
      for (const fixture of rows(catalog).slice(0, 40)) {
        const body = JSON.parse(
          JSON.stringify(toProblem(normalizer.normalize(fixture.input), { exposeRequestId: true, exposeDisplayMessage: true }).body),
        ) as unknown;
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
        expect(problemBodySchema.safeParse(body).success).toBe(true);
        expect(isProblemBody(body)).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  test('the guard refuses what is not a problem body, and never throws', async () => {
    const { isProblemBody } = await import('../src/messages/index.js');
    const good = { type: 't', title: 't', status: 409, detail: 'd', kind: 'conflict', provider: 'mx', userAction: 'wait' };
    expect(isProblemBody(good)).toBe(true);
    for (const bad of [
      null,
      1,
      [],
      {},
      { ...good, kind: 'nope' },
      { ...good, status: 200 },
      { ...good, userAction: 'x' },
      { ...good, retryAfter: -1 },
      { ...good, code: 5 },
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('x');
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('x');
          },
        },
      ),
    ]) {
      expect(isProblemBody(bad)).toBe(false);
    }
  });
});
