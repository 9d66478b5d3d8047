/** Interleaved timing: both sides run in every round, in alternating order, so drift hits both. */
export interface Comparison {
  readonly baselineNsPerOp: number;
  readonly candidateNsPerOp: number;
  /** Median over rounds of candidate time / baseline time. */
  readonly ratio: number;
}

function time(fn: () => number, reps: number): { ns: number; sink: number } {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) sink += fn();
  return { ns: Number(process.hrtime.bigint() - start), sink };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Compares two functions that each run one batch of operations and return a checksum. */
export function compare(baseline: () => number, candidate: () => number, opsPerCall: number, rounds = 31, reps = 200): Comparison {
  for (let i = 0; i < 50; i++) {
    baseline();
    candidate();
  }
  const ratios: number[] = [];
  const base: number[] = [];
  const cand: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0;
    const a = first ? time(baseline, reps) : undefined;
    const b = time(candidate, reps);
    const c = first ? a : time(baseline, reps);
    if (c === undefined) continue;
    sink += b.sink + c.sink;
    ratios.push(b.ns / c.ns);
    base.push(c.ns / (reps * opsPerCall));
    cand.push(b.ns / (reps * opsPerCall));
  }
  if (sink === -1) console.log('unreachable');
  return { baselineNsPerOp: median(base), candidateNsPerOp: median(cand), ratio: median(ratios) };
}

export { median };
