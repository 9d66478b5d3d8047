import type { Kind } from '../taxonomy/kinds.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';

/**
 * Options of {@link toProblem}.
 *
 * @public
 */
export interface ProblemOptions {
  /**
   * The base of the problem `type` URI; the kind is appended. Point it at your own documentation.
   *
   * @defaultValue 'https://aggregator-errors.dev/problems/'
   */
  readonly typeBase?: string;
  /** The problem `instance`: a URI for this occurrence (e.g. your own request id as a URN). */
  readonly instance?: string;
  /**
   * Whether to add the provider's request id as `requestId` (for support tickets).
   *
   * @defaultValue false
   */
  readonly exposeRequestId?: boolean;
  /** Statuses over the default table, by kind. */
  readonly statusFor?: Partial<Readonly<Record<Kind, number>>>;
}

/**
 * The headers of a problem response; a type alias, so it passes as Node's `OutgoingHttpHeaders`.
 *
 * @public
 */
export type ProblemHeaders = {
  readonly 'content-type': 'application/problem+json';
  /** A problem describes one failure; it must not be cached. */
  readonly 'cache-control': 'no-store';
  /** Seconds to wait, when the provider or its docs say. */
  readonly 'retry-after'?: string;
};

/**
 * An RFC 9457 problem details body, with the normalized error's safe fields as extensions.
 *
 * @public
 */
export interface ProblemBody {
  /** A stable URI per kind. */
  readonly type: string;
  /** A short summary of the kind, the same for every occurrence. */
  readonly title: string;
  /** The HTTP status the gateway answers with. */
  readonly status: number;
  /** An explanation safe to show to clients: never the provider's developer message. */
  readonly detail: string;
  /** A URI for this occurrence, when given. */
  readonly instance?: string;
  /** The normalized error's kind. */
  readonly kind: Kind;
  /** The provider's catalog id. */
  readonly provider: string;
  /** The provider's code, e.g. `'AC-104'`. */
  readonly code?: string;
  /** What the end user should do. */
  readonly userAction: UserAction;
  /** The kind's reason, as on the normalized error (`'fi-paused-sharing'`, `'timeout'`). */
  readonly reason?: string;
  /** A rate limit's scope, as on the normalized error (`'end-user'` or `'client'`). */
  readonly scope?: string;
  /** Seconds to wait before trying again, when known. */
  readonly retryAfter?: number;
  /** The provider's request id, only with `exposeRequestId`. */
  readonly requestId?: string;
}

/**
 * What a gateway answers its own client.
 *
 * @public
 */
export interface Problem {
  /** The HTTP status to answer with: the options' `statusFor` for the kind, else {@link problemStatus}. */
  readonly status: number;
  /** The response headers to send with the body. */
  readonly headers: ProblemHeaders;
  /** The `application/problem+json` body, to serialize as JSON. */
  readonly body: ProblemBody;
}

/**
 * The status a gateway answers its own client with, by kind.
 *
 * @remarks
 * | kind | status | why |
 * |---|---|---|
 * | `auth` | 502 | our credentials with the provider broke; never 401, which would sign the frontend's user out |
 * | `invalid-request` | 500 | we built a request the provider refused: our bug |
 * | `not-found` | 404 | the user, account or job does not exist at the provider |
 * | `conflict` | 409 | a job is already running for this resource |
 * | `rate-limited` | 429 for scope `end-user`, else 503 | only a per-user lock is the client's to respect; our own throttling is our outage |
 * | `mfa-expired` | 409 | the MFA session is gone: the user starts again |
 * | `reconnect-required` | 409 | the user's bank connection must be renewed before this can work |
 * | `manual-link-unsupported` | 422 | the operation cannot be done for a manually linked account |
 * | `unsupported` | 422 | the institution or account does not support the operation |
 * | `no-accounts` | 422 | the login worked but no eligible account exists |
 * | `fi-unavailable` | 503 | the bank is down: try later |
 * | `provider-unavailable` | 504 for reason `timeout`, else 503 | the provider is down or did not answer in time |
 * | `unknown` | 502 | the provider answered something nothing documents |
 *
 * @example
 * ```ts
 * problemStatus(error); // 409 for reconnect-required
 * ```
 *
 * @public
 */
export function problemStatus(error: NormalizedError): number {
  switch (error.kind) {
    case 'auth':
      return 502;
    case 'invalid-request':
      return 500;
    case 'not-found':
      return 404;
    case 'conflict':
    case 'mfa-expired':
    case 'reconnect-required':
      return 409;
    case 'rate-limited':
      return error.scope === 'end-user' ? 429 : 503;
    case 'manual-link-unsupported':
    case 'unsupported':
    case 'no-accounts':
      return 422;
    case 'fi-unavailable':
      return 503;
    case 'provider-unavailable':
      return error.reason === 'timeout' ? 504 : 503;
    case 'unknown':
      return 502;
  }
}

const TITLES: { readonly [K in Kind]: string } = {
  auth: 'Provider rejected our credentials',
  'invalid-request': 'Provider rejected our request',
  'not-found': 'Not found at the provider',
  conflict: 'Operation already in progress',
  'rate-limited': 'Too many requests',
  'mfa-expired': 'Verification expired',
  'reconnect-required': 'Bank connection needs attention',
  'manual-link-unsupported': 'Not available for manually linked accounts',
  unsupported: 'Not supported by this institution',
  'no-accounts': 'No eligible accounts',
  'fi-unavailable': 'Bank unavailable',
  'provider-unavailable': 'Bank data provider unavailable',
  unknown: 'Unexpected provider error',
};

const DETAILS: { readonly [K in Kind]: string } = {
  auth: 'The bank data provider rejected this service’s credentials. This is not caused by your request; try again later or contact support.',
  'invalid-request': 'This service sent the bank data provider a request it could not accept. Contact support.',
  'not-found': 'The bank data provider has no record of the requested user, account or job.',
  conflict: 'An operation for this connection is already running. Wait for it to finish.',
  'rate-limited': 'The bank data provider is limiting requests. Try again later.',
  'mfa-expired': 'The verification step timed out. Start connecting the account again.',
  'reconnect-required': 'The connection to the bank must be renewed. Reconnect the account.',
  'manual-link-unsupported': 'This is not available for an account linked manually. Link the account by signing in to the bank.',
  unsupported: 'The bank or account does not support this operation.',
  'no-accounts': 'Signing in worked, but no eligible account was found. Link another account.',
  'fi-unavailable': 'The bank is not responding or sent incomplete data. Try again later.',
  'provider-unavailable': 'The bank data provider is temporarily unavailable. Try again later.',
  unknown: 'The bank data provider returned an error this service does not recognize. Try again later or contact support.',
};

// Keyed by `${kind}:${detail}`: a detail that says more than the kind alone.
const DETAIL_TEXT: Readonly<Record<string, string>> = {
  'rate-limited:end-user': 'Too many attempts for this connection. Wait before trying again.',
  'reconnect-required:credentials': 'The bank did not accept the saved sign-in details. Reconnect the account with current credentials.',
  'reconnect-required:consent': 'Permission to read this account expired or was revoked. Reconnect the account to grant it again.',
  'reconnect-required:fi-paused-sharing': 'The bank paused sharing data for this account. Reconnect the account to continue.',
  'reconnect-required:account-locked': 'The account is locked at the bank. Unlock it with the bank, then reconnect.',
  'reconnect-required:institution-attention': 'The bank needs the account holder’s attention. Sign in to the bank’s website, then reconnect.',
  'fi-unavailable:maintenance': 'The bank is under maintenance. Try again later.',
  'provider-unavailable:timeout': 'The bank data provider did not answer in time. Try again later.',
  'provider-unavailable:maintenance': 'The bank data provider is under maintenance. Try again later.',
};

const DEFAULT_TYPE_BASE = 'https://aggregator-errors.dev/problems/';

function detailOf(error: NormalizedError): string | undefined {
  switch (error.kind) {
    case 'reconnect-required':
    case 'fi-unavailable':
    case 'provider-unavailable':
      return error.reason;
    case 'rate-limited':
      return error.scope;
    default:
      return undefined;
  }
}

function validStatus(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599 ? value : undefined;
}

/**
 * Turns a normalized error into the RFC 9457 `application/problem+json` answer a
 * gateway sends its own client, with a status from {@link problemStatus}.
 *
 * @remarks
 * The body carries `kind`, `reason` or `scope` and `userAction` as the normalized
 * error names them, so `renderMessage` from `aggregator-errors/messages` renders it
 * directly. `detail` is this library's text for the kind, safe for clients: the provider's
 * developer message, its request id (unless `exposeRequestId`) and anything from
 * the request never appear. `retryAfter` and the `Retry-After` header are whole
 * seconds, rounded up.
 *
 * @example
 * ```ts
 * const { status, headers, body } = toProblem(error);
 * res.writeHead(status, headers).end(JSON.stringify(body));
 * ```
 *
 * @public
 */
export function toProblem(error: NormalizedError, options?: ProblemOptions): Problem {
  const status = validStatus(options?.statusFor?.[error.kind]) ?? problemStatus(error);
  const detail = detailOf(error);
  const afterMs = error.retry.retryable ? error.retry.afterMs : undefined;
  const retryAfter = typeof afterMs === 'number' && Number.isFinite(afterMs) && afterMs >= 0 ? Math.ceil(afterMs / 1000) : undefined;
  const typeBase = options?.typeBase ?? DEFAULT_TYPE_BASE;
  const body: ProblemBody = {
    type: `${typeBase}${error.kind}`,
    title: TITLES[error.kind],
    status,
    detail: (detail === undefined ? undefined : DETAIL_TEXT[`${error.kind}:${detail}`]) ?? DETAILS[error.kind],
    ...(options?.instance === undefined ? {} : { instance: options.instance }),
    kind: error.kind,
    provider: error.provider,
    ...(error.code === undefined ? {} : { code: error.code }),
    userAction: error.userAction,
    // Named as on the normalized error, so the frontend's renderMessage reads the body as it is.
    ...(detail === undefined ? {} : error.kind === 'rate-limited' ? { scope: detail } : { reason: detail }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(options?.exposeRequestId === true && error.requestId !== undefined ? { requestId: error.requestId } : {}),
  };
  const headers: ProblemHeaders = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
  };
  return { status, headers, body };
}
