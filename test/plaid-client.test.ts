import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isAxiosError } from 'axios';
import { Configuration, PlaidApi } from 'plaid';
import { createNormalizer, type NormalizeInputFor, type NormalizedError } from '../src/index.js';
import { fromError, readError } from '../src/gateway/index.js';
import { plaid } from '../catalogs/plaid.js';

// The official client against a loopback server that answers as Plaid's error pages document.

const normalizer = createNormalizer([plaid]);
const { normalize } = normalizer;

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  /** Never answer: the client's own timeout ends the request. */
  readonly hang?: true;
}

interface Received {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly clientId: string | undefined;
  readonly json: unknown;
}

const replies: Reply[] = [];
const received: Received[] = [];
let server: Server;
let client: PlaidApi;
let basePath: string;

const CLIENT_ID = 'client-loopback';
const SECRET = 'secret-loopback';
const HEADERS = { 'PLAID-CLIENT-ID': CLIENT_ID, 'PLAID-SECRET': SECRET };

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readAll(request).then((text) => {
      const header = request.headers['plaid-client-id'];
      received.push({
        method: request.method,
        path: request.url,
        clientId: typeof header === 'string' ? header : undefined,
        json: JSON.parse(text) as unknown,
      });
      const reply = replies.shift() ?? { status: 500, body: '{}' };
      if (reply.hang === true) return;
      response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  basePath = `http://127.0.0.1:${port}`;
  client = new PlaidApi(new Configuration({ basePath, baseOptions: { timeout: 5_000, headers: HEADERS } }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/** What a gateway builds from the axios error the official client throws. */
function inputOf(error: unknown): NormalizeInputFor<[typeof plaid]> {
  if (!isAxiosError(error) || error.response === undefined) throw new Error(`expected an axios error with a response, got ${String(error)}`);
  return {
    provider: 'plaid',
    ...(error.config?.method === undefined ? {} : { method: error.config.method }),
    ...(error.config?.url === undefined ? {} : { url: error.config.url }),
    status: error.response.status,
    // axios's own header type (RawAxiosResponseHeaders | AxiosResponseHeaders) is a HeadersLike as it is.
    headers: error.response.headers,
    body: error.response.data,
  };
}

async function failure(call: () => Promise<unknown>, reply: Reply): Promise<unknown> {
  replies.push(reply);
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

const plaidError = (fields: Record<string, unknown>): string => JSON.stringify(fields);

describe('errors thrown by the official plaid client', () => {
  test('accountsGet answered ITEM_LOGIN_REQUIRED (400): reconnect-required, request_id kept', async () => {
    const error = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 400,
      body: plaidError({
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message:
          "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
        display_message: null,
        request_id: 'req-login-1',
      }),
    });
    expect(received.at(-1)).toEqual({ method: 'POST', path: '/accounts/get', clientId: 'client-loopback', json: { access_token: 'access-sandbox-x' } });
    const input = inputOf(error);
    expect(input).toMatchObject({ method: 'post', status: 400 });
    expect(input.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/accounts\/get$/);
    expect(normalize(input)).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      provider: 'plaid',
      code: 'ITEM_LOGIN_REQUIRED',
      status: 400,
      requestId: 'req-login-1',
      displayMessage: undefined,
      userAction: 'reconnect',
      match: { by: 'code' },
    });
  });

  test('itemGet answered INSTITUTION_DOWN (400) with a display_message for the end user', async () => {
    const error = await failure(() => client.itemGet({ access_token: 'access-sandbox-x' }), {
      status: 400,
      body: plaidError({
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_DOWN',
        error_message: 'this institution is not currently responding to this request. please try again soon',
        display_message: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
        request_id: 'req-down-2',
      }),
    });
    expect(received.at(-1)?.path).toBe('/item/get');
    expect(normalize(inputOf(error))).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'down',
      code: 'INSTITUTION_DOWN',
      requestId: 'req-down-2',
      displayMessage: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
      retry: { retryable: true },
    });
  });

  test('INVALID_API_KEYS (400) is auth and pages', async () => {
    const error = await failure(() => client.itemGet({ access_token: 'access-sandbox-x' }), {
      status: 400,
      body: plaidError({
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_API_KEYS',
        error_message: 'invalid client_id or secret provided',
        display_message: null,
        request_id: 'req-keys-3',
      }),
    });
    expect(normalize(inputOf(error))).toMatchObject({ kind: 'auth', severity: 'page', owner: 'integrator', requestId: 'req-keys-3' });
  });

  test('ACCOUNTS_LIMIT (429) is a client rate limit', async () => {
    const error = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 429,
      body: plaidError({
        error_type: 'RATE_LIMIT_EXCEEDED',
        error_code: 'ACCOUNTS_LIMIT',
        error_message: 'rate limit exceeded for attempts to access this item. please try again later',
        display_message: null,
        request_id: 'req-429',
      }),
    });
    expect(normalize(inputOf(error))).toMatchObject({ kind: 'rate-limited', scope: 'client', status: 429, requestId: 'req-429', retry: { retryable: true } });
  });

  test('INTERNAL_SERVER_ERROR (500) and PLANNED_MAINTENANCE (503) are Plaid failing', async () => {
    const internal = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 500,
      body: plaidError({
        error_type: 'API_ERROR',
        error_code: 'INTERNAL_SERVER_ERROR',
        error_message: 'an unexpected error occurred',
        display_message: null,
        request_id: 'req-500',
      }),
    });
    expect(normalize(inputOf(internal))).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', status: 500, requestId: 'req-500' });
    const maintenance = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 503,
      body: plaidError({
        error_type: 'API_ERROR',
        error_code: 'PLANNED_MAINTENANCE',
        error_message: 'the Plaid API is temporarily unavailable due to planned maintenance',
        display_message: null,
        request_id: 'req-503',
      }),
    });
    expect(normalize(inputOf(maintenance))).toMatchObject({ kind: 'provider-unavailable', reason: 'maintenance', status: 503, requestId: 'req-503' });
  });

  test('an ITEM_ERROR code this catalog does not know, at 400, classifies by error_type', async () => {
    const error = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 400,
      body: plaidError({ error_type: 'ITEM_ERROR', error_code: 'A_CODE_PLAID_ADDS_LATER', error_message: 'new', display_message: null, request_id: 'req-new' }),
    });
    expect(normalize(inputOf(error))).toMatchObject({
      kind: 'reconnect-required',
      reason: 'connection',
      code: 'A_CODE_PLAID_ADDS_LATER',
      match: { by: 'category' },
    });
  });

  test('an HTML page from a proxy in front of Plaid (502) is Plaid being unavailable', async () => {
    const error = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 502,
      contentType: 'text/html',
      body: '<html><body>502 Bad Gateway</body></html>',
    });
    const input = inputOf(error);
    expect(typeof input.body).toBe('string');
    expect(normalize(input)).toMatchObject({ kind: 'provider-unavailable', status: 502, code: undefined });
  });
});

// What a gateway writes: the thrown error goes to fromError as it is, no hand-built input.
const ACCESS_TOKEN = 'access-sandbox-7d1e4b9a-fromerror';

/** Fails when any credential the request carried shows anywhere in what the gateway keeps. */
function expectNoCredentials(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of [CLIENT_ID, SECRET, ACCESS_TOKEN]) expect(text).not.toContain(secret);
}

/** The fields a classification is made of, to compare fromError's with the hand-built input's. */
function classification(error: NormalizedError): Record<string, unknown> {
  return {
    kind: error.kind,
    reason: 'reason' in error ? error.reason : undefined,
    code: error.code,
    status: error.status,
    requestId: error.requestId,
    endpoint: error.endpoint,
    by: error.match.by,
  };
}

interface Case {
  readonly name: string;
  readonly call: (api: PlaidApi) => Promise<unknown>;
  readonly path: string;
  readonly reply: Reply;
  readonly expected: Record<string, unknown>;
}

const cases: readonly Case[] = [
  {
    name: 'accountsGet answered ITEM_LOGIN_REQUIRED (400)',
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: {
      status: 400,
      body: plaidError({
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message:
          "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
        display_message: null,
        request_id: 'req-login-10',
      }),
    },
    expected: {
      kind: 'reconnect-required',
      reason: 'credentials',
      code: 'ITEM_LOGIN_REQUIRED',
      status: 400,
      requestId: 'req-login-10',
      endpoint: 'POST /accounts/get',
      userAction: 'reconnect',
      match: { by: 'code' },
    },
  },
  {
    name: 'itemGet answered INSTITUTION_DOWN (400)',
    call: (api) => api.itemGet({ access_token: ACCESS_TOKEN }),
    path: '/item/get',
    reply: {
      status: 400,
      body: plaidError({
        error_type: 'INSTITUTION_ERROR',
        error_code: 'INSTITUTION_DOWN',
        error_message: 'this institution is not currently responding to this request. please try again soon',
        display_message: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
        request_id: 'req-down-20',
      }),
    },
    expected: {
      kind: 'fi-unavailable',
      reason: 'down',
      code: 'INSTITUTION_DOWN',
      status: 400,
      requestId: 'req-down-20',
      endpoint: 'POST /item/get',
      displayMessage: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
      retry: { retryable: true },
      match: { by: 'code' },
    },
  },
  {
    name: 'itemGet answered INVALID_API_KEYS (400)',
    call: (api) => api.itemGet({ access_token: ACCESS_TOKEN }),
    path: '/item/get',
    reply: {
      status: 400,
      body: plaidError({
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_API_KEYS',
        error_message: 'invalid client_id or secret provided',
        display_message: null,
        request_id: 'req-keys-30',
      }),
    },
    expected: {
      kind: 'auth',
      code: 'INVALID_API_KEYS',
      status: 400,
      requestId: 'req-keys-30',
      endpoint: 'POST /item/get',
      severity: 'page',
      owner: 'integrator',
      match: { by: 'code' },
    },
  },
  {
    name: "accountsGet answered ACCOUNTS_LIMIT (429), the endpoint's own row",
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: {
      status: 429,
      body: plaidError({
        error_type: 'RATE_LIMIT_EXCEEDED',
        error_code: 'ACCOUNTS_LIMIT',
        error_message: 'rate limit exceeded for attempts to access this item. please try again later',
        display_message: null,
        request_id: 'req-429-40',
      }),
    },
    expected: {
      kind: 'rate-limited',
      scope: 'client',
      code: 'ACCOUNTS_LIMIT',
      status: 429,
      requestId: 'req-429-40',
      endpoint: 'POST /accounts/get',
      retry: { retryable: true },
      match: { by: 'row' },
    },
  },
  {
    name: 'accountsGet answered INTERNAL_SERVER_ERROR (500)',
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: {
      status: 500,
      body: plaidError({
        error_type: 'API_ERROR',
        error_code: 'INTERNAL_SERVER_ERROR',
        error_message: 'an unexpected error occurred',
        display_message: null,
        request_id: 'req-500-50',
      }),
    },
    expected: {
      kind: 'provider-unavailable',
      reason: 'server-error',
      code: 'INTERNAL_SERVER_ERROR',
      status: 500,
      requestId: 'req-500-50',
      endpoint: 'POST /accounts/get',
      match: { by: 'code' },
    },
  },
  {
    name: 'accountsGet answered PLANNED_MAINTENANCE (503)',
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: {
      status: 503,
      body: plaidError({
        error_type: 'API_ERROR',
        error_code: 'PLANNED_MAINTENANCE',
        error_message: 'the Plaid API is temporarily unavailable due to planned maintenance',
        display_message: null,
        request_id: 'req-503-60',
      }),
    },
    expected: {
      kind: 'provider-unavailable',
      reason: 'maintenance',
      code: 'PLANNED_MAINTENANCE',
      status: 503,
      requestId: 'req-503-60',
      endpoint: 'POST /accounts/get',
      match: { by: 'code' },
    },
  },
  {
    name: 'an ITEM_ERROR code the catalog does not know (400)',
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: {
      status: 400,
      body: plaidError({
        error_type: 'ITEM_ERROR',
        error_code: 'A_CODE_PLAID_ADDS_LATER',
        error_message: 'new',
        display_message: null,
        request_id: 'req-new-70',
      }),
    },
    expected: {
      kind: 'reconnect-required',
      reason: 'connection',
      code: 'A_CODE_PLAID_ADDS_LATER',
      status: 400,
      requestId: 'req-new-70',
      endpoint: 'POST /accounts/get',
      match: { by: 'category' },
    },
  },
  {
    name: 'an HTML page from a proxy in front of Plaid (502)',
    call: (api) => api.accountsGet({ access_token: ACCESS_TOKEN }),
    path: '/accounts/get',
    reply: { status: 502, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' },
    expected: { kind: 'provider-unavailable', code: undefined, status: 502, requestId: undefined, endpoint: 'POST /accounts/get', match: { by: 'status' } },
  },
];

describe('fromError on the errors the official plaid client throws', () => {
  test.each(cases)('$name: classified as the hand-built input is, with the endpoint from the URL', async ({ call, path, reply, expected }) => {
    const error = await failure(() => call(client), reply);
    // The request carried every credential, and the thrown error still holds them (axios keeps the
    // request's config): the checks below would catch any of them.
    expect(received.at(-1)).toMatchObject({ method: 'POST', path, clientId: CLIENT_ID, json: { access_token: ACCESS_TOKEN } });
    const thrown = JSON.stringify(error);
    for (const secret of [CLIENT_ID, SECRET, ACCESS_TOKEN]) expect(thrown).toContain(secret);
    const result = fromError(error, { normalizer, provider: 'plaid' });
    expect(result).toMatchObject({ provider: 'plaid', ...expected });
    expect(classification(result)).toEqual(classification(normalize(inputOf(error))));
    expect(result.params).toEqual({});
    expectNoCredentials(result);
    expectNoCredentials(readError(error, { provider: 'plaid' }));
  });

  test('readError keeps the method, the URL and the parsed body, and drops the request', async () => {
    const error = await failure(() => client.accountsGet({ access_token: ACCESS_TOKEN }), cases[0]?.reply ?? { status: 400, body: '{}' });
    expect(readError(error, { provider: 'plaid' })).toEqual({
      provider: 'plaid',
      method: 'POST',
      url: `${basePath}/accounts/get`,
      status: 400,
      headers: expect.objectContaining({ 'content-type': 'application/json' }) as unknown,
      body: expect.objectContaining({ error_code: 'ITEM_LOGIN_REQUIRED', request_id: 'req-login-10' }) as unknown,
    });
  });

  test("a request Plaid never answers ends at the client's timeout: provider-unavailable timeout, maybe done", async () => {
    const impatient = new PlaidApi(new Configuration({ basePath, baseOptions: { timeout: 150, headers: HEADERS } }));
    const error = await failure(() => impatient.accountsGet({ access_token: ACCESS_TOKEN }), { status: 200, body: '', hang: true });
    expect(isAxiosError(error) && error.code).toBe('ECONNABORTED');
    expect(JSON.stringify(error)).toContain(SECRET);
    expect(readError(error, { provider: 'plaid' })).toBeUndefined();
    const result = fromError(error, { normalizer, provider: 'plaid' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'timeout',
      provider: 'plaid',
      status: undefined,
      code: 'ECONNABORTED',
      endpoint: 'POST /accounts/get',
      message: expect.stringContaining('timeout of 150ms exceeded') as unknown,
      retry: { mayHaveSucceeded: true },
      match: { by: 'no-response' },
    });
    expectNoCredentials(result);
  });

  test('a refused connection never reached Plaid: provider-unavailable network, not done', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = new PlaidApi(new Configuration({ basePath: `http://127.0.0.1:${port}`, baseOptions: { timeout: 5_000, headers: HEADERS } }));
    let error: unknown;
    try {
      await nowhere.itemGet({ access_token: ACCESS_TOKEN });
    } catch (caught) {
      error = caught;
    }
    const result = fromError(error, { normalizer, provider: 'plaid' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'network',
      code: 'ECONNREFUSED',
      endpoint: 'POST /item/get',
      retry: { mayHaveSucceeded: false },
      match: { by: 'no-response' },
    });
    expectNoCredentials(result);
  });
});
