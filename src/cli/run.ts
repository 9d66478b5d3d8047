import { createReadStream } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Catalog } from '../catalog/types.js';
import { createNormalizer } from '../matcher/create-normalizer.js';
import { catalogsCsv } from './catalog-csv.js';
import { catalogMarkdown, catalogsMarkdown } from './catalog-docs.js';
import { loadCatalogFile, withLoaded } from './load-catalog.js';
import { coverageTable } from './coverage.js';
import { explain, findCatalog, formatExplanation } from './explain.js';
import { HELP } from './help.js';
import { normalizeStream } from './normalize-stream.js';
import { closeMatches } from '../util/suggest.js';
import { EXIT_USAGE, UsageError } from './usage-error.js';

/**
 * What the CLI reads and writes: process streams in `main`, in-memory streams in tests.
 */
export interface CliContext {
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The catalogs the commands work on. */
  readonly catalogs: readonly Catalog[];
  /** The version `--version` prints. */
  readonly version: string;
}

const COMMANDS = ['normalize', 'explain', 'catalog', 'help'] as const;
const FORMATS = ['json', 'markdown', 'coverage', 'csv'] as const;
const CATALOG_OPTION = { type: 'string', short: 'c', multiple: true } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<const O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    if (unknown === undefined) throw new UsageError(message);
    const names = Object.keys(options).map((name) => `--${name}`);
    const close = closeMatches(unknown.replace(/=.*$/, ''), names);
    throw new UsageError(`unknown option ${unknown}.${close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ''} Options: ${names.join(', ')}.`);
  }
}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text);
}

/** The shipped catalogs, with each `--catalog` file loaded, checked, and put in place of a shipped one of the same id. */
async function catalogsFor(files: readonly string[] | undefined, ctx: CliContext): Promise<readonly Catalog[]> {
  if (files === undefined || files.length === 0) return ctx.catalogs;
  const loaded = [];
  for (const file of files) loaded.push({ file, catalog: await loadCatalogFile(file) });
  return withLoaded(ctx.catalogs, loaded);
}

async function runNormalize(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, {
    provider: { type: 'string', short: 'p' },
    catalog: CATALOG_OPTION,
    lean: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return help('normalize', ctx);
  if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const catalogs = await catalogsFor(values.catalog, ctx);
  const provider = values.provider === undefined ? undefined : findCatalog(catalogs, values.provider).id;
  const file = positionals[0];
  const input = file === undefined || file === '-' ? ctx.stdin : createReadStream(file);
  const normalizer = createNormalizer(catalogs);
  const where = file === undefined || file === '-' ? 'stdin' : file;
  try {
    const counts = await normalizeStream(input, ctx.stdout, normalizer, {
      ...(provider === undefined ? {} : { provider }),
      providers: catalogs.map((catalog) => catalog.id),
      lean: values.lean === true,
      reports: {
        stream: ctx.stderr,
        format: (line, reason) => `aggregator-errors normalize: ${where}:${line}: ${reason}\n`,
        warn: (line, message) => `aggregator-errors normalize: ${where}:${line}: warning: ${message}\n`,
      },
    });
    if (counts.failed > 0) {
      write(ctx.stderr, `aggregator-errors normalize: ${counts.failed} of ${counts.lines} line${counts.lines === 1 ? '' : 's'} failed\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (file !== undefined && ['ENOENT', 'EISDIR', 'EACCES', 'EPERM'].includes(code)) {
      throw new UsageError(`cannot read ${file} (${code})`);
    }
    throw error;
  }
}

async function runExplain(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, catalog: CATALOG_OPTION, help: { type: 'boolean', short: 'h' } });
  if (values.help === true) return help('explain', ctx);
  const [provider, code, ...extra] = positionals;
  if (provider === undefined || code === undefined) throw new UsageError('expected a provider and a code, e.g. "explain aerosync AC-102"');
  if (extra.length > 0) throw new UsageError(`unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.join(' ')}`);
  const explanation = explain(await catalogsFor(values.catalog, ctx), provider, code);
  write(ctx.stdout, values.json === true ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
  return 0;
}

async function runCatalog(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, {
    provider: { type: 'string', short: 'p' },
    format: { type: 'string', short: 'f', default: 'json' },
    catalog: CATALOG_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return help('catalog', ctx);
  if (positionals.length > 0) throw new UsageError(`unexpected argument${positionals.length === 1 ? '' : 's'}: ${positionals.join(' ')} (use --provider <id>)`);
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    const close = closeMatches(format, FORMATS);
    throw new UsageError(`unknown format "${format}".${close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ''} Formats: ${FORMATS.join(', ')}.`);
  }
  const available = await catalogsFor(values.catalog, ctx);
  const one = values.provider === undefined ? undefined : findCatalog(available, values.provider);
  const catalogs = one === undefined ? available : [one];
  if (format === 'coverage') write(ctx.stdout, coverageTable(catalogs));
  else if (format === 'csv') write(ctx.stdout, catalogsCsv(catalogs));
  else if (format === 'markdown') write(ctx.stdout, one === undefined ? catalogsMarkdown(catalogs) : catalogMarkdown(one));
  else write(ctx.stdout, `${JSON.stringify(one ?? catalogs, null, 2)}\n`);
  return 0;
}

function help(command: string, ctx: CliContext): number {
  write(ctx.stdout, HELP[command] ?? HELP[''] ?? '');
  return 0;
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      write(ctx.stderr, HELP[''] ?? '');
      return EXIT_USAGE;
    case '-h':
    case '--help':
      return help('', ctx);
    case '-v':
    case '--version':
      write(ctx.stdout, `${ctx.version}\n`);
      return 0;
    case 'help': {
      const topic = rest[0] ?? '';
      if (topic !== '' && !Object.hasOwn(HELP, topic)) throw new UsageError(`unknown command "${topic}"`);
      return help(topic, ctx);
    }
    case 'normalize':
      return runNormalize(rest, ctx);
    case 'explain':
      return runExplain(rest, ctx);
    case 'catalog':
      return runCatalog(rest, ctx);
    default: {
      const close = closeMatches(command, COMMANDS);
      throw new UsageError(`unknown command "${command}".${close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ''} Commands: ${COMMANDS.join(', ')}.`);
    }
  }
}

/**
 * Runs the `aggregator-errors` command line on `argv` (without `node` and the script) and returns the exit status.
 *
 * @remarks
 * Status 0 on success, 1 when `normalize` met lines it could not read, 2 on bad
 * arguments (with the reason and a pointer to `--help` on stderr).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, catalogs: allCatalogs, version });
 * ```
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const command = argv[0] !== undefined && (COMMANDS as readonly string[]).includes(argv[0]) && argv[0] !== 'help' ? argv[0] : undefined;
    const where = command === undefined ? 'aggregator-errors' : `aggregator-errors ${command}`;
    write(ctx.stderr, `${where}: ${error.message}\nRun "${where} --help" for usage.\n`);
    return EXIT_USAGE;
  }
}
