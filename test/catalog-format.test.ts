import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { defineCatalog, parseCatalog, type CatalogInput } from '../src/catalog/index.js';
import { documentedRows, resolveCategoryCode } from '../src/catalog/resolve.js';

// A catalog that exercises the parts of the format added for the full provider tables.
const data = {
  id: 'multi',
  name: 'Multi',
  source: 'errors',
  sources: { errors: 'https://docs.multi.example/errors', reports: 'https://docs.multi.example/errors/reports', sdk: 'https://github.com/multi/sdk' },
  body: {
    code: ['error_code'],
    message: ['error_message'],
    category: ['error_type'],
    status: ['status'],
    documentationUrl: ['documentation_url'],
    suggestedAction: ['suggested_action'],
    causes: ['causes'],
    params: { item_id: ['item_id'] },
  },
  codes: {
    NOT_READY: {
      kind: 'conflict',
      category: 'ITEM_ERROR',
      statuses: [400],
      description: 'The Item data is not ready yet.',
      source: 'errors',
      byCategory: {
        REPORT_ERROR: { description: 'The report is still being generated.', source: 'reports' },
        BILLING_ERROR: { kind: 'invalid-request', description: 'Billing is not enabled for this client.' },
      },
    },
    LOGIN_REQUIRED: { kind: 'reconnect-required', detail: 'credentials', category: 'ITEM_ERROR', statuses: [400], source: 'errors' },
    UNAVAILABLE: { kind: 'fi-unavailable', category: 'REPORT_ERROR', statuses: [400], source: 'reports' },
    ALREADY_PROCESSED: { kind: 'conflict', category: 'ITEM_ERROR', statuses: [208], source: 'errors' },
    DENIED: { kind: 'reconnect-required', detail: 'credentials', aliases: ['2'], source: 'errors' },
    OLD_CODE: { kind: 'invalid-request', category: 'ITEM_ERROR', legacy: true, source: 'sdk', note: 'Only in the SDK enum.' },
  },
  categories: {
    ITEM_ERROR: { kind: 'reconnect-required', source: 'errors' },
    REPORT_ERROR: { kind: 'fi-unavailable', source: 'reports' },
    BILLING_ERROR: { kind: 'invalid-request', source: 'errors' },
  },
  prefixes: {
    'enrollment.disconnected': { kind: 'reconnect-required', source: 'errors', description: 'Any disconnected enrollment.' },
    'enrollment.disconnected.user_action': { kind: 'reconnect-required', detail: 'institution-attention', source: 'errors' },
  },
  endpoints: { 'POST /accounts/get': { source: 'errors', rows: [] } },
} as const satisfies CatalogInput;

const multi = defineCatalog(data);
const { normalize } = createNormalizer([multi]);
const body = (fields: Record<string, unknown>): string => JSON.stringify(fields);

describe('a meaning keyed on (category, code)', () => {
  test('the category tells a reused code apart, and wins over the code-only meaning', () => {
    const report = normalize({ provider: 'multi', status: 400, body: body({ error_type: 'REPORT_ERROR', error_code: 'NOT_READY' }) });
    expect(report).toMatchObject({
      kind: 'conflict',
      match: { by: 'category-code', description: 'The report is still being generated.', source: 'https://docs.multi.example/errors/reports' },
    });
    const billing = normalize({ provider: 'multi', status: 400, body: body({ error_type: 'BILLING_ERROR', error_code: 'NOT_READY' }) });
    expect(billing).toMatchObject({ kind: 'invalid-request', match: { by: 'category-code', source: 'https://docs.multi.example/errors' } });
    const item = normalize({ provider: 'multi', status: 400, body: body({ error_type: 'ITEM_ERROR', error_code: 'NOT_READY' }) });
    expect(item).toMatchObject({ kind: 'conflict', match: { by: 'category-code', description: 'The Item data is not ready yet.' } });
  });

  test('without a category, or under one the code is not documented in, the code-only meaning is the fallback', () => {
    expect(normalize({ provider: 'multi', code: 'NOT_READY' }).match).toMatchObject({ by: 'code', description: 'The Item data is not ready yet.' });
    expect(normalize({ provider: 'multi', status: 400, body: body({ error_type: 'OTHER', error_code: 'NOT_READY' }) }).match.by).toBe('code');
  });

  test('a code used under one category only answers by code, whatever category the body names', () => {
    expect(normalize({ provider: 'multi', status: 400, body: body({ error_type: 'ITEM_ERROR', error_code: 'LOGIN_REQUIRED' }) }).match.by).toBe('code');
  });

  test('the inheritance rule is the one rows follow: another kind takes nothing of the code but its legacy mark', () => {
    expect(resolveCategoryCode(multi, 'NOT_READY', 'REPORT_ERROR')).toMatchObject({ kind: 'conflict', description: 'The report is still being generated.' });
    expect(resolveCategoryCode(multi, 'NOT_READY', 'BILLING_ERROR')).toMatchObject({ kind: 'invalid-request', detail: undefined, hints: undefined });
    expect(resolveCategoryCode(multi, 'NOT_READY', 'ITEM_ERROR')?.kind).toBe('conflict');
    expect(resolveCategoryCode(multi, 'NOT_READY', 'NOPE')).toBeUndefined();
  });
});

describe('a documented code classifies whatever status it came with', () => {
  test.each([208, 200, 302, 412])('status %i', (status) => {
    expect(normalize({ provider: 'multi', status, body: body({ error_type: 'ITEM_ERROR', error_code: 'ALREADY_PROCESSED' }) })).toMatchObject({
      kind: 'conflict',
      status,
      match: { by: 'code' },
    });
  });

  test('at 208, its documented status, it is no drift', () => {
    expect(normalize({ provider: 'multi', status: 208, body: body({ error_code: 'ALREADY_PROCESSED' }) }).match.documentedStatus).toBeUndefined();
  });
});

describe('code prefixes, aliases and legacy codes', () => {
  test("an unknown code of a documented prefix takes the longest prefix's meaning", () => {
    expect(normalize({ provider: 'multi', status: 404, body: body({ error_code: 'enrollment.disconnected.new_reason' }) })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'connection',
      match: { by: 'category' },
    });
    expect(normalize({ provider: 'multi', status: 404, body: body({ error_code: 'enrollment.disconnected.user_action.new' }) })).toMatchObject({
      reason: 'institution-attention',
    });
    expect(normalize({ provider: 'multi', status: 404, body: body({ error_code: 'enrollment.other' }) })).toMatchObject({
      kind: 'not-found',
      match: { by: 'status' },
    });
  });

  test('a code sent as its number is the code it stands for, named as the catalog names it', () => {
    for (const code of ['2', 2] as const)
      expect(normalize({ provider: 'multi', code })).toMatchObject({ kind: 'reconnect-required', code: 'DENIED', match: { by: 'code' } });
    expect(normalize({ provider: 'multi', code: '3' })).toMatchObject({ kind: 'unknown', code: '3', match: { by: 'none' } });
  });

  test('a legacy code still classifies, and match says it is legacy', () => {
    expect(normalize({ provider: 'multi', code: 'OLD_CODE' }).match).toMatchObject({ by: 'code', legacy: true, source: 'https://github.com/multi/sdk' });
    expect(normalize({ provider: 'multi', code: 'DENIED' }).match.legacy).toBe(false);
  });
});

describe('nested causes and developer fields', () => {
  const withCauses = (causes: unknown): string =>
    body({
      error_type: 'REPORT_ERROR',
      error_code: 'UNAVAILABLE',
      error_message: 'an Item in the report has an error',
      causes,
      documentation_url: 'https://docs.multi.example/errors/reports#unavailable',
      suggested_action: 'Fix the Items named in causes.',
    });

  test('each cause is a normalized error of the same catalog, with its own params', () => {
    const error = normalize({
      provider: 'multi',
      status: 400,
      body: withCauses([
        { error_type: 'ITEM_ERROR', error_code: 'LOGIN_REQUIRED', error_message: 'the login details of this item have changed', item_id: 'item-1' },
        { error_type: 'ITEM_ERROR', error_code: 'BRAND_NEW', item_id: 'item-2' },
      ]),
    });
    expect(error).toMatchObject({
      kind: 'fi-unavailable',
      documentationUrl: 'https://docs.multi.example/errors/reports#unavailable',
      suggestedAction: 'Fix the Items named in causes.',
    });
    expect(error.causes).toHaveLength(2);
    expect(error.causes[0]).toMatchObject({
      kind: 'reconnect-required',
      provider: 'multi',
      code: 'LOGIN_REQUIRED',
      params: { item_id: 'item-1' },
      status: undefined,
      endpoint: undefined,
    });
    expect(error.causes[1]).toMatchObject({ kind: 'reconnect-required', code: 'BRAND_NEW', match: { by: 'category' }, params: { item_id: 'item-2' } });
  });

  test('causes are bounded in count and depth, and skip what is not an error object', () => {
    const deep = { error_code: 'LOGIN_REQUIRED', causes: [{ error_code: 'LOGIN_REQUIRED', causes: [{ error_code: 'LOGIN_REQUIRED' }] }] };
    const error = normalize({ provider: 'multi', status: 400, body: withCauses([...Array.from({ length: 20 }, () => deep), null, 'x', [1]]) });
    expect(error.causes).toHaveLength(8);
    expect(error.causes[0]?.causes).toHaveLength(1);
    expect(error.causes[0]?.causes[0]?.causes).toEqual([]);
    expect(normalize({ provider: 'multi', status: 400, body: withCauses({ not: 'a list' }) }).causes).toEqual([]);
  });

  test('without causes the list is empty, the same frozen value every time', () => {
    const a = normalize({ provider: 'multi', code: 'DENIED' });
    expect(a.causes).toEqual([]);
    expect(Object.isFrozen(a.causes)).toBe(true);
  });
});

describe('sources are written once', () => {
  test('every resolved row and meaning names a URL, never a key', () => {
    expect(normalize({ provider: 'multi', code: 'NOT_READY' }).match.source).toBe('https://docs.multi.example/errors');
    for (const { meaning } of documentedRows(multi)) expect(meaning.source).toMatch(/^https:/);
  });

  test('a source that is neither a URL nor a key, and a key nobody cites, are problems', () => {
    const result = parseCatalog({
      ...data,
      codes: { ...data.codes, X: { kind: 'auth', source: 'nope' } },
      sources: { ...data.sources, unused: 'https://x.example/' },
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'codes.X.source: must be an http(s) URL or a key of sources (no source "nope" in sources)',
      'sources.unused: is cited by no entry: remove it, or name it in the source of what it documents',
    ]);
  });

  test('byCategory must name another documented category, and aliases must not collide', () => {
    const result = parseCatalog({
      ...data,
      codes: {
        A: { kind: 'auth', category: 'ITEM_ERROR', source: 'errors', byCategory: { ITEM_ERROR: {}, NOPE: {} }, aliases: ['B', '7'] },
        B: { kind: 'auth', category: 'MISSING', source: 'errors', aliases: ['7'] },
      },
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'codes.A.byCategory.ITEM_ERROR: "ITEM_ERROR" is the code\'s own category: put what it means there on the code itself',
      'codes.A.byCategory.NOPE: category "NOPE" has no meaning in categories: document it there',
      'codes.A.aliases[0]: "B" already names a code of its own',
      'codes.B.category: category "MISSING" has no meaning in categories: document it there',
      'codes.B.aliases[0]: "7" already names an alias of code "A"',
      'sources.sdk: is cited by no entry: remove it, or name it in the source of what it documents',
    ]);
  });
});

describe('one code, two meanings at two statuses on one endpoint', () => {
  const twice = defineCatalog({
    id: 'twice',
    name: 'Twice',
    source: 'https://docs.twice.example/errors',
    body: { code: ['code'] },
    codes: { '10100': { kind: 'invalid-request', statuses: [400], source: 'https://docs.twice.example/errors' } },
    pending: [{ step: 'mfa', code: 'CHALLENGED', aliases: ['3'], source: 'https://docs.twice.example/errors' }],
    endpoints: {
      'GET /consumers/{id}': {
        source: 'https://docs.twice.example/consumers',
        rows: [
          { status: 400, code: '10100' },
          { status: 404, code: '10100', kind: 'not-found', description: 'Cannot find consumer.' },
        ],
      },
    },
  });
  const { normalize: classify, pending } = createNormalizer([twice]);

  test("each row holds at its own status; another status takes the code's own meaning", () => {
    expect(classify({ provider: 'twice', method: 'GET', url: '/consumers/c-1', status: 404, body: { code: 10100 } })).toMatchObject({
      kind: 'not-found',
      match: { by: 'row', description: 'Cannot find consumer.' },
    });
    expect(classify({ provider: 'twice', method: 'GET', url: '/consumers/c-1', status: 400, body: { code: 10100 } })).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'row' },
    });
    expect(classify({ provider: 'twice', method: 'GET', url: '/consumers/c-1', status: 500, body: { code: 10100 } })).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'endpoint-code', documentedStatus: 400 },
    });
  });

  test("a pending step is announced by its alias too, and named as the step's code", () => {
    expect(pending({ provider: 'twice', code: 3 })).toEqual({ provider: 'twice', step: 'mfa', code: 'CHALLENGED', status: undefined });
    expect(classify({ provider: 'twice', code: '3' })).toMatchObject({ kind: 'unknown', pending: 'mfa', code: 'CHALLENGED', match: { by: 'pending' } });
  });
});
