import type { JsonValue } from 'type-fest';
import type { Kind } from '../taxonomy/kinds.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';

/**
 * Hints a catalog entry may set over its kind's defaults.
 *
 * @public
 */
export interface HintsInput {
  /** Whether the same request can succeed later without anyone acting. */
  readonly retryable?: boolean;
  /** The documented wait before a retry, in milliseconds. */
  readonly afterMs?: number;
  /** What the end user should do. */
  readonly userAction?: UserAction;
  /** Who must act or is at fault. */
  readonly owner?: Owner;
  /** How loudly alerting should react. */
  readonly severity?: Severity;
}

/**
 * Where a fact is documented: an http(s) URL, or a key of the catalog's
 * `sources` table, so that each URL is written once per catalog.
 *
 * @public
 */
export type SourceRef = string;

/**
 * A documented meaning: the kind it classifies as, and the facts behind it.
 *
 * @public
 */
export interface MeaningInput {
  /** The kind this meaning classifies as. */
  readonly kind: Kind;
  /** The kind's detail value (e.g. `'fi-paused-sharing'` for `reconnect-required`). */
  readonly detail?: string;
  /** The documented developer-facing message; `{name}` placeholders are read into `params`. */
  readonly message?: string;
  /** The documented description. */
  readonly description?: string;
  /** A documented quirk, and how the catalog resolves it. */
  readonly note?: string;
  /** The first-party documentation this entry encodes: a URL or a key of `sources`. */
  readonly source: SourceRef;
  /** Which facts of this entry only a third-party copy shows, and which copy (never used to classify). */
  readonly thirdParty?: string;
  /** Hints over the kind's defaults. */
  readonly hints?: HintsInput;
}

/**
 * What a code means under one more of the provider's categories: only what
 * differs from the code's own meaning (the same inheritance as an endpoint row).
 *
 * @public
 */
export interface CategoryCodeInput extends Partial<MeaningInput> {
  /** The HTTP statuses the docs print for the code under this category. */
  readonly statuses?: readonly number[];
}

/**
 * The provider-wide meaning of one code.
 *
 * @public
 */
export interface CodeInput extends MeaningInput {
  /** The HTTP statuses the docs print for this code, if any. */
  readonly statuses?: readonly number[];
  /** Where the code arrives when not in an error body (e.g. `'connection_status'`, `'webhook'`). */
  readonly arrives?: string;
  /** The provider's category of this code, as its body carries it (Plaid's `error_type`). */
  readonly category?: string;
  /**
   * The same code documented under other categories with another meaning, by
   * category (Plaid's PRODUCT_NOT_READY under ASSET_REPORT_ERROR): what differs there.
   */
  readonly byCategory?: Readonly<Record<string, CategoryCodeInput>>;
  /** Other spellings the provider sends for this code (MX's numeric `connection_status_id`). */
  readonly aliases?: readonly string[];
  /** The provider's current docs no longer list the code; `source` names where it was documented. */
  readonly legacy?: boolean;
}

/**
 * One documented row of an endpoint's error table.
 *
 * @remarks
 * A row without `kind` takes the provider-wide meaning of its code; a row with
 * a `kind` overrides it on this endpoint.
 *
 * @public
 */
export interface RowInput extends Partial<MeaningInput> {
  /** The documented HTTP status. */
  readonly status: number;
  /** The documented provider code; a row without one is keyed on its status alone. */
  readonly code?: string;
  /** The status line exactly as the docs print it, when it is inconsistent (`'401 Forbidden'`). */
  readonly printed?: string;
}

/**
 * One endpoint of the provider's API and its documented error table.
 *
 * @public
 */
export interface EndpointInput {
  /** The endpoint's documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
  /** A note on the endpoint as documented. */
  readonly note?: string;
  /** Which facts of this endpoint only a third-party copy shows, and which copy. */
  readonly thirdParty?: string;
  /** The documented error rows, in the docs' order. */
  readonly rows: readonly RowInput[];
}

/**
 * Where the provider puts each field of its error body, as dotted paths tried in order.
 *
 * @public
 */
export interface BodyShapeInput {
  /** Paths to the provider code, e.g. `['error.code']`; numbers are read as strings. */
  readonly code?: readonly string[];
  /** Paths to the developer-facing message. */
  readonly message?: readonly string[];
  /** Paths to a message meant for end users. */
  readonly displayMessage?: readonly string[];
  /** Paths to the provider's request id. */
  readonly requestId?: readonly string[];
  /** Paths to the provider's error category, used when a code is unknown. */
  readonly category?: readonly string[];
  /** Paths to an HTTP status the body repeats (used when no status was observed). */
  readonly status?: readonly string[];
  /** Paths to a link to the provider's documentation of this error (Plaid's `documentation_url`). */
  readonly documentationUrl?: readonly string[];
  /** Paths to the provider's advice to developers (Plaid's `suggested_action`). */
  readonly suggestedAction?: readonly string[];
  /** Paths to an array of nested errors, each in this same shape (Plaid's `causes`). */
  readonly causes?: readonly string[];
  /** Values read into `params`, by name: paths tried in order (e.g. `{ item_id: ['item_id'] }`). */
  readonly params?: Readonly<Record<string, readonly string[]>>;
  /** How the provider encodes codes and repeated statuses in JSON. */
  readonly encode?: { readonly code?: 'string' | 'number'; readonly status?: 'string' | 'number' };
  /** Fields the provider always sends beside these in an error body (e.g. `{ success: false }`). */
  readonly constant?: Readonly<Record<string, JsonValue>>;
}

/**
 * A documented response that is not a failure: the provider waits for a step.
 *
 * @public
 */
export interface PendingInput {
  /** The step, e.g. `'mfa'` or `'two-factor'`. */
  readonly step: string;
  /** The code that announces it. */
  readonly code: string;
  /** Other spellings of the code (MX's numeric `connection_status_id`). */
  readonly aliases?: readonly string[];
  /** The status it comes with, if documented. */
  readonly status?: number;
  /** A body path that must hold a value for this step (tells MFA from 2FA). */
  readonly when?: string;
  /** The documented description. */
  readonly description?: string;
  /** The documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
}

/**
 * A documented sandbox input and the error it triggers.
 *
 * @public
 */
export interface SandboxTriggerInput {
  /** Where the request's JSON body carries the trigger, as a dotted path (e.g. `'info.bank_id'`). */
  readonly field: string;
  /** The value; `{code}` stands for any documented code where the provider allows it. */
  readonly value: string;
  /** How `value` is compared: the whole field, or a suffix appended to it. */
  readonly compare?: 'exact' | 'suffix';
  /** Other request body fields the trigger needs, by dotted path (e.g. `{ 'info.bank_name': 'fake' }`). */
  readonly with?: Readonly<Record<string, string>>;
  /** The endpoint id it applies to. */
  readonly endpoint?: string;
  /** The status it answers with. */
  readonly status?: number;
  /** The code it answers with. */
  readonly code?: string;
  /** What it triggers, as documented. */
  readonly description: string;
  /** The documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
}

/**
 * The response headers in which a provider states its rate limit, as its docs name them.
 *
 * @public
 */
export interface RateLimitHeadersInput {
  /** The header with the number of requests the window allows, lowercase (e.g. `'x-ratelimit-limit'`). */
  readonly limit?: string;
  /** The header with the number of requests left in the window, lowercase (e.g. `'x-ratelimit-remaining'`). */
  readonly remaining?: string;
  /** The header that says when the window resets, lowercase (e.g. `'x-ratelimit-reset'`). */
  readonly reset?: string;
  /**
   * How `reset` counts: seconds from the response, a Unix time in seconds or in
   * milliseconds, or a date (an HTTP date or ISO 8601); a time or date is
   * measured against the response's `Date` header, not the local clock.
   *
   * @defaultValue 'delta-seconds'
   */
  readonly resetFormat?: 'delta-seconds' | 'epoch-seconds' | 'epoch-milliseconds' | 'date';
}

/**
 * A wait the provider states in its error message, as its docs print the message.
 *
 * @public
 */
export interface BodyWaitInput {
  /** The message as documented, with `{wait}` where the number stands (e.g. `'Too many requests, retry in {wait} seconds'`). */
  readonly message: string;
  /** The unit of the number. */
  readonly unit: 'milliseconds' | 'seconds' | 'minutes' | 'hours';
  /** The codes whose message states the wait; any code when absent. */
  readonly codes?: readonly string[];
  /** The documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
}

/**
 * A documented quota that resets at a fixed time of day, not in a window that slides.
 *
 * @public
 */
export interface DailyQuotaInput {
  /**
   * When the quota resets, `HH:MM` in UTC.
   *
   * @defaultValue '00:00'
   */
  readonly resetsAt?: string;
  /** A note on the quota as documented. */
  readonly note?: string;
  /** The documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
}

/**
 * Where a provider states how long to wait beyond `Retry-After`: rate-limit
 * headers, waits in its messages, quotas that reset daily. Read by
 * `aggregator-errors/resilience`, never by the matcher.
 *
 * @public
 */
export interface RateLimitsInput {
  /** The rate-limit response headers the provider documents. */
  readonly headers?: RateLimitHeadersInput;
  /** Waits the provider states in its error messages. */
  readonly bodyWaits?: readonly BodyWaitInput[];
  /** Codes that answer a quota spent for the day, by code (each documented in `codes`). */
  readonly dailyQuotas?: Readonly<Record<string, DailyQuotaInput>>;
  /** A note on the provider's rate limits as documented. */
  readonly note?: string;
  /** The documentation of the rate limits: a URL or a key of `sources`. */
  readonly source: SourceRef;
}

/**
 * A provider's documented errors, as declarative, JSON-serializable data.
 *
 * @public
 */
export interface CatalogInput {
  /** The JSON Schema a catalog file names so that editors check it (`aggregator-errors/schemas/catalog.json`); kept in the validated copy, never used to classify. */
  readonly $schema?: string;
  /** A lowercase id, used as `provider` on every normalized error. */
  readonly id: string;
  /** The provider's display name. */
  readonly name: string;
  /** The provider's error documentation: a URL or a key of `sources`. */
  readonly source: SourceRef;
  /** The URLs this catalog cites, by a short key that entries name in their `source`. */
  readonly sources?: Readonly<Record<string, string>>;
  /** Base URLs by environment; their origins are stripped from observed URLs. */
  readonly baseUrls?: Readonly<Record<string, string>>;
  /** A path prefix every endpoint shares and the endpoint ids omit (e.g. `'/v2'`). */
  readonly pathPrefix?: string;
  /** The timeout the provider recommends for its calls, and where it says so. */
  readonly timeout?: { readonly ms: number; readonly source: SourceRef; readonly note?: string };
  /** Where the error body keeps each field. */
  readonly body?: BodyShapeInput;
  /** Response headers that carry the provider's request id, lowercase. */
  readonly requestIdHeaders?: readonly string[];
  /** Provider-wide meaning of each code. */
  readonly codes?: Readonly<Record<string, CodeInput>>;
  /** Meaning of each error category, for codes the catalog does not know. */
  readonly categories?: Readonly<Record<string, MeaningInput>>;
  /**
   * Meaning of codes that begin with a documented prefix (Teller's
   * `enrollment.disconnected`), for codes the catalog does not know; the longest prefix wins.
   */
  readonly prefixes?: Readonly<Record<string, MeaningInput>>;
  /** Provider-wide meaning of an HTTP status, over the generic status fallbacks. */
  readonly statuses?: Readonly<Record<string, MeaningInput>>;
  /** Endpoints by id: `'METHOD /path/{param}'`, optionally with `?key=value` the request must carry. */
  readonly endpoints?: Readonly<Record<string, EndpointInput>>;
  /** Documented responses that are steps, not failures. */
  readonly pending?: readonly PendingInput[];
  /** Documented sandbox triggers. */
  readonly sandbox?: readonly SandboxTriggerInput[];
  /** Where the provider states how long to wait: rate-limit headers, waits in messages, daily quotas. */
  readonly rateLimits?: RateLimitsInput;
  /** Notes on the provider's documentation as a whole. */
  readonly notes?: readonly string[];
}

/**
 * A validated catalog: the input, checked, with its literal types kept.
 *
 * @remarks
 * `'~validated'` is a type-level mark set by `defineCatalog` and
 * `parseCatalog`; no such property exists at run time. `createNormalizer`
 * takes only marked catalogs, because it compiles them without checking again.
 *
 * @public
 */
export type Catalog<C extends CatalogInput = CatalogInput> = C & { readonly '~validated': true };

/**
 * The endpoint ids of a catalog, for autocompletion.
 *
 * @public
 */
export type EndpointIdOf<C extends CatalogInput> =
  C['endpoints'] extends Readonly<Record<string, EndpointInput>> ? Extract<keyof C['endpoints'], string> : never;

/**
 * The provider-wide codes of a catalog, for autocompletion.
 *
 * @public
 */
export type CodeOf<C extends CatalogInput> = C['codes'] extends Readonly<Record<string, CodeInput>> ? Extract<keyof C['codes'], string> : never;
