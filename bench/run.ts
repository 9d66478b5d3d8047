/**
 * The budgets of the design, measured (never asserted in tests): run with `npm run bench`.
 * Every figure is a ratio against a baseline run in this same process, and the two
 * sides of every speed comparison are checked to answer alike before they are timed.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { build } from 'esbuild';
import { createNormalizer as createInterpreted, type NormalizeInput, type NormalizedError } from '../src/index.js';
import { createNormalizer as createCompiled } from '../src/index.node.js';
import { parseCatalog, type CatalogInput } from '../src/catalog/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';
import { allCatalogs } from '../catalogs/all.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { normalizeStream } from '../src/cli/normalize-stream.js';
import { handWritten } from './hand-written.js';
import { plain } from './plain.js';
import { compare, median } from './measure.js';
import { runLoad } from './load.js';

const dist = resolve(import.meta.dirname, '../../dist');
const report = (line: string): void => console.log(line);
const section = (title: string): void => console.log(`\n## ${title}`);

type Parsed = NormalizeInput & { readonly method: string; readonly url: string; readonly status: number; readonly body: Record<string, unknown> };
const parsed = (catalog: CatalogInput): Parsed[] =>
  rowFixtures(catalog).map((f) => ({ ...f.input, method: f.input.method ?? 'GET', url: f.input.url ?? '/', status: f.input.status ?? 0, body: JSON.parse(f.input.body ?? '{}') as Record<string, unknown> }));

function sameAnswers(label: string, inputs: readonly Parsed[], a: (input: Parsed) => object, b: (input: Parsed) => object, pick: (answer: object) => unknown): void {
  for (const input of inputs) {
    const x = JSON.stringify(pick(a(input)));
    const y = JSON.stringify(pick(b(input)));
    if (x !== y) throw new Error(`${label}: the two sides disagree on ${input.method} ${input.url}: ${x} vs ${y}`);
  }
}

const loop = (fn: (input: Parsed) => { readonly kind: string }, inputs: readonly Parsed[]) => (): number => {
  let n = 0;
  for (const input of inputs) n += fn(input).kind.length;
  return n;
};

// ---------------------------------------------------------------------------
section('normalize against hand-written classifiers (ns per error; ratio = normalize / baseline)');
const seedInputs = [...parsed(aerosync), ...parsed(synapse)];
const aerosyncInputs = parsed(aerosync);
const interpreted = createInterpreted([aerosync, synapse]);
const compiled = createCompiled([aerosync, synapse]);
const fieldsOfPlain = (r: object): unknown => {
  const p = r as ReturnType<typeof plain>;
  return [p.kind, p.endpoint, p.params, p.hints.userAction, p.hints.owner, p.hints.severity, p.hints.retryable];
};
const fieldsOfError = (r: object): unknown => {
  const e = r as NormalizedError;
  return [e.kind, e.endpoint, e.params, e.userAction, e.owner, e.severity, e.retry.retryable];
};
sameAnswers('plain vs normalize', seedInputs, plain as (input: Parsed) => object, interpreted.normalize, (r) => ('hints' in r ? fieldsOfPlain(r) : fieldsOfError(r)));
sameAnswers('plain vs compiled normalize', seedInputs, plain as (input: Parsed) => object, compiled.normalize, (r) => ('hints' in r ? fieldsOfPlain(r) : fieldsOfError(r)));
sameAnswers('interpreted vs compiled', seedInputs, interpreted.normalize, compiled.normalize, (r) => r);
const plainLoop = loop(plain as (input: Parsed) => { readonly kind: string }, seedInputs);
for (const [name, normalizer] of [['compiled (Node, the default there)', compiled], ['interpreted (browsers, edge, no code generation)', interpreted]] as const) {
  const run = compare(plainLoop, loop(normalizer.normalize, seedInputs), seedInputs.length);
  const budget = name.startsWith('compiled') ? 1.0 : 1.5;
  report(`normalize ${name} vs the plain classifier (${seedInputs.length} Aerosync and Synapse rows): ${run.ratio.toFixed(2)}x (budget ${budget.toFixed(1)}x); ${run.candidateNsPerOp.toFixed(0)} ns vs ${run.baselineNsPerOp.toFixed(0)} ns`);
}
sameAnswers('rich vs normalize', aerosyncInputs, handWritten as (input: Parsed) => object, interpreted.normalize, (r) => [(r as { kind: string }).kind, (r as { endpoint?: string }).endpoint, (r as { params: object }).params]);
const rich = compare(loop(handWritten as (input: Parsed) => { readonly kind: string }, aerosyncInputs), loop(compiled.normalize, aerosyncInputs), aerosyncInputs.length);
report(`normalize compiled vs the richer hand-written switch (${aerosyncInputs.length} Aerosync rows, every output field): ${rich.ratio.toFixed(2)}x; ${rich.candidateNsPerOp.toFixed(0)} ns vs ${rich.baselineNsPerOp.toFixed(0)} ns`);

// ---------------------------------------------------------------------------
section('normalize costs the same whatever is loaded (ratio = more loaded / less loaded)');
for (const [name, create] of [['compiled', createCompiled], ['interpreted', createInterpreted]] as const) {
  const two = create([aerosync, synapse]);
  const all = create(allCatalogs);
  sameAnswers('2 vs 8 catalogs', seedInputs, two.normalize, all.normalize, (r) => r);
  const run = compare(loop(two.normalize, seedInputs), loop(all.normalize, seedInputs), seedInputs.length);
  report(`${name}: ${allCatalogs.length} catalogs vs 2, on the same Aerosync and Synapse rows: ${run.ratio.toFixed(2)}x`);
}
// The small Plaid catalog: only the codes and endpoints these inputs use; the full one has every code and endpoint.
const plaidInputs = [...parsed(plaid), ...codeFixtures(plaid).slice(0, 60).map((f) => ({ provider: 'plaid', method: 'POST', url: '/accounts/get', status: 400, body: { error_type: (plaid.codes as Record<string, { category?: string }>)[f.expected.code ?? '']?.category ?? 'ITEM_ERROR', error_code: f.expected.code ?? '' } }))];
const usedCodes = new Set(plaidInputs.map((input) => String(input.body['error_code'])));
const usedEndpoints = new Set(rowFixtures(plaid).map((f) => f.expected.endpoint ?? '').concat('POST /accounts/get'));
const smallCodes = Object.fromEntries(Object.entries(plaid.codes).filter(([code]) => usedCodes.has(code)));
const smallEndpoints = Object.fromEntries(Object.entries(plaid.endpoints).filter(([id]) => usedEndpoints.has(id)));
const cited = JSON.stringify([smallCodes, smallEndpoints, plaid.categories, plaid.sandbox, plaid.source]);
const smallPlaid = parseCatalog({
  ...plaid,
  sources: Object.fromEntries(Object.entries(plaid.sources).filter(([key]) => cited.includes(`"${key}"`))),
  codes: smallCodes,
  endpoints: smallEndpoints,
});
if (!smallPlaid.ok) throw new Error(`small Plaid: ${smallPlaid.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
for (const [name, create] of [['compiled', createCompiled], ['interpreted', createInterpreted]] as const) {
  const small = create([smallPlaid.catalog]);
  const full = create([plaid]);
  sameAnswers('small vs full Plaid', plaidInputs as Parsed[], small.normalize, full.normalize, (r) => [(r as NormalizedError).kind, (r as NormalizedError).endpoint]);
  const run = compare(loop(small.normalize, plaidInputs as Parsed[]), loop(full.normalize, plaidInputs as Parsed[]), plaidInputs.length);
  report(`${name}: the full Plaid catalog (${Object.keys(plaid.codes).length} codes, ${Object.keys(plaid.endpoints).length} endpoints) vs a small one (${usedCodes.size} codes, ${usedEndpoints.size} endpoints), on the same ${plaidInputs.length} inputs: ${run.ratio.toFixed(2)}x`);
}
// A synthetic catalog of 10,000 codes and 500 endpoints against a small one of the same shape.
function synthetic(codes: number, endpoints: number): CatalogInput {
  const source = 'https://docs.synthetic.example/errors';
  const result = parseCatalog({
    id: 'synthetic',
    name: 'Synthetic',
    source,
    body: { code: ['error.code'], message: ['error.message'] },
    codes: Object.fromEntries(Array.from({ length: codes }, (_, i) => [`E${i}`, { kind: i % 2 === 0 ? 'invalid-request' : 'reconnect-required', statuses: [400], source }])),
    endpoints: Object.fromEntries(Array.from({ length: endpoints }, (_, i) => [`GET /r${i}/{id}/items`, { source, rows: [{ status: 400, code: `E${i % codes}` }] }])),
  });
  if (!result.ok) throw new Error('synthetic catalog is invalid');
  return result.catalog;
}
const syntheticInputs: Parsed[] = Array.from({ length: 50 }, (_, i) => ({ provider: 'synthetic', method: 'GET', url: `/r${i}/x-${i}/items`, status: 400, body: { error: { code: `E${i}` } } }));
for (const [name, create] of [['compiled', createCompiled], ['interpreted', createInterpreted]] as const) {
  const before = process.memoryUsage().heapUsed;
  const big = create([synthetic(10_000, 500) as never]);
  const heap = process.memoryUsage().heapUsed - before;
  const small = create([synthetic(50, 50) as never]);
  sameAnswers('small vs synthetic', syntheticInputs, small.normalize, big.normalize, (r) => [(r as NormalizedError).kind, (r as NormalizedError).endpoint]);
  const run = compare(loop(small.normalize, syntheticInputs), loop(big.normalize, syntheticInputs), syntheticInputs.length);
  report(`${name}: a 10,000-code, 500-endpoint catalog vs a 50-code, 50-endpoint one: ${run.ratio.toFixed(2)}x per call (${run.candidateNsPerOp.toFixed(0)} ns vs ${run.baselineNsPerOp.toFixed(0)} ns); about ${(heap / 1024 / 1024).toFixed(1)} MB of heap for the big one`);
}

// ---------------------------------------------------------------------------
section('createNormalizer');
for (const [name, create] of [['compiled', createCompiled], ['interpreted', createInterpreted]] as const) {
  const createTimes: number[] = [];
  const copyTimes: number[] = [];
  for (let i = 0; i < 51; i++) {
    let start = performance.now();
    create(allCatalogs);
    createTimes.push(performance.now() - start);
    start = performance.now();
    structuredClone(allCatalogs);
    copyTimes.push(performance.now() - start);
  }
  const create1 = median(createTimes);
  report(`${name}, over all ${allCatalogs.length} catalogs: ${create1.toFixed(2)} ms median (budget 5 ms); ${(create1 / median(copyTimes)).toFixed(2)}x a structuredClone of the same catalogs`);
}

// ---------------------------------------------------------------------------
section('Bundle sizes, min+gzip (esbuild, browser platform; the default, interpreted matcher)');
async function size(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: dist, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}
const baseline = await size(`export const x = 1;`);
const bytes = async (entry: string): Promise<number> => (await size(entry)) - baseline;
const budgetLine = (name: string, value: number, budget: number | undefined): void =>
  report(`${name}: ${value} B${budget === undefined ? '' : ` (budget ${budget} B, ${(value / budget).toFixed(2)}x)`}`);
budgetLine('messages renderer alone (English)', await bytes(`export * from './src/messages/index.js';`), 2048);
const matcher = await bytes(`export { createNormalizer } from './src/index.js';`);
budgetLine('matcher alone', matcher, 5120);
for (const id of ['aerosync', 'synapse']) budgetLine(`matcher + lean ${id} catalog`, await bytes(`import { createNormalizer } from './src/index.js'; import { ${id} } from './catalogs/${id}.lean.js'; export const n = createNormalizer([${id}]);`), 6144);
budgetLine('matcher + full aerosync catalog', await bytes(`import { createNormalizer } from './src/index.js'; import { aerosync } from './catalogs/aerosync.js'; export const n = createNormalizer([aerosync]);`), 7680);
report('| catalog | codes | endpoints | lean (with the matcher) | full (with the matcher) | lean bytes per code |');
report('|---|---|---|---|---|---|');
for (const catalog of allCatalogs) {
  const id = catalog.id;
  const lean = await bytes(`import { createNormalizer } from './src/index.js'; import { ${id} } from './catalogs/${id}.lean.js'; export const n = createNormalizer([${id}]);`);
  const full = await bytes(`import { createNormalizer } from './src/index.js'; import { ${id} } from './catalogs/${id}.js'; export const n = createNormalizer([${id}]);`);
  const codes = Object.keys(catalog.codes ?? {}).length;
  report(`| ${id} | ${codes} | ${Object.keys(catalog.endpoints ?? {}).length} | ${lean} B | ${full} B | ${codes === 0 ? '–' : ((lean - matcher) / codes).toFixed(0)} |`);
}

// ---------------------------------------------------------------------------
section('CLI normalize: throughput and memory');
const ndjson = `${rowFixtures(aerosync).map((f) => JSON.stringify(f.input)).join('\n')}\n`;
const chunks = Array.from({ length: 200 }, () => ndjson);
const lineCount = chunks.length * aerosyncInputs.length;
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
async function floor(): Promise<void> {
  const out = sink();
  for (const chunk of chunks) for (const line of chunk.split('\n')) if (line !== '') out.write(`${JSON.stringify(JSON.parse(line))}\n`);
}
const streamTimes: number[] = [];
const floorTimes: number[] = [];
const cli = createCompiled(allCatalogs);
for (let round = 0; round < 9; round++) {
  let start = performance.now();
  await normalizeStream(Readable.from(chunks), sink(), cli);
  streamTimes.push(performance.now() - start);
  start = performance.now();
  await floor();
  floorTimes.push(performance.now() - start);
}
const streamMs = median(streamTimes);
report(`throughput: ${Math.round(lineCount / (streamMs / 1000)).toLocaleString('en-US')} lines/s, ${(streamMs / median(floorTimes)).toFixed(2)}x the time of JSON.parse + JSON.stringify of the same ${lineCount} lines`);
// Memory stays flat: a million bad lines to a report stream that reads slowly, against a thousand.
async function peakWith(lines: number): Promise<number> {
  const bad = 'not json\n'.repeat(1000);
  const input = Readable.from(Array.from({ length: lines / 1000 }, () => bad));
  const slow = new Writable({ highWaterMark: 16 * 1024, write: (_chunk, _encoding, done) => setImmediate(done) });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = process.memoryUsage().rss;
  await normalizeStream(input, sink(), cli, { reports: { stream: slow, format: (line, reason) => `stdin:${line}: ${reason}\n` } });
  clearInterval(timer);
  return Math.max(0, peak - start);
}
const small = await peakWith(1_000);
const large = await peakWith(1_000_000);
report(`memory: 1,000,000 bad lines to a slow stderr raise the resident set by ${(large / 1024 / 1024).toFixed(1)} MB, 1,000 lines by ${(small / 1024 / 1024).toFixed(1)} MB`);

// ---------------------------------------------------------------------------
section('Gateway under load (example gateway in front of the simulator, over loopback)');
for (const line of await runLoad()) report(line);
