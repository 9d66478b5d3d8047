import { KIND_DEFAULTS } from '../taxonomy/defaults.js';
import { KIND_DETAILS } from '../taxonomy/details.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';

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

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const DETAILS: Readonly<Record<string, { readonly field: string; readonly values: readonly string[]; readonly fallback: string } | undefined>> = KIND_DETAILS;

/**
 * Builds a valid normalized error of a kind from the kind's defaults, the way the
 * matcher does for a documented meaning, for failures that never reached a catalog.
 */
export function errorOfKind(kind: Kind, observed: ObservedFailure): NormalizedError {
  const defaults = KIND_DEFAULTS[kind];
  const spec = DETAILS[kind];
  const error: Record<string, unknown> = {
    kind,
    provider: observed.provider,
    status: undefined,
    code: observed.code,
    message: observed.message,
    displayMessage: undefined,
    endpoint: observed.endpoint,
    params: EMPTY_PARAMS,
    requestId: undefined,
    retry: Object.freeze({
      retryable: defaults.retryable,
      afterMs: undefined,
      afterSource: undefined,
      waitForJob: kind === 'conflict',
      mayHaveSucceeded: observed.mayHaveSucceeded,
    }),
    userAction: defaults.userAction,
    owner: defaults.owner,
    severity: defaults.severity,
    match: Object.freeze({ by: 'none', documentedStatus: undefined, description: observed.description, note: undefined, source: undefined }),
  };
  if (spec !== undefined) {
    error[spec.field] = observed.detail !== undefined && spec.values.includes(observed.detail) ? observed.detail : spec.fallback;
  } else if (kind === 'unknown') error['pending'] = undefined;
  return Object.freeze(error) as unknown as NormalizedError;
}
