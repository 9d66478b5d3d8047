import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogJsonSchema, normalizedErrorJsonSchema, type JsonSchemaDocument } from './json-schema.js';

/**
 * The JSON Schema files the package ships, by file name.
 *
 * @public
 */
export const SCHEMA_FILES: Readonly<Record<string, () => JsonSchemaDocument>> = {
  'normalized-error.json': normalizedErrorJsonSchema,
  'catalog.json': catalogJsonSchema,
};

/**
 * Writes every shipped JSON Schema into a directory (created if missing) and returns the paths written.
 *
 * @example
 * ```ts
 * await writeSchemas('dist/schemas'); // dist/schemas/normalized-error.json, dist/schemas/catalog.json
 * ```
 *
 * @public
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
