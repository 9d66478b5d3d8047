/**
 * `catalog --format csv` joined against `normalize` output in a real warehouse
 * engine (DuckDB, in process): the CSV loads with the types a warehouse
 * infers, has one row per documented entry, and every normalized line that a
 * documented row or code classified finds that row in the CSV with the same
 * kind and hints. The query of docs/cli.md runs here as written.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { documentedRows } from '../src/catalog/resolve.js';
import { CATALOG_CSV_COLUMNS } from '../src/cli/catalog-csv.js';
import { runCli } from '../src/cli/run.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function cli(argv: readonly string[], stdin = ''): Promise<string> {
  const stdout = new Sink();
  const stderr = new Sink();
  const status = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr, catalogs: allCatalogs, version: '0.0.0' });
  expect(status, stderr.text).toBe(0);
  return stdout.text;
}

// What a gateway's logs hold: every documented row and code of every catalog, as raw responses.
const responses = allCatalogs.flatMap((catalog) => [...rowFixtures(catalog), ...codeFixtures(catalog)]).map((fixture) => fixture.input);

let dir = '';
let db: DuckDBInstance;
let sql: DuckDBConnection;
let csv = '';
let normalized: Record<string, unknown>[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-duckdb-'));
  csv = await cli(['catalog', '--format', 'csv']);
  const output = await cli(['normalize', '--lean'], responses.map((input) => `${JSON.stringify(input)}\n`).join(''));
  normalized = output
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  await writeFile(join(dir, 'catalog.csv'), csv);
  await writeFile(join(dir, 'normalized.ndjson'), output);
  db = await DuckDBInstance.create(':memory:');
  sql = await db.connect();
  await sql.run(`CREATE TABLE catalog AS SELECT * FROM read_csv('${join(dir, 'catalog.csv')}', header = true)`);
  await sql.run(`CREATE TABLE errors AS SELECT * FROM read_ndjson_auto('${join(dir, 'normalized.ndjson')}')`);
}, 60_000);

afterAll(async () => {
  sql?.closeSync();
  db?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

async function rows(query: string): Promise<Record<string, unknown>[]> {
  return (await sql.runAndReadAll(query)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('catalog --format csv in DuckDB', () => {
  test('loads with its header and typed columns', async () => {
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(CATALOG_CSV_COLUMNS.join(','));
    const columns = await rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'catalog' ORDER BY ordinal_position");
    expect(columns.map((column) => column['column_name'])).toEqual([...CATALOG_CSV_COLUMNS]);
    const types = Object.fromEntries(columns.map((column) => [column['column_name'], column['data_type']]));
    expect(types).toMatchObject({ status: 'BIGINT', retryable: 'BOOLEAN', legacy: 'BOOLEAN', kind: 'VARCHAR', description: 'VARCHAR' });
  });

  test('has one row per documented entry of every catalog', async () => {
    const counts = Object.fromEntries(
      (await rows('SELECT provider, entry, count(*) AS n FROM catalog GROUP BY ALL')).map((row) => [`${row['provider']} ${row['entry']}`, Number(row['n'])]),
    );
    for (const catalog of allCatalogs) {
      const codes = Object.values(catalog.codes ?? {});
      const expected = {
        code: codes.length + codes.reduce((sum, code) => sum + (code.aliases?.length ?? 0), 0),
        'category-code': codes.reduce((sum, code) => sum + Object.keys(code.byCategory ?? {}).length, 0),
        category: Object.keys(catalog.categories ?? {}).length,
        prefix: Object.keys(catalog.prefixes ?? {}).length,
        status: Object.keys(catalog.statuses ?? {}).length,
        row: documentedRows(catalog).length,
        pending: (catalog.pending ?? []).reduce((sum, step) => sum + 1 + (step.aliases?.length ?? 0), 0),
      };
      for (const [entry, n] of Object.entries(expected)) expect(counts[`${catalog.id} ${entry}`] ?? 0, `${catalog.id} ${entry}`).toBe(n);
    }
  });

  test('keeps text with commas, quotes and line breaks intact', async () => {
    const withQuotes = allCatalogs
      .flatMap((catalog) => Object.entries(catalog.codes ?? {}).map(([code, entry]) => ({ provider: catalog.id, code, note: entry.note })))
      .filter((entry) => entry.note !== undefined && /[",]/.test(entry.note))
      .slice(0, 20);
    expect(withQuotes.length).toBeGreaterThan(0);
    for (const entry of withQuotes) {
      const [row] = await rows(
        `SELECT note FROM catalog WHERE entry = 'code' AND provider = '${entry.provider}' AND code = '${entry.code.replaceAll("'", "''")}' AND alias_of IS NULL`,
      );
      expect(row?.['note']).toBe(entry.note);
    }
  });

  test('every line a documented row classified joins that row, with the same kind and hints', async () => {
    const byRow = normalized.filter((line) => (line['match'] as { by: string }).by === 'row');
    expect(byRow.length).toBeGreaterThan(1000);
    const [joined] = await rows(`
      SELECT count(*) AS lines,
             count(*) FILTER (WHERE c.kind <> e.kind OR c.severity <> e.severity OR c.user_action <> e."userAction" OR c.owner <> e.owner OR c.retryable <> e.retry.retryable) AS disagree
      FROM errors e
      JOIN catalog c ON c.entry = 'row' AND c.provider = e.provider AND c.endpoint = e.endpoint AND c.status = e.status AND c.code IS NOT DISTINCT FROM e.code
      WHERE e.match.by = 'row'`);
    expect(Number(joined?.['lines'])).toBe(byRow.length);
    expect(Number(joined?.['disagree'])).toBe(0);
  });

  test('every line a provider-wide code classified joins its code, alias spellings included', async () => {
    const byCode = normalized.filter((line) => (line['match'] as { by: string }).by === 'code');
    const [joined] = await rows(`
      SELECT count(*) AS lines, count(*) FILTER (WHERE c.kind <> e.kind OR c.severity <> e.severity) AS disagree
      FROM errors e JOIN catalog c ON c.entry = 'code' AND c.provider = e.provider AND c.code = e.code
      WHERE e.match.by = 'code'`);
    expect(byCode.length).toBeGreaterThan(500);
    expect(Number(joined?.['lines'])).toBe(byCode.length);
    expect(Number(joined?.['disagree'])).toBe(0);
  });

  test("the docs' query: errors per provider, kind and severity, with the documentation to read", async () => {
    // As written in docs/cli.md, with the file names of this test.
    const doc = await readFile(new URL('../docs/cli.md', import.meta.url), 'utf8');
    const block = /<!-- tested: duckdb-query -->\n```sql\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'docs/cli.md has the tested DuckDB query').toBeDefined();
    const query = (block ?? '')
      .replaceAll("'normalized.ndjson'", `'${join(dir, 'normalized.ndjson')}'`)
      .replaceAll("'catalog.csv'", `'${join(dir, 'catalog.csv')}'`)
      .replace(/;\s*$/, '');
    const answer = await rows(query);
    expect(answer.length).toBeGreaterThan(10);
    const expected = new Map<string, number>();
    const severity = CATALOG_CSV_COLUMNS.indexOf('severity');
    const byCode = new Map(
      csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .flatMap((line) => {
          // Only the leading columns are needed, up to severity: none of them is quoted.
          const cells = line.split(',');
          return cells[1] === 'code' ? [[`${cells[0]} ${cells[5]}`, cells[severity]] as const] : [];
        }),
    );
    for (const line of normalized) {
      const documented = byCode.get(`${String(line['provider'])} ${String(line['code'])}`);
      if (documented === undefined) continue;
      const group = `${String(line['provider'])} ${String(line['kind'])} ${documented}`;
      expected.set(group, (expected.get(group) ?? 0) + 1);
    }
    expect(Object.fromEntries(answer.map((row) => [`${row['provider']} ${row['kind']} ${row['severity']}`, Number(row['errors'])]))).toEqual(
      Object.fromEntries(expected),
    );
    for (const row of answer) expect(String(row['documented_at'])).toMatch(/^https:\/\//);
  });
});
