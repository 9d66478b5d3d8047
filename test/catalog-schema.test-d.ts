/**
 * The proof in src/catalog/schema.ts that the catalog schema accepts exactly
 * CatalogInput (and each part its `*Input` interface) can fail: each
 * `@ts-expect-error` below fails the type check if `SchemaMatches` stops telling
 * that difference apart. The differences it erases on purpose (readonly, an
 * optional property's `| undefined`, the two libraries' names for "any JSON")
 * are shown passing.
 */
import type { JsonValue } from 'type-fest';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { defineCatalog, parseCatalog, type CatalogInput } from '../src/catalog/index.js';
import type { SchemaMatches } from '../src/catalog/schema.js';

type Expect<T extends true> = T;

const entry = z.strictObject({
  kind: z.enum(['auth', 'unknown']),
  note: z.string().optional(),
  statuses: z.array(z.int()).min(1).optional(),
  hints: z.strictObject({ retryable: z.boolean().optional() }).optional(),
});
interface EntryInput {
  readonly kind: 'auth' | 'unknown';
  readonly note?: string;
  readonly statuses?: readonly number[];
  readonly hints?: { readonly retryable?: boolean };
}
const book = z.strictObject({ id: z.string(), entries: z.record(z.string(), entry).optional(), constant: z.record(z.string(), z.json()).optional() });
interface BookInput {
  readonly id: string;
  readonly entries?: Readonly<Record<string, EntryInput>>;
  readonly constant?: Readonly<Record<string, JsonValue>>;
}

describe('SchemaMatches, the check behind the catalog schema = CatalogInput proof', () => {
  test('a schema and the interface it mirrors match (readonly and an optional | undefined are erased; JSON is JSON)', () => {
    expectTypeOf<SchemaMatches<typeof entry, EntryInput>>().toEqualTypeOf<true>();
    expectTypeOf<SchemaMatches<typeof book, BookInput>>().toEqualTypeOf<true>();
  });

  test('a key the type lacks, or a key the schema lacks, fails', () => {
    // @ts-expect-error: the type has no statuses
    type MissingInType = Expect<SchemaMatches<typeof entry, Omit<EntryInput, 'statuses'>>>;
    // @ts-expect-error: the schema has no extra
    type MissingInSchema = Expect<SchemaMatches<typeof entry, EntryInput & { readonly extra?: string }>>;
  });

  test('optional against required fails, either way', () => {
    // @ts-expect-error: note is optional in the schema
    type Required = Expect<SchemaMatches<typeof entry, Omit<EntryInput, 'note'> & { readonly note: string }>>;
    // @ts-expect-error: kind is required in the schema
    type Optional = Expect<SchemaMatches<typeof entry, Omit<EntryInput, 'kind'> & { readonly kind?: 'auth' | 'unknown' }>>;
  });

  test('a different value type fails, however deep', () => {
    // @ts-expect-error: the enum has one member fewer
    type Enum = Expect<SchemaMatches<typeof entry, Omit<EntryInput, 'kind'> & { readonly kind: 'auth' }>>;
    // @ts-expect-error: statuses are numbers, not strings
    type ArrayElement = Expect<SchemaMatches<typeof entry, Omit<EntryInput, 'statuses'> & { readonly statuses?: readonly string[] }>>;
    type Deep = Expect<
      // @ts-expect-error: retryable, inside the hints of a record's entry, is a boolean
      SchemaMatches<
        typeof book,
        Omit<BookInput, 'entries'> & {
          readonly entries?: Readonly<Record<string, Omit<EntryInput, 'hints'> & { readonly hints?: { readonly retryable?: string } }>>;
        }
      >
    >;
    // @ts-expect-error: a JSON value is not only strings
    type Json = Expect<SchemaMatches<typeof book, Omit<BookInput, 'constant'> & { readonly constant?: Readonly<Record<string, string>> }>>;
  });

  test('both what a schema accepts and what it returns are compared', () => {
    const parsed = z.strictObject({ ms: z.string().transform(Number) });
    // @ts-expect-error: its output is a number, its input is not
    type Input = Expect<SchemaMatches<typeof parsed, { readonly ms: number }>>;
    // @ts-expect-error: its input is a string, its output is not
    type Output = Expect<SchemaMatches<typeof parsed, { readonly ms: string }>>;
  });
});

describe('$schema, the one difference the proof found', () => {
  test('a catalog file may name its JSON Schema: the type says so, as the schema always accepted it', () => {
    expectTypeOf<CatalogInput['$schema']>().toEqualTypeOf<string | undefined>();
    const catalog = defineCatalog({
      $schema: 'https://unpkg.com/aggregator-errors/dist/schemas/catalog.json',
      id: 'x',
      name: 'X',
      source: 'https://docs.example.com/errors',
    });
    expectTypeOf(catalog.$schema).toEqualTypeOf<'https://unpkg.com/aggregator-errors/dist/schemas/catalog.json'>();
    const result = parseCatalog({});
    if (result.ok) expectTypeOf(result.catalog.$schema).toEqualTypeOf<string | undefined>();
  });
});
