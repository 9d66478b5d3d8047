/**
 * `npm run docs` writes every generated doc; `npm run docs:check` (`--check`)
 * compares them and exits 1 listing each drifted file or block with the
 * reason. Generated from the source: the README's kinds and coverage tables,
 * the guides' blocks, docs/providers/; from the built declarations: docs/api/.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExtractorLogLevel } from '@microsoft/api-extractor';
import { apiEntries, declarationsStamp, docModelPath, docModelsFresh, entryConfig, extractEntries, writeDocModelStamp } from './api-entries.js';
import { API_DIR, apiReference } from './docs/api-reference.js';
import { SCAN, sourceTargets } from './docs/registry.js';
import { checkDocs, type DocTarget, type Drift, memoize, writeDocs } from './docs/sync.js';

const root = resolve(import.meta.dirname, '../..');
const check = process.argv.includes('--check');
const verbose = process.argv.includes('--verbose');
// --only=docs/api,docs/providers: regenerate or check only the targets under these paths.
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter((path) => path !== '');
const FIX = 'npm run docs';
/** Past this many drifted files in one folder, the rest are counted, not listed (all with --verbose). */
const LISTED = 10;

/** The doc models of every entry: those api:check wrote for these declarations, else extracted now. */
function docModels(): ReturnType<typeof apiEntries> {
  const entries = apiEntries(root);
  const missing = entries.filter((entry) => !existsSync(resolve(root, entry.types)));
  if (missing.length > 0) {
    console.error(`docs: ${missing.map((entry) => entry.types).join(', ')} not built: run npm run build first`);
    process.exit(1);
  }
  const stamp = declarationsStamp(root);
  if (docModelsFresh(root, entries, stamp)) return entries;
  const results = extractEntries(
    root,
    entries,
    (entry) => entryConfig(root, entry, { apiReport: { enabled: false }, docModel: { enabled: true, apiJsonFilePath: docModelPath(root, entry) } }),
    () => ({
      localBuild: true,
      showVerboseMessages: false,
      // The API report (npm run api:check) reports api-extractor's findings; here only errors matter.
      messageCallback: (message) => {
        message.handled = message.logLevel !== ExtractorLogLevel.Error;
      },
    }),
  );
  const failed = results.filter(({ result }) => !result.succeeded);
  if (failed.length > 0) {
    console.error(`docs: api-extractor failed on ${failed.map(({ entry }) => entry.subpath).join(', ')}`);
    process.exit(1);
  }
  writeDocModelStamp(root, stamp);
  return entries;
}

let warnings: readonly string[] = [];
const apiTarget: DocTarget = {
  kind: 'folder',
  dir: API_DIR,
  files: () => {
    const reference = apiReference(root, docModels(), (entry) => docModelPath(root, entry), resolve(root, '.tools/api-docs'));
    warnings = reference.warnings;
    return reference.files;
  },
};
const selected = (target: DocTarget): boolean => {
  const path = target.kind === 'folder' ? target.dir : target.file;
  return only === undefined || only.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
};
const targets = memoize([...sourceTargets(), apiTarget].filter(selected));
const scan = only === undefined ? SCAN : { scan: [] };

function line(drift: Drift): string {
  return `  ${drift.file}: ${drift.reason}${drift.fixable ? '' : ' [edit by hand]'}`;
}

/** Every drift, but only the first few files of a generated folder (the API reference drifts by the hundred). */
function listed(drift: readonly Drift[]): string[] {
  const out: string[] = [];
  const folders = targets.flatMap((target) => (target.kind === 'folder' ? [`${target.dir}/`] : []));
  const counted = new Map<string, number>();
  for (const d of drift) {
    const folder = folders.find((dir) => d.file.startsWith(dir));
    const seen = folder === undefined ? 0 : (counted.get(folder) ?? 0) + 1;
    if (folder !== undefined) counted.set(folder, seen);
    if (verbose || seen <= LISTED) out.push(line(d));
  }
  for (const [folder, count] of counted) if (!verbose && count > LISTED) out.push(`  ${folder}: ${count - LISTED} more files drifted (--verbose lists them)`);
  return out;
}

function printWarnings(): void {
  if (warnings.length === 0) return;
  console.log(
    `docs: api-documenter warned ${warnings.length} time${warnings.length === 1 ? '' : 's'} (unresolved {@link} references in TSDoc)${verbose ? ':' : '; --verbose lists them'}`,
  );
  if (verbose) for (const warning of warnings) console.log(`  ${warning}`);
}

if (check) {
  const drift = checkDocs(root, targets, scan);
  printWarnings();
  if (drift.length === 0) {
    const blocks = targets.reduce((sum, target) => sum + (target.kind === 'blocks' ? Object.keys(target.blocks).length : 0), 0);
    const files = targets.reduce((sum, target) => sum + (target.kind === 'file' ? 1 : target.kind === 'folder' ? target.files().size : 0), 0);
    console.log(`docs: ${blocks} blocks and ${files} files up to date`);
    process.exit(0);
  }
  console.error(`docs: ${drift.length} generated doc${drift.length === 1 ? '' : 's'} out of date:`);
  for (const text of listed(drift)) console.error(text);
  const fixable = drift.filter((d) => d.fixable).length;
  if (fixable > 0) console.error(`Run \`${FIX}\` to regenerate ${fixable === drift.length ? 'them' : `the ${fixable} not marked [edit by hand]`}.`);
  process.exit(1);
}

const result = writeDocs(root, targets, scan);
printWarnings();
const changed = [...result.written.map((file) => `  wrote ${file}`), ...result.removed.map((file) => `  removed ${file}`)];
for (const text of verbose ? changed : changed.slice(0, 40)) console.log(text);
if (!verbose && changed.length > 40) console.log(`  ... and ${changed.length - 40} more (--verbose lists them)`);
console.log(`docs: ${result.written.length} written, ${result.removed.length} removed`);
if (result.unfixable.length > 0) {
  console.error(`docs: ${result.unfixable.length} need a hand edit:`);
  for (const d of result.unfixable) console.error(line(d));
  process.exit(1);
}
