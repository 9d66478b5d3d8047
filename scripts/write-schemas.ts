import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogJsonSchema, normalizedErrorJsonSchema, problemBodyJsonSchema, type JsonSchemaDocument } from '../src/schemas/json-schema.js';

/**
 * The JSON Schema files the package ships, by file name.
 *
 * Run as a script, it writes them into dist/schemas.
 */
export const SCHEMA_FILES: Readonly<Record<string, () => JsonSchemaDocument>> = {
  'normalized-error.json': normalizedErrorJsonSchema,
  'catalog.json': catalogJsonSchema,
  'problem.json': problemBodyJsonSchema,
};

/**
 * Writes every shipped JSON Schema into a directory (created if missing) and returns the paths written.
 *
 * @example
 * ```ts
 * await writeSchemas('dist/schemas'); // dist/schemas/normalized-error.json, dist/schemas/catalog.json
 * ```
 *
 * Run as a script, it writes them into dist/schemas.
 */
export async function writeSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, generate] of Object.entries(SCHEMA_FILES)) {
    const path = join(dir, name);
    await writeFile(path, `${JSON.stringify(generate(), null, 2)}\n`);
    written.push(path);
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await writeSchemas(resolve(import.meta.dirname, '../../dist/schemas'));
  console.log(`write-schemas: ${written.length} JSON Schemas written`);
}
