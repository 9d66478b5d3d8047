import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { CodeInput } from '../src/catalog/index.js';
import { canonicalCode } from '../src/catalog/resolve.js';
import { KIND_DEFAULTS } from '../src/taxonomy/defaults.js';
import { truelayer } from '../catalogs/truelayer.js';
import { codesIn, seedTable, seedsPresent } from './support/seeds.js';

const SEED = 'providers/truelayer.md';
const { normalize } = createNormalizer([truelayer]);
const codes: Readonly<Record<string, CodeInput>> = truelayer.codes;
const v1Body = (error: string): string => JSON.stringify({ error, error_description: 'described' });
const v3Body = (status: number, title: string): string =>
  JSON.stringify({ type: 'https://docs.truelayer.com/docs/data-v3-errors', title, status, detail: 'described', trace_id: 't-1' });

describe.skipIf(!seedsPresent)('TrueLayer catalog against its seed (seeds/providers/truelayer.md)', () => {
  const v1 = seedTable(SEED, '## Data API v1 error codes');
  const v3 = seedTable(SEED, '## Data API v3 errors');

  test('every readable Data API v1 code is a code of the catalog, at its status, retryable as the Retry column says', () => {
    expect(v1.length).toBe(14);
    for (const row of v1) {
      const [code] = codesIn(row['code'] ?? '');
      expect(code, JSON.stringify(row)).toBeDefined();
      if (code === undefined) continue;
      expect(canonicalCode(truelayer, code), code).toBe(code);
      const entry = codes[code];
      if (entry === undefined) throw new Error(`${code} is not a code of the catalog`);
      expect(entry.statuses, code).toEqual([Number(row['HTTP'])]);
      const column = row['Retry (docs column)'];
      const expected = column === 'Yes' ? true : column === 'No' ? false : KIND_DEFAULTS[entry.kind].retryable;
      const error = normalize({ provider: 'truelayer', status: Number(row['HTTP']), body: v1Body(code) });
      expect(error.retry.retryable, `${code} (Retry: ${column})`).toBe(expected);
      expect(error.match.by, code).toBe('code');
    }
  });

  test('every Data API v3 error is a code of the catalog (its title), at its status', () => {
    expect(v3.length).toBe(9);
    for (const row of v3) {
      const title = row['type/title'] ?? '';
      const status = Number(row['HTTP']);
      const entry = codes[title];
      if (entry === undefined) throw new Error(`${title} is not a code of the catalog`);
      expect(entry.statuses, title).toEqual([status]);
      expect(entry.source, title).toBe('v3');
      expect(normalize({ provider: 'truelayer', status, body: v3Body(status, title) })).toMatchObject({
        code: title,
        match: { by: 'code', documentedStatus: undefined },
      });
    }
  });

  test('the third-party-only v1 codes stay out, and the notes name them', () => {
    for (const code of [
      'provider_request_limit_exceeded',
      'endpoint_not_supported',
      'internal_server_error',
      'connector_overload',
      'provider_error',
      'temporarily_unavailable',
      'provider_timeout',
      'connector_timeout',
    ]) {
      expect(canonicalCode(truelayer, code), code).toBeUndefined();
      expect(
        truelayer.notes.some((note) => note.includes(code)),
        code,
      ).toBe(true);
    }
  });

  describe('disagreements the seed lists', () => {
    test('the current and the older copy list different rows: both sets are encoded, each code citing its copy', () => {
      for (const row of v1) {
        const [code] = codesIn(row['code'] ?? '');
        if (code === undefined) continue;
        // A remark in parentheses ("(row is the cut point)") is not a copy.
        const copies = codesIn((row['source'] ?? '').replace(/\s*\([^)]*\)/g, ''));
        const expected = copies.includes('v1-current') ? 'v1' : 'v1-older';
        expect(codes[code]?.source, code).toBe(expected);
        expect(codes[code]?.note, code).toMatch(
          copies.length > 1 ? /both the current and the older copy/ : copies.includes('v1-current') ? /current copy/ : /older copy/,
        );
      }
      expect(truelayer.notes.some((note) => /older copy/.test(note) && /none is marked legacy/.test(note))).toBe(true);
    });

    test('validation_error is marked Retry "Yes" although it is a request error: retryable as documented, and noted', () => {
      const error = normalize({ provider: 'truelayer', status: 400, body: v1Body('validation_error') });
      expect(error).toMatchObject({ kind: 'invalid-request', owner: 'integrator', retry: { retryable: true } });
      expect(error.match.note).toMatch(/Retry column says Yes/);
    });

    test('v3 uses 400 for a request error and for a reconnect: the title tells them apart', () => {
      expect(normalize({ provider: 'truelayer', status: 400, body: v3Body(400, 'Invalid Parameters') })).toMatchObject({
        kind: 'invalid-request',
        owner: 'integrator',
      });
      expect(normalize({ provider: 'truelayer', status: 400, body: v3Body(400, 'Invalid State') })).toMatchObject({
        kind: 'reconnect-required',
        reason: 'consent',
        owner: 'end-user',
      });
    });

    test('v3 uses 502 for "don\'t retry" and for "retry": the title tells them apart', () => {
      expect(normalize({ provider: 'truelayer', status: 502, body: v3Body(502, 'Feature Not Supported') })).toMatchObject({
        kind: 'unsupported',
        retry: { retryable: false },
      });
      expect(normalize({ provider: 'truelayer', status: 502, body: v3Body(502, 'Provider Error') })).toMatchObject({
        kind: 'fi-unavailable',
        retry: { retryable: true },
      });
    });
  });
});
