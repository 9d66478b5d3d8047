import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { canonicalCode, documentedRows } from '../src/catalog/resolve.js';
import { finicity } from '../catalogs/finicity.js';
import { codesIn, seedsPresent, seedTable, seedText } from './support/seeds.js';

const FILE = 'providers/finicity.md';
const { normalize } = createNormalizer([finicity]);
type Entry = { readonly kind: string; readonly statuses?: readonly number[]; readonly arrives?: string; readonly note?: string };
const codes: Readonly<Record<string, Entry>> = finicity.codes;
const body = (code: number | string, message: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ code, message, ...extra });
/** Every number in a cell ("101, 102, 907 (list cut after 907)", "325 / 5006 (one row)"). */
const numbersIn = (cell: string): string[] => [...new Set(codesIn(cell).flatMap((piece) => [...piece.matchAll(/\b\d+\b/g)].map((match) => match[0])))];
const rowsOf = (code: string) => documentedRows(finicity).filter(({ row }) => row.code === code);

describe.skipIf(!seedsPresent)('Finicity seed tables', () => {
  test('every aggregation status code of section A is in the catalog; 0 (success) is not', () => {
    const rows = seedTable(FILE, '## A. Aggregation status codes');
    const all = rows.flatMap((row) => numbersIn(row['code'] ?? ''));
    expect(all.length).toBeGreaterThan(50);
    for (const code of all) {
      if (code === '0') {
        expect(codes['0']).toBeUndefined();
        expect(finicity.notes.some((note) => note.includes('0 means the account is aggregating successfully'))).toBe(true);
      } else expect(canonicalCode(finicity, code), code).toBeDefined();
    }
  });

  test('every code of the legacy tables (B1) and of the Mastercard code pages (B2) is in the catalog', () => {
    for (const heading of ['### B1.', '### B2.']) {
      for (const row of seedTable(FILE, heading))
        for (const code of numbersIn(row['code'] ?? '')) expect(canonicalCode(finicity, code), `${heading} ${code}`).toBeDefined();
    }
  });

  test('every code of the spec examples (B3) is in the catalog, with a row at each error status the seed prints, and none at 200', () => {
    const rows = seedTable(FILE, '### B3.');
    expect(rows.length).toBe(84);
    for (const row of rows) {
      const code = row['code'] ?? '';
      expect(codes[code], code).toBeDefined();
      const printed = codesIn(row['HTTP (response the example is attached to)'] ?? '');
      const documented = new Set(rowsOf(code).map(({ row: r }) => r.status));
      for (const status of printed) {
        if (status === '?') continue;
        if (status === '200') {
          expect(documented.has(200), `${code} has no 200 row`).toBe(false);
          expect(codes[code]?.arrives, `${code} says where it arrives`).toMatch(/HTTP 200/);
        } else expect(documented.has(Number(status)), `${code} row at ${status}`).toBe(true);
      }
    }
  });

  test('the Data Connect Fix codes send the user back to Connect', () => {
    const line =
      seedText(FILE)
        .split('\n')
        .find((text) => text.startsWith('Data Connect Fix eligible')) ?? '';
    const fixable = [...line.slice(line.indexOf(':') + 1).matchAll(/\b\d+\b/g)].map((match) => match[0]);
    expect(fixable).toHaveLength(9);
    for (const code of fixable) {
      const error = normalize({ provider: 'finicity', code });
      expect(error.kind, code).toBe('reconnect-required');
      expect(['reconnect', 'reenter-credentials', 'visit-institution'], code).toContain(error.userAction);
      expect(error.owner, code).toBe('end-user');
    }
  });
});

describe.skipIf(!seedsPresent)('Finicity disagreements, as the catalog resolves them', () => {
  test('1. the legacy "aggregation codes are HTTP 500" rule against Mastercard pages that print 400 or 404', () => {
    // 4034's page prints 400: documented there, drift at the legacy 500.
    expect(normalize({ provider: 'finicity', status: 400, body: body(4034, "Access tokens must be managed at the institution's website.") })).toMatchObject({
      kind: 'reconnect-required',
      reason: 'consent',
      userAction: 'visit-institution',
      match: { by: 'code', documentedStatus: undefined },
    });
    expect(normalize({ provider: 'finicity', status: 500, body: body(4034, 'x') }).match.documentedStatus).toBe(400);
    // 949's Australian page prints 404; 14002 is 404.
    expect(codes['949']?.statuses).toEqual([404]);
    expect(normalize({ provider: 'finicity', status: 404, body: body(14002, 'x') })).toMatchObject({
      kind: 'not-found',
      match: { documentedStatus: undefined },
    });
    // A code whose status only the legacy rule gives says so.
    expect(codes['101']?.statuses).toEqual([500]);
    expect(codes['101']?.note).toMatch(/legacy rule/);
  });

  test('2. 12001\'s page prints "Error Code 12003" and "409 or 500": both codes, both statuses', () => {
    for (const code of [12001, 12003]) {
      for (const status of [409, 500]) {
        expect(normalize({ provider: 'finicity', status, body: body(code, 'unexpected server error') })).toMatchObject({
          kind: 'provider-unavailable',
          code: String(code),
          match: { by: 'code', documentedStatus: undefined },
        });
      }
    }
    expect(codes['12003']?.note).toMatch(/12001/);
  });

  test('3. codes reused with another meaning at another status: each endpoint row keeps its own', () => {
    // 10005: a missing parameter at 400, a missing account at 404.
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: '/aggregation/v1/customers/1005061234/accounts/5011648377',
        status: 400,
        body: body('10005', 'Missing parameter (partnerId)'),
      }).kind,
    ).toBe('invalid-request');
    // Its only 404 example shares an endpoint with a 400 one: each row holds at its own status.
    const refresh = normalize({
      provider: 'finicity',
      method: 'POST',
      url: '/aggregation/customers/1005061234/transactions/refreshes',
      status: 404,
      body: body('10005', 'Customer does not have the specified account (x)'),
    });
    expect(refresh).toMatchObject({ kind: 'not-found', match: { by: 'row' } });
    const refreshBad = normalize({
      provider: 'finicity',
      method: 'POST',
      url: '/aggregation/customers/1005061234/transactions/refreshes',
      status: 400,
      body: body('10005', 'Missing parameter (partnerId)'),
    });
    expect(refreshBad).toMatchObject({ kind: 'invalid-request', match: { by: 'row' } });
    // 10100: not-found at 404 and invalid-request at 400, on the same endpoints.
    const endpoint =
      rowsOf('10100').find(
        ({ endpoint: at, row, meaning }) =>
          row.status === 404 && meaning.kind === 'not-found' && rowsOf('10100').some((other) => other.endpoint === at && other.row.status === 400),
      )?.endpoint ?? '';
    expect(endpoint).not.toBe('');
    expect(normalize({ provider: 'finicity', endpoint, status: 404, body: body('10100', 'Cannot find consumer with id 1234.') })).toMatchObject({
      kind: 'not-found',
      match: { by: 'row' },
    });
    expect(normalize({ provider: 'finicity', endpoint, status: 400, body: body('10100', 'Invalid parameter (x)') })).toMatchObject({ kind: 'invalid-request' });
    // 10030: invalid data combination at 400, a timeout at 408.
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: 'https://api.finicity.com/decisioning/sbca/location-matches',
        status: 400,
        body: body('10030', 'Invalid data combination.'),
      }).kind,
    ).toBe('invalid-request');
    expect(
      normalize({
        provider: 'finicity',
        method: 'POST',
        url: '/account-owner-verification-matchings/customers/1/accounts/2',
        status: 408,
        body: body('10030', 'Please try again at a later time.', { status: '408' }),
      }),
    ).toMatchObject({ kind: 'provider-unavailable', reason: 'timeout', match: { by: 'row' } });
    // 1643, 10008: not found at both statuses.
    for (const code of ['1643', '10008']) expect(new Set(rowsOf(code).map(({ meaning }) => meaning.kind))).toEqual(new Set(['not-found']));
    // 10003: invalid parameters at 400, a business not found at 404.
    expect(
      normalize({
        provider: 'finicity',
        method: 'GET',
        url: '/business-services/businesses/b-1',
        status: 404,
        body: body('10003', 'Business ID was not found.'),
      }),
    ).toMatchObject({ kind: 'not-found', match: { by: 'row' } });
    expect(
      normalize({
        provider: 'finicity',
        method: 'POST',
        url: '/decisioning/customers/1/sbca',
        status: 400,
        body: body('10003', 'Missing or invalid request parameter(s) - businessId'),
      }).kind,
    ).toBe('invalid-request');
    // 10010: invalid at 400; its only 404 shares an endpoint with a 400, and holds at its own status.
    const portfolio = normalize({
      provider: 'finicity',
      method: 'GET',
      url: '/decisioning/v1/portfolios/y4zsgccj4xpw-port',
      status: 404,
      body: body('10010', 'No report found for portfolioId y4zsgccj4xpw-port.'),
    });
    expect(portfolio).toMatchObject({ kind: 'not-found', match: { by: 'row' } });
  });

  test('4. 325: an API error at HTTP 500 in the legacy docs, a per-account status inside a 200 body in the spec', () => {
    expect(
      normalize({
        provider: 'finicity',
        status: 500,
        body: body(325, 'Your data is currently being aggregated and is inaccessible at the moment. Please wait several minutes and keep trying.'),
      }),
    ).toMatchObject({ kind: 'conflict', retry: { waitForJob: true }, match: { by: 'code', documentedStatus: undefined } });
    expect(normalize({ provider: 'finicity', code: 325 })).toMatchObject({ kind: 'conflict', match: { by: 'code' } });
    expect(codes['325']?.arrives).toMatch(/HTTP 200/);
    expect(rowsOf('325')).toEqual([]);
  });

  test('5. 10022 and 10026 under two spellings each: both are our app credentials', () => {
    for (const message of ['Invalid (Finicity-App-Token)', 'Invalid (App-Token)']) {
      expect(normalize({ provider: 'finicity', status: 401, body: body('10022', message) })).toMatchObject({ kind: 'auth', message, severity: 'page' });
    }
    for (const message of ['Missing parameter (Finicity-App-Key)', 'Missing parameter (App-Key)']) {
      expect(normalize({ provider: 'finicity', status: 401, body: body('10026', message) })).toMatchObject({ kind: 'auth', message });
    }
    expect(codes['10022']?.note).toMatch(/Invalid \(App-Token\)/);
    expect(codes['10026']?.note).toMatch(/Missing parameter \(App-Key\)/);
  });
});
