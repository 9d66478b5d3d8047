import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import type { CodeInput } from '../src/catalog/index.js';
import { canonicalCode } from '../src/catalog/resolve.js';
import { mx } from '../catalogs/mx.js';
import { codesIn, seedTable, seedsPresent } from './support/seeds.js';

const SEED = 'providers/mx.md';
const normalizer = createNormalizer([mx]);
const { normalize } = normalizer;
const codes: Readonly<Record<string, CodeInput>> = mx.codes;
const pendingCodes = new Set<string>(mx.pending.map((step) => step.code));
const FIRES = /Fires the connection-status webhook/;

describe.skipIf(!seedsPresent)('MX catalog against its seed (seeds/providers/mx.md)', () => {
  const statuses = seedTable(SEED, '## Member `connection_status` values');
  // "Not a failure" is the Connect widget's own grouping: a status outside its ErrorStatuses (E).
  const isFailure = (row: Record<string, string>): boolean => codesIn(row['widget set'] ?? '').includes('E');
  const webhookFires = (row: Record<string, string>): boolean => (row['webhook fires (end-user action)'] ?? '').replace(/\*/g, '') === 'yes';

  test('the seed lists the 22 statuses of the spec and null', () => {
    expect(statuses.length).toBe(23);
  });

  test('every failing status is a code (or the pending MFA step), its numeric id an alias, arriving as connection_status', () => {
    for (const row of statuses.filter(isFailure)) {
      const code = row['code'] ?? '';
      const id = row['id'] ?? '';
      if (pendingCodes.has(code)) {
        // CHALLENGED: a step, not an error; its number is an alias of the step, named as the step.
        expect(mx.pending.find((step) => step.code === code)?.aliases, `${code} (${id})`).toEqual([id]);
        expect(normalize({ provider: 'mx', code: Number(id) })).toMatchObject({ code, match: { by: 'pending' } });
        continue;
      }
      const entry = codes[code];
      expect(entry, code).toBeDefined();
      expect(entry?.arrives, code).toBe('connection_status');
      expect(entry?.aliases, code).toEqual([id]);
      expect(canonicalCode(mx, id), id).toBe(code);
      expect(normalize({ provider: 'mx', code: id })).toMatchObject({ code, match: { by: 'code' } });
    }
  });

  test('every status that is not a failure is left out of codes, and the notes list it', () => {
    const left = statuses.filter((row) => !isFailure(row));
    expect(left.map((row) => row['code'])).toEqual(['null', 'CREATED', 'CONNECTED', 'RECONNECTED', 'UPDATED', 'RESUMED', 'PENDING']);
    for (const row of left) {
      const code = row['code'] ?? '';
      expect(canonicalCode(mx, code), code).toBeUndefined();
      expect(pendingCodes.has(code), code).toBe(false);
      if (row['id'] !== '—') expect(canonicalCode(mx, row['id'] ?? ''), row['id']).toBeUndefined();
      expect(normalize({ provider: 'mx', code }).match.by, code).toBe('none');
      expect(
        mx.notes.some((note) => note.startsWith('Not failures') && note.includes(code)),
        code,
      ).toBe(true);
    }
  });

  test('a status says it fires the connection-status webhook exactly when MX lists it as end-user-actionable', () => {
    for (const row of statuses.filter(isFailure)) {
      const code = row['code'] ?? '';
      const text = pendingCodes.has(code) ? (mx.pending.find((step) => step.code === code)?.description ?? '') : (codes[code]?.note ?? '');
      expect(FIRES.test(text), code).toBe(webhookFires(row));
    }
  });

  test("the widget's primary action sets the user action", () => {
    const expected: Readonly<Record<string, string>> = {
      'update credentials': 'reenter-credentials',
      refresh: 'restart-mfa',
    };
    for (const row of statuses.filter(isFailure)) {
      const code = row['code'] ?? '';
      const action = expected[row['widget primary action'] ?? ''];
      if (action === undefined || pendingCodes.has(code)) continue;
      expect(normalize({ provider: 'mx', code }).userAction, code).toBe(action);
    }
  });

  test('every documented HTTP status but the successes has a meaning', () => {
    for (const row of seedTable(SEED, '## HTTP statuses (Platform API)')) {
      const status = row['HTTP'] ?? '';
      if (row['category'] === 'success') continue;
      expect(mx.statuses[status as keyof typeof mx.statuses], status).toBeDefined();
      expect(normalize({ provider: 'mx', status: Number(status) }).match, status).toMatchObject({
        by: 'status',
        source: 'https://docs.mx.com/api-reference/platform-api/overview/errors',
      });
    }
  });

  describe('disagreements the seed lists', () => {
    test('1. IMPORTED asks the end user to update credentials but does not fire the webhook: the widget is followed, and the note says so', () => {
      const error = normalize({ provider: 'mx', code: 'IMPORTED' });
      expect(error).toMatchObject({ kind: 'reconnect-required', reason: 'credentials', userAction: 'reenter-credentials' });
      expect(error.match.note).toMatch(/Does not fire the connection-status webhook, although/);
    });

    test('2. CHALLENGED is an error status in the widget but "not an error" in the docs: a pending MFA step', () => {
      for (const code of ['CHALLENGED', 3] as const) {
        const error = normalize({ provider: 'mx', code });
        expect(error).toMatchObject({ kind: 'unknown', pending: 'mfa', severity: 'info', match: { by: 'pending' } });
      }
      expect(normalizer.pending({ provider: 'mx', code: 'CHALLENGED' })?.step).toBe('mfa');
      expect(mx.pending[0].description).toMatch(/error statuses/);
    });

    test("3. the widget's processing statuses include RECONNECTED, an unverified copy does not: the widget is followed", () => {
      for (const code of ['RECONNECTED', '8'] as const) expect(normalize({ provider: 'mx', code }).match.by, code).toBe('none');
      expect(mx.notes.some((note) => note.includes('RECONNECTED') && /unverified/.test(note))).toBe(true);
    });

    test("4. the API reference stops inside LOCKED: later statuses cite MX's help center, widget or webhook page", () => {
      const ids = new Map(statuses.map((row) => [row['code'] ?? '', Number(row['id'])]));
      for (const [code, entry] of Object.entries(codes)) {
        const id = ids.get(code) ?? Number.NaN;
        if (id <= 5) expect(entry.source, code).toBe('nexus');
        else expect(['academy', 'academy-help', 'widget', 'webhook'], code).toContain(entry.source);
      }
      expect(mx.notes.some((note) => note.includes('up to LOCKED'))).toBe(true);
    });

    test('5. 202 is both "processing" and "a job of the same type is running": a conflict to wait out, with a note', () => {
      const error = normalize({ provider: 'mx', status: 202 });
      expect(error).toMatchObject({ kind: 'conflict', retry: { retryable: true, waitForJob: true }, severity: 'info' });
      expect(error.match.note).toMatch(/processing/);
    });
  });
});
