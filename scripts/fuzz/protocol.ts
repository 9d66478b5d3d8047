/**
 * What the fuzz runner (scripts/fuzz.ts) and its worker (scripts/fuzz/worker.ts)
 * tell each other. The worker runs the properties; the main thread only watches,
 * so that it can print progress and stop a call that never returns (a loop
 * in a public function would otherwise hang the run with nothing said).
 */

/** What the worker is given. */
export interface WorkerJob {
  /** Indexes into `propertiesOf(CONTRACTS)` of the properties to run, in order. */
  readonly properties: readonly number[];
  /** Inputs per selected property (ignored with a deadline). */
  readonly quotas: readonly number[];
  readonly seed: number;
  /** Replays this one input of the one property, with `seed` as its batch seed. */
  readonly path: string | undefined;
  readonly limitMs: number;
  /** Run rounds until this time (`Date.now()`), instead of the quotas. */
  readonly deadline: number | undefined;
  /** Shared with the main thread: see `Beat`. */
  readonly heartbeat: SharedArrayBuffer;
}

/** Slots of the shared heartbeat (a Float64Array), written by the worker at every call. */
export const Beat = {
  /** Calls that returned, shrinking included. */
  calls: 0,
  /** Index of the running property in `WorkerJob.properties`. */
  property: 1,
  /** Seed of the running batch. */
  seed: 2,
  /** Index in its batch of the input being generated (its fast-check path). */
  run: 3,
  /** 1 while shrinking a failure, else 0. */
  shrinking: 4,
  /** Index in its batch of the failing input being shrunk. */
  failedRun: 5,
  /** Generated inputs that returned (the progress). */
  inputs: 6,
  /** Calls over the time limit. */
  slow: 7,
} as const;
/** The number of heartbeat slots. */
export const BEAT_SLOTS = 8;

/** A call over the time limit (the run goes on; the result is exit status 1). */
export interface SlowMessage {
  readonly type: 'slow';
  readonly property: number;
  readonly seed: number;
  readonly path: string;
  readonly ms: number;
  readonly inputs: string;
}

/** One batch done. */
export interface BatchMessage {
  readonly type: 'batch';
  readonly property: number;
  readonly runs: number;
  readonly slowestMs: number;
  /** Calls over the limit in this batch (each of the first few is also a SlowMessage). */
  readonly slow: number;
}

/** A contract broken: the run stops. */
export interface FailureMessage {
  readonly type: 'failure';
  readonly property: number;
  readonly seed: number;
  readonly path: string;
  /** Inputs of the batch run before the first failing one. */
  readonly runsBefore: number;
  readonly shrinks: number;
  readonly reason: string;
  readonly counterexample: string;
  readonly inputs: string;
}

/** A replayed input that passed (a failing replay is a FailureMessage). */
export interface ReplayMessage {
  readonly type: 'replay';
  readonly property: number;
  readonly ms: number;
  readonly inputs: string;
}

/** Every property ran its share. */
export interface DoneMessage {
  readonly type: 'done';
}

/** Any message from the worker. */
export type WorkerMessage = SlowMessage | BatchMessage | FailureMessage | ReplayMessage | DoneMessage;
