/**
 * The speed budgets of `normalize` and `createNormalizer`: every figure is a
 * ratio against a baseline timed in this same process, in interleaved rounds
 * (bench/measure.ts), and the two sides of every comparison are checked to
 * answer alike on every input before either is timed.
 */
import { createNormalizer as createInterpreted, type NormalizeInput, type NormalizedError } from '../src/index.js';
import { createNormalizer as createCompiled } from '../src/index.node.js';
import { parseCatalog, type CatalogInput } from '../src/catalog/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';
import { allCatalogs } from '../catalogs/all.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';
import { budgetLine, type BudgetCheck } from './budget.js';
import { handWritten } from './hand-written.js';
import { plain } from './plain.js';
import { compare, median } from './measure.js';

/** A documented row as a gateway has it: the body parsed. */
export type Parsed = NormalizeInput & { readonly method: string; readonly url: string; readonly status: number; readonly body: Record<string, unknown> };

/** Every documented row of a catalog, as parsed inputs. */
export const parsed = (catalog: CatalogInput): Parsed[] =>
  rowFixtures(catalog).map((f) => ({
    ...f.input,
    method: f.input.method ?? 'GET',
    url: f.input.url ?? '/',
    status: f.input.status ?? 0,
    body: JSON.parse(f.input.body ?? '{}') as Record<string, unknown>,
  }));

function sameAnswers(
  label: string,
  inputs: readonly Parsed[],
  a: (input: Parsed) => object,
  b: (input: Parsed) => object,
  pick: (answer: object) => unknown,
): void {
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

type Report = (line: string) => void;
const CREATES = [
  ['compiled', createCompiled],
  ['interpreted', createInterpreted],
] as const;

/** `normalize` against the plain hand-written classifier the design names (and a richer one, reported). */
export function measureAgainstPlain(report: Report): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
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
  const fields = (r: object): unknown => ('hints' in r ? fieldsOfPlain(r) : fieldsOfError(r));
  sameAnswers('plain vs normalize', seedInputs, plain as (input: Parsed) => object, interpreted.normalize, fields);
  sameAnswers('plain vs compiled normalize', seedInputs, plain as (input: Parsed) => object, compiled.normalize, fields);
  sameAnswers('interpreted vs compiled', seedInputs, interpreted.normalize, compiled.normalize, (r) => r);
  report(
    `the plain classifier and both matchers answer alike (kind, endpoint, params, userAction, owner, severity, retryable) on all ${seedInputs.length} Aerosync and Synapse rows`,
  );
  const plainLoop = loop(plain as (input: Parsed) => { readonly kind: string }, seedInputs);
  for (const [name, normalizer, limit] of [
    ['compiled (Node, the default there)', compiled, 1.0],
    ['interpreted (browsers, edge, no code generation)', interpreted, 1.5],
  ] as const) {
    const run = compare(plainLoop, loop(normalizer.normalize, seedInputs), seedInputs.length);
    const check: BudgetCheck = {
      name: `normalize ${name} vs the plain classifier`,
      figure: run.ratio,
      limit,
      bound: 'at-most',
      unit: 'x',
      note: `${run.candidateNsPerOp.toFixed(0)} ns vs ${run.baselineNsPerOp.toFixed(0)} ns per error`,
    };
    checks.push(check);
    report(budgetLine(check));
  }
  sameAnswers('rich vs normalize', aerosyncInputs, handWritten as (input: Parsed) => object, interpreted.normalize, (r) => [
    (r as { kind: string }).kind,
    (r as { endpoint?: string }).endpoint,
    (r as { params: object }).params,
  ]);
  const rich = compare(
    loop(handWritten as (input: Parsed) => { readonly kind: string }, aerosyncInputs),
    loop(compiled.normalize, aerosyncInputs),
    aerosyncInputs.length,
  );
  report(
    `normalize compiled vs the richer hand-written switch (${aerosyncInputs.length} Aerosync rows, every output field; no budget): ${rich.ratio.toFixed(2)}x; ${rich.candidateNsPerOp.toFixed(0)} ns vs ${rich.baselineNsPerOp.toFixed(0)} ns`,
  );
  return checks;
}

// "Its cost does not grow with the number or size of catalogs loaded": read as within this tolerance, the noise of a shared machine.
const SAME_COST = 1.1;

function synthetic(codes: number, endpoints: number): CatalogInput {
  const source = 'https://docs.synthetic.example/errors';
  const result = parseCatalog({
    id: 'synthetic',
    name: 'Synthetic',
    source,
    body: { code: ['error.code'], message: ['error.message'] },
    codes: Object.fromEntries(
      Array.from({ length: codes }, (_, i) => [`E${i}`, { kind: i % 2 === 0 ? 'invalid-request' : 'reconnect-required', statuses: [400], source }]),
    ),
    endpoints: Object.fromEntries(
      Array.from({ length: endpoints }, (_, i) => [`GET /r${i}/{id}/items`, { source, rows: [{ status: 400, code: `E${i % codes}` }] }]),
    ),
  });
  if (!result.ok) throw new Error('synthetic catalog is invalid');
  return result.catalog;
}

/** `normalize` costs the same whatever is loaded: more catalogs, a bigger catalog, a huge synthetic one. */
export function measureScaling(report: Report): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const budget = (check: BudgetCheck): void => {
    checks.push(check);
    report(budgetLine(check));
  };
  const seedInputs = [...parsed(aerosync), ...parsed(synapse)];
  for (const [name, create] of CREATES) {
    const two = create([aerosync, synapse]);
    const all = create(allCatalogs);
    sameAnswers('2 vs 8 catalogs', seedInputs, two.normalize, all.normalize, (r) => r);
    const run = compare(loop(two.normalize, seedInputs), loop(all.normalize, seedInputs), seedInputs.length);
    budget({
      name: `normalize ${name}, ${allCatalogs.length} catalogs loaded vs 2 (same cost)`,
      figure: run.ratio,
      limit: SAME_COST,
      bound: 'at-most',
      unit: 'x',
      note: `the same ${seedInputs.length} Aerosync and Synapse rows`,
    });
  }
  // The small Plaid catalog: only the codes and endpoints these inputs use; the full one has every code and endpoint.
  const plaidInputs = [
    ...parsed(plaid),
    ...codeFixtures(plaid)
      .slice(0, 60)
      .map((f) => ({
        provider: 'plaid',
        method: 'POST',
        url: '/accounts/get',
        status: 400,
        body: {
          error_type: (plaid.codes as Record<string, { category?: string }>)[f.expected.code ?? '']?.category ?? 'ITEM_ERROR',
          error_code: f.expected.code ?? '',
        },
      })),
  ] as Parsed[];
  const usedCodes = new Set(plaidInputs.map((input) => String(input.body['error_code'])));
  const usedEndpoints = new Set(
    rowFixtures(plaid)
      .map((f) => f.expected.endpoint ?? '')
      .concat('POST /accounts/get'),
  );
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
  for (const [name, create] of CREATES) {
    const small = create([smallPlaid.catalog]);
    const full = create([plaid]);
    sameAnswers('small vs full Plaid', plaidInputs, small.normalize, full.normalize, (r) => [(r as NormalizedError).kind, (r as NormalizedError).endpoint]);
    const run = compare(loop(small.normalize, plaidInputs), loop(full.normalize, plaidInputs), plaidInputs.length);
    budget({
      name: `normalize ${name}, the full Plaid catalog vs a small one (same cost)`,
      figure: run.ratio,
      limit: SAME_COST,
      bound: 'at-most',
      unit: 'x',
      note: `${Object.keys(plaid.codes).length} codes and ${Object.keys(plaid.endpoints).length} endpoints vs ${usedCodes.size} and ${usedEndpoints.size}, the same ${plaidInputs.length} inputs`,
    });
  }
  const syntheticInputs: Parsed[] = Array.from({ length: 50 }, (_, i) => ({
    provider: 'synthetic',
    method: 'GET',
    url: `/r${i}/x-${i}/items`,
    status: 400,
    body: { error: { code: `E${i}` } },
  }));
  for (const [name, create] of CREATES) {
    const before = process.memoryUsage().heapUsed;
    const big = create([synthetic(10_000, 500) as never]);
    const heap = process.memoryUsage().heapUsed - before;
    const small = create([synthetic(50, 50) as never]);
    sameAnswers('small vs synthetic', syntheticInputs, small.normalize, big.normalize, (r) => [(r as NormalizedError).kind, (r as NormalizedError).endpoint]);
    const run = compare(loop(small.normalize, syntheticInputs), loop(big.normalize, syntheticInputs), syntheticInputs.length);
    budget({
      name: `normalize ${name}, a 10,000-code, 500-endpoint catalog vs a 50-code, 50-endpoint one (same cost)`,
      figure: run.ratio,
      limit: SAME_COST,
      bound: 'at-most',
      unit: 'x',
      note: `${run.candidateNsPerOp.toFixed(0)} ns vs ${run.baselineNsPerOp.toFixed(0)} ns; about ${(heap / 1024 / 1024).toFixed(1)} MB of heap for the big one`,
    });
  }
  return checks;
}

/** `createNormalizer` over every shipped catalog, the median of 51 runs. */
export function measureCreate(report: Report): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const [name, create] of CREATES) {
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
    const ms = median(createTimes);
    const check: BudgetCheck = {
      name: `createNormalizer ${name}, over all ${allCatalogs.length} catalogs (median of 51)`,
      figure: ms,
      limit: 5,
      bound: 'under',
      unit: 'ms',
      note: `${(ms / median(copyTimes)).toFixed(2)}x a structuredClone of the same catalogs`,
    };
    checks.push(check);
    report(budgetLine(check));
    // Each catalog is compiled on its first use: what that first input costs, per catalog and for all of them.
    const firstUse = allCatalogs.map((catalog) => {
      const input = { provider: catalog.id, status: 400 };
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const { normalize } = create(allCatalogs);
        const start = performance.now();
        normalize(input);
        times.push(performance.now() - start);
      }
      return [catalog.id, median(times)] as const;
    });
    const total = firstUse.reduce((sum, [, ms]) => sum + ms, 0);
    const slowest = [...firstUse].sort((a, b) => b[1] - a[1]).slice(0, 3);
    report(
      `  then the first input of each provider compiles its catalog (${name}): ${total.toFixed(1)} ms for all ${firstUse.length}; ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(2)} ms`).join(', ')} (median of 21)`,
    );
  }
  return checks;
}
