import type { NormalizeInput, PendingStep } from '../matcher/create-normalizer.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { own, read } from '../util/own.js';

/**
 * What the webhook adapters need of a normalizer: `createNormalizer(...)` is one.
 *
 * @public
 */
export interface WebhookNormalizer {
  /** Classifies an error or a failing status a webhook carries; never throws. */
  normalize(input: NormalizeInput): NormalizedError;
  /** The pending step a status announces (MX `CHALLENGED`, Yodlee `USER_INPUT_REQUIRED`), when it is one. */
  pending?(input: NormalizeInput): PendingStep | undefined;
}

/**
 * Options of every webhook adapter.
 *
 * @public
 */
export interface WebhookEventOptions {
  /**
   * Classifies the error or status a webhook carries with the same catalogs as
   * the HTTP path (give it the catalogs of the providers you receive from), so
   * kinds, hints, `userAction`, `owner` and `severity` agree with it.
   */
  readonly normalizer: WebhookNormalizer;
}

/** The normalizer of an options value, when it is one; never throws. */
export function normalizerOf(options: unknown): WebhookNormalizer | undefined {
  const normalizer = own(options, 'normalizer');
  return typeof read(normalizer, 'normalize') === 'function' ? (normalizer as WebhookNormalizer) : undefined;
}
