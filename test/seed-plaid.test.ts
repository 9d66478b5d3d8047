import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { CodeInput } from '../src/catalog/index.js';
import { canonicalCode, resolveCategoryCode, resolveCode, sourceUrl } from '../src/catalog/resolve.js';
import { plaid } from '../catalogs/plaid.js';
import { codesIn, seedTable, seedText, seedsPresent } from './support/seeds.js';

const SEED = 'providers/plaid.md';
const { normalize } = createNormalizer([plaid]);
const codes: Readonly<Record<string, CodeInput>> = plaid.codes;
const SDK = 'https://github.com/plaid/react-native-plaid-link-sdk/blob/1092589c6f98b570dc9114b43bb8cd7fa22ffd7f/src/Types.ts';

/** The error_type a seed cell names first ("USER_ERROR (sample) / listed under Invalid Input" is USER_ERROR). */
const typeOf = (cell: string): string => /^[A-Z_]+/.exec(cell.replace(/`/g, ''))?.[0] ?? '';

const body = (type: string, code: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ error_type: type, error_code: code, error_message: 'm', display_message: null, request_id: 'r', ...extra });

describe.skipIf(!seedsPresent)('Plaid catalog against its seed (seeds/providers/plaid.md)', () => {
  const rows = seedsPresent ? seedTable(SEED, '## Error codes') : [];
  const sdk = seedsPresent ? seedTable(SEED, "### Codes in Plaid's own Link SDK enum") : [];

  test('the seed lists 172 rows of 164 codes', () => {
    expect(rows).toHaveLength(172);
    expect(new Set(rows.flatMap((row) => codesIn(row['code'] ?? '')))).toHaveProperty('size', 164);
  });

  test('every documented code is in the catalog, as a current code', () => {
    for (const row of rows) {
      for (const code of codesIn(row['code'] ?? '')) {
        expect(canonicalCode(plaid, code), code).toBe(code);
        expect(codes[code]?.legacy, code).toBeUndefined();
      }
    }
  });

  test('each row is encoded under its error_type, with its HTTP status and its page as source', () => {
    for (const row of rows) {
      const code = row['code'] ?? '';
      const type = typeOf(row['error_type (from the sample body)'] ?? '');
      const status = Number(row['HTTP']);
      const page = row['source'] ?? '';
      const entry = codes[code];
      const other = entry?.byCategory?.[type];
      // Its own category, or one of the others it is reused under.
      expect(entry?.category === type || other !== undefined, `${code} ${type}`).toBe(true);
      const statuses = other?.statuses ?? entry?.statuses;
      expect(statuses, `${code} ${type}`).toContain(status);
      const meaning = entry?.category === type ? resolveCode(plaid, code) : resolveCategoryCode(plaid, code, type);
      expect(meaning?.source, `${code} ${type}`).toBe(page);
      // As Plaid sends it, at its documented status: classified by the code, no drift, the page as source.
      const error = normalize({ provider: 'plaid', status, body: body(type, code) });
      expect(error.kind, `${code} ${type}`).toBe(meaning?.kind);
      expect(['code', 'category-code', 'row'], `${code} ${type}`).toContain(error.match.by);
      expect(error.match, `${code} ${type}`).toMatchObject({ documentedStatus: undefined, source: page });
    }
  });

  test('the codes listed under several error_types are exactly the ones with byCategory', () => {
    const types = new Map<string, Set<string>>();
    for (const row of rows)
      types.set(row['code'] ?? '', (types.get(row['code'] ?? '') ?? new Set()).add(typeOf(row['error_type (from the sample body)'] ?? '')));
    const reused = [...types]
      .filter(([, seen]) => seen.size > 1)
      .map(([code]) => code)
      .sort();
    expect(reused).toEqual(['DATA_QUALITY_CHECK_FAILED', 'DATA_UNAVAILABLE', 'NO_ACCOUNTS', 'PRODUCT_NOT_ENABLED', 'PRODUCT_NOT_READY']);
    const withByCategory = Object.entries(codes)
      .filter(([, entry]) => entry.byCategory !== undefined)
      .map(([code]) => code);
    // USER_PERMISSION_REVOKED is reused by the ITEM webhook sample (disagreement 2), not by the error table.
    expect(withByCategory.sort()).toEqual([...reused, 'USER_PERMISSION_REVOKED'].sort());
    for (const [code, seen] of types) if (seen.size > 1) expect(Object.keys(codes[code]?.byCategory ?? {}).length + 1, code).toBe(seen.size);
  });

  test("the 23 error_type values of the overview are categories (and the spec's BASE_REPORT_ERROR)", () => {
    const line =
      seedText(SEED)
        .split('\n')
        .find((text) => text.startsWith('`error_type` values (overview, 23):')) ?? '';
    const types = codesIn(line.slice(line.indexOf(':') + 1).replace(/\.$/, ''));
    expect(types).toHaveLength(23);
    expect(Object.keys(plaid.categories).sort()).toEqual([...types, 'BASE_REPORT_ERROR'].sort());
  });

  test('the Link SDK codes missing from the pages are legacy codes of their SDK error_type; the SDK-internal names are left out', () => {
    for (const row of sdk) {
      const listed = codesIn(row['code'] ?? '');
      if ((row['note'] ?? '').includes('not API codes')) {
        for (const code of listed) expect(canonicalCode(plaid, code), code).toBeUndefined();
        continue;
      }
      for (const code of listed) {
        expect(codes[code], code).toMatchObject({ legacy: true, category: typeOf(row['error_type (SDK comment)'] ?? '') });
        expect(resolveCode(plaid, code)?.source, code).toBe(SDK);
      }
    }
    expect(sdk.flatMap((row) => codesIn(row['code'] ?? ''))).toContain('INVALD_UPDATED_USERNAME');
  });

  test('the ITEM webhook USER_PERMISSION_REVOKED carries an error object, classified by the catalog', () => {
    const webhooks = seedTable(SEED, '### ITEM webhooks');
    expect(webhooks.map((row) => row['webhook_code'])).toContain('USER_PERMISSION_REVOKED');
  });
});

describe.skipIf(!seedsPresent)('the disagreements the seed lists, as the catalog resolves them', () => {
  test('1. INVALID_USER_IDENTITY_DATA: listed under Invalid Input, its sample is USER_ERROR at 403', () => {
    const entry = codes['INVALID_USER_IDENTITY_DATA'];
    expect(entry).toMatchObject({ category: 'USER_ERROR', statuses: [403] });
    expect(entry?.note).toMatch(/Listed under Invalid Input .* USER_ERROR/);
    const sample = normalize({
      provider: 'plaid',
      status: 403,
      body: body('USER_ERROR', 'INVALID_USER_IDENTITY_DATA', { error_message: 'Invalid email format.' }),
    });
    expect(sample).toMatchObject({
      kind: 'invalid-request',
      match: { by: 'code', documentedStatus: undefined, source: 'https://plaid.com/docs/errors/invalid-input/' },
    });
    // Sent as an INVALID_INPUT at 400, as the overview's grouping suggests: the same meaning, the drift visible.
    const grouped = normalize({ provider: 'plaid', status: 400, body: body('INVALID_INPUT', 'INVALID_USER_IDENTITY_DATA') });
    expect(grouped).toMatchObject({ kind: 'invalid-request', match: { by: 'code', documentedStatus: 403 } });
  });

  test('2. USER_PERMISSION_REVOKED: INVALID_INPUT on its page, ITEM_ERROR in the ITEM webhook sample; one meaning, two sources', () => {
    const page = normalize({ provider: 'plaid', status: 400, body: body('INVALID_INPUT', 'USER_PERMISSION_REVOKED') });
    expect(page).toMatchObject({
      kind: 'reconnect-required',
      reason: 'consent',
      match: { by: 'category-code', source: 'https://plaid.com/docs/errors/invalid-input/' },
    });
    // The webhook's error object, as its sample prints it.
    const webhook = normalize({
      provider: 'plaid',
      body: {
        error_code: 'USER_PERMISSION_REVOKED',
        error_message: 'the holder of this account has revoked their permission for your application to access it',
        display_message: null,
        error_type: 'ITEM_ERROR',
        status: 400,
      },
    });
    expect(webhook).toMatchObject({
      kind: 'reconnect-required',
      reason: 'consent',
      status: 400,
      userAction: 'reconnect',
      match: { by: 'category-code', source: 'https://plaid.com/docs/api/items/' },
    });
    expect(codes['USER_PERMISSION_REVOKED']?.byCategory?.['ITEM_ERROR']?.note).toMatch(/webhook/);
  });

  test('3. the Check Report page uses CONSUMER_REPORT_ERROR for two samples and CHECK_REPORT_ERROR for six', () => {
    expect(codes['CONSUMER_REPORT_EXPIRED']).toMatchObject({ category: 'CONSUMER_REPORT_ERROR' });
    expect(codes['PRODUCT_NOT_READY']?.byCategory?.['CONSUMER_REPORT_ERROR']?.note).toMatch(/CONSUMER_REPORT_ERROR/);
    for (const code of ['INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED', 'INSUFFICIENT_TRANSACTION_DATA', 'NETWORK_CONSENT_REQUIRED'])
      expect(codes[code]?.category, code).toBe('CHECK_REPORT_ERROR');
    for (const code of ['DATA_UNAVAILABLE', 'NO_ACCOUNTS', 'DATA_QUALITY_CHECK_FAILED'])
      expect(Object.keys(codes[code]?.byCategory ?? {}), code).toContain('CHECK_REPORT_ERROR');
    const notReady = normalize({ provider: 'plaid', status: 400, body: body('CONSUMER_REPORT_ERROR', 'PRODUCT_NOT_READY') });
    expect(notReady).toMatchObject({ kind: 'conflict', match: { by: 'category-code', source: 'https://plaid.com/docs/errors/check-report/' } });
    // An unknown code of either type gets the page's one fallback.
    for (const type of ['CHECK_REPORT_ERROR', 'CONSUMER_REPORT_ERROR']) {
      expect(normalize({ provider: 'plaid', status: 400, body: body(type, 'NEW_CODE') }), type).toMatchObject({
        kind: 'fi-unavailable',
        reason: 'incomplete-data',
        match: { by: 'category' },
      });
    }
  });

  test('4. BANK_TRANSFER_ACCOUNT_BLOCKED is on the Micro-deposits page with a BANK_TRANSFER_ERROR sample', () => {
    expect(codes['BANK_TRANSFER_ACCOUNT_BLOCKED']).toMatchObject({ category: 'BANK_TRANSFER_ERROR', statuses: [400] });
    expect(codes['BANK_TRANSFER_ACCOUNT_BLOCKED']?.note).toMatch(/BANK_TRANSFER_ERROR, not MICRODEPOSITS_ERROR/);
    const error = normalize({ provider: 'plaid', status: 400, body: body('BANK_TRANSFER_ERROR', 'BANK_TRANSFER_ACCOUNT_BLOCKED') });
    expect(error).toMatchObject({
      kind: 'unsupported',
      userAction: 'link-another-account',
      match: { by: 'code', source: 'https://plaid.com/docs/errors/microdeposits/' },
    });
    // Under the page's own type it means the same.
    expect(normalize({ provider: 'plaid', status: 400, body: body('MICRODEPOSITS_ERROR', 'BANK_TRANSFER_ACCOUNT_BLOCKED') }).kind).toBe('unsupported');
  });

  test('5. INSTITUTIONS_GET_LIMIT: 25 per client per minute in its section, 50 in the rate table; a client limit either way', () => {
    expect(codes['INSTITUTIONS_GET_LIMIT']?.note).toMatch(/25 per client per minute .* 50 per minute/);
    expect(codes['INSTITUTIONS_GET_LIMIT']?.message).toMatch(/institutions get by id/);
    const error = normalize({
      provider: 'plaid',
      method: 'POST',
      url: 'https://production.plaid.com/institutions/get',
      status: 429,
      body: body('RATE_LIMIT_EXCEEDED', 'INSTITUTIONS_GET_LIMIT'),
    });
    expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', endpoint: 'POST /institutions/get', match: { by: 'row' } });
  });

  test('6. the five codes reused under several error_types classify on (error_type, error_code)', () => {
    const assets = normalize({ provider: 'plaid', status: 400, body: body('ASSET_REPORT_ERROR', 'PRODUCT_NOT_READY') });
    const income = normalize({ provider: 'plaid', status: 400, body: body('INCOME_VERIFICATION_ERROR', 'PRODUCT_NOT_READY') });
    const item = normalize({ provider: 'plaid', status: 400, body: body('ITEM_ERROR', 'PRODUCT_NOT_READY') });
    expect(assets.match).toMatchObject({ by: 'category-code', source: 'https://plaid.com/docs/errors/assets/' });
    expect(income.match).toMatchObject({ by: 'category-code', source: 'https://plaid.com/docs/errors/income/' });
    expect(item.match).toMatchObject({ by: 'category-code', source: 'https://plaid.com/docs/errors/item/' });
    expect(new Set([assets.match.description, income.match.description, item.match.description]).size).toBe(3);
    // Without error_type, the code's first-listed meaning.
    expect(normalize({ provider: 'plaid', code: 'PRODUCT_NOT_READY' }).match).toMatchObject({ by: 'code', source: 'https://plaid.com/docs/errors/item/' });
    expect(sourceUrl(plaid, codes['DATA_UNAVAILABLE']?.source)).toBe('https://plaid.com/docs/errors/assets/');
  });

  test('7. statuses outside 400: a documented code classifies whatever status, OAUTH_STATE_ID_ALREADY_PROCESSED at its 208', () => {
    const at208 = normalize({
      provider: 'plaid',
      status: 208,
      body: JSON.stringify({
        error_type: 'OAUTH_ERROR',
        error_code: 'OAUTH_STATE_ID_ALREADY_PROCESSED',
        error_message: null,
        display_message: null,
        request_id: 'HNTDNrA8F1shFEW',
      }),
    });
    expect(at208).toMatchObject({
      kind: 'invalid-request',
      status: 208,
      code: 'OAUTH_STATE_ID_ALREADY_PROCESSED',
      match: { by: 'code', documentedStatus: undefined },
    });
    expect(normalize({ provider: 'plaid', status: 400, body: body('OAUTH_ERROR', 'OAUTH_STATE_ID_ALREADY_PROCESSED') }).match).toMatchObject({
      by: 'code',
      documentedStatus: 208,
    });
    const expected: Readonly<Record<string, number>> = {
      FLOWDOWN_NOT_COMPLETE: 412,
      QUESTIONNAIRE_NOT_COMPLETE: 412,
      CUSTOMER_NOT_READY_FOR_ENABLEMENT: 412,
      NO_LONGER_AVAILABLE: 404,
      NOT_FOUND: 404,
      OAUTH_STATE_ID_NOT_FOUND: 404,
      CUSTOMER_NOT_FOUND: 404,
      ADDENDUM_NOT_SIGNED: 403,
      NOT_ENABLED_FOR_SIGNAL_TRANSACTION_SCORE_RULESETS: 403,
      INVALID_USER_IDENTITY_DATA: 403,
      INCOME_VERIFICATION_UPLOAD_ERROR: 500,
      INTERNAL_SERVER_ERROR: 500,
      PLANNED_MAINTENANCE: 503,
    };
    for (const [code, status] of Object.entries(expected)) expect(codes[code]?.statuses, code).toEqual([status]);
    // A 404 endpoint code and a 403 contract code are our request, not a missing resource or our credentials.
    expect(normalize({ provider: 'plaid', status: 404, body: body('INVALID_REQUEST', 'NOT_FOUND') }).kind).toBe('invalid-request');
    expect(normalize({ provider: 'plaid', status: 403, body: body('SIGNAL_ERROR', 'ADDENDUM_NOT_SIGNED') }).kind).toBe('invalid-request');
    // A 500 whose documented cause is the end user's upload does not page.
    expect(normalize({ provider: 'plaid', status: 500, body: body('INCOME_VERIFICATION_ERROR', 'INCOME_VERIFICATION_UPLOAD_ERROR') })).toMatchObject({
      kind: 'provider-unavailable',
      severity: 'info',
      owner: 'end-user',
    });
    for (const row of seedTable(SEED, '## Error codes')) {
      if (row['HTTP'] === '429') expect(typeOf(row['error_type (from the sample body)'] ?? ''), row['code']).toBe('RATE_LIMIT_EXCEEDED');
    }
  });
});
