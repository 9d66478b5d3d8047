/**
 * The fuzz worker: runs each selected property in batches, round-robin (every
 * contract runs early; a time-bounded run spreads over all of them), with
 * fast-check's own seed and path so any failure replays exactly. It writes a
 * heartbeat at every call for the main thread, which prints progress and
 * stops a call that never returns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { CONTRACTS, check } from '../../test/support/hostile.js';
import { arbitrariesOf } from './arbitraries.js';
import { describeInputs, writeCounterexample } from './describe.js';
import { batchSeed, batchSize, propertiesOf, type Property } from './plan.js';
import { Beat, type WorkerJob, type WorkerMessage } from './protocol.js';

const job = workerData as WorkerJob;
const beat = new Float64Array(job.heartbeat);
const all = propertiesOf(CONTRACTS);
const selected = job.properties.map((index) => all[index] as Property);
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
/** Slow calls reported per property: past a few, more say nothing new. */
const SLOW_REPORTS = 3;
const slowReported = new Map<number, number>();

interface BatchResult {
  readonly failed: boolean;
  readonly runs: number;
}

// A rejection no one handles crashes a Node process by default: a contract broken, by the input just run.
let current: { index: number; seed: number; path: string | undefined; run: () => number; inputs: unknown[] } | undefined;
function crashed(kind: string, error: unknown): void {
  const at = current;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (at === undefined) throw error;
  const path = at.path ?? String(at.run());
  post({
    type: 'failure',
    property: at.index,
    seed: at.seed,
    path,
    runsBefore: at.run(),
    shrinks: 0,
    reason: `left ${kind}: ${text} (not shrunk: it surfaced after the call returned)`,
    counterexample: writeCounterexample(at.inputs),
    inputs: describeInputs(at.inputs),
  });
  process.exit(0);
}
process.on('unhandledRejection', (reason) => crashed('a promise rejected with no handler', reason));
process.on('uncaughtException', (error) => crashed('an exception thrown outside the call (a timer or a callback)', error));

const warmed = new Set<string>();

/**
 * Calls a contract once, untimed, before its first timed input: a first call
 * pays for what is built once (the arbitraries entry's first draw takes about
 * 800 ms whatever its input), which is no input's fault.
 */
async function warm(index: number, property: Property): Promise<void> {
  if (warmed.has(property.contract.name)) return;
  warmed.add(property.contract.name);
  current = undefined;
  beat[Beat.property] = index;
  beat[Beat.run] = -1;
  await check(property.contract, undefined, undefined);
  beat[Beat.calls] = (beat[Beat.calls] ?? 0) + 1;
}

async function runBatch(index: number, seed: number, numRuns: number, path: string | undefined): Promise<BatchResult> {
  const property = selected[index] as Property;
  await warm(index, property);
  let call = 0;
  let failedAt = -1;
  let slowest = 0;
  let slow = 0;
  let firstMs = 0;
  let firstInputs = '';
  beat[Beat.property] = index;
  beat[Beat.seed] = seed;
  beat[Beat.shrinking] = 0;
  current = { index, seed, path, run: () => Math.max(0, call - 1), inputs: [] };
  const [first, second] = arbitrariesOf(property.inputs);
  const predicate = fc.asyncProperty(first, second, async (a, b) => {
    const generated = failedAt < 0;
    const run = call++;
    if (current !== undefined) current.inputs = [a, b];
    if (generated) beat[Beat.run] = run;
    const start = performance.now();
    const reason = await check(property.contract, a, b);
    const ms = performance.now() - start;
    // One turn of the event loop: a promise the call left rejected with no handler surfaces now, on this input.
    await new Promise((resolve) => setImmediate(resolve));
    beat[Beat.calls] = (beat[Beat.calls] ?? 0) + 1;
    if (generated) {
      beat[Beat.inputs] = (beat[Beat.inputs] ?? 0) + 1;
      if (run === 0 && path !== undefined) {
        firstMs = ms;
        firstInputs = describeInputs([a, b]);
      }
      slowest = Math.max(slowest, ms);
      const reported = slowReported.get(index) ?? 0;
      if (ms > job.limitMs) {
        slow++;
        beat[Beat.slow] = (beat[Beat.slow] ?? 0) + 1;
      }
      if (ms > job.limitMs && reported < SLOW_REPORTS) {
        slowReported.set(index, reported + 1);
        post({ type: 'slow', property: index, seed, path: path ?? String(run), ms, inputs: describeInputs([a, b]) });
      }
    }
    if (reason !== undefined) {
      if (generated) {
        failedAt = run;
        beat[Beat.failedRun] = run;
        beat[Beat.shrinking] = 1;
      }
      throw new Error(reason);
    }
  });
  const details = await fc.check(predicate, { seed, numRuns, ...(path === undefined ? {} : { path }) });
  if (details.failed) {
    const counterexample = details.counterexample ?? [];
    const error = details.errorInstance;
    post({
      type: 'failure',
      property: index,
      seed,
      path: details.counterexamplePath ?? path ?? String(failedAt),
      runsBefore: Math.max(0, failedAt),
      shrinks: details.numShrinks,
      reason: error instanceof Error ? error.message : String(error),
      counterexample: writeCounterexample(counterexample),
      inputs: describeInputs(counterexample),
    });
    return { failed: true, runs: failedAt + 1 };
  }
  if (path !== undefined) {
    post({ type: 'replay', property: index, ms: firstMs, inputs: firstInputs });
    return { failed: false, runs: 1 };
  }
  post({ type: 'batch', property: index, runs: numRuns, slowestMs: slowest, slow });
  return { failed: false, runs: numRuns };
}

async function main(): Promise<void> {
  if (job.path !== undefined) {
    await runBatch(0, job.seed, 1, job.path);
    post({ type: 'done' });
    return;
  }
  const left = [...job.quotas];
  for (let round = 0; ; round++) {
    let ran = false;
    for (let index = 0; index < selected.length; index++) {
      if (job.deadline !== undefined ? Date.now() >= job.deadline : (left[index] ?? 0) <= 0) continue;
      const size = job.deadline !== undefined ? batchSize(selected[index] as Property) : Math.min(batchSize(selected[index] as Property), left[index] ?? 0);
      const result = await runBatch(index, batchSeed(job.seed, job.properties[index] ?? index, round), size, undefined);
      if (result.failed) return;
      left[index] = (left[index] ?? 0) - size;
      ran = true;
    }
    if (!ran) break;
  }
  post({ type: 'done' });
}

await main();
