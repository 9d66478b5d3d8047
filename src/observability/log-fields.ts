import type { Kind } from '../taxonomy/kinds.js';
import type { Owner, Severity, UserAction } from '../taxonomy/hints.js';
import type { MatchStep, NormalizedError } from '../taxonomy/normalized-error.js';
import { detailOf, endpointOf, kindOf, matchOf, ownerOf, providerOf, read, retryableOf, severityOf, statusOf, userActionOf } from '../taxonomy/read-error.js';

/**
 * Options of {@link logFields}.
 *
 * @public
 */
export interface LogFieldOptions {
  /**
   * Which `params` values to log: `true` for all, or the names to keep. They may identify a user (`user_id`), so none by default.
   * @defaultValue `false`
   */
  readonly params?: boolean | readonly string[];
  /**
   * The longest `message` logged, in characters.
   * @defaultValue `256`
   */
  readonly maxMessageLength?: number;
}

/**
 * Structured log fields of one normalized error: what operators need, nothing that identifies an end user by default.
 *
 * @public
 */
export interface ErrorLogFields {
  /** The catalog id, or `'other'`. */
  readonly provider: string;
  /** The kind. */
  readonly kind: Kind;
  /** The kind's detail (`reason` or `scope`), when it has one. */
  readonly detail?: string;
  /** The provider code as observed (capped), documented or not. */
  readonly code?: string;
  /** The observed HTTP status. */
  readonly status?: number;
  /** The catalog endpoint template id. */
  readonly endpoint?: string;
  /** The provider's developer message, capped, with logged-out param values replaced by `{name}`. */
  readonly message: string;
  /** The provider's request id, for its support desk. */
  readonly requestId?: string;
  /** Who must act. */
  readonly owner: Owner;
  /** How loudly to react. */
  readonly severity: Severity;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** Whether the same request can succeed later. */
  readonly retryable: boolean;
  /** How long to wait before retrying, when the provider or the catalog says. */
  readonly retryAfterMs?: number;
  /** How it was classified. */
  readonly match: MatchStep;
  /** The params the options allow, if any. */
  readonly params?: Readonly<Record<string, string>>;
}

const MAX_ID_LENGTH = 128;
const MAX_PARAMS = 32;
const MAX_MESSAGE_LENGTH = 65_536;

function capped(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;
}

/**
 * Safe structured log fields of a normalized error: no cause, no unrequested params, a capped message.
 *
 * @remarks
 * A documented message template puts param values (a user id) into the
 * provider's message too: they are replaced by `{name}` there unless logged.
 *
 * @example
 * ```ts
 * logger.warn(logFields(error), 'provider error');
 * ```
 *
 * @public
 */
export function logFields(error: NormalizedError, options?: LogFieldOptions): ErrorLogFields {
  const allowed = read(options, 'params');
  const allow: boolean | readonly unknown[] = allowed === true || Array.isArray(allowed) ? allowed : false;
  const maxLength = read(options, 'maxMessageLength');
  const max = typeof maxLength === 'number' && Number.isFinite(maxLength) ? Math.min(Math.max(0, Math.floor(maxLength)), MAX_MESSAGE_LENGTH) : 256;
  const source = read(error, 'params');
  const kept: Record<string, string> = {};
  const raw = read(error, 'message');
  // Only what can be logged is searched for param values: the work is bounded whatever the message's length.
  let message = typeof raw === 'string' ? raw.slice(0, max + MAX_ID_LENGTH) : '';
  if (typeof source === 'object' && source !== null) {
    let entries: [string, unknown][] = [];
    try {
      entries = Object.entries(source).slice(0, MAX_PARAMS);
    } catch {
      // Params we cannot read are not logged.
    }
    for (const [name, value] of entries) {
      if (typeof value !== 'string') continue;
      if (allow === true || (Array.isArray(allow) && allow.includes(name))) kept[name] = value.slice(0, MAX_ID_LENGTH);
      // Short values ('1', 'a') would mangle the message without hiding anything.
      else if (value.length >= 3) message = message.split(value.slice(0, MAX_ID_LENGTH * 2)).join(`{${name.slice(0, 64)}}`);
    }
  }
  const detail = detailOf(error);
  const code = capped(read(error, 'code'), MAX_ID_LENGTH);
  const status = statusOf(error);
  const endpoint = endpointOf(error);
  const requestId = capped(read(error, 'requestId'), MAX_ID_LENGTH);
  const afterMs = read(read(error, 'retry'), 'afterMs');
  return {
    provider: providerOf(error),
    kind: kindOf(error),
    ...(detail === undefined ? {} : { detail }),
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    ...(endpoint === undefined ? {} : { endpoint }),
    message: message.length > max ? `${message.slice(0, max)}…` : message,
    ...(requestId === undefined ? {} : { requestId }),
    owner: ownerOf(error),
    severity: severityOf(error),
    userAction: userActionOf(error),
    retryable: retryableOf(error),
    ...(typeof afterMs === 'number' && Number.isFinite(afterMs) && afterMs >= 0 ? { retryAfterMs: afterMs } : {}),
    match: matchOf(error),
    ...(Object.keys(kept).length === 0 ? {} : { params: kept }),
  };
}
