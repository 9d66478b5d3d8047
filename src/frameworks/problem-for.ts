import { toProblem, type Problem, type ProblemOptions } from '../gateway/to-problem.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { providerError, type ProviderErrorOptions } from '../resilience/provider-error.js';
import { own, read } from '../util/own.js';

/**
 * Options shared by the framework integrations.
 *
 * @public
 */
export interface FrameworkOptions extends ProviderErrorOptions {
  /** Options of `toProblem` (the type base, the status table, whether to expose the request id). */
  readonly problem?: Omit<ProblemOptions, 'instance'>;
  /**
   * The problem `instance` of a request: a URI for this occurrence.
   *
   * @defaultValue a fresh `urn:uuid:` per answer
   */
  readonly instance?: (request: unknown) => string | undefined;
  /** Called with every provider error answered and its problem (for logs and metrics); what it throws is ignored. */
  readonly onError?: (error: NormalizedError, problem: Problem, request: unknown) => void;
}

/** A problem, serialized: what every framework writes the same way. */
export interface SerializedProblem {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function freshInstance(): string | undefined {
  try {
    const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
    return typeof crypto?.randomUUID === 'function' ? `urn:uuid:${crypto.randomUUID()}` : undefined;
  } catch {
    return undefined;
  }
}

function instanceFor(options: FrameworkOptions | undefined, request: unknown): string | undefined {
  const make = own(options, 'instance');
  if (typeof make !== 'function') return freshInstance();
  try {
    const value: unknown = make(request);
    return typeof value === 'string' && value !== '' && value.length <= 2048 ? value : undefined;
  } catch {
    return undefined;
  }
}

const PROBLEM_KEYS = ['typeBase', 'exposeRequestId', 'statusFor', 'exposeDisplayMessage'] as const;

/** The `toProblem` options given, each read once (a getter that throws reads as not given; `toProblem` checks the values). */
function problemOptions(base: unknown): ProblemOptions {
  const out: Record<string, unknown> = {};
  for (const key of PROBLEM_KEYS) {
    const value = own(base, key);
    if (value !== undefined) out[key] = value;
  }
  return out as ProblemOptions;
}

function serialize(problem: Problem): SerializedProblem {
  return { status: problem.status, headers: { ...problem.headers }, body: JSON.stringify(problem.body) };
}

/** The problem+json answer for a provider error among whatever was thrown, or `undefined` when it is not one. */
export function problemFor(thrown: unknown, request: unknown, options: FrameworkOptions | undefined): SerializedProblem | undefined {
  const error = providerError(thrown, options);
  if (error === undefined) return undefined;
  const instance = instanceFor(options, request);
  const problem = toProblem(error, { ...problemOptions(own(options, 'problem')), ...(instance === undefined ? {} : { instance }) });
  const onError = own(options, 'onError');
  if (typeof onError === 'function') {
    try {
      onError(error, problem, request);
    } catch {
      // A logger that throws must not change the answer.
    }
  }
  return serialize(problem);
}

// The reason phrases of RFC 9110 section 15, for the statuses a framework's own errors carry.
const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The problem+json answer for an error that is not a provider's: the status it
 * carries when it is a client error (a framework's validation or body-size
 * error: `statusCode` or `status`, 400-499), else 500; never its message,
 * which may quote the request.
 */
export function plainProblem(thrown: unknown, request: unknown, options: FrameworkOptions | undefined): SerializedProblem {
  const raw = read(thrown, 'statusCode') ?? read(thrown, 'status');
  const status = typeof raw === 'number' && Number.isInteger(raw) && raw >= 400 && raw <= 499 ? raw : 500;
  const instance = instanceFor(options, request);
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request'),
    status,
    ...(instance === undefined ? {} : { instance }),
  };
  return { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}
