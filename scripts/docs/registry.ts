/**
 * Everything `npm run docs` generates from the source: blocks by file and
 * name, and whole files. The API reference needs the build and is added by
 * scripts/docs.ts (api-reference.ts).
 */
import { allCatalogs } from '../../catalogs/all.js';
import { coverageTable } from '../../src/cli/coverage.js';
import { connectionEventRulesBlock, prometheusRulesBlock } from './alerting-rules.js';
import { kindsTable } from './kinds-table.js';
import { problemStatusTable } from './problem-status.js';
import { PROVIDERS_DIR, providerPagePath, providersIndex, providerSkeleton, providerSummary, providerTables } from './provider-pages.js';
import type { DocTarget, ScanOptions } from './sync.js';
import { webhookEventsTable } from './webhook-events.js';

/** The blocks and files generated from the source (no build needed), in a stable order. */
export function sourceTargets(): DocTarget[] {
  return [
    { kind: 'blocks', file: 'README.md', blocks: { kinds: kindsTable, 'provider-coverage': () => coverageTable(allCatalogs) } },
    { kind: 'blocks', file: 'docs/alerting.md', blocks: { 'prometheus-rules': prometheusRulesBlock, 'connection-event-rules': connectionEventRulesBlock } },
    { kind: 'blocks', file: 'docs/webhooks.md', blocks: { 'webhook-events': webhookEventsTable } },
    { kind: 'blocks', file: 'docs/gateway.md', blocks: { 'problem-status': problemStatusTable } },
    ...allCatalogs.map(
      (catalog): DocTarget => ({
        kind: 'blocks',
        file: providerPagePath(catalog),
        blocks: { summary: () => providerSummary(catalog), catalog: () => providerTables(catalog) },
        create: () => providerSkeleton(catalog),
      }),
    ),
    { kind: 'file', file: `${PROVIDERS_DIR}/README.md`, content: () => providersIndex(allCatalogs) },
  ];
}

/**
 * Where stray generated blocks are looked for (the API reference, generated whole, is not scanned), and the
 * folder where every page must have a generator.
 */
export const SCAN: ScanOptions = { scan: ['README.md', 'docs'], ownedDirs: [PROVIDERS_DIR], exclude: ['docs/api'] };

/** The generated content of one block, for a drift test. */
export function expectedBlock(file: string, name: string): string {
  for (const target of sourceTargets()) {
    const generate = target.kind === 'blocks' && target.file === file ? target.blocks[name] : undefined;
    if (generate !== undefined) return generate();
  }
  throw new Error(`no generator for block "${name}" of ${file}`);
}
