/**
 * Type-checks the TypeScript blocks of markdown files as a user's project
 * would: each block its own module, importing the package by name (resolved
 * through package.json `exports` by self-reference, so against the built
 * declarations), compiled in one program per flag set.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { findFences } from './fences.js';

/** The fence languages that are TypeScript. */
export const TS_LANGS: ReadonlySet<string> = new Set(['ts', 'typescript', 'tsx', 'mts', 'cts']);

/** One TypeScript block of a markdown file. */
export interface Snippet {
  /** The markdown file, as reported (relative to the working directory). */
  readonly file: string;
  /** 1-based line of the block's first line of code in the markdown file. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  /** The fence's indentation, added to a column in the code. */
  readonly indent: number;
}

/** The TypeScript blocks of a markdown text. */
export function extractSnippets(file: string, text: string): Snippet[] {
  return findFences(text)
    .filter((fence) => TS_LANGS.has(fence.lang))
    .map((fence) => ({ file, line: fence.line + 1, lang: fence.lang, code: fence.code, indent: fence.indent }));
}

/** A named set of compiler options a user is likely to have. */
export interface FlagSet {
  readonly name: string;
  /** As in a tsconfig.json's `compilerOptions`. */
  readonly options: Readonly<Record<string, unknown>>;
}

const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  // As esbuild, Vite and tsx users have it; it also keeps the binder's inputs equal across the flag sets,
  // so a declaration file parsed and bound once serves both programs.
  isolatedModules: true,
  // Every block is a module of its own, imports or not: no block sees another's declarations.
  moduleDetection: 'force',
  jsx: 'preserve',
};

/**
 * A Node service (module and resolution NodeNext) and a bundled app (ESNext with Bundler resolution and
 * `verbatimModuleSyntax`, as Vite's template sets), both strict with `exactOptionalPropertyTypes`,
 * `noUncheckedIndexedAccess` and `isolatedModules`, with the DOM and Node's types.
 */
export const FLAG_SETS: readonly FlagSet[] = [
  { name: 'NodeNext', options: { ...STRICT, module: 'NodeNext', moduleResolution: 'NodeNext' } },
  { name: 'Bundler', options: { ...STRICT, module: 'ESNext', moduleResolution: 'Bundler', verbatimModuleSyntax: true } },
];

/** One compiler error, placed in the markdown file. */
export interface SnippetFailure {
  /** The markdown file, or the file the error is in when it is not a block. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The line of the failing block's first line of code, when the error is in a block. */
  readonly block: number | undefined;
  /** `TS2339`. */
  readonly code: string;
  /** The message, its chain joined with newlines. */
  readonly message: string;
  /** The flag sets it fails under. */
  readonly flagSets: readonly string[];
}

/** What a check found. */
export interface SnippetReport {
  readonly checked: number;
  readonly failures: readonly SnippetFailure[];
}

/** Options of `checkSnippets`. */
export interface CheckSnippetsOptions {
  readonly snippets: readonly Snippet[];
  /**
   * Where the blocks are written as modules: inside the package whose name they import, so that the name
   * resolves to the package itself through its `exports`. Emptied first.
   */
  readonly outDir: string;
  /** @defaultValue FLAG_SETS */
  readonly flagSets?: readonly FlagSet[];
}

function typeRoots(from: string): string[] {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const types = join(dir, 'node_modules', '@types');
    if (existsSync(types)) return [types];
    if (dirname(dir) === dir) return [];
  }
}

function moduleName(index: number, snippet: Snippet): string {
  const base = snippet.file.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${String(index).padStart(3, '0')}-${base}-L${snippet.line}.${snippet.lang === 'tsx' ? 'tsx' : 'ts'}`;
}

/** Compiles every block under every flag set; errors are placed at their line in the markdown file. */
export function checkSnippets(options: CheckSnippetsOptions): SnippetReport {
  const outDir = resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const byPath = new Map<string, Snippet>();
  options.snippets.forEach((snippet, index) => {
    const path = join(outDir, moduleName(index, snippet));
    writeFileSync(path, snippet.code);
    byPath.set(path, snippet);
  });
  const roots = typeRoots(outDir);
  // The flag sets differ in resolution, not in parsing: each declaration file is parsed once for all of them.
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const failures = new Map<string, { failure: Omit<SnippetFailure, 'flagSets'>; flagSets: string[] }>();
  for (const set of options.flagSets ?? FLAG_SETS) {
    const { options: compilerOptions, errors } = ts.convertCompilerOptionsFromJson({ ...set.options, typeRoots: roots }, outDir);
    if (errors.length > 0)
      throw new Error(`snippets: flag set ${set.name}: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, ' ')).join('; ')}`);
    const host = ts.createCompilerHost(compilerOptions);
    const parse = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const key = `${fileName}\0${typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat ?? ''}` : languageVersion}`;
      if (!parsed.has(key)) parsed.set(key, parse(fileName, languageVersion, onError, shouldCreate));
      return parsed.get(key);
    };
    const program = ts.createProgram({ rootNames: [...byPath.keys()], options: compilerOptions, host });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      let place: { file: string; line: number; column: number; block: number | undefined } = {
        file: '(compiler options)',
        line: 0,
        column: 0,
        block: undefined,
      };
      if (diagnostic.file !== undefined) {
        const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const snippet = byPath.get(resolve(diagnostic.file.fileName));
        place =
          snippet === undefined
            ? { file: relative(process.cwd(), diagnostic.file.fileName), line: at.line + 1, column: at.character + 1, block: undefined }
            : { file: snippet.file, line: snippet.line + at.line, column: snippet.indent + at.character + 1, block: snippet.line };
      }
      const failure = { ...place, code: `TS${diagnostic.code}`, message };
      const key = JSON.stringify(failure);
      const seen = failures.get(key);
      if (seen === undefined) failures.set(key, { failure, flagSets: [set.name] });
      else seen.flagSets.push(set.name);
    }
  }
  const sorted = [...failures.values()]
    .map(({ failure, flagSets }) => ({ ...failure, flagSets }))
    .sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  return { checked: options.snippets.length, failures: sorted };
}

/** A failure as one line (its message's chain indented below): `docs/gateway.md:123: TS2339 Property ... [NodeNext, Bundler]`. */
export function formatFailure(failure: SnippetFailure): string {
  const [first = '', ...rest] = failure.message.split('\n');
  return [`${failure.file}:${failure.line}: ${failure.code} ${first} [${failure.flagSets.join(', ')}]`, ...rest.map((line) => `    ${line.trim()}`)].join('\n');
}
