/**
 * The OpenTelemetry attributes on real spans: a gateway on a loopback HTTP
 * server calls a loopback "provider", records a server span for its own answer
 * and a client span for the provider call with the OpenTelemetry SDK, and the
 * in-memory exporter shows which attributes landed where.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Counter, type Span } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { fromError, fromResponse, toProblem } from '../src/gateway/index.js';
import { createNormalizer } from '../src/index.js';
import type { NormalizedError } from '../src/index.js';
import { clientSpanAttributes, connectionEventLabels, errorAttributes, errorLabels } from '../src/observability/index.js';
import type { ClientSpanAttributes, ConnectionEventLabels, ErrorAttributes, ErrorLabels } from '../src/observability/index.js';

// Compile-time: every value is assignable to OpenTelemetry's index-signature types without a cast.
const asAttributes = (value: ErrorAttributes | ClientSpanAttributes | ErrorLabels | ConnectionEventLabels): Attributes => value;
const countOn = (counter: Counter, labels: ErrorLabels): void => counter.add(1, labels);
void countOn;

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('aggregator-errors-test');
const normalizer = createNormalizer(allCatalogs);

const servers: Server[] = [];
async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let plaid = '';
let gateway = '';
beforeAll(async () => {
  // The provider: Plaid's documented ITEM_LOGIN_REQUIRED on /accounts/balance/get; /hang never answers.
  plaid = await listen((request, response) => {
    if (request.url === '/hang') return;
    response.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'req-7' });
    response.end(
      JSON.stringify({
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message: 'the login details of this item have changed',
        display_message: null,
        request_id: 'req-7',
      }),
    );
  });
  // The gateway: one server span for its own answer, one client span for the provider call.
  gateway = await listen((request, response) => {
    void (async () => {
      const server = tracer.startSpan(`${request.method} /balance`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? 'GET' } });
      const path = request.url === '/hang' ? '/hang' : '/accounts/balance/get';
      const client = tracer.startSpan('POST /accounts/balance/get', { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, server));
      let error: NormalizedError;
      try {
        const answer = await fetch(`${plaid}${path}`, { method: 'POST', body: '{"access_token":"access-sandbox-secret"}', signal: AbortSignal.timeout(100) });
        error = await fromResponse(answer, { normalizer, provider: 'plaid', request: { method: 'POST', url: `${plaid}${path}` } });
      } catch (cause) {
        error = fromError(cause, { normalizer, provider: 'plaid', request: { method: 'POST', url: `${plaid}${path}` } });
      }
      record(client, clientSpanAttributes(error));
      client.end();
      const problem = toProblem(error);
      server.setAttribute('http.response.status_code', problem.status);
      record(server, errorAttributes(error));
      server.end();
      response.writeHead(problem.status, problem.headers);
      response.end(JSON.stringify(problem.body));
    })();
  });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await provider.shutdown();
});

beforeEach(() => exporter.reset());

function record(span: Span, attributes: Attributes): void {
  span.setAttributes(attributes);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

function spans(): { server: ReadableSpan; client: ReadableSpan } {
  const finished = exporter.getFinishedSpans();
  const server = finished.find((span) => span.kind === SpanKind.SERVER);
  const client = finished.find((span) => span.kind === SpanKind.CLIENT);
  if (server === undefined || client === undefined) throw new Error(`expected a server and a client span, got ${finished.map((span) => span.name).join(', ')}`);
  return { server, client };
}

describe('attributes on real spans', () => {
  test("the client span carries the provider's answer; the server span keeps its own", async () => {
    const answer = await fetch(`${gateway}/balance`);
    expect(answer.status).toBe(409);
    const { server, client } = spans();
    expect(client.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(client.attributes).toMatchObject({
      'error.type': 'reconnect-required',
      'http.response.status_code': 400,
      'http.request.method': 'POST',
      'url.template': '/accounts/balance/get',
      'aggregator.provider': 'plaid',
      'aggregator.code': 'ITEM_LOGIN_REQUIRED',
      'aggregator.detail': 'credentials',
      'aggregator.match': 'code',
    });
    // The gateway answered 409: its span says so, not the provider's 400.
    expect(server.attributes['http.response.status_code']).toBe(409);
    expect(server.attributes['http.request.method']).toBe('GET');
    expect(server.attributes['error.type']).toBeUndefined();
    expect(server.attributes['aggregator.kind']).toBe('reconnect-required');
    expect(
      Object.keys(server.attributes)
        .filter((name) => !name.startsWith('aggregator.'))
        .sort(),
    ).toEqual(['http.request.method', 'http.response.status_code']);
    // Nothing from the request body reaches a span.
    expect(JSON.stringify([server.attributes, client.attributes])).not.toContain('access-sandbox-secret');
  });

  test('a provider that never answers: the client span says no response, with the timeout, and no status', async () => {
    const answer = await fetch(`${gateway}/hang`);
    expect(answer.status).toBe(504);
    const { server, client } = spans();
    expect(client.attributes).toMatchObject({
      'error.type': 'provider-unavailable',
      'aggregator.detail': 'timeout',
      'aggregator.match': 'no-response',
      'aggregator.severity': 'page',
    });
    expect(client.attributes['http.response.status_code']).toBeUndefined();
    expect(server.attributes['http.response.status_code']).toBe(504);
  });

  test('why errorAttributes exists: the client span attributes on a server span would overwrite its answer', () => {
    const error = normalizer.normalize({ provider: 'plaid', status: 400, body: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED' } });
    const span = tracer.startSpan('GET /balance', { kind: SpanKind.SERVER, attributes: { 'http.response.status_code': 409 } });
    span.setAttributes(clientSpanAttributes(error));
    span.end();
    expect(exporter.getFinishedSpans()[0]?.attributes['http.response.status_code']).toBe(400);
  });

  test('labels are valid attributes too (for an OpenTelemetry counter)', () => {
    const error = normalizer.normalize({ provider: 'plaid', code: 'INVALID_API_KEYS' });
    expect(asAttributes(errorLabels(error))).toEqual(errorLabels(error));
    expect(Object.values(asAttributes(connectionEventLabels({ state: 'info' } as never))).every((value) => typeof value === 'string')).toBe(true);
  });
});
