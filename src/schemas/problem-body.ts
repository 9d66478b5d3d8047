import type { IsEqual, SimplifyDeep } from 'type-fest';
import { z } from 'zod';
import { KINDS } from '../taxonomy/kinds.js';
import { USER_ACTIONS } from '../taxonomy/hints.js';
import type { ProblemBody } from '../gateway/to-problem.js';

const schema = z
  .object({
    type: z.string().describe('A stable URI per kind.'),
    title: z.string().describe('A short summary of the kind, the same for every occurrence.'),
    status: z.int().min(400).max(599).describe('The HTTP status the gateway answers with.'),
    detail: z.string().describe('An explanation safe to show to clients.'),
    instance: z.string().exactOptional().describe('A URI for this occurrence.'),
    kind: z.enum(KINDS).describe("The normalized error's kind."),
    provider: z.string().describe("The provider's catalog id."),
    code: z.string().exactOptional().describe("The provider's code."),
    userAction: z.enum(USER_ACTIONS).describe('What the end user should do.'),
    reason: z.string().exactOptional().describe("The kind's reason (reconnect-required, fi-unavailable, provider-unavailable)."),
    scope: z.string().exactOptional().describe("A rate limit's scope (end-user or client)."),
    retryAfter: z.int().min(0).exactOptional().describe('Seconds to wait before trying again.'),
    requestId: z.string().exactOptional().describe("The provider's request id, when the gateway exposes it."),
    displayMessage: z.string().exactOptional().describe('Text the provider wrote for end users, when the gateway exposes it.'),
  })
  .readonly()
  .describe('An RFC 9457 problem details body, as aggregator-errors/gateway toProblem writes it.');

// Compile-time proof that the schema describes exactly the public type.
type Expect<T extends true> = T;
type _SchemaMatchesType = Expect<IsEqual<SimplifyDeep<z.output<typeof schema>>, SimplifyDeep<ProblemBody>>>;

/**
 * The zod schema of a gateway's problem+json body (what `toProblem` writes); its
 * JSON Schema ships as `aggregator-errors/schemas/problem.json`, and a frontend
 * that wants no zod checks a body with `isProblemBody` from `aggregator-errors/messages`.
 *
 * @public
 */
export const problemBodySchema: z.ZodType<ProblemBody> = schema;
