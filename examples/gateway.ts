/**
 * An example API gateway on Fastify: it proxies `/<provider>/<path>` to the
 * provider and, when the provider fails, classifies the failure, retries what is
 * worth retrying within the provider's retry budget (the same idempotency key on
 * every attempt), and answers its own client with RFC 9457 problem+json and
 * `Retry-After` through `fastifyErrorHandler`.
 *
 * Run it (after `npm run build`, or with any TypeScript runner) to try it against
 * the simulator: `node .tools/examples/gateway.js`, then
 * `curl -i localhost:8080/aerosync/v2/accounts/u-1/balance -H 'x-simulate: 400 AC-106'`.
 *
 * In an application, import from 'aggregator-errors', 'aggregator-errors/resilience',
 * 'aggregator-errors/frameworks' and 'aggregator-errors/catalogs/<id>' instead of
 * the relative paths below.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AggregatorError, createNormalizer } from '../src/index.js';
import type { Catalog, NormalizedError } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { fastifyErrorHandler } from '../src/frameworks/index.js';
import { createRetryBudget, sendWithRetries, type RetryBudget, type RetryTuning } from '../src/resilience/index.js';
import { startSimulator } from '../src/testkit/index.js';

/** How the example gateway reaches each provider and how hard it tries. */
export interface GatewayOptions {
  /** The upstream base URL of each provider, by catalog id (e.g. Synapse's ends in `/v3.1`). */
  readonly upstreams: Readonly<Record<string, string>>;
  /** The catalogs to classify failures with. @defaultValue [aerosync, synapse] */
  readonly catalogs?: readonly Catalog[];
  /** Headers with this gateway's own credentials, by provider id; the client's are never forwarded. */
  readonly credentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The deadline of one attempt in milliseconds. @defaultValue the catalog's recommended `timeout.ms`, else 10000 */
  readonly timeoutMs?: number;
  /** Backoff and limits of the retries. */
  readonly retry?: RetryTuning;
  /**
   * The retry budget shared by every request of this gateway, per provider; `false` retries without one.
   *
   * @defaultValue a budget with the AWS SDKs' standard-mode numbers
   */
  readonly budget?: RetryBudget | false;
  /**
   * The idempotency-key header each provider documents: a non-idempotent request the client sent without
   * a key gets one, the same on every attempt, so that it may be retried.
   *
   * @defaultValue Synapse's `x-sp-idempotency-key` (its official Node client sends it)
   */
  readonly idempotencyHeaders?: Readonly<Record<string, string>>;
  /** Called with every normalized failure (for logs and metrics). */
  readonly onError?: (error: NormalizedError, attempt: number, instance: string) => void;
}

const MAX_REQUEST_BYTES = 1024 * 1024;
// Only these client headers reach the provider. x-simulate* drive the test simulator; a
// production gateway would not forward them.
const FORWARDED = /^(content-type|accept|idempotency-key|x-sp-idempotency-key|x-simulate(-[a-z-]+)?)$/;
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const DEFAULT_IDEMPOTENCY_HEADERS: Readonly<Record<string, string>> = { synapse: 'x-sp-idempotency-key' };

function plainProblem(reply: FastifyReply, status: number, title: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status }));
}

/**
 * Creates the example gateway's Fastify app (not yet listening).
 *
 * @example
 * ```ts
 * const app = createGateway({ upstreams: { aerosync: 'https://api.sandbox.aerosync.com' } });
 * await app.listen({ port: 8080 });
 * ```
 */
export function createGateway(options: GatewayOptions): FastifyInstance {
  const catalogs: readonly Catalog[] = options.catalogs ?? [aerosync, synapse];
  const normalizer = createNormalizer(catalogs);
  const timeouts = new Map(catalogs.map((catalog) => [catalog.id, catalog.timeout?.ms]));
  const budget = options.budget === false ? undefined : (options.budget ?? createRetryBudget());
  const keyHeaders = options.idempotencyHeaders ?? DEFAULT_IDEMPOTENCY_HEADERS;
  const instances = new WeakMap<object, string>();

  const app = Fastify({ bodyLimit: MAX_REQUEST_BYTES });
  // A proxy forwards bodies as bytes, whatever their type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler(fastifyErrorHandler({ instance: (request) => (typeof request === 'object' && request !== null ? instances.get(request) : undefined) }));

  app.all('/:provider/*', async (request: FastifyRequest<{ Params: { provider: string } }>, reply) => {
    const { provider } = request.params;
    const upstream = Object.hasOwn(options.upstreams, provider) ? options.upstreams[provider] : undefined;
    if (upstream === undefined) return plainProblem(reply, 404, 'No such provider');
    const incoming = new URL(request.raw.url ?? '/', 'http://gateway.invalid');
    const rest = incoming.pathname.split('/').slice(2).join('/');
    const url = `${upstream.replace(/\/+$/, '')}/${rest}${incoming.search}`;
    const method = request.method.toUpperCase();
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (FORWARDED.test(name) && typeof value === 'string') headers[name] = value;
    Object.assign(headers, options.credentials?.[provider]);
    const keyHeader = Object.hasOwn(keyHeaders, provider) ? keyHeaders[provider] : undefined;
    // One key per client request, reused on every attempt: a retry is then the same request, never a second one.
    if (keyHeader !== undefined && !IDEMPOTENT_METHODS.has(method) && headers[keyHeader] === undefined) headers[keyHeader] = randomUUID();
    const idempotencyKey = headers['idempotency-key'] ?? (keyHeader === undefined ? undefined : headers[keyHeader]);
    const instance = `urn:uuid:${randomUUID()}`;
    instances.set(request, instance);
    const clientGone = new AbortController();
    reply.raw.once('close', () => clientGone.abort());

    const result = await sendWithRetries({
      provider,
      normalizer,
      ...(budget === undefined ? {} : { budget }),
      request: { method, url, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) },
      send: ({ signal }) => fetch(url, { method, headers, signal, ...(body !== undefined && body.byteLength > 0 ? { body: new Uint8Array(body) } : {}) }),
      timeoutMs: options.timeoutMs ?? timeouts.get(provider) ?? 10_000,
      signal: clientGone.signal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      onAttempt: (event) => {
        if (event.error !== undefined) options.onError?.(event.error, event.attempt, instance);
      },
    });
    if (result.outcome === 'response') {
      // A plain success passes through untouched (a 2xx the catalog documents as a step or a running job does not: see below).
      const { response } = result;
      return reply
        .code(response.status)
        .header('content-type', response.headers.get('content-type') ?? 'application/octet-stream')
        .send(Buffer.from(await response.arrayBuffer()));
    }
    if (result.outcome === 'pending') {
      // A documented step (Synapse's MFA question, 202) is the client's to answer: passed on as read.
      return reply
        .code(typeof result.input.status === 'number' ? result.input.status : 200)
        .header('content-type', 'application/json')
        .send(typeof result.input.body === 'string' ? result.input.body : '');
    }
    // "Probably done": the provider did not confirm the attempt that may have succeeded. Answer that
    // attempt (504, wait), never the 409 of the retry, so the client checks before it sends again.
    throw new AggregatorError(result.plan.action === 'reconcile' ? (result.earlier ?? result.error) : result.error);
  });
  return app;
}

/** Starts the example gateway on a free loopback port. */
export async function startGateway(options: GatewayOptions, port = 0): Promise<{ readonly url: string; close(): Promise<void> }> {
  const app = createGateway(options);
  await app.listen({ port, host: '127.0.0.1' });
  const { port: bound } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

async function main(): Promise<void> {
  const sim = await startSimulator({ catalogs: [aerosync, synapse] });
  const gateway = await startGateway(
    {
      upstreams: { aerosync: sim.baseUrl('aerosync'), synapse: sim.baseUrl('synapse') },
      onError: (error, attempt, instance) => console.log(`${instance} attempt ${attempt}: ${error.provider} ${error.kind} ${error.code ?? ''}`),
    },
    Number(process.env['PORT'] ?? 8080),
  );
  console.log(`gateway on ${gateway.url}, provider simulator on ${sim.url}`);
  console.log(`try: curl -i ${gateway.url}/aerosync/v2/accounts/u-1/balance -H 'x-simulate: 400 AC-106'`);
  const stop = (): void => {
    void Promise.all([gateway.close(), sim.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// The file name too: bundled into another script (a load test), import.meta.url is that script's.
if (process.argv[1] !== undefined && /gateway\.[cm]?[jt]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
