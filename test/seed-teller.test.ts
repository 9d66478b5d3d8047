import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { CodeInput } from '../src/catalog/index.js';
import { canonicalCode } from '../src/catalog/resolve.js';
import { teller } from '../catalogs/teller.js';
import { codesIn, seedTable, seedsPresent } from './support/seeds.js';

const SEED = 'providers/teller.md';
const { normalize } = createNormalizer([teller]);
const codes: Readonly<Record<string, CodeInput>> = teller.codes;
const body = (code: string): string => JSON.stringify({ error: { code, message: 'x' } });

describe.skipIf(!seedsPresent)('Teller catalog against its seed (seeds/providers/teller.md)', () => {
  test('every enrollment error code of the seed is a code of the catalog, at its documented status', () => {
    const rows = seedTable(SEED, '## Enrollment error codes');
    expect(rows.length).toBe(9);
    for (const row of rows) {
      const [code] = codesIn(row['code'] ?? '');
      expect(code, JSON.stringify(row)).toBeDefined();
      if (code === undefined) continue;
      const entry = codes[code];
      expect(entry, code).toBeDefined();
      if (entry === undefined) continue;
      expect(entry.kind, code).toBe('reconnect-required');
      expect(entry.statuses, code).toEqual([Number(row['HTTP'])]);
      expect(entry.source, code).toBe('errors');
    }
  });

  test('every webhook reason of the seed is an alias of the API code it matches', () => {
    const rows = seedTable(SEED, '`enrollment.disconnected` payload `reason`');
    expect(rows.length).toBe(9);
    for (const row of rows) {
      const [reason] = codesIn(row['reason'] ?? '');
      const [matching] = codesIn(row['matching API error code'] ?? '');
      expect(reason && matching, JSON.stringify(row)).toBeTruthy();
      if (reason === undefined || matching === undefined) continue;
      const code = canonicalCode(teller, reason);
      expect(code, reason).toBeDefined();
      // The seed abbreviates long codes with a leading ellipsis.
      expect(code?.endsWith(matching.replace(/^…/, '')), `${reason} -> ${code}`).toBe(true);
      expect(code !== reason, `${reason} must be an alias, not a code of its own`).toBe(true);
    }
  });

  test('every documented status has a catalog meaning, and the example code is a code', () => {
    for (const row of seedTable(SEED, '## HTTP statuses')) {
      const status = row['HTTP'] ?? '';
      if (status === '200') continue;
      expect(teller.statuses[status as keyof typeof teller.statuses], status).toBeDefined();
      for (const cell of codesIn(row['code (body)'] ?? '')) {
        const code = cell.replace(/\s*\(example\)$/, '');
        if (code === '—') continue;
        if (code.endsWith('*')) {
          expect(Object.keys(teller.prefixes), code).toContain(code.slice(0, -1));
          continue;
        }
        expect(canonicalCode(teller, code), code).toBe(code);
      }
    }
  });

  describe('disagreements the seed lists', () => {
    test("429 is absent from the older stored copy: the current page's meaning is encoded, and the note says so", () => {
      const error = normalize({ provider: 'teller', status: 429, body: body('rate_limited') });
      expect(error).toMatchObject({ kind: 'rate-limited', scope: 'client', match: { by: 'status', source: 'https://teller.io/docs/api/errors' } });
      expect(error.match.note).toMatch(/older stored copy/);
    });

    test('the Enrollment Errors section is absent from the older stored copy: its codes are encoded from the current page', () => {
      const error = normalize({ provider: 'teller', status: 404, body: body('enrollment.disconnected.account_locked') });
      expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'account-locked', match: { by: 'code', source: 'https://teller.io/docs/api/errors' } });
      expect(teller.notes.some((note) => /older/.test(note) && /Enrollment Errors/.test(note))).toBe(true);
    });

    test('502: both wordings name the institution; fi-unavailable, and the note quotes the difference', () => {
      const error = normalize({ provider: 'teller', status: 502, body: body('bad_gateway') });
      expect(error).toMatchObject({ kind: 'fi-unavailable', reason: 'down', severity: 'info' });
      expect(error.match.note).toMatch(/older stored copy/);
      expect(error.match.note).toMatch(/the financial institution is unavailable, or/);
    });

    test('410 is the same in both copies: gone for good, the end user links another account', () => {
      expect(normalize({ provider: 'teller', status: 410, body: body('gone') })).toMatchObject({
        kind: 'not-found',
        userAction: 'link-another-account',
        owner: 'end-user',
        match: { by: 'status' },
      });
    });

    test('404 is overloaded: only error.code tells a missing resource from a disconnected enrollment', () => {
      const missing = normalize({ provider: 'teller', method: 'GET', url: '/accounts/acc_1', status: 404, body: body('not_found') });
      expect(missing).toMatchObject({ kind: 'not-found', owner: 'integrator', match: { by: 'status' } });
      expect(missing.match.note).toMatch(/Overloaded/);
      const disconnected = normalize({ provider: 'teller', method: 'GET', url: '/accounts/acc_1', status: 404, body: body('enrollment.disconnected') });
      expect(disconnected).toMatchObject({ kind: 'reconnect-required', owner: 'end-user', match: { by: 'code' } });
      const noCode = normalize({ provider: 'teller', status: 404 });
      expect(noCode).toMatchObject({ kind: 'not-found', match: { by: 'status' } });
    });
  });
});
