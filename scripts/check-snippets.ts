/**
 * `npm run docs:snippets`: every ```ts block of the README and docs/ compiles
 * against the built package, under each flag set of scripts/docs/snippets.ts.
 * Failures are printed as `docs/gateway.md:123: TS2339 ...`; exit 1 on any.
 * Needs the build (the blocks import dist/ through package.json `exports`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { API_DIR } from './docs/api-reference.js';
import { checkSnippets, extractSnippets, FLAG_SETS, formatFailure, type Snippet } from './docs/snippets.js';

const root = resolve(import.meta.dirname, '../..');
// Inside the package, so that `aggregator-errors` resolves to the package itself (git-ignored, wiped by the build).
const outDir = resolve(root, '.tools/snippets');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((item) => (item.isDirectory() ? markdownFiles(join(dir, item.name)) : item.name.endsWith('.md') ? [join(dir, item.name)] : []));
}

if (!existsSync(resolve(root, 'dist/src/index.d.ts'))) {
  console.error('snippets: dist/ is not built: run npm run build first');
  process.exit(1);
}
const files = [resolve(root, 'README.md'), ...markdownFiles(resolve(root, 'docs'))];
const snippets: Snippet[] = [];
let skipped = 0;
for (const path of files) {
  const file = relative(root, path).split('\\').join('/');
  const found = extractSnippets(file, readFileSync(path, 'utf8'));
  // The API reference is generated from TSDoc: its blocks are signatures and @example fragments.
  if (file.startsWith(`${API_DIR}/`)) skipped += found.length;
  else snippets.push(...found);
}
const started = Date.now();
process.chdir(root);
const report = checkSnippets({ snippets, outDir });
const failing = new Set(report.failures.map((f) => `${f.file}:${f.block ?? 'outside a block'}`)).size;
for (const failure of report.failures) console.log(formatFailure(failure));
const fileCount = new Set(snippets.map((s) => s.file)).size;
const summary = `${report.checked} TypeScript blocks from ${fileCount} files under ${FLAG_SETS.map((s) => s.name).join(' and ')}, in ${((Date.now() - started) / 1000).toFixed(1)} s; ${skipped} blocks of ${API_DIR}/ not compiled (generated from TSDoc: signatures and @example fragments)`;
if (report.failures.length > 0) {
  console.log(`snippets: ${report.failures.length} error${report.failures.length === 1 ? '' : 's'} in ${failing} of ${summary}`);
  process.exit(1);
}
console.log(`snippets: compiled ${summary}`);
