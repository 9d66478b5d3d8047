import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer, type NormalizedError } from '../src/index.js';
import { fromError, isSuccess, readError } from '../src/gateway/index.js';
import { synapse } from '../catalogs/synapse.js';

// The official Synapse Node client (synapsenode 1.2.17, CommonJS, axios 0.18) against a loopback
// server that answers as Synapse's docs do. Every error body below is a documented example: the
// bank login and sync tables (seeds/synapse-ach-us-bank-login.txt, from
// https://old-docs.synapsefi.com/docs/a-aggregation-common-errors), the errors page's example body
// and the MFA step (https://docs.synapsefi.com/docs/errors, the SDKs' tests). The docs print no
// wording for error.en ("messages are subject to change"): the rows' own descriptions stand in.

// synapsenode ships no types: the little of it this test uses.
interface SynapseResponse {
  readonly status: number;
  readonly data: unknown;
  readonly headers: unknown;
  readonly config: unknown;
}
interface SynapseUser {
  readonly id: string;
  readonly oauth_key: string;
  createNode(body: object, idempotencyKey?: string | null): Promise<SynapseResponse>;
  verifyAchMfa(accessToken: string, mfaAnswer: string): Promise<SynapseResponse>;
  getNode(nodeId: string, query?: { readonly full_dehydrate?: 'yes' | 'no'; readonly force_refresh?: 'yes' | 'no' }): Promise<SynapseResponse>;
}
interface SynapseClient {
  host: string;
  getUser(userId: string, options?: { readonly fingerprint?: string; readonly ip_address?: string } | null): Promise<SynapseUser>;
}
interface SynapseModule {
  readonly Client: new (options: { client_id: string; client_secret: string; fingerprint: string; ip_address: string; isProduction: boolean }) => SynapseClient;
}
/** The part of axios 0.18's default instance the client sends through. */
interface Axios018 {
  readonly defaults: { timeout: number };
}

const require = createRequire(import.meta.url);
const { Client } = require('synapsenode') as SynapseModule;
// synapsenode calls axios.get/post on the default instance of its own axios and takes no timeout
// option: a gateway sets Synapse's recommended bank-login timeout on that instance.
const synapseAxios = createRequire(require.resolve('synapsenode'))('axios') as Axios018;

const normalizer = createNormalizer([synapse]);
const LOGIN = 'POST /users/{user_id}/nodes';
const SYNC = 'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes';
const USER_ID = '5e3c9d8a1f2b4a0012ab34cd';
const NODE_ID = '5e3c9e0b7c1d2f0011ef5678';

// Everything a request carries that must never reach a result: the X-SP-GATEWAY parts, the
// X-SP-USER parts, the user's IP, the refresh token the client posts to /oauth, the bank login.
const CLIENT_ID = 'client_id_5e1a7c2b9d';
const CLIENT_SECRET = 'client_secret_8f3d6e0a4c';
const FINGERPRINT = 'fingerprint_2b7e9c41d0';
const IP_ADDRESS = '203.0.113.57';
const REFRESH_TOKEN = 'refresh_3c8a1e6f2d9b';
const OAUTH_KEY = 'oauth_7a2d5f8c1e4b';
const BANK_PW = 'test1234_pw_6d2f';
const MFA_ACCESS_TOKEN = 'mfa_access_token_9e4c1a7b';
const MFA_ANSWER = 'answer_5b8d2e0f';
const SECRETS = [CLIENT_ID, CLIENT_SECRET, FINGERPRINT, IP_ADDRESS, REFRESH_TOKEN, OAUTH_KEY, BANK_PW, MFA_ACCESS_TOKEN, MFA_ANSWER];

/** A bank login as the docs' request table has it: the sandbox username picks the answer. */
const bankLogin = (bankId: string): object => ({ type: 'ACH-US', info: { bank_id: bankId, bank_pw: BANK_PW, bank_name: 'fake' } });

/** Synapse's error body: codes and statuses as strings, success false (https://docs.synapsefi.com/docs/errors). */
const errorBody = (errorCode: string, httpCode: string, en: string): string =>
  JSON.stringify({ error: { en }, error_code: errorCode, http_code: httpCode, success: false });

interface Reply {
  readonly status: number;
  readonly body?: string;
  readonly contentType?: string;
  /** Never answer: the client's timeout ends the request. */
  readonly hang?: true;
}

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly gateway: string | undefined;
  readonly user: string | undefined;
  readonly ip: string | undefined;
  readonly body: string;
}

// Replies queued for the next request whose "METHOD /path?query" matches; getUser and /oauth are
// answered with a user and an OAuth key unless a test queues something else for them.
const queued: { readonly route: RegExp; readonly reply: Reply }[] = [];
const received: Received[] = [];
let server: Server;
let host: string;

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

function defaultReply(key: string): Reply {
  if (key === `GET /v3.1/users/${USER_ID}?full_dehydrate=no`) return { status: 200, body: JSON.stringify({ _id: USER_ID, refresh_token: REFRESH_TOKEN }) };
  if (key === `POST /v3.1/oauth/${USER_ID}`)
    return { status: 200, body: JSON.stringify({ oauth_key: OAUTH_KEY, refresh_token: REFRESH_TOKEN, expires_in: '7200', user_id: USER_ID }) };
  return { status: 404, body: '' };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readAll(request).then((body) => {
      const key = `${request.method ?? ''} ${request.url ?? ''}`;
      received.push({
        method: request.method,
        url: request.url,
        gateway: header(request, 'x-sp-gateway'),
        user: header(request, 'x-sp-user'),
        ip: header(request, 'x-sp-user-ip'),
        body,
      });
      const at = queued.findIndex(({ route }) => route.test(key));
      const reply = at < 0 ? defaultReply(key) : (queued.splice(at, 1)[0]?.reply ?? defaultReply(key));
      if (reply.hang === true) return;
      response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
      response.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `http://127.0.0.1:${port}/v3.1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/** A client as a gateway makes it, sent to the loopback server instead of the UAT host it sets. */
function newClient(): SynapseClient {
  const client = new Client({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, fingerprint: FINGERPRINT, ip_address: IP_ADDRESS, isProduction: false });
  expect(client.host).toBe('https://uat-api.synapsefi.com/v3.1');
  client.host = host;
  return client;
}

/** getUser fetches the user and posts its refresh token to /oauth: the User then holds an OAuth key. */
async function signedInUser(): Promise<SynapseUser> {
  const user = await newClient().getUser(USER_ID);
  expect(user.oauth_key).toBe(OAUTH_KEY);
  return user;
}

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

function answer(route: RegExp, reply: Reply): void {
  queued.push({ route, reply });
}

/** Fails when anything the request carried (credentials, the bank login, the IP) shows in a result. */
function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value) ?? '';
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** The thrown error still holds the request (axios keeps its config): the secret checks are not vacuous. */
function expectCarried(error: unknown, secrets: readonly string[]): void {
  const config = JSON.stringify((error as { config?: unknown }).config);
  for (const secret of secrets) expect(config).toContain(secret);
}

const LOGIN_ROUTE = new RegExp(`^POST /v3\\.1/users/${USER_ID}/nodes$`);
const SYNC_ROUTE = new RegExp(`^GET /v3\\.1/users/${USER_ID}/nodes/${NODE_ID}\\?force_refresh=yes$`);

describe("a bank login (createNode) answered as the docs' bank login table", () => {
  test('402/460: no ACH-capable account, from the row; the request went to /v3.1/users/{id}/nodes with both headers', async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, { status: 402, body: errorBody('460', '402', 'No ACH capable account found') });
    const error = await failure(() => user.createNode(bankLogin('synapse_no_accounts')));
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      url: `/v3.1/users/${USER_ID}/nodes`,
      gateway: `${CLIENT_ID}|${CLIENT_SECRET}`,
      user: `${OAUTH_KEY}|${FINGERPRINT}`,
      ip: IP_ADDRESS,
    });
    expect(JSON.parse(received.at(-1)?.body ?? '{}')).toEqual(bankLogin('synapse_no_accounts'));
    expectCarried(error, [CLIENT_SECRET, OAUTH_KEY, FINGERPRINT, BANK_PW]);

    const input = readError(error, { provider: 'synapse' });
    expect(input).toMatchObject({ provider: 'synapse', method: 'POST', url: `${host}/users/${USER_ID}/nodes`, status: 402 });
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'no-accounts',
      provider: 'synapse',
      code: '460',
      status: 402,
      message: 'No ACH capable account found',
      endpoint: LOGIN,
      params: { user_id: USER_ID },
      userAction: 'link-another-account',
      match: { by: 'row', source: 'https://old-docs.synapsefi.com/docs/a-aggregation-common-errors' },
    });
    expect(result).toEqual(normalizer.normalize(input ?? { provider: 'synapse' }));
    expectNoSecrets(input);
    expectNoSecrets(result);
    expect(JSON.stringify(result)).not.toContain('synapse_no_accounts');
  });

  test("402/500: the account is locked or the bank wants the user's attention, not a server error", async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, {
      status: 402,
      body: errorBody(
        '500',
        '402',
        "Either the account is locked or the bank is requesting user's attention (because they are not set up completely or set up or for some other reason).",
      ),
    });
    const error = await failure(() => user.createNode(bankLogin('synapse_bank_request')));
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'reconnect-required',
      reason: 'institution-attention',
      code: '500',
      status: 402,
      endpoint: LOGIN,
      userAction: 'visit-institution',
      owner: 'end-user',
      severity: 'info',
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });

  test('400/200: bad bank credentials, the user re-enters them', async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, {
      status: 400,
      body: errorBody('200', '400', 'Triggered when something is not correct at the payload level. Mostly always for bad user credentials.'),
    });
    const error = await failure(() => user.createNode(bankLogin('synapse_good')));
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      code: '200',
      status: 400,
      endpoint: LOGIN,
      userAction: 'reenter-credentials',
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });

  test('503/503: bank or Synapse maintenance at bank login is fi-unavailable, counted and never paged', async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, { status: 503, body: errorBody('503', '503', 'Service unavailable due to Bank or Synapse maintenance.') });
    const error = await failure(() => user.createNode(bankLogin('synapse_maintenance')));
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'maintenance',
      code: '503',
      status: 503,
      endpoint: LOGIN,
      severity: 'info',
      retry: { retryable: true },
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });
});

describe('the MFA step of a bank login', () => {
  test("202 with an MFA question resolves, is no success, and is the pending mfa step; a wrong answer is the user's invalid value", async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, {
      status: 202,
      body: JSON.stringify({
        error_code: '10',
        http_code: '202',
        mfa: { access_token: MFA_ACCESS_TOKEN, message: 'What is your favorite color?' },
        success: true,
      }),
    });
    // axios resolves a 202: the gateway checks it, and reads the response as readError reads an error's.
    const response = await user.createNode(bankLogin('synapse_good'));
    expect(response.status).toBe(202);
    expect(isSuccess(response, { normalizer, provider: 'synapse' })).toBe(false);
    const input = readError({ response }, { provider: 'synapse' });
    expect(input).toMatchObject({ method: 'POST', url: `${host}/users/${USER_ID}/nodes`, status: 202 });
    const step = normalizer.pending(input ?? { provider: 'synapse' });
    expect(step).toEqual({ provider: 'synapse', step: 'mfa', code: '10', status: 202 });
    expectNoSecrets(step);

    // The answer goes to the same path with the MFA access token. Code 400 is "incorrect values
    // supplied (... wrong MFA answer ...)"; the body is the errors page's own example (400 at HTTP 409).
    answer(LOGIN_ROUTE, { status: 409, body: errorBody('400', '409', 'Incorrect values supplied.') });
    const error = await failure(() => user.verifyAchMfa(MFA_ACCESS_TOKEN, MFA_ANSWER));
    expect(JSON.parse(received.at(-1)?.body ?? '{}')).toEqual({ access_token: MFA_ACCESS_TOKEN, mfa_answer: MFA_ANSWER });
    expectCarried(error, [MFA_ACCESS_TOKEN, MFA_ANSWER]);
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'invalid-request',
      code: '400',
      status: 409,
      endpoint: LOGIN,
      owner: 'end-user',
      severity: 'info',
      match: { by: 'code' },
    });
    expect(normalizer.pending(readError(error, { provider: 'synapse' }) ?? { provider: 'synapse' })).toBeUndefined();
    expectNoSecrets(result);
  });
});

describe("a sync (getNode with force_refresh) answered as the docs' sync table", () => {
  test('the client builds ?force_refresh=yes: 401/110 is bad bank credentials, with both path parameters', async () => {
    const user = await signedInUser();
    answer(SYNC_ROUTE, {
      status: 401,
      body: errorBody('110', '401', "Bad credentials: Update the user's credentials by re-linking the account via bank logins."),
    });
    const error = await failure(() => user.getNode(NODE_ID, { force_refresh: 'yes' }));
    expect(received.at(-1)).toMatchObject({
      method: 'GET',
      url: `/v3.1/users/${USER_ID}/nodes/${NODE_ID}?force_refresh=yes`,
      gateway: `${CLIENT_ID}|${CLIENT_SECRET}`,
      user: `${OAUTH_KEY}|${FINGERPRINT}`,
    });
    expect(readError(error, { provider: 'synapse' })?.url).toBe(`${host}/users/${USER_ID}/nodes/${NODE_ID}?force_refresh=yes`);
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'reconnect-required',
      reason: 'credentials',
      code: '110',
      status: 401,
      endpoint: SYNC,
      params: { user_id: USER_ID, node_id: NODE_ID },
      userAction: 'reenter-credentials',
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });

  test('400/410: the bank does not support refresh', async () => {
    const user = await signedInUser();
    answer(SYNC_ROUTE, { status: 400, body: errorBody('410', '400', 'Refresh not allowed: Refresh is not supported for the selected bank (e.g. Ally).') });
    const result = fromError(await failure(() => user.getNode(NODE_ID, { force_refresh: 'yes' })), { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({ kind: 'unsupported', code: '410', status: 400, endpoint: SYNC, match: { by: 'row' } });
    expectNoSecrets(result);
  });

  test('500/500: an unknown refresh error, not a server error, so it never pages', async () => {
    const user = await signedInUser();
    answer(SYNC_ROUTE, {
      status: 500,
      body: errorBody('500', '500', 'Unknown refresh error: Not to be confused with a general server error or unknown login error.'),
    });
    const result = fromError(await failure(() => user.getNode(NODE_ID, { force_refresh: 'yes' })), { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'unknown',
      code: '500',
      status: 500,
      endpoint: SYNC,
      severity: 'info',
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });

  test('503/503 (the table\'s "50503"): a temporary refresh failure, retried later', async () => {
    const user = await signedInUser();
    answer(SYNC_ROUTE, {
      status: 503,
      body: errorBody(
        '503',
        '503',
        'Refresh temporarily unavailable: This account is eligible for refresh but a temporary error (e.g. bank maintenance) caused it to fail. Try again later.',
      ),
    });
    const result = fromError(await failure(() => user.getNode(NODE_ID, { force_refresh: 'yes' })), { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'fi-unavailable',
      reason: 'unknown',
      code: '503',
      status: 503,
      endpoint: SYNC,
      retry: { retryable: true },
      match: { by: 'row' },
    });
    expectNoSecrets(result);
  });

  test("a plain getNode (no force refresh) is not a sync: 401/110 keeps the code's provider-wide meaning", async () => {
    const user = await signedInUser();
    answer(new RegExp(`^GET /v3\\.1/users/${USER_ID}/nodes/${NODE_ID}$`), { status: 401, body: errorBody('110', '401', 'Incorrect user credentials.') });
    const result = fromError(await failure(() => user.getNode(NODE_ID)), { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({ kind: 'reconnect-required', reason: 'credentials', code: '110', endpoint: undefined, params: {}, match: { by: 'code' } });
    expectNoSecrets(result);
  });
});

describe('Synapse itself failing', () => {
  test('getUser answered 503/503 is Synapse unavailable for maintenance, and the client throws before any OAuth', async () => {
    const before = received.length;
    answer(new RegExp(`^GET /v3\\.1/users/${USER_ID}\\?full_dehydrate=no$`), { status: 503, body: errorBody('503', '503', 'Service unavailable.') });
    const error = await failure(() => newClient().getUser(USER_ID));
    expect(received.slice(before).map((request) => `${request.method ?? ''} ${request.url ?? ''}`)).toEqual([`GET /v3.1/users/${USER_ID}?full_dehydrate=no`]);
    expect(received.at(-1)).toMatchObject({ gateway: `${CLIENT_ID}|${CLIENT_SECRET}`, user: `|${FINGERPRINT}` });
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'maintenance',
      code: '503',
      status: 503,
      endpoint: undefined,
      severity: 'page',
      match: { by: 'code' },
    });
    expectNoSecrets(result);
  });

  test('a 5xx HTML page (a proxy in front of Synapse) at bank login is Synapse unavailable, by its status', async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, {
      status: 502,
      contentType: 'text/html',
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    });
    const error = await failure(() => user.createNode(bankLogin('synapse_good')));
    const input = readError(error, { provider: 'synapse' });
    expect(typeof input?.body).toBe('string');
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      code: undefined,
      status: 502,
      endpoint: LOGIN,
      params: { user_id: USER_ID },
      match: { by: 'status' },
    });
    expectNoSecrets(result);
  });

  test("a bank login Synapse never answers ends at the client axios's timeout: provider-unavailable timeout, maybe linked", async () => {
    const user = await signedInUser();
    answer(LOGIN_ROUTE, { status: 200, hang: true });
    const previous = synapseAxios.defaults.timeout;
    // Synapse recommends 100 s for bank logins (the catalog's timeout); a test cannot wait that long.
    synapseAxios.defaults.timeout = 200;
    let error: unknown;
    try {
      error = await failure(() => user.createNode(bankLogin('synapse_good')));
    } finally {
      synapseAxios.defaults.timeout = previous;
    }
    expect(synapse.timeout.ms).toBe(100_000);
    expect((error as { code?: unknown }).code).toBe('ECONNABORTED');
    expectCarried(error, [CLIENT_SECRET, OAUTH_KEY, BANK_PW]);
    expect(readError(error, { provider: 'synapse' })).toBeUndefined();
    const result: NormalizedError = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'timeout',
      provider: 'synapse',
      status: undefined,
      code: 'ECONNABORTED',
      endpoint: LOGIN,
      message: 'timeout of 200ms exceeded',
      retry: { mayHaveSucceeded: true },
      match: { by: 'no-response' },
    });
    expectNoSecrets(result);
  });

  test('a refused connection never reached Synapse: provider-unavailable network, not linked', async () => {
    const user = await signedInUser();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // The User copied the client's host when getUser made it: a moved host is set on the user.
    (user as unknown as { host: string }).host = `http://127.0.0.1:${port}/v3.1`;
    const error = await failure(() => user.createNode(bankLogin('synapse_good')));
    const result = fromError(error, { normalizer, provider: 'synapse' });
    expect(result).toMatchObject({
      kind: 'provider-unavailable',
      reason: 'network',
      code: 'ECONNREFUSED',
      endpoint: LOGIN,
      retry: { mayHaveSucceeded: false },
      match: { by: 'no-response' },
    });
    expectNoSecrets(result);
  });
});
