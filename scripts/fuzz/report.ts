/** What `npm run fuzz` prints (pure: strings in, strings out). */

/** A word as the shell reads it back unchanged. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._#@:/=-]+$/.test(word) && !word.startsWith('#') ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that replays one input of one property. */
export function replayCommand(seed: number, path: string, property: string): string {
  return `npm run fuzz -- --seed ${seed} --path ${path} --only ${shellWord(property)}`;
}

/** The command that runs the same run again (the same inputs, in the same order). */
export function rerunCommand(seed: number, amount: { readonly runs: number } | { readonly minutes: number }, only: readonly string[]): string {
  const size = 'runs' in amount ? `--runs ${amount.runs}` : `--minutes ${amount.minutes}`;
  return `npm run fuzz -- --seed ${seed} ${size}${only.map((text) => ` --only ${shellWord(text)}`).join('')}`;
}

/** Seconds as `1 h 02 min`, `3 min 07 s` or `12.3 s`. */
export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const n = (value: number): string => Math.round(value).toLocaleString('en-US');

/** The one progress line. */
export function progressLine(progress: {
  readonly inputs: number;
  readonly total: number | undefined;
  readonly elapsedMs: number;
  readonly deadlineMs: number | undefined;
  readonly running: string;
}): string {
  const rate = progress.elapsedMs > 0 ? (progress.inputs * 1000) / progress.elapsedMs : 0;
  const share =
    progress.total !== undefined
      ? `${n(progress.inputs)} / ${n(progress.total)} inputs (${((100 * progress.inputs) / progress.total).toFixed(1)}%)`
      : `${n(progress.inputs)} inputs, ${duration(Math.max(0, (progress.deadlineMs ?? 0) - progress.elapsedMs))} left`;
  return `fuzz: ${share}, ${duration(progress.elapsedMs)}, ${n(rate)}/s, running ${progress.running}`;
}

/** One contract's line of the summary. */
export interface ContractRow {
  readonly name: string;
  readonly inputs: number;
  readonly slowestMs: number;
  readonly slow: number;
  readonly failed: boolean;
}

/** The summary table: inputs run per contract (both kinds of inputs), its slowest call, what went wrong. */
export function summaryTable(rows: readonly ContractRow[], limitMs: number): string {
  const width = Math.max(8, ...rows.map((row) => row.name.length));
  const lines = [`${'contract'.padEnd(width)}  ${'inputs'.padStart(9)}  ${'slowest'.padStart(10)}  result`];
  for (const row of rows) {
    const result = row.failed ? 'FAILED' : row.slow > 0 ? `${row.slow} call(s) over ${n(limitMs)} ms` : row.inputs === 0 ? 'not run' : 'ok';
    lines.push(`${row.name.padEnd(width)}  ${n(row.inputs).padStart(9)}  ${`${row.slowestMs.toFixed(1)} ms`.padStart(10)}  ${result}`);
  }
  return lines.join('\n');
}
