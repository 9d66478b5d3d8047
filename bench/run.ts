/**
 * The budgets of the design, measured (never asserted in tests): run with `npm run bench`.
 * Every figure is a ratio against a baseline run in this same process.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { allCatalogs } from '../catalogs/all.js';
import { rowFixtures } from '../src/testkit/fixtures.js';
import { Readable, Writable } from 'node:stream';
import { normalizeStream } from '../src/cli/normalize-stream.js';
import { handWritten } from './hand-written.js';
import { compare, median } from './measure.js';

const dist = resolve(import.meta.dirname, '../../dist');
const lines: string[] = [];
const report = (line: string): void => {
  lines.push(line);
  console.log(line);
};

// 1. normalize on a parsed body against a hand-written switch over the same rows.
const { normalize } = createNormalizer([aerosync]);
const inputs = rowFixtures(aerosync).map((f) => ({ ...f.input, method: f.input.method ?? 'GET', url: f.input.url ?? '/', status: f.input.status ?? 0, body: JSON.parse(f.input.body ?? '{}') as object }));
for (const input of inputs) {
  // Both sides must produce the same answer, or the comparison measures different work.
  const a = normalize(input) as { kind: string; endpoint?: string; params: object };
  const b = handWritten(input) as { kind: string; endpoint?: string; params: object };
  if (a.kind !== b.kind || a.endpoint !== b.endpoint || JSON.stringify(a.params) !== JSON.stringify(b.params)) {
    throw new Error(`baseline disagrees on ${input.method} ${input.url}: ${JSON.stringify([a.kind, a.endpoint, a.params])} vs ${JSON.stringify([b.kind, b.endpoint, b.params])}`);
  }
}
const speed = compare(
  () => {
    let n = 0;
    for (const input of inputs) n += (handWritten(input) as { kind: string }).kind.length;
    return n;
  },
  () => {
    let n = 0;
    for (const input of inputs) n += normalize(input).kind.length;
    return n;
  },
  inputs.length,
);
report(`normalize vs hand-written switch (${inputs.length} Aerosync rows, parsed bodies, endpoint inference): ${speed.ratio.toFixed(2)}x (budget 1.25x); ${speed.candidateNsPerOp.toFixed(0)} ns vs ${speed.baselineNsPerOp.toFixed(0)} ns per error`);

// 2. createNormalizer over every shipped catalog, against copying the same catalogs.
const createTimes: number[] = [];
const copyTimes: number[] = [];
for (let i = 0; i < 101; i++) {
  let start = performance.now();
  createNormalizer(allCatalogs);
  createTimes.push(performance.now() - start);
  start = performance.now();
  structuredClone(allCatalogs);
  copyTimes.push(performance.now() - start);
}
const create = median(createTimes);
report(`createNormalizer over ${allCatalogs.length} catalogs: ${create.toFixed(2)} ms median (budget 5 ms), ${(create / median(copyTimes)).toFixed(2)}x a structuredClone of the same catalogs`);

// 3. Bundle sizes, min+gzip, with esbuild.
async function size(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: dist, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}
const baseline = await size(`export const x = 1;`);
const sizes: [string, string, number][] = [
  ['messages renderer alone', `export * from './src/messages/index.js';`, 2048],
  ['matcher + Aerosync catalog', `import { createNormalizer } from './src/index.js'; import { aerosync } from './catalogs/aerosync.js'; export const n = createNormalizer([aerosync]);`, 6144],
  ['matcher + Synapse catalog', `import { createNormalizer } from './src/index.js'; import { synapse } from './catalogs/synapse.js'; export const n = createNormalizer([synapse]);`, 6144],
  ['matcher alone', `export { createNormalizer } from './src/index.js';`, Number.POSITIVE_INFINITY],
  ...['aerosync', 'synapse', 'plaid', 'mx', 'yodlee', 'teller', 'truelayer', 'finicity'].map(
    (id): [string, string, number] => [`matcher + lean ${id} catalog`, `import { createNormalizer } from './src/index.js'; import { ${id} } from './catalogs/${id}.lean.js'; export const n = createNormalizer([${id}]);`, 6144],
  ),
  ['defineCatalog (pulls zod), for reference', `export { defineCatalog } from './src/index.js';`, Number.POSITIVE_INFINITY],
];
for (const [name, entry, budget] of sizes) {
  try {
    const bytes = (await size(entry)) - baseline;
    report(`${name}: ${bytes} B min+gzip${Number.isFinite(budget) ? ` (budget ${budget} B, ${(bytes / budget).toFixed(2)}x)` : ''}`);
  } catch (error) {
    report(`${name}: could not bundle (${(error as Error).message.split('\n')[0] ?? ''})`);
  }
}

// 4. CLI throughput: NDJSON in, NDJSON out, against the floor of parsing and printing the same lines.
const ndjson = rowFixtures(aerosync).map((f) => JSON.stringify(f.input)).join('\n') + '\n';
const chunks = Array.from({ length: 200 }, () => ndjson);
const lineCount = chunks.length * inputs.length;
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
async function floor(): Promise<void> {
  const out = sink();
  for (const chunk of chunks) for (const line of chunk.split('\n')) if (line !== '') out.write(`${JSON.stringify(JSON.parse(line))}\n`);
}
const streamTimes: number[] = [];
const floorTimes: number[] = [];
for (let round = 0; round < 9; round++) {
  let start = performance.now();
  await normalizeStream(Readable.from(chunks), sink(), createNormalizer(allCatalogs));
  streamTimes.push(performance.now() - start);
  start = performance.now();
  await floor();
  floorTimes.push(performance.now() - start);
}
const streamMs = median(streamTimes);
report(`CLI normalize stream: ${Math.round(lineCount / (streamMs / 1000)).toLocaleString('en-US')} lines/s, ${(streamMs / median(floorTimes)).toFixed(2)}x the time of JSON.parse + JSON.stringify of the same ${lineCount} lines`);
