import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Normalizer } from '../matcher/create-normalizer.js';
import { own } from '../util/own.js';
import { closeMatches } from '../util/suggest.js';
import { leanError } from './lean-output.js';

/**
 * What a run of {@link normalizeStream} did.
 */
export interface NormalizeCounts {
  /** Non-blank input lines read. */
  readonly lines: number;
  /** Lines normalized and written as a normalized error. */
  readonly normalized: number;
  /** Lines that were not a JSON object, or named no provider (each written as an error line). */
  readonly failed: number;
}

/**
 * Options of {@link normalizeStream}.
 */
export interface NormalizeStreamOptions {
  /** Called for each line that is not a JSON object or names no provider, with its 1-based line number and the reason. */
  readonly onBadLine?: (line: number, reason: string) => void;
  /**
   * Where a report of each bad line goes (the CLI's stderr), written with the
   * same backpressure as the output, so memory stays flat however many lines fail;
   * `warn` formats a warning (a provider with no catalog), once per provider.
   */
  readonly reports?: {
    readonly stream: NodeJS.WritableStream;
    readonly format: (line: number, reason: string) => string;
    readonly warn?: (line: number, message: string) => string;
  };
  /** The provider to assume for lines that name none; without it, such a line is a bad line, never classified as some provider. */
  readonly provider?: string;
  /** The providers with a catalog: a line naming another is still normalized (by its status alone), and warned about once. */
  readonly providers?: readonly string[];
  /**
   * Drop the catalog's prose from each result (`match.description`, `match.note`): from a twentieth to half of the bytes, by provider.
   *
   * @defaultValue false
   */
  readonly lean?: boolean;
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
// Warnings about providers without a catalog stop after this many distinct ids: memory stays flat.
const MAX_WARNED_PROVIDERS = 32;

/** The provider a line names (or the default), or why it names none. */
function providerOf(line: object, fallback: string | undefined): { ok: true; provider: string } | { ok: false; reason: string } {
  const value = own(line, 'provider');
  if (typeof value === 'string' && value !== '') return { ok: true, provider: value };
  if ((value === undefined || value === null || value === '') && fallback !== undefined) return { ok: true, provider: fallback };
  if (value === undefined || value === null || value === '')
    return { ok: false, reason: 'no "provider": name it in the line, or pass --provider for lines without one' };
  return { ok: false, reason: `"provider" must be a string, got ${Array.isArray(value) ? 'an array' : typeof value}` };
}

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
 * full. Blank lines are skipped. A line that is not a JSON object, or names no
 * provider when no default is given, is written as a {@link BadLine} and
 * reported through `onBadLine`; the rest is processed.
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
  const known = options.providers === undefined ? undefined : new Set(options.providers);
  const warned = new Set<string>();
  const warn = options.reports?.warn;

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
    if (!parsed.ok) {
      fail(parsed.reason);
      return;
    }
    const named = providerOf(parsed.value, options.provider);
    if (!named.ok) {
      fail(named.reason);
      return;
    }
    const { provider } = named;
    // Only a bounded prefix of an unknown id is kept or compared: a huge "provider" costs nothing extra.
    const shown = provider.slice(0, 64);
    if (known !== undefined && !known.has(provider) && warn !== undefined && warned.size < MAX_WARNED_PROVIDERS && !warned.has(shown)) {
      warned.add(shown);
      const close = closeMatches(shown, [...known]);
      const name = JSON.stringify(shown);
      reported += warn(
        lineNumber,
        `no catalog for provider ${name}${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}: its lines are classified by their status alone`,
      );
    }
    const raw = own(parsed.value, 'provider') === provider ? parsed.value : { ...parsed.value, provider };
    const error = normalizer.normalize(raw as Parameters<Normalizer['normalize']>[0]);
    out += `${JSON.stringify(options.lean === true ? leanError(error) : error)}\n`;
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
