import type { IsEqual, JsonValue, OptionalKeysOf } from 'type-fest';
import { z } from 'zod';
import { KINDS, isKind } from '../taxonomy/kinds.js';
import { OWNERS, SEVERITIES, USER_ACTIONS } from '../taxonomy/hints.js';
import { KIND_DETAILS } from '../taxonomy/details.js';
import { own, ownString } from '../util/own.js';
import { endpointIdProblems } from './endpoint-id.js';
import { templateProblems } from './message-template.js';
import type {
  BodyShapeInput,
  BodyWaitInput,
  CatalogInput,
  CategoryCodeInput,
  CodeInput,
  DailyQuotaInput,
  EndpointInput,
  HintsInput,
  MeaningInput,
  PendingInput,
  RateLimitHeadersInput,
  RateLimitsInput,
  RowInput,
  SandboxTriggerInput,
} from './types.js';

type JsonMark = { readonly '~json': true };
/**
 * A type as the catalog format means it, for comparing a schema with its interface.
 * Two differences carry no meaning and are erased: `readonly` (a compile-time
 * modifier; the validated copy is deeply frozen at run time) and the `| undefined`
 * zod adds to an optional property (the snapshot drops every key whose value is
 * undefined before the schema runs, so none reaches it). A JSON value is compared
 * by name: type-fest's JsonValue and zod's z.json() both mean "any JSON".
 */
type Shape<T> =
  IsEqual<T, JsonValue> extends true
    ? JsonMark
    : IsEqual<T, z.core.util.JSONType> extends true
      ? JsonMark
      : T extends readonly (infer E)[]
        ? Shape<E>[]
        : T extends object
          ? { -readonly [K in keyof T]: Shape<K extends OptionalKeysOf<T> ? Exclude<T[K], undefined> : T[K]> }
          : T;

/**
 * `true` when both what schema `S` accepts (z.input) and what it returns (z.output)
 * equal type `T`, up to `readonly` and an optional property's `| undefined`.
 *
 * @internal
 */
export type SchemaMatches<S extends z.ZodType, T> = [IsEqual<Shape<z.input<S>>, Shape<T>>, IsEqual<Shape<z.output<S>>, Shape<T>>] extends [true, true]
  ? true
  : false;

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/;
const isHttpUrl = (value: string): boolean => value.length <= 2048 && HTTP_URL.test(value) && URL.canParse(value);

const url = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: an http(s) URL' : 'must be an http(s) URL') })
  .refine(isHttpUrl, 'must be an http(s) URL');
// A source is checked against the catalog's `sources` table in the cross checks.
const sourceRef = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required: the URL of the documentation, or a key of sources' : 'must be an http(s) URL or a key of sources',
  })
  .min(1, 'must be an http(s) URL or a key of sources')
  .max(2048);
const text = z.string().trim().min(1, 'must not be empty');
const status = z.int().min(100, 'must be an HTTP status (100-599)').max(599, 'must be an HTTP status (100-599)');
const code = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');
const DOTTED = /^[^.\s]+(\.[^.\s]+)*$/;
const dotted = (message: string) =>
  z
    .string()
    .max(512)
    .regex(DOTTED, message)
    .refine(
      (path) => !path.split('.').some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype'),
      'must not name __proto__, constructor or prototype',
    );
const paths = z.array(dotted('must be a dotted path such as "error.code"')).min(1);

const hints = z.strictObject({
  retryable: z.boolean().optional(),
  afterMs: z.int().min(0).optional(),
  userAction: z.enum(USER_ACTIONS).optional(),
  owner: z.enum(OWNERS).optional(),
  severity: z.enum(SEVERITIES).optional(),
});

const meaningShape = {
  kind: z.enum(KINDS),
  detail: z.string().optional(),
  message: text.optional(),
  description: text.optional(),
  note: text.optional(),
  source: sourceRef,
  thirdParty: text.optional(),
  hints: hints.optional(),
};

const meaning = z.strictObject(meaningShape);

const categoryCode = z.strictObject({
  ...meaningShape,
  kind: meaningShape.kind.optional(),
  source: sourceRef.optional(),
  statuses: z.array(status).min(1).optional(),
});

const codeEntry = z.strictObject({
  ...meaningShape,
  statuses: z.array(status).min(1).optional(),
  arrives: text.optional(),
  category: text.optional(),
  byCategory: z.record(text, categoryCode).optional(),
  aliases: z.array(code).min(1).optional(),
  legacy: z.boolean().optional(),
});

const row = z.strictObject({
  ...meaningShape,
  kind: meaningShape.kind.optional(),
  source: sourceRef.optional(),
  status,
  code: code.optional(),
  printed: text.optional(),
});

const endpoint = z.strictObject({
  source: sourceRef,
  note: text.optional(),
  thirdParty: text.optional(),
  rows: z.array(row),
});

const pending = z.strictObject({
  step: text,
  code,
  aliases: z.array(code).min(1).optional(),
  status: status.optional(),
  when: dotted('must be a dotted path such as "mfa.access_token"').optional(),
  description: text.optional(),
  source: sourceRef,
});

const trigger = z.strictObject({
  field: dotted('must be a dotted path into the request body such as "info.bank_id"'),
  value: text.max(256),
  compare: z.enum(['exact', 'suffix']).optional(),
  with: z.record(dotted('must be a dotted path into the request body'), z.string().max(256)).optional(),
  endpoint: z.string().optional(),
  status: status.optional(),
  code: code.optional(),
  description: text,
  source: sourceRef,
});

const headerName = z
  .string()
  .max(128)
  .regex(/^[a-z0-9-]+$/, 'must be a lowercase header name');
const rateLimitHeaders = z.strictObject({
  limit: headerName.optional(),
  remaining: headerName.optional(),
  reset: headerName.optional(),
  resetFormat: z.enum(['delta-seconds', 'epoch-seconds', 'epoch-milliseconds', 'date']).optional(),
});
const bodyWait = z.strictObject({
  message: text.max(2048),
  unit: z.enum(['milliseconds', 'seconds', 'minutes', 'hours']),
  codes: z.array(code).min(1).optional(),
  source: sourceRef,
});
const dailyQuota = z.strictObject({
  resetsAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM in UTC')
    .optional(),
  note: text.optional(),
  source: sourceRef,
});
const rateLimits = z.strictObject({
  headers: rateLimitHeaders.optional(),
  bodyWaits: z.array(bodyWait).min(1).optional(),
  dailyQuotas: z.record(code, dailyQuota).optional(),
  note: text.optional(),
  source: sourceRef,
});

const bodyShape = z.strictObject({
  code: paths.optional(),
  message: paths.optional(),
  displayMessage: paths.optional(),
  requestId: paths.optional(),
  category: paths.optional(),
  status: paths.optional(),
  documentationUrl: paths.optional(),
  suggestedAction: paths.optional(),
  causes: paths.optional(),
  params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name of letters, digits and _'), paths).optional(),
  encode: z.strictObject({ code: z.enum(['string', 'number']).optional(), status: z.enum(['string', 'number']).optional() }).optional(),
  constant: z.record(z.string(), z.json()).optional(),
});

const catalogObject = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id such as "aerosync"'),
  name: text,
  source: sourceRef,
  sources: z
    .record(
      z
        .string()
        .max(64)
        .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'must be a short key of letters, digits and . _ / -'),
      url,
    )
    .optional(),
  baseUrls: z.record(z.string().max(64), url).optional(),
  pathPrefix: z
    .string()
    .max(256, 'must be at most 256 characters')
    .regex(/^(\/[^/?#\s{}]+)+$/, 'must be a path such as "/v2"')
    .optional(),
  timeout: z.strictObject({ ms: z.int().positive(), source: sourceRef, note: text.optional() }).optional(),
  body: bodyShape.optional(),
  requestIdHeaders: z
    .array(
      z
        .string()
        .max(128)
        .regex(/^[a-z0-9-]+$/, 'must be a lowercase header name'),
    )
    .optional(),
  codes: z.record(code, codeEntry).optional(),
  categories: z.record(text, meaning).optional(),
  prefixes: z.record(code, meaning).optional(),
  statuses: z.record(z.string().regex(/^[1-5]\d\d$/, 'must be an HTTP status'), meaning).optional(),
  endpoints: z.record(z.string(), endpoint).optional(),
  pending: z.array(pending).optional(),
  sandbox: z.array(trigger).optional(),
  notes: z.array(text).optional(),
  rateLimits: rateLimits.optional(),
});

// Compile-time proof that the schema accepts exactly the documented format: for each
// part, z.input (what the schema takes, as defineCatalog takes a CatalogInput) and
// z.output (what parseCatalog returns typed as a Catalog) equal the interface it mirrors.
type Expect<T extends true> = T;
type _SchemaMatchesTypes = [
  Expect<SchemaMatches<typeof hints, HintsInput>>,
  Expect<SchemaMatches<typeof meaning, MeaningInput>>,
  Expect<SchemaMatches<typeof categoryCode, CategoryCodeInput>>,
  Expect<SchemaMatches<typeof codeEntry, CodeInput>>,
  Expect<SchemaMatches<typeof row, RowInput>>,
  Expect<SchemaMatches<typeof endpoint, EndpointInput>>,
  Expect<SchemaMatches<typeof bodyShape, BodyShapeInput>>,
  Expect<SchemaMatches<typeof pending, PendingInput>>,
  Expect<SchemaMatches<typeof trigger, SandboxTriggerInput>>,
  Expect<SchemaMatches<typeof rateLimitHeaders, RateLimitHeadersInput>>,
  Expect<SchemaMatches<typeof bodyWait, BodyWaitInput>>,
  Expect<SchemaMatches<typeof dailyQuota, DailyQuotaInput>>,
  Expect<SchemaMatches<typeof rateLimits, RateLimitsInput>>,
  Expect<SchemaMatches<typeof catalogObject, CatalogInput>>,
];

/** A problem found by the schema or the cross checks, by raw property path. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}
type Path = readonly (string | number)[];

// The cross checks also run on input the field schemas rejected, so that every
// problem is named at once: they read defensively and skip what is malformed.
function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const DETAIL_VALUES: Readonly<Record<string, { readonly values: readonly string[] } | undefined>> = KIND_DETAILS;

function checkMeaning(entry: unknown, kind: string | undefined, path: Path, issues: Issue[]): void {
  const detail = ownString(entry, 'detail');
  if (detail !== undefined && kind !== undefined) {
    const spec = own(DETAIL_VALUES, kind) as { readonly values: readonly string[] } | undefined;
    if (spec === undefined) {
      issues.push({ path: [...path, 'detail'], message: `kind "${kind}" carries no detail` });
    } else if (!spec.values.includes(detail)) {
      issues.push({ path: [...path, 'detail'], message: `must be one of ${spec.values.join(', ')} for kind "${kind}"` });
    }
  }
  const message = ownString(entry, 'message');
  if (message !== undefined)
    for (const problem of templateProblems(message)) issues.push({ path: [...path, 'message'], message: `malformed template: ${problem}` });
}

/** The kind an entry ends up with: its own, or the one it inherits (an invalid inherited kind is reported where it stands). */
function kindOf(entry: unknown, inherited: unknown): string | undefined {
  const ownKind = ownString(entry, 'kind');
  if (ownKind !== undefined) return isKind(ownKind) ? ownKind : undefined;
  const base = ownString(inherited, 'kind');
  return isKind(base) ? base : undefined;
}

function checkRows(id: string, rows: unknown[], codes: unknown, issues: Issue[]): void {
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const path = ['endpoints', id, 'rows', index];
    const rowStatus = own(row, 'status');
    const rowCode = ownString(row, 'code');
    const key = `${String(rowStatus)} ${rowCode ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path, message: `duplicate row: status ${String(rowStatus)} and code "${rowCode ?? ''}" already at row ${first}` });
    else seen.set(key, index);
    const ownKind = ownString(row, 'kind');
    if (rowCode === undefined && ownKind === undefined) issues.push({ path: [...path, 'kind'], message: 'a row without a code needs a kind' });
    const documented = rowCode === undefined ? undefined : own(codes, rowCode);
    if (rowCode !== undefined && documented === undefined && ownKind === undefined) {
      issues.push({ path: [...path, 'code'], message: `code "${rowCode}" has no provider-wide meaning in codes: document it there or give the row a kind` });
    }
    // One code may mean one thing at 400 and another at 404 on the same endpoint (Mastercard's spec does):
    // each row holds at its own status; only a second row at the same status is a duplicate.
    checkMeaning(row, kindOf(row, documented), path, issues);
  });
}

function checkCodes(catalog: unknown, issues: Issue[]): void {
  const categories = own(catalog, 'categories');
  const codes = entriesOf(own(catalog, 'codes'));
  const spelled = new Map<string, string>();
  for (const [name] of codes) spelled.set(name, name);
  listOf(own(catalog, 'pending')).forEach((step, index) => {
    const name = ownString(step, 'code');
    listOf(own(step, 'aliases')).forEach((alias, at) => {
      if (typeof alias !== 'string' || name === undefined) return;
      const taken = spelled.get(alias);
      if (taken !== undefined && taken !== name)
        issues.push({
          path: ['pending', index, 'aliases', at],
          message: `"${alias}" already names ${taken === alias ? 'a code of its own' : `an alias of code "${taken}"`}`,
        });
      else spelled.set(alias, name);
    });
  });
  for (const [name, entry] of codes) {
    const path = ['codes', name];
    checkMeaning(entry, ownString(entry, 'kind'), path, issues);
    const category = ownString(entry, 'category');
    if (category !== undefined && own(categories, category) === undefined) {
      issues.push({ path: [...path, 'category'], message: `category "${category}" has no meaning in categories: document it there` });
    }
    for (const [other, byCategory] of entriesOf(own(entry, 'byCategory'))) {
      const at = [...path, 'byCategory', other];
      if (other === category) issues.push({ path: at, message: `"${other}" is the code's own category: put what it means there on the code itself` });
      else if (own(categories, other) === undefined) issues.push({ path: at, message: `category "${other}" has no meaning in categories: document it there` });
      checkMeaning(byCategory, kindOf(byCategory, entry), at, issues);
    }
    listOf(own(entry, 'aliases')).forEach((alias, index) => {
      if (typeof alias !== 'string') return;
      const taken = spelled.get(alias);
      if (taken !== undefined)
        issues.push({
          path: [...path, 'aliases', index],
          message: `"${alias}" already names ${taken === alias ? 'a code of its own' : `an alias of code "${taken}"`}`,
        });
      else spelled.set(alias, name);
    });
  }
}

// Every place a catalog names a source, for the check that each one resolves.
function* sourceRefs(catalog: unknown): Generator<readonly [Path, unknown]> {
  yield [['source'], own(catalog, 'source')];
  yield [['timeout', 'source'], own(own(catalog, 'timeout'), 'source')];
  for (const section of ['codes', 'categories', 'prefixes', 'statuses'] as const) {
    for (const [key, entry] of entriesOf(own(catalog, section))) {
      yield [[section, key, 'source'], own(entry, 'source')];
      for (const [category, other] of entriesOf(own(entry, 'byCategory'))) yield [[section, key, 'byCategory', category, 'source'], own(other, 'source')];
    }
  }
  for (const [id, endpoint] of entriesOf(own(catalog, 'endpoints'))) {
    yield [['endpoints', id, 'source'], own(endpoint, 'source')];
    for (const [index, entry] of listOf(own(endpoint, 'rows')).entries()) yield [['endpoints', id, 'rows', index, 'source'], own(entry, 'source')];
  }
  for (const section of ['pending', 'sandbox'] as const) {
    for (const [index, entry] of listOf(own(catalog, section)).entries()) yield [[section, index, 'source'], own(entry, 'source')];
  }
  const limits = own(catalog, 'rateLimits');
  if (limits !== undefined) yield [['rateLimits', 'source'], own(limits, 'source')];
  for (const [index, entry] of listOf(own(limits, 'bodyWaits')).entries()) yield [['rateLimits', 'bodyWaits', index, 'source'], own(entry, 'source')];
  for (const [key, entry] of entriesOf(own(limits, 'dailyQuotas'))) yield [['rateLimits', 'dailyQuotas', key, 'source'], own(entry, 'source')];
}

function checkSources(catalog: unknown, issues: Issue[]): void {
  const table = own(catalog, 'sources');
  const used = new Set<string>();
  for (const [path, ref] of sourceRefs(catalog)) {
    if (typeof ref !== 'string' || ref === '') continue;
    if (own(table, ref) !== undefined) used.add(ref);
    else if (!isHttpUrl(ref)) issues.push({ path, message: `must be an http(s) URL or a key of sources (no source "${ref.slice(0, 64)}" in sources)` });
  }
  for (const [key] of entriesOf(table))
    if (!used.has(key)) issues.push({ path: ['sources', key], message: 'is cited by no entry: remove it, or name it in the source of what it documents' });
}

// A body wait is read with its one {wait} placeholder; a quota or a wait names only documented codes.
function checkRateLimits(limits: unknown, codes: unknown, issues: Issue[]): void {
  listOf(own(limits, 'bodyWaits')).forEach((entry, index) => {
    const path = ['rateLimits', 'bodyWaits', index];
    const message = ownString(entry, 'message');
    if (message !== undefined) {
      for (const problem of templateProblems(message)) issues.push({ path: [...path, 'message'], message: `malformed template: ${problem}` });
      const names = [...message.matchAll(/\{([A-Za-z_]\w*)\}/g)].map((match) => match[1]);
      if (names.length !== 1 || names[0] !== 'wait')
        issues.push({ path: [...path, 'message'], message: 'must hold exactly one placeholder, {wait}, where the number stands' });
    }
    listOf(own(entry, 'codes')).forEach((name, at) => {
      if (typeof name === 'string' && own(codes, name) === undefined)
        issues.push({ path: [...path, 'codes', at], message: `code "${name.slice(0, 64)}" has no provider-wide meaning in codes: document it there` });
    });
  });
  for (const [name] of entriesOf(own(limits, 'dailyQuotas'))) {
    if (own(codes, name) === undefined)
      issues.push({
        path: ['rateLimits', 'dailyQuotas', name],
        message: `code "${name.slice(0, 64)}" has no provider-wide meaning in codes: document it there`,
      });
  }
}

/** Rules that span entries: the ones a field-by-field schema cannot see. */
function crossCheck(catalog: unknown): Issue[] {
  const issues: Issue[] = [];
  checkCodes(catalog, issues);
  for (const section of ['categories', 'prefixes', 'statuses'] as const) {
    for (const [key, entry] of entriesOf(own(catalog, section))) checkMeaning(entry, ownString(entry, 'kind'), [section, key], issues);
  }
  const endpoints = entriesOf(own(catalog, 'endpoints'));
  const codes = own(catalog, 'codes');
  for (const [id, endpoint] of endpoints) {
    for (const problem of endpointIdProblems(id)) issues.push({ path: ['endpoints', id], message: `malformed endpoint id: ${problem}` });
    checkRows(id, listOf(own(endpoint, 'rows')), codes, issues);
  }
  const endpointIds = new Set(endpoints.map(([id]) => id));
  listOf(own(catalog, 'sandbox')).forEach((entry, index) => {
    const id = ownString(entry, 'endpoint');
    if (id !== undefined && !endpointIds.has(id)) issues.push({ path: ['sandbox', index, 'endpoint'], message: `unknown endpoint "${id}"` });
  });
  const pendingSeen = new Set<string>();
  listOf(own(catalog, 'pending')).forEach((step, index) => {
    const key = `${String(own(step, 'status'))} ${String(own(step, 'code'))} ${String(own(step, 'when'))}`;
    if (pendingSeen.has(key)) issues.push({ path: ['pending', index], message: 'duplicate pending step' });
    pendingSeen.add(key);
  });
  checkRateLimits(own(catalog, 'rateLimits'), codes, issues);
  checkSources(catalog, issues);
  return issues;
}

/**
 * The catalog schema: every field checked, then the rules across entries.
 *
 * @internal
 */
export const catalogSchema: z.ZodType<CatalogInput> = catalogObject.superRefine(
  (catalog, ctx) => {
    for (const issue of crossCheck(catalog)) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  },
  { when: () => true },
) as z.ZodType<CatalogInput>;

/** The keys an object at a raw path may hold, read from the schema itself (for "did you mean"). */
export function keysAt(path: readonly (string | number)[]): readonly string[] {
  let schema: z.ZodType | undefined = catalogObject;
  for (const key of path) {
    for (;;) {
      if (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
      else break;
    }
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)];
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return [];
    if (schema === undefined) return [];
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
