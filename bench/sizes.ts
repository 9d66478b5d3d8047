/**
 * Bundle sizes, min+gzip: esbuild bundles an entry from the built package
 * (dist/), minified, for the browser platform (the default, interpreted
 * matcher; edge runtimes resolve the same conditions), and gzip level 9 packs
 * it. Every figure is the bytes over an empty bundle's.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgetLine, type BudgetCheck } from './budget.js';

/** The built package the bundles are made from. */
const DIST = resolve(import.meta.dirname, '../../dist');

async function packed(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: DIST, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

let empty: number | undefined;

/** The min+gzip bytes of a bundle of `contents` (an ES module resolved from dist/), over an empty bundle's. */
export async function bytes(contents: string): Promise<number> {
  empty ??= await packed('export const x = 1;');
  return (await packed(contents)) - empty;
}

/** The widget adapters of aggregator-errors/widgets, as test/widgets-bundle.test.ts lists them. */
export const WIDGET_ADAPTERS: readonly string[] = [
  'plaidLinkEvent',
  'mxConnectEvent',
  'tellerConnectEvent',
  'finicityConnectEvent',
  'yodleeFastLinkEvent',
  'aerosyncWidgetEvent',
];

/** The webhook receivers of aggregator-errors/webhooks that check a signature, by the catalog they classify with. */
const WEBHOOK_RECEIVERS: readonly (readonly [string, string])[] = [
  ['receivePlaidWebhook', 'plaid'],
  ['receiveTellerWebhook', 'teller'],
  ['receiveFinicityWebhook', 'finicity'],
  ['receiveAerosyncWebhook', 'aerosync'],
];

const withMatcher = (id: string, variant: 'lean' | 'full'): string =>
  `import { createNormalizer } from './src/index.js'; import { ${id} } from './catalogs/${id}${variant === 'lean' ? '.lean' : ''}.js'; export const n = createNormalizer([${id}]);`;

/** Measures every bundle size; prints a line per figure and returns the budgets it checks. */
export async function measureSizes(
  report: (line: string) => void,
  ids: readonly string[],
  codesOf: (id: string) => { codes: number; endpoints: number },
): Promise<BudgetCheck[]> {
  const checks: BudgetCheck[] = [];
  const check = (entry: BudgetCheck): void => {
    checks.push(entry);
    report(budgetLine(entry));
  };

  // What renders: a frontend imports the two renderers, in English (Spanish is its own entry).
  const renderer = await bytes(`export { renderMessage, renderConnectionEvent } from './src/messages/index.js';`);
  check({
    name: 'message renderer alone (renderMessage + renderConnectionEvent, English), min+gzip',
    figure: renderer,
    limit: 2048,
    bound: 'under',
    unit: 'B',
  });
  const renderMessage = await bytes(`export { renderMessage } from './src/messages/index.js';`);
  const renderEvent = await bytes(`export { renderConnectionEvent } from './src/messages/index.js';`);
  const messagesEntry = await bytes(`export * from './src/messages/index.js';`);
  report(`message renderer, by part: renderMessage alone ${renderMessage} B, renderConnectionEvent alone ${renderEvent} B, both ${renderer} B`);
  report(`the whole aggregator-errors/messages entry (export *: the renderers, MESSAGES_EN, EVENT_MESSAGES_EN, isProblemBody): ${messagesEntry} B (no budget)`);

  const matcher = await bytes(`export { createNormalizer } from './src/index.js';`);
  check({ name: 'matcher alone (createNormalizer), min+gzip', figure: matcher, limit: 5120, bound: 'under', unit: 'B' });
  for (const id of ['aerosync', 'synapse'])
    check({ name: `matcher + lean ${id} catalog, min+gzip`, figure: await bytes(withMatcher(id, 'lean')), limit: 6144, bound: 'under', unit: 'B' });
  check({ name: 'matcher + full aerosync catalog, min+gzip', figure: await bytes(withMatcher('aerosync', 'full')), limit: 7680, bound: 'under', unit: 'B' });

  report('');
  report('Larger catalogs, bytes per documented code (no budget):');
  report('| catalog | codes | endpoints | lean (with the matcher) | full (with the matcher) | lean bytes per code |');
  report('|---|---|---|---|---|---|');
  for (const id of ids) {
    const lean = await bytes(withMatcher(id, 'lean'));
    const full = await bytes(withMatcher(id, 'full'));
    const { codes, endpoints } = codesOf(id);
    report(`| ${id} | ${codes} | ${endpoints} | ${lean} B | ${full} B | ${codes === 0 ? '–' : ((lean - matcher) / codes).toFixed(0)} |`);
  }

  report('');
  report('Widget adapters (aggregator-errors/widgets; no matcher or catalog unless a normalizer is given; no budget):');
  report('| adapter | alone | with renderConnectionEvent (what a frontend ships) |');
  report('|---|---|---|');
  for (const name of WIDGET_ADAPTERS) {
    const alone = await bytes(`export { ${name} } from './src/widgets/index.js';`);
    const shipped = await bytes(`export { ${name} } from './src/widgets/index.js'; export { renderConnectionEvent } from './src/messages/index.js';`);
    report(`| ${name} | ${alone} B | ${shipped} B |`);
  }

  // WebCrypto only (src/webhooks/crypto.ts), so a receiver runs on an edge runtime; it needs a normalizer.
  report('');
  report('Webhook receivers for an edge runtime (aggregator-errors/webhooks; no budget):');
  report('| receiver | alone | with the matcher and its lean catalog (an edge handler) |');
  report('|---|---|---|');
  for (const [name, id] of WEBHOOK_RECEIVERS) {
    const alone = await bytes(`export { ${name} } from './src/webhooks/index.js';`);
    const handler = await bytes(`export { ${name} } from './src/webhooks/index.js'; ${withMatcher(id, 'lean')}`);
    report(`| ${name} | ${alone} B | ${handler} B |`);
  }
  report(`the whole aggregator-errors/webhooks entry (export *): ${await bytes(`export * from './src/webhooks/index.js';`)} B`);
  return checks;
}
