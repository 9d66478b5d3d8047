import type { KIND_DETAILS } from '../taxonomy/details.js';
import type { DetailedKind } from '../taxonomy/details.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { Kind } from '../taxonomy/kinds.js';

/**
 * The end-user text of one entry; every field is optional, so an override can change only what it names.
 *
 * @public
 */
export interface MessageText {
  /** A short headline. */
  readonly title?: string;
  /** One or two sentences for the end user. */
  readonly body?: string;
  /** The call to action this entry asks for, over the error's `userAction`. */
  readonly action?: UserAction;
  /** The button's label, over the locale's label for the action. */
  readonly label?: string;
}

/**
 * A kind and one of its detail values, e.g. `'reconnect-required.consent'`.
 *
 * @public
 */
export type DetailKey = { [K in DetailedKind]: `${K}.${(typeof KIND_DETAILS)[K]['values'][number]}` }[DetailedKind];

/**
 * The texts of one locale; when rendering, the most specific entry that sets a field wins.
 *
 * @remarks
 * Specificity, highest first: `codes[provider][code]`, `providers[provider]`,
 * `details['kind.detail']`, `kinds[kind]`. A custom locale's entries come
 * before the built-in ones of the same language (or English when there are none).
 *
 * @public
 */
export interface MessageCatalog {
  /** Texts per kind. */
  readonly kinds?: { readonly [K in Kind]?: MessageText };
  /** Texts per kind and detail (`reason` or `scope`). */
  readonly details?: { readonly [D in DetailKey]?: MessageText };
  /** Texts per provider id. */
  readonly providers?: Readonly<Record<string, MessageText>>;
  /** Texts per provider id, then provider code. */
  readonly codes?: Readonly<Record<string, Readonly<Record<string, MessageText>>>>;
  /** The label of each call to action. */
  readonly actions?: { readonly [A in UserAction]?: string };
}

/**
 * A built-in locale: every kind has a title and a body, every action a label.
 *
 * @public
 */
export interface CompleteMessageCatalog extends MessageCatalog {
  /** The title and body of every kind. */
  readonly kinds: { readonly [K in Kind]: { readonly title: string; readonly body: string } };
  /** Texts per kind and detail (`reason` or `scope`), for the details this locale words differently from their kind. */
  readonly details: { readonly [D in DetailKey]?: MessageText };
  /** The label of every call to action. */
  readonly actions: { readonly [A in UserAction]: string };
}
