/**
 * CLI `normalize`: throughput in this process against a bare JSON.parse +
 * JSON.stringify loop over the same lines, interleaved; memory in child
 * processes of the built CLI (bench/cli-memory.ts).
 */
import { Readable, Writable } from 'node:stream';
import { createNormalizer } from '../src/index.node.js';
import { allCatalogs } from '../catalogs/all.js';
import { aerosync } from '../catalogs/aerosync.js';
import { rowFixtures } from '../src/testkit/fixtures.js';
import { normalizeStream } from '../src/cli/normalize-stream.js';
import { budgetLine, type BudgetCheck } from './budget.js';
import { runCli, type CliRun } from './cli-memory.js';
import { median } from './measure.js';

type Report = (line: string) => void;

const rows = (): string[] => rowFixtures(aerosync).map((f) => JSON.stringify(f.input));

/** Lines per second through `normalizeStream`, and its time against the bare loop's. */
export async function measureThroughput(report: Report): Promise<void> {
  const lines = rows();
  const ndjson = `${lines.join('\n')}\n`;
  const chunks = Array.from({ length: 200 }, () => ndjson);
  const lineCount = chunks.length * lines.length;
  const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
  async function floor(): Promise<void> {
    const out = sink();
    for (const chunk of chunks) for (const line of chunk.split('\n')) if (line !== '') out.write(`${JSON.stringify(JSON.parse(line))}\n`);
  }
  const streamTimes: number[] = [];
  const floorTimes: number[] = [];
  const cli = createNormalizer(allCatalogs);
  for (let round = 0; round < 9; round++) {
    const first = round % 2 === 0;
    if (!first) {
      const start = performance.now();
      await floor();
      floorTimes.push(performance.now() - start);
    }
    let start = performance.now();
    await normalizeStream(Readable.from(chunks), sink(), cli);
    streamTimes.push(performance.now() - start);
    if (first) {
      start = performance.now();
      await floor();
      floorTimes.push(performance.now() - start);
    }
  }
  const streamMs = median(streamTimes);
  report(
    `throughput (no budget): ${Math.round(lineCount / (streamMs / 1000)).toLocaleString('en-US')} lines/s, ${(streamMs / median(floorTimes)).toFixed(2)}x the time of JSON.parse + JSON.stringify of the same ${lineCount.toLocaleString('en-US')} lines (median of 9 interleaved rounds, in process)`,
  );
}

const MB = 1024 * 1024;
const mb = (bytes: number | undefined): string => (bytes === undefined ? '?' : `${(bytes / MB).toFixed(1)} MB`);
/** The old space the children get: memory growing with the input would crash them at 10^6 lines. */
const OLD_SPACE_MB = 64;
/**
 * Flat: ten times the lines (10^5 to 10^6) cost at most a quarter more peak
 * resident set. Memory that grew with the input would show as a multiple: 32
 * bytes kept per line is 29 MB more at 10^6 lines. (The heap settles into its
 * steady size by about 10^5 lines; 3x10^6 lines peak within 2 MB of 10^6.)
 */
const FLAT = 1.25;
const SIZES = [1_000, 100_000, 1_000_000] as const;

/** Peak memory of the built CLI, per input size, good and bad lines; the flat-memory budget. */
export async function measureCliMemory(report: Report): Promise<BudgetCheck[]> {
  const samples = { good: rows(), bad: ['not json', '{"provider": 42}', '[1,2,3]', '{"status": 500'] } as const;
  const runs: CliRun[] = [];
  report(`| lines | input | exit | output lines | stderr read (slowly) | peak RSS | peak heap | time |`);
  report('|---|---|---|---|---|---|---|---|');
  for (const kind of ['good', 'bad'] as const) {
    for (const lines of SIZES) {
      const run = await runCli({ lines, kind, sample: samples[kind], maxOldSpaceMb: OLD_SPACE_MB });
      runs.push(run);
      report(
        `| ${lines.toLocaleString('en-US')} | ${kind === 'good' ? 'documented rows' : 'bad lines'} | ${run.exit} | ${run.outputLines.toLocaleString('en-US')} | ${mb(run.stderrBytes)} | ${mb(run.maxRss)} | ${mb(run.maxHeap)} | ${(run.ms / 1000).toFixed(1)} s |`,
      );
    }
  }
  // A run counts only when the child finished as documented (0 for good lines, 1 when lines failed) and answered every line.
  const sound = (run: CliRun): boolean => run.exit === (run.kind === 'good' ? 0 : 1) && run.outputLines === run.lines && run.maxRss !== undefined;
  const broken = runs.filter((run) => !sound(run));
  for (const run of broken)
    report(
      `the ${run.kind} run of ${run.lines.toLocaleString('en-US')} lines did not finish soundly: exit ${run.exit}, ${run.outputLines} output lines, peak RSS ${mb(run.maxRss)}`,
    );
  const at = (kind: 'good' | 'bad', lines: number): number => runs.find((run) => run.kind === kind && run.lines === lines)?.maxRss ?? Number.NaN;
  const ratio = (kind: 'good' | 'bad'): number => at(kind, 1_000_000) / at(kind, 100_000);
  const perLine = (kind: 'good' | 'bad'): string => `${((at(kind, 1_000_000) - at(kind, 100_000)) / 900_000).toFixed(1)} B`;
  const growth = Math.max(ratio('good'), ratio('bad'));
  const check: BudgetCheck = {
    name: `CLI normalize, flat memory: peak RSS at 10^6 lines / at 10^5 lines, under --max-old-space-size=${OLD_SPACE_MB}`,
    figure: broken.length === 0 && Number.isFinite(growth) ? growth : undefined,
    limit: FLAT,
    bound: 'at-most',
    unit: 'x',
    note: `the larger of good lines (${ratio('good').toFixed(2)}x, ${perLine('good')} per extra line) and bad lines (${ratio('bad').toFixed(2)}x, ${perLine('bad')} per extra line)`,
  };
  report(budgetLine(check));
  return [check];
}
