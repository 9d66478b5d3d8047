import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { canonicalCode } from '../src/catalog/resolve.js';
import { yodlee } from '../catalogs/yodlee.js';
import { codesIn, seedsPresent, seedTable } from './support/seeds.js';

const FILE = 'providers/yodlee.md';
const { normalize } = createNormalizer([yodlee]);
const codes: Readonly<
  Record<string, { readonly statuses?: readonly number[]; readonly arrives?: string; readonly note?: string; readonly thirdParty?: string }>
> = yodlee.codes;
const body = (errorCode: string, errorMessage: string): string => JSON.stringify({ errorCode, errorMessage, referenceCode: 'ref-1' });
const statusesIn = (cell: string): number[] =>
  codesIn(cell)
    .filter((value) => /^\d{3}$/.test(value))
    .map(Number);

describe.skipIf(!seedsPresent)('Yodlee seed tables', () => {
  const apiCodes = () => seedTable(FILE, '## API error codes');

  test('every API error code of the seed table is in the catalog', () => {
    const rows = apiCodes();
    expect(rows.length).toBe(62);
    for (const row of rows) for (const code of codesIn(row['code'] ?? '')) expect(canonicalCode(yodlee, code), code).toBeDefined();
  });

  test('every code the third-party mirror adds is in the catalog, marked as read there', () => {
    const mirror = seedTable(FILE, '## Sources').find((row) => (row['key'] ?? '').startsWith('mirror'));
    const added = [...(mirror?.['what was readable'] ?? '').matchAll(/\bY\d{3}\b/g)].map((match) => match[0]);
    expect(added.length).toBeGreaterThan(0);
    const seen = new Set(apiCodes().flatMap((row) => codesIn(row['code'] ?? '')));
    const onlyMirror = added.filter((code) => !seen.has(code));
    expect([...new Set(onlyMirror)].sort()).toEqual(['Y009', 'Y011', 'Y302', 'Y309']);
    for (const code of onlyMirror) expect(codes[code]?.thirdParty, code).toMatch(/mirror/);
  });

  test('every status the seed prints for a code is among the code’s statuses', () => {
    for (const row of apiCodes()) {
      const [code = ''] = codesIn(row['code'] ?? '');
      const printed = [...statusesIn(row['HTTP — Yodlee docs page'] ?? ''), ...statusesIn(row['HTTP — Yodlee swagger (3rd-party copy)'] ?? '')];
      for (const status of printed) expect(codes[code]?.statuses, `${code} ${status}`).toContain(status);
    }
  });

  test('every additionalStatus value that is a failure is a code arriving in the dataset; the others are not codes', () => {
    const rows = seedTable(FILE, '## dataset `additionalStatus`');
    expect(rows.length).toBe(31);
    for (const row of rows) {
      const value = row['value'] ?? '';
      const final = row['final?'] ?? '';
      // "no" (still running) and "yes (success)" are not failures; "no (transient)" is, and "?" is kept as recognized.
      const notAFailure = (/^no\b/.test(final) && !final.includes('transient')) || final.includes('success');
      if (notAFailure) {
        expect(codes[value], value).toBeUndefined();
        expect(
          yodlee.notes.some((note) => note.includes(value)),
          value,
        ).toBe(true);
      } else {
        expect(codes[value]?.arrives, value).toMatch(/dataset\.additionalStatus/);
      }
    }
  });

  test('every updateEligibility value is a code or named in the notes', () => {
    for (const row of seedTable(FILE, '## dataset `updateEligibility`')) {
      const value = row['value'] ?? '';
      expect(codes[value] !== undefined || yodlee.notes.some((note) => note.includes(value)), value).toBe(true);
    }
  });
});

describe.skipIf(!seedsPresent)('Yodlee disagreements, as the catalog resolves them', () => {
  test('Y007: 401 on the docs page, 400 or 401 by endpoint in the spec: auth either way, each row at its own status', () => {
    expect(codes['Y007']?.statuses).toEqual([401, 400]);
    const processor = normalize({
      provider: 'yodlee',
      method: 'GET',
      url: '/ysl/partner/paymentProcessor/account',
      status: 400,
      body: body('Y007', 'Authorization header missing'),
    });
    expect(processor).toMatchObject({ kind: 'auth', match: { by: 'row', documentedStatus: undefined } });
    const token = normalize({ provider: 'yodlee', method: 'DELETE', url: '/ysl/auth/token', status: 401, body: body('Y007', 'Authorization header missing') });
    expect(token).toMatchObject({ kind: 'auth', match: { by: 'row' } });
    // At the status the other endpoint prints, it is still auth, and the drift shows.
    expect(
      normalize({ provider: 'yodlee', method: 'DELETE', url: '/ysl/auth/token', status: 400, body: body('Y007', 'Authorization header missing') }),
    ).toMatchObject({ kind: 'auth', match: { by: 'endpoint-code', documentedStatus: 401 } });
  });

  test('Y008: 401 on the docs page, 400 on the payment processor endpoints: auth at both', () => {
    expect(codes['Y008']?.statuses).toEqual([401, 400]);
    expect(normalize({ provider: 'yodlee', status: 401, body: body('Y008', 'Invalid token in authorization header') })).toMatchObject({
      kind: 'auth',
      match: { by: 'code', documentedStatus: undefined },
    });
    expect(
      normalize({
        provider: 'yodlee',
        method: 'POST',
        url: '/ysl/paymentProcessor/token',
        status: 400,
        body: body('Y008', 'Invalid token in authorization header'),
      }),
    ).toMatchObject({ kind: 'auth', match: { by: 'row' } });
    expect(codes['Y008']?.note).toMatch(/400/);
  });

  test('Y016: 400 for a missing processorToken, 401 for a missing Api-Version or loginName header: auth at both', () => {
    expect(codes['Y016']?.statuses).toEqual([401, 400]);
    expect(
      normalize({
        provider: 'yodlee',
        method: 'GET',
        url: '/ysl/partner/paymentProcessor/account/balance',
        status: 400,
        body: body('Y016', 'processorToken header missing'),
      }),
    ).toMatchObject({ kind: 'auth', match: { by: 'row' } });
    const token = normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/auth/token', status: 401, body: body('Y016', 'Api-Version header missing') });
    expect(token).toMatchObject({ kind: 'auth', message: 'Api-Version header missing', match: { by: 'row' } });
    expect(token.match.note).toMatch(/loginName header missing/);
  });

  test('Y020: Y008’s message in the spec, JWT configuration errors in the SDK: auth either way', () => {
    expect(codes['Y020']?.note).toMatch(/JWT/);
    expect(
      normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/auth/token', status: 401, body: body('Y020', 'Invalid token in authorization header') }),
    ).toMatchObject({ kind: 'auth', code: 'Y020', match: { by: 'row' } });
    expect(normalize({ provider: 'yodlee', code: 'Y020' }).kind).toBe('auth');
  });

  test('Y013: "Invalid value for ..." in the spec, "... is required" in the SDK: one meaning, either wording kept as sent', () => {
    for (const message of ['Invalid value for samlResponse', 'The samlResponse value is required.']) {
      expect(normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/user/samlLogin', status: 400, body: body('Y013', message) })).toMatchObject({
        kind: 'auth',
        message,
        match: { by: 'row' },
      });
    }
    expect(codes['Y013']?.note).toMatch(/required/);
  });

  test('Y823: the SDK’s typo "not application" classifies as the spec’s "not applicable"', () => {
    expect(codes['Y823']?.note).toMatch(/not application for/);
    for (const message of ['Transaction is not application for bank', 'Transaction not applicable for container']) {
      expect(normalize({ provider: 'yodlee', method: 'POST', url: '/ysl/verifyAccount/42', status: 400, body: body('Y823', message) })).toMatchObject({
        kind: 'invalid-request',
        message,
        match: { by: 'row' },
      });
    }
  });
});
