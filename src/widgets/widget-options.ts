import type { ConnectionRef } from '../connections/event.js';
import type { NormalizerLike } from '../gateway/options.js';
import { normalizerOption } from '../gateway/options.js';
import type { NormalizeInput } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { own } from '../util/own.js';

/**
 * Options of every widget adapter.
 *
 * @public
 */
export interface WidgetOptions {
  /**
   * A normalizer over the provider's catalog (`createNormalizer([plaid])`, or a lean catalog in a browser bundle):
   * the error a callback carries is then classified as the HTTP path classifies it, into the event's `error`,
   * and its `userAction` and `severity` win. Without one, no matcher or catalog is loaded and the adapter's own
   * table decides.
   *
   * @defaultValue `undefined`
   */
  readonly normalizer?: NormalizerLike;
  /**
   * The connection the widget was opened for (Plaid update mode, an MX member, a Teller `enrollmentId`), named in
   * events whose payload does not name one.
   *
   * @defaultValue `undefined`
   */
  readonly connection?: ConnectionRef;
  /**
   * The provider's id of the end user, named in events whose payload does not name one.
   *
   * @defaultValue `undefined`
   */
  readonly user?: string;
}

/** Options as read: each field once, wrong types as absent. */
export interface ReadOptions {
  readonly normalizer: NormalizerLike | undefined;
  readonly connection: ConnectionRef | undefined;
  readonly user: string | undefined;
}

/** The first `max` characters of a non-empty string; `undefined` for anything else (the React Native bridge sends `""` for absent values). */
export function text(value: unknown, max = 256): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;
}

/** Reads the options once; a proxy, a throwing getter or a wrong type reads as "not given". */
export function readOptions(options: unknown): ReadOptions {
  const connection = own(options, 'connection');
  const type = text(own(connection, 'type'), 32);
  const id = text(own(connection, 'id'));
  return {
    normalizer: normalizerOption(options),
    connection: type !== undefined && id !== undefined ? { type, id } : undefined,
    user: text(own(options, 'user')),
  };
}

/** The error a signal carries, classified by the caller's normalizer; `undefined` without one, or when it answers something else. */
export function classify(options: ReadOptions, input: NormalizeInput): NormalizedError | undefined {
  if (options.normalizer === undefined) return undefined;
  try {
    const error = options.normalizer.normalize(input);
    return typeof own(error, 'kind') === 'string' && typeof own(own(error, 'match'), 'by') === 'string' ? error : undefined;
  } catch {
    return undefined;
  }
}
