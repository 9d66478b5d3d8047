/**
 * Checks (or, with --local, updates) the committed API report of every entry
 * point in package.json's `exports`: api-extractor takes one entry at a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '../../..');
const local = process.argv.includes('--local');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types?: string }>;
};
const base = ExtractorConfig.loadFile(resolve(root, 'api-extractor.json'));

let failed = 0;
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string' || target.types === undefined) continue;
  const name = subpath === '.' ? 'aggregator-errors' : `aggregator-errors.${subpath.slice(2).replaceAll('/', '-')}`;
  // Sub-entries use types the main entry exports (NormalizedError, Catalog), and a
  // catalog's type is its private literal: only the main entry must export all it uses.
  const messages = subpath === '.' ? base.messages : {
    ...base.messages,
    extractorMessageReporting: { ...base.messages?.extractorMessageReporting, 'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
  };
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
    // Report-file messages are reviewed in the report itself; print the rest.
    if (message.logLevel === 'warning' || message.logLevel === 'error') message.handled = false;
  } });
  if (!result.succeeded || (!local && result.apiReportChanged)) {
    failed++;
    console.error(`api-report: ${subpath} ${result.apiReportChanged ? 'drifted from test/api-report/' + name + '.api.md (run npm run api:update and review the diff)' : 'failed'} (${result.errorCount} errors)`);
  }
}
if (failed > 0) process.exit(1);
console.log(`api-report: ${local ? 'updated' : 'checked'} ${Object.keys(pkg.exports).length} entries`);
