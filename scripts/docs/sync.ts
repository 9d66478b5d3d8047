/**
 * Compares generated docs with what the generators write, and writes them:
 * blocks inside hand-written files, whole generated files, and generated
 * folders. One implementation for `npm run docs`, `npm run docs:check` and the
 * drift tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { closeMarker, findBlocks, openMarker, replaceBlock } from './markers.js';

/** Generated blocks inside a hand-written markdown file, by block name. */
export interface BlocksTarget {
  readonly kind: 'blocks';
  /** The file, from the repository root, with `/` separators. */
  readonly file: string;
  readonly blocks: Readonly<Record<string, () => string>>;
  /** Writes a new file when it does not exist (a provider page); without it, a missing file needs a person. */
  readonly create?: () => string;
}

/** A file that is generated whole. */
export interface FileTarget {
  readonly kind: 'file';
  readonly file: string;
  readonly content: () => string;
}

/** A folder whose every file is generated (the API reference): files it no longer generates are removed. */
export interface FolderTarget {
  readonly kind: 'folder';
  readonly dir: string;
  /** The files by path relative to `dir`, with `/` separators. */
  readonly files: () => ReadonlyMap<string, string>;
}

/** Something `npm run docs` generates. */
export type DocTarget = BlocksTarget | FileTarget | FolderTarget;

/** One difference between the docs and the generators. */
export interface Drift {
  /** The file, from the repository root. */
  readonly file: string;
  /** The block, for a block. */
  readonly block?: string;
  /** One line: what differs. */
  readonly reason: string;
  /** Whether `npm run docs` fixes it; otherwise a person edits the file. */
  readonly fixable: boolean;
}

/** Where markdown files that may hold generated blocks live, from the repository root. */
export interface ScanOptions {
  /** Files and folders whose markdown files are scanned for blocks that no generator writes. */
  readonly scan: readonly string[];
  /** Folders where every markdown file must be a target (a page of a removed catalog is reported). */
  readonly ownedDirs?: readonly string[];
  /** Folders not scanned (a generated folder that no target of this run writes). */
  readonly exclude?: readonly string[];
}

function read(root: string, file: string): string | undefined {
  const path = join(root, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function firstDifference(actual: string, expected: string): string {
  if (actual === '') return 'it is empty';
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) {
      const shown = (text: string | undefined): string =>
        text === undefined ? 'nothing' : JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
      return `line ${i + 1} is ${shown(a[i])}, the generator writes ${shown(e[i])}`;
    }
  }
  return 'differs';
}

function markdownFiles(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (entry.endsWith('.md')) return [entry];
  const out: string[] = [];
  for (const item of readdirSync(path, { withFileTypes: true })) {
    const child = `${entry}/${item.name}`;
    if (item.isDirectory()) out.push(...markdownFiles(root, child));
    else if (item.name.endsWith('.md')) out.push(child);
  }
  return out.sort();
}

function filesUnder(root: string, dir: string): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) return [];
  return (readdirSync(path, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((item) => item.isFile())
    .map((item) => relative(path, join(item.parentPath, item.name)).split(sep).join('/'))
    .sort();
}

function checkBlocks(root: string, target: BlocksTarget): Drift[] {
  const text = read(root, target.file);
  if (text === undefined) {
    return [
      target.create === undefined
        ? {
            file: target.file,
            reason: `does not exist: it is hand-written around the blocks ${Object.keys(target.blocks)
              .map((n) => `"${n}"`)
              .join(', ')}`,
            fixable: false,
          }
        : { file: target.file, reason: 'does not exist (npm run docs creates it)', fixable: true },
    ];
  }
  const scan = findBlocks(text);
  const drift: Drift[] = scan.problems.map((problem) => ({ file: target.file, reason: problem, fixable: false }));
  for (const [name, generate] of Object.entries(target.blocks)) {
    const block = scan.blocks.find((b) => b.name === name);
    if (block === undefined) {
      drift.push({
        file: target.file,
        block: name,
        reason: `has no block "${name}": add the lines ${openMarker(name)} and ${closeMarker(name)} where it belongs`,
        fixable: false,
      });
      continue;
    }
    const expected = generate();
    if (block.content !== expected)
      drift.push({
        file: target.file,
        block: name,
        reason: `block "${name}" (line ${block.line}) drifted: ${firstDifference(block.content, expected)}`,
        fixable: true,
      });
  }
  for (const block of scan.blocks) {
    if (!(block.name in target.blocks))
      drift.push({
        file: target.file,
        block: block.name,
        reason: `block "${block.name}" (line ${block.line}) has no generator: remove its markers, or add it to scripts/docs/registry.ts`,
        fixable: false,
      });
  }
  return drift;
}

function checkFile(root: string, target: FileTarget): Drift[] {
  const text = read(root, target.file);
  if (text === undefined) return [{ file: target.file, reason: 'does not exist', fixable: true }];
  const expected = target.content();
  return text === expected ? [] : [{ file: target.file, reason: `drifted: ${firstDifference(text, expected)}`, fixable: true }];
}

function checkFolder(root: string, target: FolderTarget): Drift[] {
  const expected = target.files();
  const drift: Drift[] = [];
  const present = new Set(filesUnder(root, target.dir));
  for (const [name, content] of [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = `${target.dir}/${name}`;
    if (!present.has(name)) drift.push({ file, reason: 'does not exist', fixable: true });
    else if (read(root, file) !== content) drift.push({ file, reason: `drifted: ${firstDifference(read(root, file) ?? '', content)}`, fixable: true });
  }
  for (const name of present) if (!expected.has(name)) drift.push({ file: `${target.dir}/${name}`, reason: 'is no longer generated', fixable: true });
  return drift;
}

function targetFiles(targets: readonly DocTarget[]): Set<string> {
  return new Set(targets.flatMap((target) => (target.kind === 'folder' ? [] : [target.file])));
}

/** Blocks and markers in scanned files that no target knows, and stray files in owned folders. */
function strays(root: string, targets: readonly DocTarget[], options: ScanOptions): Drift[] {
  const known = targetFiles(targets);
  const folders = [...targets.flatMap((target) => (target.kind === 'folder' ? [target.dir] : [])), ...(options.exclude ?? [])].map((dir) => `${dir}/`);
  const drift: Drift[] = [];
  const scanned = new Set(options.scan.flatMap((entry) => markdownFiles(root, entry)));
  for (const file of scanned) {
    if (known.has(file) || folders.some((dir) => file.startsWith(dir))) continue;
    const scan = findBlocks(read(root, file) ?? '');
    for (const problem of scan.problems) drift.push({ file, reason: problem, fixable: false });
    for (const block of scan.blocks)
      drift.push({
        file,
        block: block.name,
        reason: `block "${block.name}" (line ${block.line}) has no generator: remove its markers, or add it to scripts/docs/registry.ts`,
        fixable: false,
      });
  }
  for (const dir of options.ownedDirs ?? []) {
    for (const file of markdownFiles(root, dir)) {
      if (!known.has(file))
        drift.push({ file, reason: `no generator writes it (a page of a catalog no longer shipped?): delete it or move its prose`, fixable: false });
    }
  }
  return drift;
}

/** Every difference between the docs and the generators. */
export function checkDocs(root: string, targets: readonly DocTarget[], options: ScanOptions): Drift[] {
  const drift: Drift[] = [];
  for (const target of targets) {
    if (target.kind === 'blocks') drift.push(...checkBlocks(root, target));
    else if (target.kind === 'file') drift.push(...checkFile(root, target));
    else drift.push(...checkFolder(root, target));
  }
  return [...drift, ...strays(root, targets, options)];
}

function write(root: string, file: string, content: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** What `writeDocs` did: the files it wrote or removed, and what it could not fix. */
export interface WriteResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly unfixable: readonly Drift[];
}

function once<T>(generate: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => {
    if (value === undefined) value = { v: generate() };
    return value.v;
  };
}

/** The targets with each generator run at most once (a check and a write share the results). */
export function memoize(targets: readonly DocTarget[]): DocTarget[] {
  return targets.map((target): DocTarget => {
    if (target.kind === 'file') return { ...target, content: once(target.content) };
    if (target.kind === 'folder') return { ...target, files: once(target.files) };
    return { ...target, blocks: Object.fromEntries(Object.entries(target.blocks).map(([name, generate]) => [name, once(generate)])) };
  });
}

/** Writes every drifted block, file and folder; reports what only a person can fix. */
export function writeDocs(root: string, all: readonly DocTarget[], options: ScanOptions): WriteResult {
  const targets = memoize(all);
  const unfixable = checkDocs(root, targets, options).filter((drift) => !drift.fixable);
  const written: string[] = [];
  const removed: string[] = [];
  for (const target of targets) {
    if (target.kind === 'file') {
      const content = target.content();
      if (read(root, target.file) !== content) {
        write(root, target.file, content);
        written.push(target.file);
      }
      continue;
    }
    if (target.kind === 'folder') {
      const expected = target.files();
      for (const [name, content] of expected) {
        const file = `${target.dir}/${name}`;
        if (read(root, file) !== content) {
          write(root, file, content);
          written.push(file);
        }
      }
      for (const name of filesUnder(root, target.dir)) {
        if (expected.has(name)) continue;
        rmSync(join(root, target.dir, name));
        removed.push(`${target.dir}/${name}`);
      }
      continue;
    }
    const before = read(root, target.file);
    let text = before ?? target.create?.();
    if (text === undefined) continue;
    for (const [name, generate] of Object.entries(target.blocks)) text = replaceBlock(text, name, generate()) ?? text;
    if (text !== before) {
      write(root, target.file, text);
      written.push(target.file);
    }
  }
  return { written, removed, unfixable };
}
