import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CatalogInput } from '../catalog/types.js';
import { safeUrl } from '../util/redact.js';
import { simulate, simulatedProvider, type SimulatedProvider, type SimulatorAnswer } from './simulate.js';

/**
 * Options of {@link startSimulator}.
 *
 * @public
 */
export interface SimulatorOptions {
  /** The catalogs to answer for; each gets its own loopback server, as each provider has its own host. */
  readonly catalogs: readonly CatalogInput[];
  /**
   * How long a `hang` request is held before its socket is destroyed, in milliseconds.
   *
   * @defaultValue 30000
   */
  readonly hangMs?: number;
  /**
   * The largest request body read, in bytes; a larger one is answered 413.
   *
   * @defaultValue 65536
   */
  readonly maxBodyBytes?: number;
}

/**
 * One request the simulator answered (never its headers or body: they may hold credentials).
 *
 * @public
 */
export interface SimulatedRequest {
  /** The catalog id of the provider the request went to. */
  readonly provider: string;
  /** The request's HTTP method, upper-cased (`'GET'` when the request had none). */
  readonly method: string;
  /** The path and query. */
  readonly path: string;
  /** The catalog endpoint id it resolved to, if any. */
  readonly endpoint: string | undefined;
  /** The status answered, or `'hang'` / `'reset'`. */
  readonly outcome: number | 'hang' | 'reset';
}

/**
 * A running simulator.
 *
 * @public
 */
export interface Simulator {
  /** The origin of the first catalog's server, e.g. `http://127.0.0.1:49152`. */
  readonly url: string;
  /**
   * The base URL a client of one provider uses: its server's origin plus the path
   * of its first documented base URL (`http://127.0.0.1:49153/v3.1` for Synapse).
   *
   * @throws TypeError for a catalog the simulator does not serve.
   */
  baseUrl(provider: string): string;
  /** The last requests answered, oldest first (at most 256). */
  requests(): readonly SimulatedRequest[];
  /** Stops listening and destroys every open connection, hung ones included. */
  close(): Promise<void>;
}

const MAX_LOG = 256;
const MAX_COUNTERS = 1024;

/**
 * Starts a loopback HTTP server that answers as the providers' sandboxes document.
 *
 * @remarks
 * Each catalog gets its own server on 127.0.0.1 and a free port, answering the
 * provider's own paths (with or without its path prefix), so URLs resolve to
 * catalog endpoints exactly as the real ones do. It answers:
 *
 * - a documented sandbox trigger (a request body field such as Synapse's
 *   `bank_id: 'synapse_no_accounts'` with `bank_name: 'fake'`) with its documented
 *   status and the provider's error body;
 * - `x-simulate: <status> <code>` (a header, or a query parameter of that name)
 *   with that status and the provider's error body for the code, the message
 *   rendered from the documented row with the request's path parameters;
 *   `x-simulate: <status>` with a body holding no code;
 * - `x-simulate: hang` never answers (until `hangMs` or `close()`),
 *   `x-simulate: hang-body` sends the headers and part of a body, then stalls,
 *   `x-simulate: reset` destroys the connection (the client sees `ECONNRESET`);
 * - `x-simulate-retry-after: <value>` adds `Retry-After: <value>`;
 *   `x-simulate-body: <text>` replaces the body (to send HTML or broken JSON);
 *   `x-simulate-times: <n>` applies the simulation to the first n requests with
 *   the same method, path and `x-simulate` value only, then answers normally;
 * - any other request to a documented endpoint with 200 and
 *   `{"simulated":true,"provider":...,"endpoint":...}`; an undocumented path with 404.
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ catalogs: [aerosync, synapse] });
 * const response = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance`, {
 *   headers: { 'x-simulate': '400 AC-104' },
 * });
 * await sim.close();
 * ```
 *
 * @public
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const served = new Map<string, SimulatedProvider>();
  for (const catalog of options.catalogs) served.set(catalog.id, simulatedProvider(catalog));
  const hangMs = options.hangMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const log: SimulatedRequest[] = [];
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requestSeq = 0;

  function counted(key: string): number {
    const seen = counters.get(key) ?? 0;
    if (counters.size >= MAX_COUNTERS && !counters.has(key)) counters.clear();
    counters.set(key, seen + 1);
    return seen;
  }

  function record(entry: SimulatedRequest): void {
    log.push(entry);
    if (log.length > MAX_LOG) log.shift();
  }

  function hold(req: IncomingMessage): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      req.socket.destroy();
    }, hangMs);
    timer.unref();
    timers.add(timer);
    req.socket.once('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  async function readJson(req: IncomingMessage): Promise<{ readonly tooLarge: boolean; readonly value: unknown }> {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    }
    if (tooLarge || size === 0) return { tooLarge, value: undefined };
    try {
      return { tooLarge, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
    } catch {
      return { tooLarge, value: undefined };
    }
  }

  function headersOf(req: IncomingMessage): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    for (const name of ['x-simulate', 'x-simulate-retry-after', 'x-simulate-body', 'x-simulate-times']) {
      const value = req.headers[name];
      out[name] = Array.isArray(value) ? value[0] : value;
    }
    return out;
  }

  function send(res: ServerResponse, answer: Extract<SimulatorAnswer, { action: 'respond' }>, requestId: Record<string, string>): void {
    const type = answer.body.trimStart().startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8';
    res.writeHead(answer.status, { 'content-type': type, 'content-length': String(Buffer.byteLength(answer.body)), ...requestId, ...answer.headers });
    res.end(answer.body);
  }

  async function handle(entry: SimulatedProvider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const { tooLarge, value: body } = await readJson(req);
    const { answer, endpoint } = simulate(entry, { method, path, headers: headersOf(req), body, tooLarge }, counted);
    // The log keeps the path and harmless query parameters, never a token sent in the query.
    const logged = { provider: entry.catalog.id, method, path: safeUrl(path) ?? '/', endpoint };
    if (answer.action === 'reset') {
      record({ ...logged, outcome: 'reset' });
      req.socket.destroy();
      return;
    }
    if (answer.action === 'hang' || answer.action === 'hang-body') {
      record({ ...logged, outcome: 'hang' });
      hold(req);
      if (answer.action === 'hang-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"simulated":');
      }
      return;
    }
    record({ ...logged, outcome: answer.status });
    const idHeader = entry.catalog.requestIdHeaders?.[0];
    requestSeq++;
    send(res, answer, idHeader === undefined ? {} : { [idHeader]: `sim-${requestSeq}` });
  }

  const servers: { readonly id: string; readonly origin: string; readonly server: Server }[] = [];
  async function listen(entry: SimulatedProvider): Promise<void> {
    const server = createServer((req, res) => {
      handle(entry, req, res).catch(() => {
        // Whatever the failed answer had set goes: a stale content-length would hang keep-alive clients.
        if (!res.headersSent) {
          for (const name of res.getHeaderNames()) res.removeHeader(name);
          res.writeHead(500, { 'content-type': 'text/plain', 'content-length': '15' });
        }
        res.end('simulator error');
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    servers.push({ id: entry.catalog.id, origin: `http://127.0.0.1:${port}`, server });
  }
  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= (async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const socket of sockets) socket.destroy();
      for (const { server } of servers) server.closeAllConnections();
      await Promise.all(closed);
      // libuv releases the listening handles in the close phase of this turn of the
      // loop; a timer fires after it, so no listener is left when close() resolves.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    })();
    return closing;
  }
  try {
    for (const entry of served.values()) await listen(entry);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url: servers[0]?.origin ?? '',
    baseUrl(provider: string): string {
      const server = servers.find((s) => s.id === provider);
      if (server === undefined) throw new TypeError(`aggregator-errors: the simulator serves no catalog "${String(provider).slice(0, 64)}"`);
      return server.origin + (served.get(provider)?.basePath ?? '');
    },
    requests(): readonly SimulatedRequest[] {
      return [...log];
    },
    close,
  };
}
