/**
 * CLI `normalize` memory, measured where it runs: the built CLI (package.json
 * "bin") in a child process of its own, fed 10^3, 10^5 and 10^6 lines on stdin
 * (documented rows, or lines that are not JSON), its stderr read by a slow
 * reader, its old space capped so that memory growing with the input would
 * crash it. The child reports its own peak resident set (getrusage maxRSS) and
 * peak heap at exit, so no other benchmark's garbage is counted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

const ROOT = resolve(import.meta.dirname, '../..');

/** The CLI as installed: package.json "bin". */
export function cliPath(): string {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['aggregator-errors'];
  if (bin === undefined) throw new Error('package.json names no "bin" for aggregator-errors');
  return resolve(ROOT, bin);
}

// Loaded into the child before the CLI (--import): its peak RSS and heap, written on fd 3 at exit.
const PROBE = [
  "import { writeSync } from 'node:fs';",
  'let heap = 0;',
  'const sample = () => { heap = Math.max(heap, process.memoryUsage().heapUsed); };',
  'setInterval(sample, 5).unref();',
  "process.on('exit', () => { sample(); try { writeSync(3, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, heap })); } catch {} });",
].join('\n');

/** What one child run measured. */
export interface CliRun {
  readonly lines: number;
  readonly kind: 'good' | 'bad';
  /** The child's exit code, or the signal that ended it. */
  readonly exit: number | string;
  /** Output lines (one per input line, a normalized error or a bad-line record). */
  readonly outputLines: number;
  readonly stderrBytes: number;
  /** Peak resident set, bytes (undefined when the child died before saying). */
  readonly maxRss: number | undefined;
  /** Peak V8 heap used, sampled every 5 ms, bytes. */
  readonly maxHeap: number | undefined;
  readonly ms: number;
}

/** Reads a stream slowly: at most `bytes` every `everyMs`, so the writer meets a full pipe. */
function readSlowly(stream: Readable, bytes: number, everyMs: number): Promise<number> {
  let total = 0;
  stream.pause();
  const timer = setInterval(() => {
    for (let budget = bytes; budget > 0; ) {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) break;
      total += chunk.length;
      budget -= chunk.length;
    }
  }, everyMs);
  return new Promise((done) =>
    stream.once('end', () => {
      clearInterval(timer);
      done(total);
    }),
  );
}

async function feed(stdin: Writable, lines: number, block: string, perBlock: number): Promise<void> {
  try {
    for (let sent = 0; sent < lines; sent += perBlock) if (!stdin.write(block)) await once(stdin, 'drain');
    stdin.end();
  } catch {
    // The child died (EPIPE): what it measured, or that it measured nothing, tells why.
  }
}

/** Runs the built CLI once on `lines` input lines cycled from `sample`. */
export async function runCli(options: {
  readonly lines: number;
  readonly kind: 'good' | 'bad';
  readonly sample: readonly string[];
  readonly maxOldSpaceMb: number;
}): Promise<CliRun> {
  const perBlock = 1000;
  const block = `${Array.from({ length: perBlock }, (_, i) => options.sample[i % options.sample.length]).join('\n')}\n`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${options.maxOldSpaceMb}`, '--import', `data:text/javascript,${encodeURIComponent(PROBE)}`, cliPath(), 'normalize'],
    {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    },
  );
  let outputLines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) outputLines++;
  });
  let probe = '';
  (child.stdio[3] as Readable).on('data', (chunk: Buffer) => (probe += chunk.toString()));
  // 16 KiB every 2 ms: about 8 MB/s, slower than the CLI writes its reports.
  const stderr = readSlowly(child.stderr, 16 * 1024, 2);
  // 'close' comes after the child exited and its streams ended: every output line is counted.
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  await feed(child.stdin, options.lines, block, perBlock);
  const [code, signal] = await exited;
  const stderrBytes = await stderr;
  let measured: { maxRss?: number; heap?: number } = {};
  try {
    measured = JSON.parse(probe) as { maxRss: number; heap: number };
  } catch {
    // The child died before its exit handler ran (killed, or out of memory): nothing measured.
  }
  return {
    lines: options.lines,
    kind: options.kind,
    exit: code ?? signal ?? 'unknown',
    outputLines,
    stderrBytes,
    maxRss: measured.maxRss,
    maxHeap: measured.heap,
    ms: performance.now() - started,
  };
}
