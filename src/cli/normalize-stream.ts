import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Normalizer } from '../matcher/create-normalizer.js';

/**
 * What a run of {@link normalizeStream} did.
 */
export interface NormalizeCounts {
  /** Non-blank input lines read. */
  readonly lines: number;
  /** Lines normalized and written as a normalized error. */
  readonly normalized: number;
  /** Lines that were not a JSON object (each written as an error line). */
  readonly failed: number;
}

/**
 * Options of {@link normalizeStream}.
 */
export interface NormalizeStreamOptions {
  /** Called for each line that is not a JSON object, with its 1-based line number and the reason. */
  readonly onBadLine?: (line: number, reason: string) => void;
  /**
   * Where a report of each bad line goes (the CLI's stderr), written with the
   * same backpressure as the output, so memory stays flat however many lines fail.
   */
  readonly reports?: { readonly stream: NodeJS.WritableStream; readonly format: (line: number, reason: string) => string };
  /** The provider to assume for lines that name none. */
  readonly provider?: string;
  /**
   * The longest line accepted, in characters; a longer line fails without being held in memory.
   *
   * @defaultValue 16 MiB
   */
  readonly maxLineLength?: number;
}

/**
 * The line written in place of an input line that is not a JSON object, so output lines stay aligned with input lines.
 */
export interface BadLine {
  readonly line: number;
  readonly error: string;
}

const DEFAULT_MAX_LINE = 16 * 1024 * 1024;

/** Why a line is not a raw response, or the raw response it holds. */
function parseLine(text: string): { ok: true; value: object } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `not a JSON object (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})` };
  }
  return { ok: true, value };
}

/**
 * Reads NDJSON raw provider responses from `input` and writes one normalized error per line to `output`, streaming.
 *
 * @remarks
 * Input is processed chunk by chunk: at most one line is held in memory, and the
 * output of a chunk is written at once, waiting for `drain` when the output is
 * full. Blank lines are skipped. A line that is not a JSON object is written as
 * a {@link BadLine} and reported through `onBadLine`; the rest is processed.
 *
 * @example
 * ```ts
 * const counts = await normalizeStream(createReadStream('responses.ndjson'), process.stdout, createNormalizer(allCatalogs));
 * process.exitCode = counts.failed === 0 ? 0 : 1;
 * ```
 */
export async function normalizeStream(
  input: AsyncIterable<string | Uint8Array>,
  output: NodeJS.WritableStream,
  normalizer: Pick<Normalizer, 'normalize'>,
  options: NormalizeStreamOptions = {},
): Promise<NormalizeCounts> {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE;
  const decoder = new StringDecoder('utf8');
  let lineNumber = 0;
  let lines = 0;
  let normalized = 0;
  let failed = 0;
  let pending = '';
  let overlong = false;
  let out = '';
  let reported = '';

  const fail = (reason: string): void => {
    failed++;
    options.onBadLine?.(lineNumber, reason);
    if (options.reports !== undefined) reported += options.reports.format(lineNumber, reason);
    const bad: BadLine = { line: lineNumber, error: reason };
    out += `${JSON.stringify(bad)}\n`;
  };

  const handle = (text: string): void => {
    lineNumber++;
    if (overlong) {
      overlong = false;
      lines++;
      fail(`longer than ${maxLineLength} characters`);
      return;
    }
    let line = text.endsWith('\r') ? text.slice(0, -1) : text;
    // Files saved by some Windows editors start with a byte order mark, which JSON.parse rejects.
    if (lineNumber === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.trim() === '') return;
    lines++;
    const parsed = parseLine(line);
    if (!parsed.ok) return fail(parsed.reason);
    const raw = options.provider !== undefined && !('provider' in parsed.value) ? { ...parsed.value, provider: options.provider } : parsed.value;
    out += `${JSON.stringify(normalizer.normalize(raw as Parameters<Normalizer['normalize']>[0]))}\n`;
    normalized++;
  };

  // Both streams are written once per input chunk and waited on when full: a pipe
  // that reads slowly slows the input down instead of filling memory.
  const flush = async (): Promise<void> => {
    const text = out;
    const report = reported;
    out = '';
    reported = '';
    const waits: Promise<unknown>[] = [];
    if (text !== '' && !output.write(text)) waits.push(once(output, 'drain'));
    const errors = options.reports?.stream;
    if (report !== '' && errors !== undefined && !errors.write(report)) waits.push(once(errors, 'drain'));
    await Promise.all(waits);
  };

  const feed = (text: string): void => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      handle(overlong ? '' : pending + text.slice(start, end));
      pending = '';
      start = end + 1;
    }
    if (overlong) return;
    pending += text.slice(start);
    if (pending.length > maxLineLength) {
      // Drop the line now rather than buffer it: it fails when its end arrives.
      overlong = true;
      pending = '';
    }
  };

  for await (const chunk of input) {
    feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    await flush();
  }
  feed(decoder.end());
  if (pending !== '' || overlong) handle(pending);
  await flush();
  return { lines, normalized, failed };
}
