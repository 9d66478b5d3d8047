import { describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { readResponse, fromResponse } from '../src/gateway/index.js';
import { errorBody } from '../src/testkit/index.js';

const normalizer = createNormalizer([aerosync, synapse]);
const BALANCE = 'https://api.sandbox.aerosync.com/v2/accounts/u-42/balance';

function streamOf(chunks: readonly Uint8Array[], fail?: Error): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (fail !== undefined) controller.error(fail);
      else controller.close();
    },
  });
}

describe('fromResponse', () => {
  test('reads status, headers, method, URL and body of a real Response into a NormalizeInput', async () => {
    const body = errorBody(aerosync, { code: 'AC-104', message: 'We are having issues connecting to your bank.' });
    const response = new Response(body, { status: 400, headers: { 'content-type': 'application/json', 'retry-after': '7', 'x-request-id': 'r-1' } });
    const input = await readResponse(response, { provider: 'aerosync', request: { method: 'GET', url: BALANCE } });
    expect(input).toMatchObject({ provider: 'aerosync', method: 'GET', url: BALANCE, status: 400, body });
    expect(input.headers).toMatchObject({ 'retry-after': '7', 'x-request-id': 'r-1', 'content-type': 'application/json' });
    const error = normalizer.normalize(input);
    expect(error).toMatchObject({ kind: 'reconnect-required', code: 'AC-104', endpoint: 'GET /accounts/{user_id}/balance', params: { user_id: 'u-42' } });
    expect(error.retry.afterMs).toBe(7000);
  });

  test('normalizeResponse classifies a Synapse sandbox login failure by its documented row', async () => {
    const response = new Response(errorBody(synapse, { code: '460', status: 402 }), { status: 402 });
    const error = await fromResponse(response, {
      normalizer,
      provider: 'synapse',
      request: { method: 'POST', url: 'https://uat-api.synapsefi.com/v3.1/users/u-1/nodes' },
    });
    expect(error).toMatchObject({ kind: 'no-accounts', status: 402, code: '460', endpoint: 'POST /users/{user_id}/nodes' });
    expect(error.match.by).toBe('row');
  });

  test('a request URL object and a path both work; credentials in the URL are dropped', async () => {
    const response = new Response('{}', { status: 404 });
    const input = await readResponse(response, {
      provider: 'aerosync',
      request: { method: 'get', url: new URL('https://key:secret@api.aerosync.com/v2/accounts/u-1?api_key=s3cret&x=1#frag') },
    });
    expect(input.url).toBe('https://api.aerosync.com/v2/accounts/u-1?x=1');
    expect(JSON.stringify(input)).not.toMatch(/secret|s3cret/);
  });

  test('never copies credential-like response headers', async () => {
    const response = new Response('{}', {
      status: 500,
      headers: { 'set-cookie': 'session=abc', 'x-api-key': 'k', authorization: 'Bearer t', 'x-sp-gateway': 'id|secret', 'x-request-id': 'r' },
    });
    const input = await readResponse(response, { provider: 'synapse' });
    expect(Object.keys(input.headers ?? {}).sort()).toEqual(['content-type', 'x-request-id']);
  });

  test('stops reading at maxBytes and cancels the rest of the stream', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const input = await readResponse(new Response(stream, { status: 502 }), { provider: 'aerosync', maxBytes: 4096 + 10 });
    expect(typeof input.body).toBe('string');
    expect((input.body as string).length).toBe(4096 + 10);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
    // A cut body is not JSON: the status classifies it.
    expect(normalizer.normalize(input)).toMatchObject({ kind: 'provider-unavailable', reason: 'server-error', status: 502 });
  });

  test('the default cap is 1 MiB', async () => {
    const input = await readResponse(new Response('y'.repeat(2 * 1024 * 1024), { status: 500 }), { provider: 'aerosync' });
    expect((input.body as string).length).toBe(1024 * 1024);
  });

  test('a multi-byte character split across chunks is decoded whole', async () => {
    const bytes = new TextEncoder().encode('{"error":{"code":"AC-104","message":"café"}}');
    const cut = bytes.indexOf(0xc3) + 1;
    const input = await readResponse(new Response(streamOf([bytes.subarray(0, cut), bytes.subarray(cut)]), { status: 400 }), { provider: 'aerosync' });
    expect(input.body).toBe('{"error":{"code":"AC-104","message":"café"}}');
  });

  test('a used body is left out and does not throw', async () => {
    const response = new Response('{"error":{"code":"AC-104"}}', { status: 400 });
    await response.text();
    const input = await readResponse(response, { provider: 'aerosync', request: { method: 'GET', url: BALANCE } });
    expect(input.body).toBeUndefined();
    expect(normalizer.normalize(input)).toMatchObject({ kind: 'invalid-request', status: 400, match: { by: 'status' } });
  });

  test('a locked body is left out and does not throw', async () => {
    const response = new Response('{"error":{"code":"AC-104"}}', { status: 400 });
    response.body?.getReader();
    const input = await readResponse(response, { provider: 'aerosync' });
    expect(input.body).toBeUndefined();
    expect(input.status).toBe(400);
  });

  test('a body that breaks half way keeps what arrived', async () => {
    const response = new Response(streamOf([new TextEncoder().encode('{"error":')], new Error('socket hang up')), { status: 503 });
    const input = await readResponse(response, { provider: 'aerosync' });
    expect(input.body).toBe('{"error":');
    expect(normalizer.normalize(input)).toMatchObject({ kind: 'provider-unavailable', status: 503 });
  });

  test('a body that never ends is cut by the signal', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"partial":'));
      },
    });
    const input = await readResponse(new Response(stream, { status: 500 }), { provider: 'aerosync', signal: AbortSignal.timeout(50) });
    expect(input.body).toBe('{"partial":');
  });

  test('an HTML error page is kept as text and normalizes by status', async () => {
    const input = await readResponse(new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }), {
      provider: 'aerosync',
    });
    expect(normalizer.normalize(input)).toMatchObject({ kind: 'provider-unavailable', status: 502 });
  });

  test('an empty body is left out', async () => {
    const input = await readResponse(new Response(null, { status: 503, headers: { 'retry-after': '3' } }), { provider: 'aerosync' });
    expect('body' in input).toBe(false);
    expect(normalizer.normalize(input).retry.afterMs).toBe(3000);
  });

  test('a response-like object with only text() works, and a throwing one does not throw', async () => {
    const input = await readResponse(
      { status: 404, headers: { 'x-request-id': 'r' }, text: async () => '{"error":{"code":"AC-102"}}' },
      { provider: 'aerosync' },
    );
    expect(input).toMatchObject({ status: 404, body: '{"error":{"code":"AC-102"}}' });
    const hostile = {
      get status(): number {
        throw new Error('boom');
      },
    };
    await expect(readResponse(hostile, { provider: 'aerosync' })).resolves.toMatchObject({ provider: 'aerosync' });
    const failing = { status: 500, text: async (): Promise<string> => Promise.reject(new Error('used')) };
    await expect(readResponse(failing, { provider: 'aerosync' })).resolves.toMatchObject({ status: 500 });
  });
});
