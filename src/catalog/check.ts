/**
 * The catalog mistakes the compiler can catch, so an author sees them in the
 * editor before `defineCatalog` runs: an unknown key, a detail of the wrong
 * kind, a malformed endpoint id, a row whose code has no meaning. Each check
 * turns the offending part into a type the literal cannot satisfy (an error
 * message as a string type), at the place of the mistake.
 */
import type { KIND_DETAILS } from '../taxonomy/details.js';
import type { HttpMethod } from './endpoint-id.js';
import type {
  BodyShapeInput,
  CatalogInput,
  CategoryCodeInput,
  CodeInput,
  EndpointInput,
  HintsInput,
  MeaningInput,
  PendingInput,
  RateLimitsInput,
  RowInput,
  SandboxTriggerInput,
} from './types.js';

/**
 * Keys of `T` that `Shape` does not have, each mapped to an error naming it.
 *
 * @public
 */
export type NoExtra<T, Shape> = { readonly [K in Exclude<keyof T, keyof Shape>]: `unknown key "${K & string}"` };

/**
 * The detail values kind `K` may carry (`never` for a kind without details).
 *
 * @public
 */
export type DetailsOf<K> = K extends keyof typeof KIND_DETAILS ? (typeof KIND_DETAILS)[K]['values'][number] : never;

/**
 * A meaning whose keys are `Shape`'s and whose detail is one of its kind's
 * values (the kind its own, or the one it inherits).
 *
 * @public
 */
export type CheckMeaning<E, Shape, InheritedKind = never> = NoExtra<E, Shape> &
  (E extends { readonly detail: infer D }
    ? [E extends { readonly kind: infer K } ? K : InheritedKind] extends [infer K]
      ? [D] extends [DetailsOf<K>]
        ? unknown
        : { readonly detail: [DetailsOf<K>] extends [never] ? `kind "${K & string}" carries no detail` : DetailsOf<K> }
      : unknown
    : unknown) &
  (E extends { readonly hints: infer H } ? { readonly hints: NoExtra<H, HintsInput> } : unknown);

/**
 * The `codes` of a catalog literal checked: each meaning's keys and detail, and
 * each `byCategory` meaning's, which inherits the code's kind.
 *
 * @public
 */
export type CheckCodes<Codes> = {
  readonly [Code in keyof Codes]: CheckMeaning<Codes[Code], CodeInput> &
    (Codes[Code] extends { readonly byCategory: infer B; readonly kind: infer K }
      ? { readonly byCategory: { readonly [Category in keyof B]: CheckMeaning<B[Category], CategoryCodeInput, K> } }
      : unknown);
};

/**
 * The kind `Codes` gives `Code` (`never` where the code has no meaning there).
 *
 * @public
 */
export type KindOfCode<Codes, Code> = Code extends keyof Codes ? (Codes[Code] extends { readonly kind: infer K } ? K : never) : never;

/**
 * An endpoint row checked: its keys and detail, and a code that has a meaning
 * in `Codes` unless the row has a kind of its own.
 *
 * @public
 */
export type CheckRow<Row, Codes> = CheckMeaning<Row, RowInput, Row extends { readonly code: infer Code } ? KindOfCode<Codes, Code> : never> &
  (Row extends { readonly kind: string }
    ? unknown
    : Row extends { readonly code: infer Code }
      ? Code extends keyof Codes
        ? unknown
        : { readonly code: `code "${Code & string}" has no meaning in codes: document it there or give the row a kind` }
      : { readonly kind: 'a row without a code needs a kind' });

/**
 * The `endpoints` of a catalog literal checked: each id is `METHOD /path`, each
 * row's keys and detail, and each row's code has a meaning in `Codes` (or the
 * row has a kind of its own).
 *
 * @public
 */
export type CheckEndpoints<Endpoints, Codes> = {
  readonly [Id in keyof Endpoints]: Id extends `${HttpMethod} /${string}`
    ? NoExtra<Endpoints[Id], EndpointInput> &
        (Endpoints[Id] extends { readonly rows: infer Rows extends readonly unknown[] }
          ? { readonly rows: { readonly [I in keyof Rows]: CheckRow<Rows[I], Codes> } }
          : unknown)
    : `endpoint id "${Id & string}" must start with an upper-case HTTP method, a space and "/"`;
};

/**
 * A record of meanings (`categories`, `prefixes`, `statuses`) checked: each
 * entry's keys against `Shape` and its detail against its kind.
 *
 * @public
 */
export type CheckRecord<Entries, Shape> = { readonly [Key in keyof Entries]: CheckMeaning<Entries[Key], Shape> };

/**
 * What a catalog literal must also satisfy, beyond {@link CatalogInput}, for
 * `defineCatalog` to accept it: `unknown` where it is right, an error message
 * type where it is wrong.
 *
 * @public
 */
export type CheckCatalog<C> = NoExtra<C, CatalogInput> &
  (C extends { readonly codes: infer Codes } ? { readonly codes: CheckCodes<Codes> } : unknown) &
  (C extends { readonly categories: infer E } ? { readonly categories: CheckRecord<E, MeaningInput> } : unknown) &
  (C extends { readonly prefixes: infer E } ? { readonly prefixes: CheckRecord<E, MeaningInput> } : unknown) &
  (C extends { readonly statuses: infer E } ? { readonly statuses: CheckRecord<E, MeaningInput> } : unknown) &
  (C extends { readonly endpoints: infer E }
    ? { readonly endpoints: CheckEndpoints<E, C extends { readonly codes: infer Codes } ? Codes : Record<never, never>> }
    : unknown) &
  (C extends { readonly body: infer B } ? { readonly body: NoExtra<B, BodyShapeInput> } : unknown) &
  (C extends { readonly pending: infer P extends readonly unknown[] }
    ? { readonly pending: { readonly [I in keyof P]: NoExtra<P[I], PendingInput> } }
    : unknown) &
  (C extends { readonly sandbox: infer S extends readonly unknown[] }
    ? { readonly sandbox: { readonly [I in keyof S]: NoExtra<S[I], SandboxTriggerInput> } }
    : unknown) &
  (C extends { readonly timeout: infer T } ? { readonly timeout: NoExtra<T, NonNullable<CatalogInput['timeout']>> } : unknown) &
  (C extends { readonly rateLimits: infer R } ? { readonly rateLimits: NoExtra<R, RateLimitsInput> } : unknown);
