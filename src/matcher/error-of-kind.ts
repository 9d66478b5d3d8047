import { KIND_DETAILS } from '../taxonomy/details.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { blank, build } from './build.js';
import { compileMeaning } from './compile.js';

/** What a gateway observed about a failure that no catalog documents (no response at all). */
export interface ObservedFailure {
  readonly provider: string;
  readonly code: string | undefined;
  readonly message: string;
  readonly endpoint: string | undefined;
  readonly detail: string | undefined;
  readonly mayHaveSucceeded: boolean;
  readonly description: string;
}

const DETAILS: Readonly<Record<string, { readonly values: readonly string[] } | undefined>> = KIND_DETAILS;

/**
 * A normalized error of a kind for a failure that never reached a catalog (a
 * network error), built the way the matcher builds every error.
 */
export function errorOfKind(kind: Kind, observed: ObservedFailure): NormalizedError {
  const detail = observed.detail !== undefined && DETAILS[kind]?.values.includes(observed.detail) === true ? observed.detail : undefined;
  // A known network failure is its own step; anything else thrown is not understood.
  const step = kind === 'unknown' ? 'none' : 'no-response';
  const meaning = compileMeaning({ kind, detail, description: observed.description }, step, step, undefined);
  const o = blank(observed.provider);
  o.code = observed.code;
  o.message = observed.message;
  o.endpointId = observed.endpoint;
  // A reset connection may have done the work as surely as a timeout: the caller knows which.
  const retry =
    observed.mayHaveSucceeded === meaning.retry.mayHaveSucceeded
      ? meaning.retry
      : Object.freeze({ ...meaning.retry, mayHaveSucceeded: observed.mayHaveSucceeded });
  return build({ ...meaning, retry }, o, true);
}
