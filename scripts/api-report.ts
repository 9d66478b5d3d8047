/**
 * Checks (or, with --local, updates) the committed API report of every entry
 * point in package.json's `exports`: api-extractor takes one entry at a time,
 * over one shared analysis of the built declarations. The doc model of each
 * entry (the API reference's input, scripts/docs.ts) is written on the way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { apiEntries, declarationsStamp, docModelPath, entryConfig, extractEntries, writeDocModelStamp } from './api-entries.js';

const root = resolve(import.meta.dirname, '../..');
const local = process.argv.includes('--local');
const base = ExtractorConfig.loadFile(resolve(root, 'api-extractor.json'));

/** The names a committed report exports. */
function exportedNames(report: string): string[] {
  if (!existsSync(report)) return [];
  return [
    ...readFileSync(report, 'utf8').matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum|namespace) ([A-Za-z_$][\w$]*)/gm),
  ].map((m) => m[1] ?? '');
}

let failed = 0;
const forgotten = new Map<string, Set<string>>();
const exported: string[] = [];
const all = apiEntries(root);
const stamp = declarationsStamp(root);
for (const { subpath, types } of all) {
  if (existsSync(resolve(root, types))) continue;
  failed++;
  console.error(`api-report: ${subpath}: ${types} was not built`);
}
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
const results = extractEntries(
  root,
  all,
  (entry) =>
    entryConfig(root, entry, {
      apiReport: { ...base.apiReport, enabled: true, reportFileName: `${entry.reportName}.api.md` },
      docModel: { enabled: true, apiJsonFilePath: docModelPath(root, entry) },
      messages,
    }),
  ({ subpath }) => ({
    localBuild: local,
    showVerboseMessages: false,
    messageCallback: (message) => {
      if (message.messageId === 'ae-forgotten-export') {
        const symbol = /The symbol "([^"]+)"/.exec(message.text)?.[1];
        if (symbol !== undefined && !subpath.startsWith('./catalogs/')) (forgotten.get(symbol) ?? forgotten.set(symbol, new Set()).get(symbol))?.add(subpath);
        // Checked across entries below, so neither counted as a warning here nor printed.
        message.logLevel = ExtractorLogLevel.None;
        message.handled = true;
        return;
      }
      // Report-file messages are reviewed in the report itself; print the rest.
      if (message.logLevel === 'warning' || message.logLevel === 'error') message.handled = false;
    },
  }),
);
for (const { entry, result } of results) {
  exported.push(...exportedNames(resolve(root, 'test/api-report', `${entry.reportName}.api.md`)));
  if (!result.succeeded || (!local && result.apiReportChanged)) {
    failed++;
    console.error(
      `api-report: ${entry.subpath} ${result.apiReportChanged ? `drifted from test/api-report/${entry.reportName}.api.md (run npm run api:update and review the diff)` : 'failed'} (${result.errorCount} errors)`,
    );
  }
}
if (results.length === all.length) writeDocModelStamp(root, stamp);
// Every type an entry's signatures use must be importable from some entry.
const importable = new Set(exported);
for (const [symbol, users] of forgotten) {
  if (importable.has(symbol)) continue;
  failed++;
  console.error(`api-report: ${symbol} is used by ${[...users].join(', ')} but no entry point exports it`);
}
if (failed > 0) process.exit(1);
console.log(`api-report: ${local ? 'updated' : 'checked'} ${all.length} entries`);
