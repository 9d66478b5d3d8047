import type { Kind } from '../taxonomy/kinds.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { detailOf, kindOf, userActionOf } from '../taxonomy/read-error.js';
import type { DetailKey } from '../messages/message-catalog.js';
import { PROBLEM_DETAIL_TEXT, PROBLEM_DETAILS, PROBLEM_TITLES } from '../messages/problem-text.js';
import { own, ownString } from '../util/own.js';
import { stringOption } from './options.js';

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
  /**
   * Whether to add the text the provider wrote for end users (Plaid's `display_message`) as `displayMessage`,
   * for a frontend that renders it (`renderMessage`'s `displayMessage` option).
   *
   * @defaultValue false
   */
  readonly exposeDisplayMessage?: boolean;
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
  /** The provider's text for end users, only with `exposeDisplayMessage`. */
  readonly displayMessage?: string;
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
 * Our own credentials broken (`auth`) and answers nothing documents (`unknown`)
 * are 502, never a 401 that would sign the frontend's user out; a request we
 * built wrong (`invalid-request`) is our 500; only a per-user lock (`rate-limited`
 * with scope `end-user`) is a 429 the client must respect; a provider that did not
 * answer in time is 504. The whole table, generated from this function, is in the
 * package's docs/gateway.md ("The status each kind answers").
 *
 * @example
 * ```ts
 * problemStatus(error); // 409 for reconnect-required
 * ```
 *
 * @public
 */
export function problemStatus(error: NormalizedError): number {
  const kind = kindOf(error);
  switch (kind) {
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
      return detailOf(error) === 'end-user' ? 429 : 503;
    case 'manual-link-unsupported':
    case 'unsupported':
    case 'no-accounts':
      return 422;
    case 'fi-unavailable':
      return 503;
    case 'provider-unavailable':
      return detailOf(error) === 'timeout' ? 504 : 503;
    case 'unknown':
      return 502;
  }
}

const DEFAULT_TYPE_BASE = 'https://aggregator-errors.dev/problems/';
const MAX_PROVIDER_CHARS = 64;
const MAX_CODE_CHARS = 128;
const MAX_DISPLAY_CHARS = 500;

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
  const kind = kindOf(error);
  const status = validStatus(own(own(options, 'statusFor'), kind)) ?? problemStatus(error);
  const detail = detailOf(error);
  const retry = own(error, 'retry');
  const afterMs = own(retry, 'retryable') === true ? own(retry, 'afterMs') : undefined;
  const retryAfter = typeof afterMs === 'number' && Number.isFinite(afterMs) && afterMs >= 0 ? Math.ceil(Math.min(afterMs, 2_147_483_647) / 1000) : undefined;
  const typeBase = stringOption(options, 'typeBase', 2048) ?? DEFAULT_TYPE_BASE;
  const instance = stringOption(options, 'instance', 2048);
  const provider = ownString(error, 'provider');
  const code = ownString(error, 'code');
  const requestId = own(options, 'exposeRequestId') === true ? ownString(error, 'requestId') : undefined;
  const display = own(options, 'exposeDisplayMessage') === true ? ownString(error, 'displayMessage') : undefined;
  const body: ProblemBody = {
    type: `${typeBase}${kind}`,
    title: PROBLEM_TITLES[kind],
    status,
    detail: (detail === undefined ? undefined : PROBLEM_DETAIL_TEXT[`${kind}.${detail}` as DetailKey]) ?? PROBLEM_DETAILS[kind],
    ...(instance === undefined ? {} : { instance }),
    kind,
    provider: provider === undefined || provider === '' ? 'unknown' : provider.slice(0, MAX_PROVIDER_CHARS),
    ...(code === undefined || code === '' ? {} : { code: code.slice(0, MAX_CODE_CHARS) }),
    userAction: userActionOf(error),
    // Named as on the normalized error, so the frontend's renderMessage reads the body as it is.
    ...(detail === undefined ? {} : kind === 'rate-limited' ? { scope: detail } : { reason: detail }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(requestId === undefined || requestId === '' ? {} : { requestId: requestId.slice(0, 256) }),
    ...(display === undefined || display.trim() === '' ? {} : { displayMessage: display.slice(0, MAX_DISPLAY_CHARS) }),
  };
  const headers: ProblemHeaders = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
  };
  return { status, headers, body };
}
