/**
 * The budgets of the design, measured (never asserted in tests): run with
 * `npm run bench`, or `npm run bench -- --only sizes,cli` for some sections.
 * Every speed figure is a ratio against a baseline run in this same process,
 * interleaved, and the two sides of every comparison are checked to answer
 * alike before they are timed. Every budget prints one line (figure, budget,
 * ratio) and the run ends with a table of them all, met or missed as computed.
 * Guide: docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { allCatalogs } from '../catalogs/all.js';
import { budgetLine, budgetTable, type BudgetCheck } from './budget.js';
import { measureCliMemory, measureThroughput } from './cli.js';
import { runLoad } from './load.js';
import { measureAgainstPlain, measureCreate, measureScaling } from './normalize.js';
import { measureSizes } from './sizes.js';

const SECTIONS = {
  speed: 'normalize against hand-written classifiers (ratio = normalize / baseline)',
  scaling: 'normalize costs the same whatever is loaded (ratio = more loaded / less loaded)',
  create: 'createNormalizer',
  sizes: 'Bundle sizes, min+gzip (esbuild, browser platform; the default, interpreted matcher)',
  cli: 'CLI normalize: throughput and memory',
  load: 'Gateway under load (example gateway in front of the simulator, over loopback)',
} as const;
type Section = keyof typeof SECTIONS;
const NAMES = Object.keys(SECTIONS) as Section[];

function chosen(argv: readonly string[]): Section[] {
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--only') only.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) only.push(...arg.slice('--only='.length).split(','));
    else if (arg === '--help') {
      console.log(`Usage: npm run bench [-- --only ${NAMES.join(',')}]\n\n${NAMES.map((name) => `  ${name.padEnd(8)} ${SECTIONS[name]}`).join('\n')}`);
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${JSON.stringify(arg)} (--help lists the sections)`);
      process.exit(2);
    }
  }
  const unknown = only.filter((name) => !NAMES.includes(name as Section));
  if (unknown.length > 0) {
    console.error(`bench: no section ${unknown.map((name) => JSON.stringify(name)).join(', ')}; the sections are ${NAMES.join(', ')}`);
    process.exit(2);
  }
  return only.length === 0 ? NAMES : NAMES.filter((name) => only.includes(name));
}

const sections = chosen(process.argv.slice(2));
const report = (line: string): void => console.log(line);
const checks: BudgetCheck[] = [];
const started = performance.now();
const budget = (check: BudgetCheck): void => {
  checks.push(check);
  report(budgetLine(check));
};

for (const section of sections) {
  report(`\n## ${SECTIONS[section]}`);
  switch (section) {
    case 'speed':
      checks.push(...measureAgainstPlain(report));
      break;
    case 'scaling':
      checks.push(...measureScaling(report));
      break;
    case 'create':
      checks.push(...measureCreate(report));
      break;
    case 'sizes': {
      const byId = new Map(allCatalogs.map((catalog) => [catalog.id, catalog]));
      const counts = (id: string): { codes: number; endpoints: number } => ({
        codes: Object.keys(byId.get(id)?.codes ?? {}).length,
        endpoints: Object.keys(byId.get(id)?.endpoints ?? {}).length,
      });
      checks.push(...(await measureSizes(report, [...byId.keys()], counts)));
      break;
    }
    case 'cli':
      await measureThroughput(report);
      checks.push(...(await measureCliMemory(report)));
      break;
    case 'load': {
      const lines = await runLoad();
      for (const line of lines) report(line);
      // bench/load.ts reports lines; the amplification under each budget is read back from them.
      for (const label of ['AWS standard budget', 'gRPC A6 throttling']) {
        const line = lines.find((entry) => entry.startsWith(`provider failing every request, ${label}`));
        const figure = line === undefined ? undefined : Number(/: (\d+(?:\.\d+)?)x \(/.exec(line)?.[1] ?? Number.NaN);
        const partial = lines.some((entry) => entry.startsWith('stopped at the'));
        budget({
          name: `gateway retry amplification, provider failing every request, ${label}`,
          figure: partial ? undefined : figure,
          limit: 1.1,
          bound: 'under',
          unit: 'x',
          note: 'provider requests per client request, from the simulator log',
        });
      }
      break;
    }
  }
}

report(`\n## Budgets (DESIGN.md), ${sections.length === NAMES.length ? 'all sections' : `sections ${sections.join(', ')}`}`);
report(budgetTable(checks));
report(`\nbench: ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);
