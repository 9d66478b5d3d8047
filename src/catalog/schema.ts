import { z } from 'zod';
import { KINDS, isKind } from '../taxonomy/kinds.js';
import { OWNERS, SEVERITIES, USER_ACTIONS } from '../taxonomy/hints.js';
import { KIND_DETAILS } from '../taxonomy/details.js';
import { parseEndpointId, parseMessageTemplate } from './template.js';
import type { CatalogInput } from './types.js';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const text = z.string().trim().min(1, 'must not be empty');
const status = z.int().min(100, 'must be an HTTP status (100-599)').max(599, 'must be an HTTP status (100-599)');
const code = z.string().min(1, 'must not be empty').max(128);
const paths = z
  .array(
    z
      .string()
      .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dotted path such as "error.code"')
      .refine((path) => !path.split('.').some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype'), 'must not name __proto__, constructor or prototype'),
  )
  .min(1);

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
  source: url,
  hints: hints.optional(),
};

const meaning = z.strictObject(meaningShape);

const codeEntry = z.strictObject({
  ...meaningShape,
  statuses: z.array(status).min(1).optional(),
  arrives: text.optional(),
  category: text.optional(),
});

const row = z.strictObject({
  ...meaningShape,
  kind: meaningShape.kind.optional(),
  source: url.optional(),
  status,
  code: code.optional(),
  printed: text.optional(),
});

const endpoint = z.strictObject({
  source: url,
  note: text.optional(),
  rows: z.array(row),
});

const pending = z.strictObject({
  step: text,
  code,
  status: status.optional(),
  when: z.string().min(1).optional(),
  description: text.optional(),
  source: url,
});

const trigger = z.strictObject({
  field: z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dotted path into the request body such as "info.bank_id"'),
  value: text,
  compare: z.enum(['exact', 'suffix']).optional(),
  with: z.record(z.string(), z.string()).optional(),
  endpoint: z.string().optional(),
  status: status.optional(),
  code: code.optional(),
  description: text,
  source: url,
});

const catalogObject = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id such as "aerosync"'),
  name: text,
  source: url,
  baseUrls: z.record(z.string(), url).optional(),
  pathPrefix: z.string().regex(/^(\/[^/?#\s{}]+)+$/, 'must be a path such as "/v2"').optional(),
  timeout: z.strictObject({ ms: z.int().positive(), source: url, note: text.optional() }).optional(),
  body: z
    .strictObject({
      code: paths.optional(),
      message: paths.optional(),
      displayMessage: paths.optional(),
      requestId: paths.optional(),
      category: paths.optional(),
      status: paths.optional(),
      encode: z.strictObject({ code: z.enum(['string', 'number']).optional(), status: z.enum(['string', 'number']).optional() }).optional(),
      constant: z.record(z.string(), z.json()).optional(),
    })
    .optional(),
  requestIdHeaders: z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase header name')).optional(),
  codes: z.record(code, codeEntry).optional(),
  categories: z.record(text, meaning).optional(),
  statuses: z.record(z.string().regex(/^[1-5]\d\d$/, 'must be an HTTP status'), meaning).optional(),
  endpoints: z.record(z.string(), endpoint).optional(),
  pending: z.array(pending).optional(),
  sandbox: z.array(trigger).optional(),
  notes: z.array(text).optional(),
});

type Issue = { readonly path: readonly (string | number)[]; readonly message: string };
type Path = readonly (string | number)[];

// The cross checks also run on input the field schemas rejected, so that every
// problem is named at once: they read defensively and skip what is malformed.
function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function stringAt(value: unknown, key: string): string | undefined {
  const field = typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}
function valueAt(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function checkMeaning(entry: unknown, kind: string | undefined, path: Path, issues: Issue[]): void {
  const detail = stringAt(entry, 'detail');
  if (detail !== undefined && kind !== undefined) {
    const spec = (KIND_DETAILS as Record<string, { readonly values: readonly string[] } | undefined>)[kind];
    if (spec === undefined) {
      issues.push({ path: [...path, 'detail'], message: `kind "${kind}" carries no detail` });
    } else if (!spec.values.includes(detail)) {
      issues.push({ path: [...path, 'detail'], message: `must be one of ${spec.values.join(', ')} for kind "${kind}"` });
    }
  }
  const message = stringAt(entry, 'message');
  if (message !== undefined) {
    const parsed = parseMessageTemplate(message);
    if (!parsed.ok) for (const problem of parsed.problems) issues.push({ path: [...path, 'message'], message: `malformed template: ${problem}` });
  }
}

function checkRows(id: string, rows: unknown[], codes: unknown, issues: Issue[]): void {
  const seen = new Map<string, number>();
  const kindByCode = new Map<string, { kind: string; index: number }>();
  rows.forEach((row, index) => {
    const path = ['endpoints', id, 'rows', index];
    const status = valueAt(row, 'status');
    const code = stringAt(row, 'code');
    const key = `${String(status)} ${code ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path, message: `duplicate row: status ${String(status)} and code "${code ?? ''}" already at row ${first}` });
    else seen.set(key, index);
    const ownKind = stringAt(row, 'kind');
    if (code === undefined && ownKind === undefined) issues.push({ path: [...path, 'kind'], message: 'a row without a code needs a kind' });
    const documented = code === undefined ? undefined : valueAt(codes, code);
    const inheritedKind = stringAt(documented, 'kind');
    // An invalid kind on the code is reported where it stands, not again on every row.
    const inherited = isKind(inheritedKind) ? inheritedKind : undefined;
    if (code !== undefined && documented === undefined && ownKind === undefined) {
      issues.push({ path: [...path, 'code'], message: `code "${code}" has no provider-wide meaning in codes: document it there or give the row a kind` });
    }
    const kind = isKind(ownKind) ? ownKind : ownKind === undefined ? inherited : undefined;
    checkMeaning(row, kind, path, issues);
    if (code !== undefined && kind !== undefined) {
      const other = kindByCode.get(code);
      if (other === undefined) kindByCode.set(code, { kind, index });
      else if (other.kind !== kind) {
        issues.push({ path: [...path, 'kind'], message: `code "${code}" is documented twice on this endpoint with different meanings ("${other.kind}" at row ${other.index}, "${kind}" here)` });
      }
    }
  });
}

/** Rules that span entries: the ones a field-by-field schema cannot see. */
function crossCheck(catalog: unknown): Issue[] {
  const issues: Issue[] = [];
  const codes = valueAt(catalog, 'codes');
  for (const section of ['codes', 'categories', 'statuses'] as const) {
    for (const [key, entry] of entriesOf(valueAt(catalog, section))) checkMeaning(entry, stringAt(entry, 'kind'), [section, key], issues);
  }
  const endpoints = entriesOf(valueAt(catalog, 'endpoints'));
  for (const [id, endpoint] of endpoints) {
    const parsed = parseEndpointId(id);
    if (!parsed.ok) for (const problem of parsed.problems) issues.push({ path: ['endpoints', id], message: `malformed endpoint id: ${problem}` });
    checkRows(id, listOf(valueAt(endpoint, 'rows')), codes, issues);
  }
  const endpointIds = new Set(endpoints.map(([id]) => id));
  listOf(valueAt(catalog, 'sandbox')).forEach((trigger, index) => {
    const endpoint = stringAt(trigger, 'endpoint');
    if (endpoint !== undefined && !endpointIds.has(endpoint)) issues.push({ path: ['sandbox', index, 'endpoint'], message: `unknown endpoint "${endpoint}"` });
  });
  const pendingSeen = new Set<string>();
  listOf(valueAt(catalog, 'pending')).forEach((step, index) => {
    const key = `${String(valueAt(step, 'status'))} ${String(valueAt(step, 'code'))} ${String(valueAt(step, 'when'))}`;
    if (pendingSeen.has(key)) issues.push({ path: ['pending', index], message: 'duplicate pending step' });
    pendingSeen.add(key);
  });
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
