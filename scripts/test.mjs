#!/usr/bin/env node
// `npm test`: every check, in order, one line each; the full output of the
// first step that fails, then a one-line PASS/FAIL summary as the last line.
// `npm test -- --verbose` (or TEST_VERBOSE=1) streams every step's output;
// `npm test -- --only=docs:check,docs:snippets` runs only those steps.
// Plain JavaScript: it runs before the build, on Node 20 (no type stripping).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose') || process.env.TEST_VERBOSE === '1';
const tty = process.stdout.isTTY === true;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ANSI escape codes are what it strips
const plain = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** Vitest's own summary: "1432 tests in 71 files" (failed and skipped counts kept). */
function vitestCount(output) {
  const text = plain(output);
  const tests = /^\s*Tests\s+(.+?)\s*\((\d+)\)\s*$/m.exec(text);
  const files = /^\s*Test Files\s+.+?\((\d+)\)\s*$/m.exec(text);
  if (tests === null) return undefined;
  const detail = tests[1].includes('failed') || tests[1].includes('skipped') ? ` (${tests[1].replace(/\s+/g, ' ')})` : '';
  return `${tests[2]} tests${files === null ? '' : ` in ${files[1]} files`}${detail}`;
}

const match = (pattern, format) => (output) => {
  const found = pattern.exec(plain(output));
  return found === null ? undefined : format(found);
};

/** The steps of `npm test`, in order; each npm script still runs alone. */
const STEPS = [
  { name: 'lint', command: [npm, 'run', '--silent', 'lint'], count: match(/Checked (\d+) files/, (m) => `${m[1]} files`) },
  { name: 'typecheck', command: [npm, 'run', '--silent', 'typecheck'] },
  { name: 'vitest', command: [resolve(root, 'node_modules/.bin/vitest'), 'run', '--dir', 'test', '--typecheck'], count: vitestCount },
  { name: 'no-codegen', command: [npm, 'run', '--silent', 'test:no-codegen'], count: vitestCount },
  { name: 'build', command: [npm, 'run', '--silent', 'build'], count: match(/(\d+) catalogs written/, (m) => `${m[1]} catalogs frozen`) },
  // A short fuzz run over what the build step compiled (every public function, a random seed, printed for a
  // replay); `npm run fuzz` runs a million.
  {
    name: 'fuzz',
    command: [process.execPath, resolve(root, '.tools/scripts/fuzz.js'), '--runs', '5000'],
    count: match(/fuzz: ([\d,]+) inputs over (\d+) properties.*seed (-?\d+)/, (m) => `${m[1]} inputs, ${m[2]} properties, seed ${m[3]}`),
  },
  { name: 'api:check', command: [npm, 'run', '--silent', 'api:check'], count: match(/checked (\d+) entries/, (m) => `${m[1]} entries`) },
  { name: 'docs:check', command: [npm, 'run', '--silent', 'docs:check'], count: match(/docs: (.+) up to date/, (m) => m[1]) },
  { name: 'docs:snippets', command: [npm, 'run', '--silent', 'docs:snippets'], count: match(/compiled (\d+) TypeScript blocks/, (m) => `${m[1]} blocks`) },
  { name: 'pack:check', command: [npm, 'run', '--silent', 'pack:check'] },
];

const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg
  ?.slice('--only='.length)
  .split(',')
  .filter((name) => name !== '');
const unknown = (only ?? []).filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length > 0) {
  console.log(`FAIL: no step named ${unknown.join(', ')} (steps: ${STEPS.map((step) => step.name).join(', ')})`);
  process.exit(2);
}
const steps = only === undefined ? STEPS : STEPS.filter((step) => only.includes(step.name));
const scope = only === undefined ? `${STEPS.length} steps` : `${steps.length} of ${STEPS.length} steps (only ${steps.map((step) => step.name).join(', ')})`;

function duration(ms) {
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

const width = Math.max(...steps.map((step) => step.name.length));
const line = (mark, step, ms, count) =>
  `  ${mark.padEnd(4)}  ${step.name.padEnd(width)}  ${duration(ms).padStart(6)}${count === undefined ? '' : `  ${count}`}`;

let child;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child?.kill(signal);
    process.stdout.write(`\nFAIL: interrupted (${signal})\n`);
    process.exit(130);
  });
}

/** Runs one step; its output is captured (stdout and stderr interleaved as they came), or streamed with --verbose. */
function run(step) {
  return new Promise((done) => {
    const [file, ...args] = step.command;
    const env = { ...process.env };
    // Captured output is printed to this terminal on failure: keep the colors a terminal would have had.
    if (tty && env.NO_COLOR === undefined && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
    child = spawn(file, args, { cwd: root, env, stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      done({ code: 127, output: Buffer.concat(chunks).toString('utf8') });
    });
    child.on('close', (code, signal) => done({ code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const started = Date.now();
console.log(
  `npm test: ${scope === `${STEPS.length} steps` ? `${scope} (${STEPS.map((s) => s.name).join(', ')})` : scope}${verbose ? '' : '; --verbose streams their output'}`,
);
const done = [];
for (const [index, step] of steps.entries()) {
  if (verbose) console.log(`\n── ${step.name} ${'─'.repeat(Math.max(0, 70 - step.name.length))}`);
  else if (tty) process.stdout.write(`  ..    ${step.name}`);
  const at = Date.now();
  const { code, output } = await run(step);
  const ms = Date.now() - at;
  const count = step.count?.(output);
  if (tty && !verbose) process.stdout.write('\r\u001b[2K');
  if (code !== 0) {
    if (!verbose) {
      console.log(line('FAIL', step, ms, count));
      console.log(`\n── output of ${step.name} (${step.command.map((part) => part.replace(`${root}/`, '')).join(' ')}, exit ${code}) ${'─'.repeat(20)}`);
      process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
      console.log(`── end of ${step.name} ${'─'.repeat(40)}\n`);
    } else {
      console.log(`\n${[...done, line('FAIL', step, ms, count)].join('\n')}`);
    }
    const skipped = steps.slice(index + 1).map((s) => s.name);
    console.log(
      `FAIL: ${step.name} failed (step ${index + 1} of ${steps.length}, exit ${code}) after ${duration(Date.now() - started)}${skipped.length === 0 ? '' : `; not run: ${skipped.join(', ')}`}`,
    );
    process.exit(code === 0 ? 1 : code);
  }
  const text = line('ok', step, ms, count);
  done.push(text);
  if (!verbose) console.log(text);
}
if (verbose) console.log(`\n${done.join('\n')}`);
console.log(`PASS: ${scope} in ${duration(Date.now() - started)}`);
