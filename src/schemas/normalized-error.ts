import type { IsEqual, SimplifyDeep } from 'type-fest';
import { z } from 'zod';
import { KINDS, type Kind } from '../taxonomy/kinds.js';
import { OWNERS, SEVERITIES, USER_ACTIONS } from '../taxonomy/hints.js';
import { KIND_DETAILS, type DetailedKind } from '../taxonomy/details.js';
import { MATCH_STEPS, type NormalizedError } from '../taxonomy/normalized-error.js';

// A normalized error always carries these keys, but their value may be
// `undefined`, which JSON drops: the runtime schema accepts the key absent (so
// parsed JSON validates) while the type keeps it required, as NormalizedError has it.
function maybe<T extends z.ZodType>(schema: T): z.ZodType<z.output<T> | undefined> {
  return schema.optional();
}

const status = z.int().min(100).max(599);

// Causes are normalized errors themselves: the schema refers to itself.
const lazyError: z.ZodType<NormalizedError> = z.lazy(() => schema);

const retry = z
  .object({
    retryable: z.boolean().describe('Whether the same request can succeed later without anyone acting.'),
    afterMs: maybe(z.int().min(0).describe('How long to wait first, in milliseconds, when the provider or its docs say.')),
    afterSource: maybe(z.enum(['retry-after', 'catalog']).describe('Where afterMs came from: the Retry-After header or the catalog.')),
    waitForJob: z.boolean().describe('A job is already running: poll it rather than starting another.'),
    mayHaveSucceeded: z.boolean().describe('The request may have reached the provider and done its work (a timeout).'),
  })
  .readonly()
  .meta({ id: 'RetryHint', description: 'Whether and when to send the same request again.' });

const match = z
  .object({
    by: z.enum(MATCH_STEPS).describe(`The step of the precedence that answered: ${MATCH_STEPS.join(', ')}.`),
    documentedStatus: maybe(status.describe('The status the docs print for this row, when it differs from the observed one.')),
    description: maybe(z.string().describe('The documented description of the matched meaning.')),
    note: maybe(z.string().describe('A documented quirk of the matched row.')),
    source: maybe(z.string().describe('The URL of the documentation that classified the error.')),
    legacy: z.boolean().describe("The code is no longer in the provider's current docs; source is where it was documented."),
  })
  .readonly()
  .meta({ id: 'MatchInfo', description: 'How the error was classified, so drift from the docs is visible.' });

const baseShape = {
  provider: z.string().min(1).describe("The catalog id of the provider, e.g. 'aerosync'."),
  status: maybe(status.describe('The observed HTTP status.')),
  code: maybe(z.string().describe("The provider's code as observed, e.g. 'AC-104' or '460'.")),
  message: z.string().describe("The provider's developer-facing text (never for end users)."),
  displayMessage: maybe(z.string().describe('Text the provider meant for end users, where it sends one.')),
  endpoint: maybe(z.string().describe("The catalog's endpoint id, when it could be resolved.")),
  params: z.record(z.string(), z.string()).readonly().describe('Values read from path parameters and documented message templates.'),
  requestId: maybe(z.string().describe("The provider's request id, where it sends one.")),
  documentationUrl: maybe(z.string().describe("A link to the provider's documentation of this error, where its body carries one.")),
  suggestedAction: maybe(z.string().describe("The provider's advice to developers, where its body carries one.")),
  get causes(): z.ZodReadonly<z.ZodArray<z.ZodType<NormalizedError>>> {
    return z.array(lazyError).readonly().describe('Nested errors the provider reports inside this one, normalized by the same catalog.');
  },
  retry,
  userAction: z.enum(USER_ACTIONS).meta({ id: 'UserAction', description: 'What the end user should do.' }),
  owner: z.enum(OWNERS).meta({ id: 'Owner', description: 'Who must act or is at fault.' }),
  severity: z.enum(SEVERITIES).meta({ id: 'Severity', description: 'How loudly alerting should react.' }),
  match,
};

type DetailShape<K extends Kind> = K extends DetailedKind
  ? { [F in (typeof KIND_DETAILS)[K]['field']]: z.ZodEnum<{ [V in (typeof KIND_DETAILS)[K]['values'][number]]: V }> }
  : K extends 'unknown'
    ? { pending: z.ZodType<string | undefined> }
    : unknown;

type Variant<K extends Kind> = K extends Kind ? z.ZodReadonly<z.ZodObject<typeof baseShape & { kind: z.ZodLiteral<K> } & DetailShape<K>>> : never;

function isDetailed(kind: Kind): kind is DetailedKind {
  return Object.hasOwn(KIND_DETAILS, kind);
}

function detailShape(kind: Kind): Record<string, z.ZodType> {
  if (isDetailed(kind)) {
    const spec = KIND_DETAILS[kind];
    return { [spec.field]: z.enum(spec.values).describe(`The ${spec.field} of a ${kind} error.`) };
  }
  // `unknown` says which step a pending (not failed) response waits for.
  if (kind === 'unknown') return { pending: maybe(z.string().describe('The step a pending response waits for (e.g. mfa).')) };
  return {};
}

function variant<K extends Kind>(kind: K): Variant<K> {
  return z.object({ kind: z.literal(kind), ...baseShape, ...detailShape(kind) }).readonly() as unknown as Variant<K>;
}

const variants = KINDS.map(variant) as unknown as readonly [Variant<Kind>, ...Variant<Kind>[]];

const schema = z.discriminatedUnion('kind', variants).describe('One provider error, normalized by aggregator-errors: discriminated on kind.');

// Compile-time proof that the schema describes exactly the public type.
type Expect<T extends true> = T;
type _SchemaMatchesType = Expect<IsEqual<SimplifyDeep<z.output<typeof schema>>, SimplifyDeep<NormalizedError>>>;

/**
 * The zod schema of a normalized error, derived from the taxonomy; it validates a live value or its parsed JSON.
 *
 * @example
 * ```ts
 * const result = normalizedErrorSchema.safeParse(await response.json());
 * if (result.success) render(result.data.kind);
 * ```
 *
 * @public
 */
export const normalizedErrorSchema: z.ZodType<NormalizedError> = schema;
