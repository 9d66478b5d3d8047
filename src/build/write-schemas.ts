/** Writes the JSON Schemas the package ships into dist/schemas. */
import { resolve } from 'node:path';
import { writeSchemas } from '../schemas/write.js';

const written = await writeSchemas(resolve(import.meta.dirname, '../../schemas'));
console.log(`write-schemas: ${written.length} JSON Schemas written`);
