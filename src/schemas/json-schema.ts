import { z } from 'zod';
import { catalogSchema } from '../catalog/schema.js';
import { normalizedErrorSchema } from './normalized-error.js';
import { problemBodySchema } from './problem-body.js';

/**
 * A JSON Schema document (draft 2020-12), as plain JSON data.
 *
 * @public
 */
export type JsonSchemaDocument = z.core.JSONSchema.BaseSchema;

const CATALOG_CROSS_CHECKS =
  'JSON Schema checks each field; the rules across entries are not expressible in it and run only in parseCatalog and defineCatalog: ' +
  "a detail must be one of its kind's values, message templates and endpoint ids must parse, a row needs a kind or a documented code, " +
  'no duplicate (status, code) rows, one meaning per code on an endpoint, sandbox endpoints must exist, no duplicate pending steps.';

function generate(schema: z.ZodType, title: string, description: string): JsonSchemaDocument {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    // `.readonly()` marks TypeScript types; in JSON Schema readOnly means "set by the server", which says nothing here.
    override: (ctx) => {
      delete ctx.jsonSchema.readOnly;
    },
  });
  // The document's own title and description replace the root schema's.
  const { $schema, description: _root, ...rest } = generated;
  return { ...($schema === undefined ? {} : { $schema }), title, description, ...rest };
}

/**
 * Generates the JSON Schema of a normalized error (what a gateway sends a frontend), from its zod schema.
 *
 * @example
 * ```ts
 * writeFileSync('normalized-error.json', JSON.stringify(normalizedErrorJsonSchema(), null, 2));
 * ```
 *
 * @public
 */
export function normalizedErrorJsonSchema(): JsonSchemaDocument {
  return generate(
    normalizedErrorSchema,
    'aggregator-errors normalized error',
    'One provider error normalized by aggregator-errors, discriminated on "kind". Keys whose value is undefined are absent in JSON.',
  );
}

/**
 * Generates the JSON Schema of a provider catalog (for catalogs written as JSON), from the catalog's zod schema.
 *
 * @example
 * ```ts
 * writeFileSync('catalog.json', JSON.stringify(catalogJsonSchema(), null, 2));
 * ```
 *
 * @public
 */
export function catalogJsonSchema(): JsonSchemaDocument {
  return generate(catalogSchema, 'aggregator-errors provider catalog', `A bank-aggregation provider's documented errors, as data. ${CATALOG_CROSS_CHECKS}`);
}

/**
 * Generates the JSON Schema of a gateway's problem+json body (what `toProblem` writes), from its zod schema.
 *
 * @public
 */
export function problemBodyJsonSchema(): JsonSchemaDocument {
  return generate(
    problemBodySchema,
    'aggregator-errors problem details',
    'An RFC 9457 problem details body written by aggregator-errors/gateway toProblem: kind, reason or scope and userAction as the normalized error names them.',
  );
}
