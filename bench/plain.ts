/**
 * The plain baseline the design's budget names: what a careful engineer writes by
 * hand for the documented Aerosync and Synapse rows: a regular expression per
 * route, a switch on (status, code) per endpoint, constant hint objects. The
 * bench checks it answers as normalize does on every row before timing both.
 */

interface Input {
  readonly provider: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface PlainResult {
  readonly kind: string;
  readonly provider: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly endpoint: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly hints: Hints;
}

interface Hints {
  readonly kind: string;
  readonly reason?: string;
  readonly scope?: string;
  readonly retryable: boolean;
  readonly userAction: string;
  readonly owner: string;
  readonly severity: string;
}

const M0: Hints = {kind: 'invalid-request',retryable: false,userAction: 'contact-support',owner: 'integrator',severity: 'ticket'};
const M1: Hints = {kind: 'auth',retryable: false,userAction: 'contact-support',owner: 'integrator',severity: 'page'};
const M2: Hints = {kind: 'not-found',retryable: false,userAction: 'none',owner: 'integrator',severity: 'ticket'};
const M3: Hints = {kind: 'fi-unavailable',reason: 'incomplete-data',retryable: true,userAction: 'wait',owner: 'institution',severity: 'info'};
const M4: Hints = {kind: 'reconnect-required',reason: 'connection',retryable: false,userAction: 'reconnect',owner: 'end-user',severity: 'info'};
const M5: Hints = {kind: 'manual-link-unsupported',retryable: false,userAction: 'link-another-account',owner: 'end-user',severity: 'info'};
const M6: Hints = {kind: 'reconnect-required',reason: 'fi-paused-sharing',retryable: false,userAction: 'reconnect',owner: 'end-user',severity: 'info'};
const M7: Hints = {kind: 'rate-limited',scope: 'end-user',retryable: true,userAction: 'wait',owner: 'end-user',severity: 'info'};
const M8: Hints = {kind: 'mfa-expired',retryable: false,userAction: 'restart-mfa',owner: 'end-user',severity: 'info'};
const M9: Hints = {kind: 'conflict',retryable: true,userAction: 'wait',owner: 'provider',severity: 'info'};
const M10: Hints = {kind: 'reconnect-required',reason: 'credentials',retryable: false,userAction: 'reenter-credentials',owner: 'end-user',severity: 'info'};
const M11: Hints = {kind: 'no-accounts',retryable: false,userAction: 'link-another-account',owner: 'end-user',severity: 'info'};
const M12: Hints = {kind: 'reconnect-required',reason: 'institution-attention',retryable: false,userAction: 'visit-institution',owner: 'end-user',severity: 'info'};
const M13: Hints = {kind: 'fi-unavailable',reason: 'maintenance',retryable: true,userAction: 'wait',owner: 'institution',severity: 'info'};
const M14: Hints = {kind: 'unsupported',retryable: false,userAction: 'link-another-account',owner: 'institution',severity: 'info'};
const M15: Hints = {kind: 'fi-unavailable',reason: 'unknown',retryable: true,userAction: 'wait',owner: 'institution',severity: 'info'};
const UNKNOWN: Hints = { kind: 'unknown', retryable: false, userAction: 'contact-support', owner: 'provider', severity: 'ticket' };

interface Route {
  readonly provider: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly endpoint: string;
  readonly names: readonly string[];
  readonly rows: (status: number, code: string | undefined) => Hints | undefined;
}

const ROUTES: readonly Route[] = [
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/token\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /token',
    names: [],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-101':
          return status === 401 ? M1 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'GET',
    pattern: /^\/accounts\/([^\/?#]+)\/?(?:\?[^#]*)?$/,
    endpoint: 'GET /accounts/{user_id}',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-103':
          return status === 400 ? M3 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'GET',
    pattern: /^\/accounts\/([^\/?#]+)\/balance\/?(?:\?[^#]*)?$/,
    endpoint: 'GET /accounts/{user_id}/balance',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-105':
          return status === 405 ? M5 : undefined;
        case 'AC-106':
          return status === 400 ? M6 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/accounts\/([^\/?#]+)\/refresh\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /accounts/{user_id}/refresh',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 400 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-107':
          return status === 405 ? M5 : undefined;
        case 'AC-108':
          return status === 429 ? M7 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/accounts\/([^\/?#]+)\/mfa\/([^\/?#]+)\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /accounts/{user_id}/mfa/{job_id}',
    names: ['user_id', 'job_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-109':
          return status === 404 ? M2 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/accounts\/([^\/?#]+)\/mfa\/([^\/?#]+)\/resolve\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /accounts/{user_id}/mfa/{job_id}/resolve',
    names: ['user_id', 'job_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-110':
          return status === 405 ? M8 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/accounts\/([^\/?#]+)\/identity\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /accounts/{user_id}/identity',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-111':
          return status === 405 ? M5 : undefined;
        case 'AC-112':
          return status === 409 ? M9 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'GET',
    pattern: /^\/accounts\/([^\/?#]+)\/identity\/?(?:\?[^#]*)?$/,
    endpoint: 'GET /accounts/{user_id}/identity',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-113':
          return status === 400 ? M6 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'POST',
    pattern: /^\/accounts\/([^\/?#]+)\/transactions\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /accounts/{user_id}/transactions',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-112':
          return status === 409 ? M9 : undefined;
        case 'AC-114':
          return status === 405 ? M5 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'GET',
    pattern: /^\/accounts\/([^\/?#]+)\/transactions\/?(?:\?[^#]*)?$/,
    endpoint: 'GET /accounts/{user_id}/transactions',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-115':
          return status === 405 ? M5 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'aerosync',
    method: 'GET',
    pattern: /^\/accounts\/([^\/?#]+)\/job\/([^\/?#]+)\/?(?:\?[^#]*)?$/,
    endpoint: 'GET /accounts/{user_id}/job/{job_id}',
    names: ['user_id', 'job_id'],
    rows: (status, code) => {
      switch (code) {
        case 'AC-100':
          return status === 400 ? M0 : undefined;
        case 'AC-001':
          return status === 403 ? M1 : undefined;
        case 'AC-102':
          return status === 404 ? M2 : undefined;
        case 'AC-104':
          return status === 400 ? M4 : undefined;
        case 'AC-109':
          return status === 404 ? M2 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'synapse',
    method: 'POST',
    pattern: /^\/users\/([^\/?#]+)\/nodes\/?(?:\?[^#]*)?$/,
    endpoint: 'POST /users/{user_id}/nodes',
    names: ['user_id'],
    rows: (status, code) => {
      switch (code) {
        case '200':
          return status === 400 ? M10 : undefined;
        case '460':
          return status === 402 ? M11 : undefined;
        case '500':
          return status === 402 ? M12 : undefined;
        case '503':
          return status === 503 ? M13 : undefined;
        default:
          return undefined;
      }
    },
  },
  {
    provider: 'synapse',
    method: 'GET',
    pattern: /^\/users\/([^\/?#]+)\/nodes\/([^\/?#]+)\/?\?(?:[^#]*&)?force_refresh=yes(?:&[^#]*)?$/,
    endpoint: 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes',
    names: ['user_id', 'node_id'],
    rows: (status, code) => {
      switch (code) {
        case '410':
          return status === 400 ? M14 : undefined;
        case '110':
          return status === 401 ? M10 : undefined;
        case '500':
          return status === 500 ? M15 : undefined;
        case '503':
          return status === 503 ? M15 : undefined;
        default:
          return undefined;
      }
    },
  },
];

// Routes by provider and method, so a call tries only the routes that can match.
const BY_METHOD = new Map<string, Route[]>();
for (const route of ROUTES) {
  const key = `${route.provider} ${route.method}`;
  BY_METHOD.set(key, [...(BY_METHOD.get(key) ?? []), route]);
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Classifies an Aerosync or Synapse error by route and code, as a hand-written gateway does. */
export function plain(input: Input): PlainResult {
  const { provider, url, status, body } = input;
  const method = input.method.toUpperCase();
  // The path and query without the origin, the version prefix or a fragment: what the routes match.
  const scheme = url.indexOf('://');
  let path = scheme < 0 ? url : url.slice(url.indexOf('/', scheme + 3));
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  const prefix = provider === 'aerosync' ? '/v2/' : '/v3.1/';
  if (path.startsWith(prefix)) path = path.slice(prefix.length - 1);
  const error = body['error'];
  const raw = provider === 'aerosync' ? (typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['code'] : undefined) : body['error_code'];
  const code = typeof raw === 'string' ? raw : undefined;
  for (const route of BY_METHOD.get(`${provider} ${method}`) ?? []) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < route.names.length; i++) params[route.names[i] ?? ''] = decode(match[i + 1] ?? '');
    const hints = route.rows(status, code) ?? UNKNOWN;
    return { kind: hints.kind, provider, status, code, endpoint: route.endpoint, params, hints };
  }
  return { kind: UNKNOWN.kind, provider, status, code, endpoint: undefined, params: {}, hints: UNKNOWN };
}
