/**
 * The baseline: what a team writes by hand for Aerosync's documented rows
 * (endpoint inference, a switch per endpoint, per-kind hints), with the same
 * output fields as `normalize`. The bench compares the two on the same inputs.
 */
import { KIND_DEFAULTS } from '../src/taxonomy/defaults.js';
import type { Kind } from '../src/taxonomy/kinds.js';

interface Input {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body: { readonly error?: { readonly code?: string; readonly message?: string } };
}

function byCode(code: string | undefined): Kind | undefined {
  switch (code) {
    case 'AC-001':
    case 'AC-101':
      return 'auth';
    case 'AC-100':
      return 'invalid-request';
    case 'AC-102':
    case 'AC-109':
      return 'not-found';
    case 'AC-103':
      return 'fi-unavailable';
    case 'AC-104':
    case 'AC-106':
    case 'AC-113':
      return 'reconnect-required';
    case 'AC-105':
    case 'AC-107':
    case 'AC-111':
    case 'AC-114':
    case 'AC-115':
      return 'manual-link-unsupported';
    case 'AC-108':
      return 'rate-limited';
    case 'AC-110':
      return 'mfa-expired';
    case 'AC-112':
      return 'conflict';
    default:
      return undefined;
  }
}

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined || !segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function byStatus(status: number): Kind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'provider-unavailable';
  return 'unknown';
}

/** Classifies an Aerosync error the way a hand-written gateway switch does. */
export function handWritten(input: Input): object {
  const { url, status } = input;
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
  const query = url.indexOf('?', start);
  let path = url.slice(start, query < 0 ? url.length : query);
  if (path.startsWith('/v2/')) path = path.slice(3);
  const parts = path.split('/');
  const method = input.method.toUpperCase();
  const code = input.body.error?.code;
  const message = input.body.error?.message ?? '';
  let endpoint: string | undefined;
  let userId: string | undefined;
  let jobId: string | undefined;
  if (parts[1] === 'token' && parts.length === 2 && method === 'POST') endpoint = 'POST /token';
  else if (parts[1] === 'accounts' && parts.length >= 3) {
    userId = parts[2];
    switch (parts.length) {
      case 3:
        if (method === 'GET') endpoint = 'GET /accounts/{user_id}';
        break;
      case 4:
        if (parts[3] === 'balance' && method === 'GET') endpoint = 'GET /accounts/{user_id}/balance';
        else if (parts[3] === 'refresh' && method === 'POST') endpoint = 'POST /accounts/{user_id}/refresh';
        else if (parts[3] === 'identity') endpoint = method === 'POST' ? 'POST /accounts/{user_id}/identity' : 'GET /accounts/{user_id}/identity';
        else if (parts[3] === 'transactions') endpoint = method === 'POST' ? 'POST /accounts/{user_id}/transactions' : 'GET /accounts/{user_id}/transactions';
        break;
      case 5:
        jobId = parts[4];
        if (parts[3] === 'mfa' && method === 'POST') endpoint = 'POST /accounts/{user_id}/mfa/{job_id}';
        else if (parts[3] === 'job' && method === 'GET') endpoint = 'GET /accounts/{user_id}/job/{job_id}';
        break;
      case 6:
        jobId = parts[4];
        if (parts[3] === 'mfa' && parts[5] === 'resolve' && method === 'POST') endpoint = 'POST /accounts/{user_id}/mfa/{job_id}/resolve';
        break;
    }
  }
  const kind = byCode(code) ?? byStatus(status);
  const retryAfter = input.headers?.['retry-after'] ?? input.headers?.['Retry-After'];
  const afterMs = retryAfter === undefined ? undefined : Number(retryAfter) * 1000;
  const hints = KIND_DEFAULTS[kind];
  return {
    kind,
    provider: 'aerosync',
    status,
    code,
    message,
    displayMessage: undefined,
    endpoint,
    params: jobId === undefined ? { user_id: decode(userId) } : { user_id: decode(userId), job_id: decode(jobId) },
    requestId: input.headers?.['x-request-id'],
    retry: {
      retryable: hints.retryable,
      afterMs,
      afterSource: afterMs === undefined ? undefined : 'retry-after',
      waitForJob: kind === 'conflict',
      mayHaveSucceeded: false,
    },
    userAction: hints.userAction,
    owner: hints.owner,
    severity: hints.severity,
    match: { by: byCode(code) === undefined ? 'status' : 'row', documentedStatus: undefined, description: undefined, note: undefined, source: undefined },
  };
}
