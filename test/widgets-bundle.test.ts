/**
 * What a browser bundle of each widget adapter pulls in: no matcher, no catalog,
 * no zod, and no other widget's tables (sizes are measured in bench/, not here).
 */
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

async function inputsOf(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    metafile: true,
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

const ADAPTERS = {
  plaidLinkEvent: 'plaid-link',
  mxConnectEvent: 'mx-connect',
  tellerConnectEvent: 'teller-connect',
  finicityConnectEvent: 'finicity-connect',
  yodleeFastLinkEvent: 'yodlee-fastlink',
  aerosyncWidgetEvent: 'aerosync-widget',
} as const;

describe.each(Object.entries(ADAPTERS))('%s alone', (name, file) => {
  test('loads no matcher, catalog or zod, and no other widget', { timeout: 30_000 }, async () => {
    const inputs = await inputsOf(`export { ${name} } from './src/widgets/index.js';`);
    expect(inputs).toContain(`src/widgets/${file}.ts`);
    expect(inputs.filter((path) => /src\/(matcher|catalog|schemas)\/|^catalogs\/|node_modules\/zod/.test(path))).toEqual([]);
    const others = Object.values(ADAPTERS).filter((other) => other !== file);
    expect(inputs.filter((path) => others.some((other) => path.endsWith(`src/widgets/${other}.ts`)))).toEqual([]);
  });
});

test('the event renderer loads no builder, matcher, catalog or zod, and no Spanish', { timeout: 30_000 }, async () => {
  const inputs = await inputsOf(`export * from './src/messages/index.js';`);
  expect(inputs).toContain('src/messages/render-event.ts');
  expect(inputs.filter((path) => /src\/(matcher|catalog|connections|schemas)\/|^catalogs\/|node_modules\/zod|messages-es|events-es/.test(path))).toEqual([]);
});
