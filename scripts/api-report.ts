/**
 * Checks (or, with --local, updates) the committed API report of every entry
 * point in package.json's `exports`: api-extractor takes one entry at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '../..');
const local = process.argv.includes('--local');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types?: string }>;
};
const base = ExtractorConfig.loadFile(resolve(root, 'api-extractor.json'));

/** Every entry point, with `*` patterns expanded against the built files they match. */
function entries(): [string, { types: string }][] {
  const out: [string, { types: string }][] = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string' || target.types === undefined) continue;
    if (!subpath.includes('*')) {
      out.push([subpath, { types: target.types }]);
      continue;
    }
    const [head = '', tail = ''] = target.types.split('*');
    const dir = resolve(root, dirname(head + 'x'));
    const prefix = head.slice(head.lastIndexOf('/') + 1);
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
      if (!file.startsWith(prefix) || !file.endsWith(tail)) continue;
      const star = file.slice(prefix.length, file.length - tail.length);
      const expanded = subpath.replace('*', star);
      // An entry name has no dot: aerosync.lean.d.ts is catalogs/aerosync/lean's, not catalogs/*'s.
      if (!star.includes('.')) out.push([expanded, { types: `${head}${star}${tail}` }]);
    }
  }
  return out;
}

/** The names a committed report exports. */
function exportedNames(report: string): string[] {
  if (!existsSync(report)) return [];
  return [...readFileSync(report, 'utf8').matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum|namespace) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

let failed = 0;
const forgotten = new Map<string, Set<string>>();
const exported: string[] = [];
const all = entries();
for (const [subpath, target] of all) {
  const name = subpath === '.' ? 'aggregator-errors' : `aggregator-errors.${subpath.slice(2).replaceAll('/', '-')}`;
  // Entries use types other entries export (NormalizedError from the main entry, the
  // catalog input types from aggregator-errors/catalog): a type an entry uses but does
  // not export is checked below to be exported by some entry. A catalog's own type is
  // its private literal and the full catalog it strips: not checked.
  const messages = {
    ...base.messages,
    extractorMessageReporting: {
      ...base.messages?.extractorMessageReporting,
      'ae-forgotten-export': { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: false },
    },
  };
  const isCatalog = subpath.startsWith('./catalogs/');
  const configObject = {
    ...base,
    mainEntryPointFilePath: resolve(root, target.types),
    apiReport: { ...base.apiReport, enabled: true, reportFileName: `${name}.api.md` },
    messages,
  } as IConfigFile;
  if (!existsSync(resolve(root, target.types))) {
    failed++;
    console.error(`api-report: ${subpath}: ${target.types} was not built`);
    continue;
  }
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: resolve(root, 'api-extractor.json'),
    packageJsonFullPath: resolve(root, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: local, showVerboseMessages: false, messageCallback: (message) => {
    if (message.messageId === 'ae-forgotten-export') {
      const symbol = /The symbol "([^"]+)"/.exec(message.text)?.[1];
      if (symbol !== undefined && !isCatalog) (forgotten.get(symbol) ?? forgotten.set(symbol, new Set()).get(symbol))?.add(subpath);
      // Checked across entries below, so neither counted as a warning here nor printed.
      message.logLevel = ExtractorLogLevel.None;
      message.handled = true;
      return;
    }
    // Report-file messages are reviewed in the report itself; print the rest.
    if (message.logLevel === 'warning' || message.logLevel === 'error') message.handled = false;
  } });
  exported.push(...exportedNames(resolve(root, 'test/api-report', `${name}.api.md`)));
  if (!result.succeeded || (!local && result.apiReportChanged)) {
    failed++;
    console.error(`api-report: ${subpath} ${result.apiReportChanged ? 'drifted from test/api-report/' + name + '.api.md (run npm run api:update and review the diff)' : 'failed'} (${result.errorCount} errors)`);
  }
}
// Every type an entry's signatures use must be importable from some entry.
const importable = new Set(exported);
for (const [symbol, users] of forgotten) {
  if (importable.has(symbol)) continue;
  failed++;
  console.error(`api-report: ${symbol} is used by ${[...users].join(', ')} but no entry point exports it`);
}
if (failed > 0) process.exit(1);
console.log(`api-report: ${local ? 'updated' : 'checked'} ${all.length} entries`);
