import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { fc, test as propTest } from '@fast-check/vitest';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import type { Catalog } from '../src/catalog/types.js';
import { coverageOf, coverageTable } from '../src/cli/coverage.js';
import { codesOf, explain } from '../src/cli/explain.js';
import { normalizeStream } from '../src/cli/normalize-stream.js';
import { runCli } from '../src/cli/run.js';
import { canonicalCode } from '../src/catalog/resolve.js';
import { packageVersion } from '../src/cli/version.js';
import { createNormalizer } from '../src/matcher/create-normalizer.js';
import { rowFixtures } from '../src/testkit/fixtures.js';
import { acme } from './support/acme.js';

class Sink extends Writable {
  text = '';
  constructor(private readonly delay = false) {
    super({ highWaterMark: 1 });
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    if (this.delay) setImmediate(callback);
    else callback();
  }
}

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], stdin: string | readonly (string | Buffer)[] = [], catalogs: readonly Catalog[] = [acme]): Promise<Run> {
  const stdout = new Sink();
  const stderr = new Sink();
  const input = Readable.from(typeof stdin === 'string' ? [stdin] : stdin);
  const status = await runCli(argv, { stdin: input, stdout, stderr, catalogs, version: '9.8.7' });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const acmeNormalizer = createNormalizer([acme]);
const fixtures = rowFixtures(acme);
const ndjson = fixtures.map((fixture) => `${JSON.stringify(fixture.input)}\n`).join('');
const expectedLines = fixtures.map((fixture) => JSON.stringify(acmeNormalizer.normalize(fixture.input)));

function outputLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('normalizeStream', () => {
  test('writes one normalized error per raw response, in order', async () => {
    const out = new Sink();
    const counts = await normalizeStream(Readable.from([ndjson]), out, acmeNormalizer);
    expect(fixtures.length).toBeGreaterThan(5);
    expect(outputLines(out.text)).toEqual(expectedLines);
    expect(counts).toEqual({ lines: fixtures.length, normalized: fixtures.length, failed: 0 });
    const kinds = outputLines(out.text).map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds).toEqual(fixtures.map((fixture) => fixture.expected.kind));
  });

  propTest.prop([fc.array(fc.integer({ min: 0, max: Buffer.byteLength(ndjson) }), { maxLength: 12 })])(
    'gives the same output however the input is cut into chunks, even inside a UTF-8 character',
    async (cuts) => {
      const bytes = Buffer.from(`{"provider":"acme","code":"E102","body":{"error":{"code":"E102","message":"User ü-€-😀 not found"}}}\n${ndjson}`);
      const positions = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
      const chunks = positions.slice(1).map((end, i) => bytes.subarray(positions[i], end));
      const out = new Sink();
      await normalizeStream(Readable.from(chunks), out, acmeNormalizer);
      const lines = outputLines(out.text);
      expect(lines.slice(1)).toEqual(expectedLines);
      expect((JSON.parse(lines[0] ?? '') as { message: string }).message).toBe('User ü-€-😀 not found');
    },
  );

  test('reports bad lines with their line number, writes an error line in their place and goes on', async () => {
    const good = JSON.stringify(fixtures[0]?.input);
    const input = [good, 'not json', '', '[1,2]', '   ', 'null', '42', '"text"', `${good}\r`, '{"provider":"acme"'].join('\n');
    const reported: [number, string][] = [];
    const out = new Sink();
    const counts = await normalizeStream(Readable.from([input]), out, acmeNormalizer, { onBadLine: (line, reason) => reported.push([line, reason]) });
    expect(reported.map(([line]) => line)).toEqual([2, 4, 6, 7, 8, 10]);
    expect(reported[0]?.[1]).toMatch(/^not JSON/);
    expect(reported[1]?.[1]).toBe('not a JSON object (got an array)');
    expect(reported[2]?.[1]).toBe('not a JSON object (got null)');
    expect(reported[3]?.[1]).toBe('not a JSON object (got number)');
    const lines = outputLines(out.text).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    expect(lines[1]).toEqual({ line: 2, error: reported[0]?.[1] });
    expect(lines[0]).toEqual(JSON.parse(expectedLines[0] ?? ''));
    expect(lines[6]).toEqual(JSON.parse(expectedLines[0] ?? ''));
    expect(counts).toEqual({ lines: 8, normalized: 2, failed: 6 });
  });

  test('fails an overlong line without holding it, then reads the next one', async () => {
    const good = JSON.stringify(fixtures[0]?.input);
    const long = `{"provider":"acme","body":"${'x'.repeat(3000)}"}`;
    const chunks = [good, '\n', long.slice(0, 1000), long.slice(1000, 2000), long.slice(2000), '\n', good, '\n', long];
    const out = new Sink();
    const reported: number[] = [];
    const counts = await normalizeStream(Readable.from(chunks), out, acmeNormalizer, { maxLineLength: 1500, onBadLine: (line) => reported.push(line) });
    expect(counts).toEqual({ lines: 4, normalized: 2, failed: 2 });
    expect(reported).toEqual([2, 4]);
    expect(outputLines(out.text)[1]).toBe('{"line":2,"error":"longer than 1500 characters"}');
  });

  test('skips a byte order mark at the start of the input', async () => {
    const out = new Sink();
    const counts = await normalizeStream(Readable.from([Buffer.from([0xef, 0xbb, 0xbf]), `${JSON.stringify(fixtures[0]?.input)}\n`]), out, acmeNormalizer);
    expect(counts).toEqual({ lines: 1, normalized: 1, failed: 0 });
    expect(outputLines(out.text)).toEqual([expectedLines[0]]);
  });

  test('fills in the provider of lines that name none', async () => {
    const out = new Sink();
    await normalizeStream(Readable.from(['{"code":"LOCKED"}\n{"provider":"other","code":"LOCKED"}\n']), out, acmeNormalizer, { provider: 'acme' });
    const [first, second] = outputLines(out.text).map((line) => JSON.parse(line) as { kind: string; provider: string });
    expect(first).toMatchObject({ provider: 'acme', kind: 'reconnect-required' });
    expect(second).toMatchObject({ provider: 'other', kind: 'unknown' });
  });

  test('streams: output for a line is written before the input ends', async () => {
    const input = new PassThrough();
    const out = new Sink();
    const done = normalizeStream(input, out, acmeNormalizer);
    input.write(`${JSON.stringify(fixtures[0]?.input)}\n`);
    for (let i = 0; i < 50 && out.text === ''; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(outputLines(out.text)).toEqual([expectedLines[0]]);
    input.end(`${JSON.stringify(fixtures[1]?.input)}\n`);
    expect(await done).toMatchObject({ normalized: 2 });
  });

  test('waits for a slow output to drain and loses nothing', async () => {
    const out = new Sink(true);
    const many = Array.from({ length: 40 }, () => ndjson);
    const counts = await normalizeStream(Readable.from(many), out, acmeNormalizer);
    expect(counts.normalized).toBe(40 * fixtures.length);
    expect(outputLines(out.text)).toEqual(many.flatMap(() => expectedLines));
  });
});

describe('runCli', () => {
  test('--help and help work at the top and on every command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await run(argv);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: aggregator-errors <command>/);
    }
    for (const command of ['normalize', 'explain', 'catalog']) {
      for (const argv of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const result = await run(argv);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^Usage: aggregator-errors ${command}`));
      }
    }
  });

  test('--version prints the version; the package version is read from package.json', async () => {
    expect(await run(['--version'])).toEqual({ status: 0, stdout: '9.8.7\n', stderr: '' });
    expect((await run(['-v'])).stdout).toBe('9.8.7\n');
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
  });

  test('bad arguments exit 2 with the reason, a close match and a pointer to --help', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^Usage: aggregator-errors <command>/],
      [['normalise'], /unknown command "normalise". Did you mean normalize\?/],
      [['help', 'nope'], /unknown command "nope"/],
      [['catalog', '--fromat', 'json'], /unknown option --fromat. Did you mean --format\?/],
      [['catalog', '--format', 'markdwn'], /unknown format "markdwn". Did you mean markdown\?/],
      [['catalog', '--format'], /argument missing/],
      [['catalog', 'acme'], /unexpected argument: acme/],
      [['catalog', '--provider', 'acne'], /unknown provider "acne". Did you mean acme\? Known providers: acme\./],
      [['explain', 'acme'], /expected a provider and a code/],
      [['explain', 'acme', 'E102', 'extra'], /unexpected argument: extra/],
      [['explain', 'acmee', 'E102'], /unknown provider "acmee". Did you mean acme\?/],
      [
        ['explain', 'acme', 'E10'],
        /Acme \(acme\) documents no code "E10". Did you mean 10, E100, E102, E104\? Run "aggregator-errors catalog --provider acme --format markdown" to list its 7 codes\./,
      ],
      [['normalize', 'a.ndjson', 'b.ndjson'], /expected at most one file/],
      [['normalize', '--provider', 'nobody'], /unknown provider "nobody"/],
      [['normalize', join(tmpdir(), 'aggregator-errors-no-such-file.ndjson')], /cannot read .* \(ENOENT\)/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.status, argv.join(' ')).toBe(2);
      expect(result.stdout, argv.join(' ')).toBe('');
      expect(result.stderr, argv.join(' ')).toMatch(message);
      if (argv.length > 0) expect(result.stderr).toMatch(/Run "aggregator-errors( \w+)? --help" for usage\.\n$/);
    }
  });

  test('normalize reads stdin, "-" or a file, and exits 1 only when a line failed', async () => {
    const fromStdin = await run(['normalize'], ndjson);
    expect(fromStdin).toEqual({ status: 0, stdout: `${expectedLines.join('\n')}\n`, stderr: '' });
    expect((await run(['normalize', '-'], ndjson)).stdout).toBe(fromStdin.stdout);
    const dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-cli-'));
    try {
      const file = join(dir, 'in.ndjson');
      await writeFile(file, `${ndjson}oops\n`);
      const fromFile = await run(['normalize', file]);
      expect(fromFile.status).toBe(1);
      expect(outputLines(fromFile.stdout)).toEqual([...expectedLines, JSON.stringify({ line: fixtures.length + 1, error: `not JSON (${errorOf('oops')})` })]);
      expect(fromFile.stderr).toBe(
        `aggregator-errors normalize: ${file}:${fixtures.length + 1}: not JSON (${errorOf('oops')})\naggregator-errors normalize: 1 of ${fixtures.length + 1} lines failed\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('normalize --provider names the provider of lines without one', async () => {
    const result = await run(['normalize', '-p', 'acme'], '{"code":"E600"}\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ provider: 'acme', kind: 'rate-limited', scope: 'end-user' });
  });
});

function errorOf(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('explain', () => {
  test('lists every documented row of a code and its provider-wide meaning', async () => {
    const result = await run(['explain', 'acme', 'E102']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Acme (acme) code E102');
    expect(result.stdout).toContain('Provider-wide meaning: not-found');
    expect(result.stdout).toContain('User {user_id} not found');
    expect(result.stdout).toContain('Endpoint rows: 3 on 3 endpoints');
    expect(result.stdout).toMatch(/404 {2}GET \/users\/\{user_id\}\n/);
    expect(result.stdout).toMatch(/400 {2}POST \/users\/\{user_id\}\/refresh\n {6}note: {8}Documented as 400 here and 404 elsewhere\./);
    expect(result.stdout).toMatch(/404 {2}GET \/users\/\{user_id\}\/jobs\/\{job_id\}/);
  });

  test('shows where a row overrides its code, and pending steps', async () => {
    const overridden = await run(['explain', 'acme', 'E500']);
    expect(overridden.stdout).toContain('Provider-wide meaning: provider-unavailable (server-error)');
    expect(overridden.stdout).toContain('kind:        unknown (this row overrides the code)');
    expect(overridden.stdout).toContain('kind:        reconnect-required (institution-attention) (this row overrides the code)');
    expect(overridden.stdout).toContain('handling:    not retryable; user action reconnect; owner end-user; severity info');
    const pending = await run(['explain', 'acme', '10']);
    expect(pending.stdout).toContain('Provider-wide meaning: none documented.');
    expect(pending.stdout).toContain('mfa with status 202 when the body has mfa: An MFA question.');
    expect(pending.stdout).toContain('two-factor with status 202: A 2FA step.');
  });

  test('accepts a code in another case when only one code matches', async () => {
    expect((await run(['explain', 'ACME', 'locked'])).stdout).toContain('Acme (acme) code LOCKED');
  });

  test('--json gives the same facts as data', async () => {
    const result = await run(['explain', 'acme', 'E102', '--json']);
    const data = JSON.parse(result.stdout) as ReturnType<typeof explain>;
    expect(data.rows.map((row) => [row.endpoint, row.status, row.kind])).toEqual([
      ['GET /users/{user_id}', 404, 'not-found'],
      ['POST /users/{user_id}/refresh', 400, 'not-found'],
      ['GET /users/{user_id}/jobs/{job_id}', 404, 'not-found'],
    ]);
    expect(data.meaning?.kind).toBe('not-found');
  });

  const shipped = allCatalogs.flatMap((catalog) => [...codesOf(catalog)].map((code) => [catalog.id, code, catalog] as const));
  test.each(shipped)('%s %s: every row that carries the code is listed', async (id, code, catalog) => {
    const result = await run(['explain', id, code], [], allCatalogs);
    expect(result.status).toBe(0);
    // A code the provider also spells another way (an alias) is explained as the code it stands for.
    const canonical = canonicalCode(catalog, code) ?? code;
    const rows = Object.entries(catalog.endpoints ?? {}).flatMap(([endpoint, spec]) =>
      spec.rows.filter((row) => row.code === canonical).map((row) => ({ endpoint, status: row.status })),
    );
    expect(explain(allCatalogs, id, code).rows.map((row) => ({ endpoint: row.endpoint, status: row.status }))).toEqual(rows);
    for (const row of rows) expect(result.stdout).toContain(`${row.status}  ${row.endpoint}\n`);
  });
});

describe('catalog', () => {
  test('--format json prints the catalogs as data', async () => {
    const all = await run(['catalog'], [], [acme, ...allCatalogs]);
    expect(JSON.parse(all.stdout)).toEqual(JSON.parse(JSON.stringify([acme, ...allCatalogs])));
    const one = await run(['catalog', '--provider', 'acme', '--format', 'json']);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(JSON.stringify(acme)));
  });

  test('--format markdown documents every code and every row with its kind and source', async () => {
    const { stdout, status } = await run(['catalog', '-p', 'acme', '-f', 'markdown']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^## Acme \(`acme`\)\n/);
    for (const code of Object.keys(acme.codes)) expect(stdout).toMatch(new RegExp(`^\\| \`${code}\` \\| \``, 'm'));
    for (const id of Object.keys(acme.endpoints)) expect(stdout).toContain(`### \`${id}\``);
    expect(stdout).toContain(
      '| 400 | `E102` | `not-found` | User {user_id} not found | – | Documented as 400 here and 404 elsewhere. | [docs.acme.example](https://docs.acme.example/errors) |',
    );
    expect(stdout).toContain('| 402 | `E500` | `reconnect-required` (institution-attention) |');
    expect(stdout).toContain('| 410 | – | `not-found` |');
    expect(stdout).toContain('| `ITEM_ERROR` | `reconnect-required` |');
    expect(stdout).toContain('| mfa | `10` | 202 | mfa | An MFA question. |');
  });

  test.each(allCatalogs.map((catalog) => [catalog.id, catalog] as const))('markdown of %s has one table row per documented row', async (id, catalog) => {
    const { stdout } = await run(['catalog', '-p', id, '-f', 'markdown'], [], allCatalogs);
    for (const [endpoint, spec] of Object.entries(catalog.endpoints ?? {})) {
      const section = stdout.split(`### \`${endpoint}\``)[1]?.split('\n### ')[0] ?? '';
      expect(section.split('\n').filter((line) => /^\| \d{3}/.test(line))).toHaveLength(spec.rows.length);
    }
  });

  test('--format coverage counts rows, codes and kinds per provider, with a total', async () => {
    expect(coverageOf(acme)).toMatchObject({ rows: 7, endpoints: 6, codes: 7, categories: 1, legacy: 0 });
    expect(coverageOf(acme).kinds).toEqual([
      'invalid-request',
      'not-found',
      'conflict',
      'rate-limited',
      'reconnect-required',
      'provider-unavailable',
      'unknown',
    ]);
    const { stdout } = await run(['catalog', '--format', 'coverage']);
    expect(stdout).toBe(
      [
        '| Provider | Rows documented | Endpoints | Codes | Categories | Legacy codes | Kinds covered | Source |',
        '|---|---|---|---|---|---|---|---|',
        '| Acme (`acme`) | 7 | 6 | 7 | 1 | 0 | 7 of 13 | [docs.acme.example](https://docs.acme.example/errors) |',
        '| **All 1 provider** | **7** | **6** | **7** | **1** | **0** | **7 of 13** |  |',
        '',
      ].join('\n'),
    );
    expect(
      coverageTable(allCatalogs)
        .split('\n')
        .filter((line) => line.startsWith('| ')).length,
    ).toBe(allCatalogs.length + 2);
  });
});

describe('the built command', () => {
  let dir = '';
  let bin = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-bin-'));
    bin = join(dir, 'main.mjs');
    await build({
      entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bin,
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('main.ts starts with a shebang', async () => {
    expect(await readFile(new URL('../src/cli/main.ts', import.meta.url), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  test('wires process streams and the exit status', async () => {
    const child = spawn(process.execPath, [bin, 'normalize'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('{"provider":"aerosync","status":503}\nbad\n');
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(1);
    expect(JSON.parse(outputLines(stdout)[0] ?? '')).toMatchObject({ provider: 'aerosync', kind: 'provider-unavailable' });
    expect(stderr).toContain('stdin:2: not JSON');
  });
});

describe('normalize: providers, custom catalogs and lean output', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aggregator-errors-catalogs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  test('a line with no provider and no --provider is a bad line, never classified as some provider', async () => {
    const result = await run(
      ['normalize'],
      '{"status":500,"body":"oops"}\n{"provider":"acme","code":"E102"}\n{"provider":42,"status":500}\n{"provider":"","status":503}\n',
    );
    expect(result.status).toBe(1);
    const lines = outputLines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ line: 1, error: 'no "provider": name it in the line, or pass --provider for lines without one' });
    expect(lines[1]).toMatchObject({ provider: 'acme', kind: 'not-found' });
    expect(lines[2]).toEqual({ line: 3, error: '"provider" must be a string, got number' });
    expect(lines[3]).toMatchObject({ line: 4 });
    expect(result.stderr).toContain('stdin:1: no "provider"');
    expect(result.stderr).toContain('3 of 4 lines failed');
    expect(result.stdout).not.toContain('"provider":"unknown"');
  });

  test('--provider fills in lines without one (absent, null or empty), never overrides a named one', async () => {
    const result = await run(['normalize', '--provider', 'acme'], '{"code":"E102"}\n{"provider":null,"code":"E102"}\n{"provider":"","code":"E102"}\n');
    expect(result.status).toBe(0);
    for (const line of outputLines(result.stdout)) expect(JSON.parse(line)).toMatchObject({ provider: 'acme', kind: 'not-found' });
  });

  test('a provider with no catalog is warned about once, with a close match, and still classified by status', async () => {
    const result = await run(['normalize'], '{"provider":"acmee","status":503}\n{"provider":"acmee","status":500}\n{"provider":"zzz","status":500}\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'aggregator-errors normalize: stdin:1: warning: no catalog for provider "acmee" (did you mean acme?): its lines are classified by their status alone\n' +
        'aggregator-errors normalize: stdin:3: warning: no catalog for provider "zzz": its lines are classified by their status alone\n',
    );
    expect(outputLines(result.stdout).map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual([
      'provider-unavailable',
      'provider-unavailable',
      'provider-unavailable',
    ]);
  });

  test('--catalog loads a custom catalog, checked with parseCatalog, next to the shipped ones', async () => {
    const custom = await file(
      'acme.json',
      JSON.stringify({ $schema: 'https://unpkg.com/aggregator-errors/dist/schemas/catalog.schema.json', ...JSON.parse(JSON.stringify(acme)) }),
    );
    const result = await run(['normalize', '--catalog', custom], ndjson, allCatalogs);
    expect(result).toEqual({ status: 0, stdout: `${expectedLines.join('\n')}\n`, stderr: '' });
    // The shipped catalogs still answer.
    const shipped = await run(['normalize', '-c', custom], '{"provider":"aerosync","status":400,"body":{"error":{"code":"AC-104"}}}\n', allCatalogs);
    expect(JSON.parse(shipped.stdout)).toMatchObject({ provider: 'aerosync', kind: 'reconnect-required' });
    // explain and catalog read it too.
    expect((await run(['explain', 'acme', 'E102', '--catalog', custom], [], allCatalogs)).stdout).toContain('Acme (acme) code E102');
    expect((await run(['catalog', '-p', 'acme', '-f', 'csv', '-c', custom], [], allCatalogs)).stdout).toContain('\nacme,code,,,404,E102,');
  });

  test('a loaded catalog with a shipped id replaces it; two loaded catalogs may not share an id', async () => {
    const changed = { ...JSON.parse(JSON.stringify(acme)), codes: { ...acme.codes, E102: { ...acme.codes.E102, kind: 'conflict' } } };
    const mine = await file('acme-fixed.json', JSON.stringify(changed));
    const result = await run(['normalize', '--catalog', mine], '{"provider":"acme","code":"E102"}\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'conflict' });
    const twice = await run(['normalize', '--catalog', mine, '--catalog', await file('acme-again.json', JSON.stringify(acme))], '');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/both have the id "acme"/);
  });

  test('an invalid catalog exits 2 and names every problem by its path', async () => {
    const bad = await file(
      'bad.json',
      JSON.stringify({
        id: 'Bad Id',
        name: 'Bad',
        source: 'https://bad.example/errors',
        codes: { E1: { kind: 'nope', source: 'https://bad.example/errors' } },
        colour: 'red',
      }),
    );
    const result = await run(['normalize', '--catalog', bad], '{"provider":"acme","code":"E102"}\n');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^aggregator-errors normalize: invalid catalog .*bad\.json \(3 problems\):\n/);
    expect(result.stderr).toContain(`${bad}: id: `);
    expect(result.stderr).toContain(`${bad}: codes.E1.kind: `);
    expect(result.stderr).toContain(`${bad}: colour: unknown key`);
    expect(result.stderr).toMatch(/Run "aggregator-errors normalize --help" for usage\.\n$/);
  });

  test('a catalog file that is missing, not a file or not JSON exits 2', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /cannot read catalog .*missing\.json \(ENOENT\)/],
      [dir, /cannot read catalog .* \(not a file\)/],
      [await file('text.json', 'not json'), /catalog .*text\.json is not JSON/],
      [await file('array.json', '[]'), /invalid catalog .*array\.json/],
    ];
    for (const [path, message] of cases) {
      const result = await run(['normalize', '--catalog', path], '');
      expect(result.status, path).toBe(2);
      expect(result.stderr, path).toMatch(message);
    }
  });

  test('--lean drops match.description and match.note, and nothing else', async () => {
    const all = allCatalogs
      .flatMap((catalog) => rowFixtures(catalog))
      .map((fixture) => `${JSON.stringify(fixture.input)}\n`)
      .join('');
    const full = await run(['normalize'], all, allCatalogs);
    const lean = await run(['normalize', '--lean'], all, allCatalogs);
    expect(lean.status).toBe(0);
    const fullLines = outputLines(full.stdout).map((line) => JSON.parse(line) as { match: Record<string, unknown>; causes: unknown[] });
    const leanLines = outputLines(lean.stdout).map((line) => JSON.parse(line) as { match: Record<string, unknown> });
    expect(leanLines).toHaveLength(fullLines.length);
    leanLines.forEach((line, i) => {
      const { description: _d, note: _n, ...match } = fullLines[i]!.match;
      expect(line).toEqual({ ...fullLines[i], match });
      expect(Object.hasOwn(line.match, 'description') || Object.hasOwn(line.match, 'note')).toBe(false);
    });
    expect(fullLines.some((line) => typeof line.match['description'] === 'string')).toBe(true);
    // How much depends on the provider (Plaid's rows lose a third, Finicity's, with little prose, a twentieth).
    expect(lean.stdout.length).toBeLessThan(full.stdout.length);
  });

  test('--lean drops the prose of nested causes too', async () => {
    const body = {
      error_type: 'ITEM_ERROR',
      error_code: 'ITEM_LOGIN_REQUIRED',
      error_message: 'x',
      causes: [{ error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'y', item_id: 'i-1' }],
    };
    const result = await run(['normalize', '--lean'], `${JSON.stringify({ provider: 'plaid', status: 400, body })}\n`, allCatalogs);
    const line = JSON.parse(result.stdout) as { match: object; causes: { match: object }[] };
    expect(line.causes).toHaveLength(1);
    expect(Object.keys(line.causes[0]!.match)).not.toContain('description');
    expect(Object.keys(line.match)).toContain('source');
  });
});
