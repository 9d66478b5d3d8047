/**
 * `npm run fuzz`: every contract of test/support/hostile.ts (every public
 * function of every entry point, with what a valid answer is) on as many
 * hostile inputs as asked, a million by default, or for as long as asked.
 * A failure prints its seed, fast-check path, shrunk counterexample and the
 * command that replays it, and exits 1; so does a call over the time limit, or
 * one that never returns. `npm run fuzz -- --help` lists the options.
 *
 * The properties run in a worker thread; this thread only watches its
 * heartbeat, so progress prints while the worker is busy and a call stuck in a
 * loop is stopped and named rather than hanging the run.
 */
import { randomInt } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { CONTRACTS } from '../test/support/hostile.js';
import { arbitrariesOf } from './fuzz/arbitraries.js';
import { describeInputs } from './fuzz/describe.js';
import { USAGE, parseOptions } from './fuzz/options.js';
import { propertiesOf, quotasOf, selectProperties, type Property } from './fuzz/plan.js';
import { BEAT_SLOTS, Beat, type FailureMessage, type SlowMessage, type WorkerJob, type WorkerMessage } from './fuzz/protocol.js';
import { duration, progressLine, replayCommand, rerunCommand, shellWord, summaryTable, type ContractRow } from './fuzz/report.js';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const fail = (message: string): never => {
  process.stderr.write(`fuzz: ${message}\n\n${USAGE}\n`);
  process.exit(2);
};

const options = parseOptions(process.argv.slice(2));
if ('error' in options) fail(options.error);
if (!('error' in options) && options.help) {
  out(USAGE);
  process.exit(0);
}
const opts = options as Exclude<typeof options, { error: string }>;

const all = propertiesOf(CONTRACTS);
const selected = selectProperties(all, opts.only);
if (selected.length === 0) fail(`no property matches ${opts.only.map((text) => JSON.stringify(text)).join(' or ')} (--list lists them)`);
if (opts.path !== undefined && selected.length !== 1) {
  fail(
    `--path replays one input of one property; ${selected.length} match: ${selected
      .slice(0, 8)
      .map((p) => p.name)
      .join(', ')}${selected.length > 8 ? ', ...' : ''} (give its exact name)`,
  );
}
const quotas = opts.path !== undefined ? [1] : quotasOf(selected, opts.runs);

if (opts.list) {
  const width = Math.max(...selected.map((p) => p.name.length));
  selected.forEach((property, i) => {
    out(
      `${property.name.padEnd(width)}  ${(quotas[i] ?? 0).toLocaleString('en-US').padStart(9)} of --runs ${opts.runs.toLocaleString('en-US')}${property.contract.slow === true ? '  (slow: a twentieth)' : ''}`,
    );
  });
  process.exit(0);
}

const seed = opts.seed ?? randomInt(2 ** 31 - 1);
const started = Date.now();
const deadline = opts.minutes === undefined || opts.path !== undefined ? undefined : started + opts.minutes * 60_000;
const total = deadline === undefined ? quotas.reduce((a, b) => a + b, 0) : undefined;
const contracts = new Set(selected.map((p) => p.contract.name)).size;

if (opts.path !== undefined) out(`fuzz: replaying ${(selected[0] as Property).name}, seed ${seed}, path ${opts.path}`);
else {
  const amount = deadline === undefined ? `${(total ?? 0).toLocaleString('en-US')} inputs` : `${opts.minutes} min`;
  out(
    `fuzz: seed ${seed}; ${amount} over ${plural(selected.length, 'property', 'properties')} of ${plural(contracts, 'contract')}; a call over ${opts.limitMs} ms is flagged`,
  );
  out(`fuzz: this run again: ${rerunCommand(seed, deadline === undefined ? { runs: opts.runs } : { minutes: opts.minutes ?? 0 }, opts.only)}`);
}

const heartbeat = new SharedArrayBuffer(BEAT_SLOTS * Float64Array.BYTES_PER_ELEMENT);
const beat = new Float64Array(heartbeat);
const job: WorkerJob = { properties: selected.map((p) => all.indexOf(p)), quotas, seed, path: opts.path, limitMs: opts.limitMs, deadline, heartbeat };
const worker = new Worker(new URL('./fuzz/worker.js', import.meta.url), { workerData: job });

const runs = selected.map(() => 0);
const slowest = selected.map(() => 0);
const slowCount = selected.map(() => 0);
const slow: SlowMessage[] = [];
let failure: FailureMessage | undefined;
let hung: number | undefined;
let finished = false;
const tty = process.stdout.isTTY === true;
let lastPrint = Date.now();
let lastCalls = -1;
let lastMove = Date.now();

const clearLine = (): void => {
  if (tty) process.stdout.write('\r\x1b[2K');
};

function summary(): void {
  clearLine();
  // Batches count when they end; the inputs of the one running when the run stopped count from the heartbeat.
  const inputs = beat[Beat.inputs] ?? 0;
  const counted = runs.reduce((a, b) => a + b, 0);
  const running = beat[Beat.property] ?? 0;
  runs[running] = (runs[running] ?? 0) + Math.max(0, inputs - counted);
  const slowCalls = beat[Beat.slow] ?? 0;
  slowCount[running] = (slowCount[running] ?? 0) + Math.max(0, slowCalls - slowCount.reduce((a, b) => a + b, 0));
  const byContract = new Map<string, ContractRow>();
  selected.forEach((property, i) => {
    const row = byContract.get(property.contract.name) ?? { name: property.contract.name, inputs: 0, slowestMs: 0, slow: 0, failed: false };
    byContract.set(property.contract.name, {
      ...row,
      inputs: row.inputs + (runs[i] ?? 0),
      slowestMs: Math.max(row.slowestMs, slowest[i] ?? 0, ...slow.filter((s) => s.property === i).map((s) => s.ms)),
      slow: row.slow + (slowCount[i] ?? 0),
      failed: row.failed || failure?.property === i || hung === i,
    });
  });
  out();
  out(summaryTable([...byContract.values()], opts.limitMs));
  const elapsed = Date.now() - started;
  out();
  out(
    `fuzz: ${plural(inputs, 'input')} over ${plural(selected.length, 'property', 'properties')} of ${plural(contracts, 'contract')} in ${duration(elapsed)}${opts.path === undefined ? ` (${Math.round((inputs * 1000) / Math.max(1, elapsed)).toLocaleString('en-US')}/s)` : ''}, seed ${seed}`,
  );
  const failures = failure !== undefined ? '1 failure' : hung !== undefined ? '1 failure (a hang)' : 'no failure';
  out(`fuzz: ${failures}, ${plural(slowCalls, 'call')} over ${opts.limitMs} ms`);
}

function printSlow(): void {
  if (slow.length === 0) return;
  out();
  out(`Calls over ${opts.limitMs} ms (at most 3 a property; each replays alone, timed):`);
  for (const s of slow) {
    const property = selected[s.property] as Property;
    out(`  ${property.name}: ${s.ms.toFixed(0)} ms; inputs ${s.inputs}`);
    out(`    ${replayCommand(s.seed, s.path, property.name)}`);
  }
}

function finish(code: number): never {
  finished = true;
  clearInterval(timer);
  void worker.terminate();
  process.exit(code);
}

/** The inputs at a path, drawn again from the seed without calling anything (to name what hung). */
function inputsAt(property: Property, at: number, path: string): string {
  let drawn: unknown[] = [];
  const [a, b] = arbitrariesOf(property.inputs);
  fc.check(
    fc.property(a, b, (x, y) => {
      drawn = [x, y];
      return true;
    }),
    { seed: at, path, numRuns: 1 },
  );
  return describeInputs(drawn);
}

const timer = setInterval(() => {
  if (finished) return;
  const now = Date.now();
  const calls = beat[Beat.calls] ?? 0;
  if (calls !== lastCalls) {
    lastCalls = calls;
    lastMove = now;
  } else if (now - lastMove >= opts.hangSeconds * 1000) {
    const property = selected[beat[Beat.property] ?? 0] as Property;
    const batch = beat[Beat.seed] ?? 0;
    const shrinking = beat[Beat.shrinking] === 1;
    const path = opts.path ?? String(beat[shrinking ? Beat.failedRun : Beat.run] ?? 0);
    hung = beat[Beat.property] ?? 0;
    clearLine();
    if (beat[Beat.run] === -1 && opts.path === undefined) {
      out(`\nHANG ${property.name}: its first, untimed call, with undefined arguments, did not return for ${opts.hangSeconds} s`);
      out(`  replay: npm run fuzz -- --runs 1 --only ${shellWord(property.name)}`);
      summary();
      finish(1);
    }
    out(`\nHANG ${property.name}: no call returned for ${opts.hangSeconds} s${shrinking ? ' (while shrinking a failure of the input below)' : ''}`);
    out(`  seed ${batch}, path ${path}`);
    out(`  inputs ${inputsAt(property, batch, path)}`);
    out(`  replay: ${replayCommand(batch, path, property.name)}`);
    summary();
    finish(1);
  }
  if (opts.path === undefined && now - lastPrint >= (tty ? 2000 : 10_000)) {
    lastPrint = now;
    const line = progressLine({
      inputs: beat[Beat.inputs] ?? 0,
      total,
      elapsedMs: now - started,
      deadlineMs: deadline === undefined ? undefined : deadline - started,
      running: (selected[beat[Beat.property] ?? 0] as Property).name,
    });
    if (tty) process.stdout.write(`\r\x1b[2K${line}`);
    else out(line);
  }
}, 250);

worker.on('message', (message: WorkerMessage) => {
  switch (message.type) {
    case 'batch':
      runs[message.property] = (runs[message.property] ?? 0) + message.runs;
      slowest[message.property] = Math.max(slowest[message.property] ?? 0, message.slowestMs);
      slowCount[message.property] = (slowCount[message.property] ?? 0) + message.slow;
      break;
    case 'slow':
      slow.push(message);
      break;
    case 'replay': {
      const property = selected[message.property] as Property;
      slowest[message.property] = message.ms;
      out(
        `fuzz: ${property.name} answered a valid value in ${message.ms.toFixed(1)} ms${message.ms > opts.limitMs ? ` (over the ${opts.limitMs} ms limit)` : ''}; inputs ${message.inputs}`,
      );
      break;
    }
    case 'failure': {
      failure = message;
      const property = selected[message.property] as Property;
      clearLine();
      out();
      out(`FAIL ${property.name}${opts.path === undefined ? ` after ${message.runsBefore.toLocaleString('en-US')} passing inputs of its batch` : ''}`);
      out(`  contract: ${property.contract.name} on ${property.inputs === 'values' ? 'two hostile values' : 'a text to parse and a hostile value'}`);
      out(`  ${message.reason}`);
      out(`  seed ${message.seed}, path ${message.path} (${message.shrinks} shrinks)`);
      out(`  counterexample${message.shrinks > 0 ? ' (shrunk)' : ''}: ${message.counterexample}`);
      out(`  inputs: ${message.inputs}`);
      out(`  replay: ${replayCommand(message.seed, message.path, property.name)}`);
      printSlow();
      summary();
      finish(1);
      break;
    }
    case 'done':
      printSlow();
      summary();
      finish((beat[Beat.slow] ?? 0) > 0 ? 1 : 0);
  }
});
worker.on('error', (error) => {
  if (finished) return;
  const property = selected[beat[Beat.property] ?? 0] as Property;
  const batch = beat[Beat.seed] ?? 0;
  const path = String(beat[beat[Beat.shrinking] === 1 ? Beat.failedRun : Beat.run] ?? 0);
  clearLine();
  out(`\nCRASH the worker died: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  out(`  while running ${property.name}, seed ${batch}, around path ${path} (an unhandled rejection or an error thrown outside a call lands here)`);
  out(`  replay: ${replayCommand(batch, path, property.name)}`);
  summary();
  finish(1);
});
worker.on('exit', (code) => {
  if (finished) return;
  out(`\nfuzz: the worker exited (${code}) before it finished`);
  summary();
  finish(1);
});
