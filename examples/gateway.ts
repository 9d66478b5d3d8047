/**
 * An example API gateway: it proxies `/<provider>/<path>` to the provider, and
 * when the provider fails it normalizes the failure, retries what is worth
 * retrying, and answers its own client with RFC 9457 problem+json.
 *
 * Run it (after `npm run build`, or with any TypeScript runner) to try it against
 * the simulator: `node .tools/examples/gateway.js`, then
 * `curl -i localhost:8080/aerosync/v2/accounts/u-1/balance -H 'x-simulate: 400 AC-106'`.
 *
 * In an application, import from 'aggregator-errors', 'aggregator-errors/gateway'
 * and 'aggregator-errors/catalogs/<id>' instead of the relative paths below.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNormalizer } from '../src/index.js';
import type { Catalog, NormalizedError, NormalizeInput, PendingStep } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { readResponse, fromError, retryDecision, toProblem, type NormalizerLike, type RetryOptions } from '../src/gateway/index.js';
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
  /** Retry options; `idempotent` is derived from the method and idempotency key. */
  readonly retry?: Omit<RetryOptions, 'idempotent' | 'attempt'>;
  /** Called with every normalized failure (for logs and metrics). */
  readonly onError?: (error: NormalizedError, attempt: number, instance: string) => void;
}

type GatewayNormalizer = NormalizerLike & { pending(input: NormalizeInput): PendingStep | undefined };

const MAX_REQUEST_BYTES = 1024 * 1024;
// Only these client headers reach the provider. x-simulate* drive the test simulator; a
// production gateway would not forward them.
const FORWARDED = /^(content-type|accept|idempotency-key|x-sp-idempotency-key|x-simulate(-[a-z-]+)?)$/;
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function readRequest(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function answerProblem(res: ServerResponse, error: NormalizedError, instance: string): void {
  const { status, headers, body } = toProblem(error, { instance });
  res.writeHead(status, headers).end(JSON.stringify(body));
}

function answerPlain(res: ServerResponse, status: number, title: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title, status }));
}

/**
 * Creates the example gateway's HTTP server (not yet listening).
 *
 * @example
 * ```ts
 * const server = createGateway({ upstreams: { aerosync: 'https://api.sandbox.aerosync.com' } });
 * server.listen(8080);
 * ```
 */
export function createGateway(options: GatewayOptions): Server {
  const catalogs: readonly Catalog[] = options.catalogs ?? [aerosync, synapse];
  // Typed as NormalizerLike: inputs read from the wire carry an open provider string.
  const normalizer: GatewayNormalizer = createNormalizer(catalogs);
  const timeouts = new Map(catalogs.map((catalog) => [catalog.id, catalog.timeout?.ms]));

  async function handle(req: IncomingMessage, res: ServerResponse, clientGone: AbortSignal): Promise<void> {
    const incoming = new URL(req.url ?? '/', 'http://gateway.invalid');
    const [, provider = '', ...rest] = incoming.pathname.split('/');
    const upstream = Object.hasOwn(options.upstreams, provider) ? options.upstreams[provider] : undefined;
    if (upstream === undefined) return answerPlain(res, 404, 'No such provider');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readRequest(req);
    if (body === undefined) return answerPlain(res, 413, 'Request body too large');
    const url = `${upstream.replace(/\/+$/, '')}/${rest.join('/')}${incoming.search}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (FORWARDED.test(name) && typeof value === 'string') headers[name] = value;
    Object.assign(headers, options.credentials?.[provider]);
    const idempotent = IDEMPOTENT_METHODS.has(method) || 'idempotency-key' in headers || 'x-sp-idempotency-key' in headers;
    const timeoutMs = options.timeoutMs ?? timeouts.get(provider) ?? 10_000;
    const instance = `urn:uuid:${randomUUID()}`;

    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.any([clientGone, AbortSignal.timeout(timeoutMs)]);
      let error: NormalizedError;
      try {
        const response = await fetch(url, { method, headers, signal, ...(body.byteLength > 0 ? { body: new Uint8Array(body) } : {}) });
        if (response.ok) {
          // Success, and steps such as Synapse's MFA question (202), pass through untouched.
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' });
          res.end(Buffer.from(await response.arrayBuffer()));
          return;
        }
        const input = await readResponse(response, { provider, request: { method, url }, signal });
        if (normalizer.pending(input) !== undefined) {
          res.writeHead(response.status, { 'content-type': 'application/json' }).end(typeof input.body === 'string' ? input.body : '');
          return;
        }
        error = normalizer.normalize(input);
      } catch (cause) {
        error = fromError(cause, { normalizer, provider, request: { method, url } });
      }
      options.onError?.(error, attempt, instance);
      if (clientGone.aborted) return;
      const next = retryDecision(error, { attempt, ...options.retry, idempotent });
      // A running job is the client's to poll (409 with Retry-After); this gateway never starts another.
      if (next.action !== 'retry') return answerProblem(res, error, instance);
      await sleep(next.delayMs, clientGone);
    }
  }

  return createServer((req, res) => {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    handle(req, res, gone.signal).catch(() => {
      if (!res.headersSent) answerPlain(res, 500, 'Gateway error');
      else res.destroy();
    });
  });
}

/** Starts the example gateway on a free loopback port. */
export async function startGateway(options: GatewayOptions, port = 0): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createGateway(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
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

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
