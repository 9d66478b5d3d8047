/**
 * What each entry point loads: the main entry classifies without zod, its
 * default (browser) build never generates code, and Node gets the compiled
 * readers unless code generation is refused.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');

async function inputsOf(entry: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    logLevel: 'silent',
    packages: 'bundle',
  });
  return Object.keys(result.metafile.inputs);
}

test('the main entry loads no zod, in a browser bundle and on Node', async () => {
  for (const [entry, platform] of [
    ['src/index.ts', 'browser'],
    ['src/index.node.ts', 'node'],
  ] as const) {
    const inputs = await inputsOf(entry, platform);
    expect(
      inputs.some((path) => path.includes('node_modules/zod')),
      entry,
    ).toBe(false);
    expect(
      inputs.some((path) => path.includes('src/catalog/schema')),
      entry,
    ).toBe(false);
  }
});

test('the default entry carries no code generation; the node entry does', async () => {
  expect((await inputsOf('src/index.ts', 'browser')).some((path) => path.includes('codegen'))).toBe(false);
  expect((await inputsOf('src/index.node.ts', 'node')).some((path) => path.includes('codegen'))).toBe(true);
});

test('under --disallow-code-generation-from-strings the node entry falls back to the generic reader and answers alike', async () => {
  const out = resolve(root, 'node_modules/.cache/entry-points-node.mjs');
  await build({
    entryPoints: [resolve(root, 'test/support/codegen-probe.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  const answers = ['', '--disallow-code-generation-from-strings'].map((flag) => {
    const run = spawnSync(process.execPath, [...(flag === '' ? [] : [flag]), out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { readonly compiled: boolean; readonly answers: unknown[] };
  });
  expect(answers[0]?.compiled).toBe(true);
  expect(answers[1]?.compiled).toBe(false);
  expect(answers[1]?.answers).toEqual(answers[0]?.answers);
});
