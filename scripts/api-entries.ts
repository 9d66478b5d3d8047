/**
 * The package's entry points as api-extractor sees them, and the shared
 * analysis of the built declarations: read by the API report
 * (scripts/api-report.ts) and the API reference (scripts/docs.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CompilerState, Extractor, ExtractorConfig, type ExtractorResult, type IConfigFile, type IExtractorInvokeOptions } from '@microsoft/api-extractor';

/** One entry point of package.json's `exports`. */
export interface ApiEntry {
  /** The `exports` key, e.g. `./gateway` or `./catalogs/plaid` (patterns expanded). */
  readonly subpath: string;
  /** What a user imports, e.g. `aggregator-errors/gateway`. */
  readonly specifier: string;
  /** A file-name-safe name, e.g. `gateway`, `catalogs-plaid-lean`; the main entry's is `aggregator-errors`. */
  readonly slug: string;
  /** The API report's base name, e.g. `aggregator-errors.gateway`. */
  readonly reportName: string;
  /** The declaration file, relative to the root, e.g. `./dist/src/gateway/index.d.ts`. */
  readonly types: string;
}

/** The package name every entry shares. */
export const PACKAGE_NAME = 'aggregator-errors';

/** Where the doc models are written, from the root (git-ignored, wiped by the build). */
export const DOC_MODEL_DIR = '.tools/api-model';

function entry(subpath: string, types: string): ApiEntry {
  const tail = subpath.slice(2).replaceAll('/', '-');
  return {
    subpath,
    specifier: subpath === '.' ? PACKAGE_NAME : `${PACKAGE_NAME}/${subpath.slice(2)}`,
    slug: subpath === '.' ? PACKAGE_NAME : tail,
    reportName: subpath === '.' ? PACKAGE_NAME : `${PACKAGE_NAME}.${tail}`,
    types,
  };
}

/** Every entry point, in `exports` order, with `*` patterns expanded against the built files they match. */
export function apiEntries(root: string): ApiEntry[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { types?: string }> };
  const out: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string' || target.types === undefined) continue;
    if (!subpath.includes('*')) {
      out.push(entry(subpath, target.types));
      continue;
    }
    const [head = '', tail = ''] = target.types.split('*');
    const dir = resolve(root, dirname(`${head}x`));
    const prefix = head.slice(head.lastIndexOf('/') + 1);
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
      if (!file.startsWith(prefix) || !file.endsWith(tail)) continue;
      const star = file.slice(prefix.length, file.length - tail.length);
      // An entry name has no dot: aerosync.lean.d.ts is catalogs/aerosync/lean's, not catalogs/*'s.
      if (!star.includes('.')) out.push(entry(subpath.replace('*', star), `${head}${star}${tail}`));
    }
  }
  return out;
}

/** api-extractor's configuration for one entry: api-extractor.json with the entry and the overrides given. */
export function entryConfig(root: string, apiEntry: ApiEntry, overrides: Partial<IConfigFile>): ExtractorConfig {
  const base = ExtractorConfig.loadFile(resolve(root, 'api-extractor.json'));
  return ExtractorConfig.prepare({
    configObject: { ...base, mainEntryPointFilePath: resolve(root, apiEntry.types), ...overrides } as IConfigFile,
    configObjectFullPath: resolve(root, 'api-extractor.json'),
    packageJsonFullPath: resolve(root, 'package.json'),
  });
}

/**
 * Runs api-extractor on every entry with one TypeScript program for all of them
 * (the program holds every built declaration anyway: analysing it once is a
 * third of the time of one program per entry).
 */
export function extractEntries(
  root: string,
  entries: readonly ApiEntry[],
  configFor: (apiEntry: ApiEntry) => ExtractorConfig,
  options: (apiEntry: ApiEntry) => Omit<IExtractorInvokeOptions, 'compilerState'>,
): { readonly entry: ApiEntry; readonly result: ExtractorResult }[] {
  const built = entries.filter((e) => existsSync(resolve(root, e.types)));
  const [first] = built;
  if (first === undefined) return [];
  const compilerState = CompilerState.create(configFor(first), { additionalEntryPoints: built.map((e) => resolve(root, e.types)) });
  return built.map((apiEntry) => ({ entry: apiEntry, result: Extractor.invoke(configFor(apiEntry), { ...options(apiEntry), compilerState }) }));
}

function declarationFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.d.ts')).sort();
}

/** A hash of what the doc models are computed from: the built declarations, the exports map and the tools' versions. */
export function declarationsStamp(root: string): string {
  const hash = createHash('sha256');
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: unknown };
  hash.update(JSON.stringify(pkg.exports));
  hash.update(Extractor.version);
  hash.update(readFileSync(resolve(root, 'api-extractor.json')));
  for (const file of declarationFiles(resolve(root, 'dist'))) {
    hash.update(file);
    hash.update(readFileSync(join(root, 'dist', file)));
  }
  return hash.digest('hex');
}

/** The doc model file of an entry. */
export function docModelPath(root: string, apiEntry: ApiEntry): string {
  return resolve(root, DOC_MODEL_DIR, `${apiEntry.slug}.api.json`);
}

/** Records that the doc models in DOC_MODEL_DIR were extracted from the declarations with this stamp. */
export function writeDocModelStamp(root: string, stamp: string): void {
  mkdirSync(resolve(root, DOC_MODEL_DIR), { recursive: true });
  writeFileSync(resolve(root, DOC_MODEL_DIR, 'stamp.txt'), `${stamp}\n`);
}

/** Whether the doc models on disk were extracted from the current declarations. */
export function docModelsFresh(root: string, entries: readonly ApiEntry[], stamp: string): boolean {
  const file = resolve(root, DOC_MODEL_DIR, 'stamp.txt');
  return existsSync(file) && readFileSync(file, 'utf8').trim() === stamp && entries.every((e) => existsSync(docModelPath(root, e)));
}
