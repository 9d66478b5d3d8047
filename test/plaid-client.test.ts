import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isAxiosError } from 'axios';
import { Configuration, PlaidApi } from 'plaid';
import { createNormalizer, type NormalizeInputFor } from '../src/index.js';
import { plaid } from '../catalogs/plaid.js';

// The official client against a loopback server that answers as Plaid's error pages document.

const { normalize } = createNormalizer([plaid]);

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
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
      received.push({ method: request.method, path: request.url, clientId: typeof header === 'string' ? header : undefined, json: JSON.parse(text) as unknown });
      const reply = replies.shift() ?? { status: 500, body: '{}' };
      response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new PlaidApi(
    new Configuration({
      basePath: `http://127.0.0.1:${port}`,
      baseOptions: { timeout: 5_000, headers: { 'PLAID-CLIENT-ID': 'client-loopback', 'PLAID-SECRET': 'secret-loopback' } },
    }),
  );
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

// HeadersLike does not accept axios's header types yet (AxiosHeaderValue may be a boolean or an
// array): keep the string-valued headers, as a typed gateway has to today.
function stringHeaders(headers: object): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** What a gateway builds from the axios error the official client throws. */
function inputOf(error: unknown): NormalizeInputFor<[typeof plaid]> {
  if (!isAxiosError(error) || error.response === undefined) throw new Error(`expected an axios error with a response, got ${String(error)}`);
  return {
    provider: 'plaid',
    ...(error.config?.method === undefined ? {} : { method: error.config.method }),
    ...(error.config?.url === undefined ? {} : { url: error.config.url }),
    status: error.response.status,
    headers: stringHeaders(error.response.headers),
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
      body: plaidError({ error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS', error_message: 'invalid client_id or secret provided', display_message: null, request_id: 'req-keys-3' }),
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
      body: plaidError({ error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR', error_message: 'an unexpected error occurred', display_message: null, request_id: 'req-500' }),
    });
    expect(normalize(inputOf(internal))).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', status: 500, requestId: 'req-500' });
    const maintenance = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 503,
      body: plaidError({ error_type: 'API_ERROR', error_code: 'PLANNED_MAINTENANCE', error_message: 'the Plaid API is temporarily unavailable due to planned maintenance', display_message: null, request_id: 'req-503' }),
    });
    expect(normalize(inputOf(maintenance))).toMatchObject({ kind: 'provider-unavailable', reason: 'maintenance', status: 503, requestId: 'req-503' });
  });

  test('an ITEM_ERROR code this catalog does not know, at 400, classifies by error_type', async () => {
    const error = await failure(() => client.accountsGet({ access_token: 'access-sandbox-x' }), {
      status: 400,
      body: plaidError({ error_type: 'ITEM_ERROR', error_code: 'A_CODE_PLAID_ADDS_LATER', error_message: 'new', display_message: null, request_id: 'req-new' }),
    });
    expect(normalize(inputOf(error))).toMatchObject({ kind: 'reconnect-required', reason: 'connection', code: 'A_CODE_PLAID_ADDS_LATER', match: { by: 'category' } });
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
