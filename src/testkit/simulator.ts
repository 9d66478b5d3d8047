import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CatalogInput, RowInput, SandboxTriggerInput } from '../catalog/types.js';
import { parseMessageTemplate } from '../catalog/template.js';
import { compileCatalog, type CompiledCatalog } from '../matcher/compile.js';
import { paramsOf, resolveEndpoint } from '../matcher/endpoint.js';
import { errorBody } from './fixtures.js';

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

interface Served {
  readonly catalog: CatalogInput;
  readonly compiled: CompiledCatalog;
  readonly basePath: string;
}

type Simulation =
  | { readonly mode: 'hang' }
  | { readonly mode: 'hang-body' }
  | { readonly mode: 'reset' }
  | { readonly mode: 'status'; readonly status: number; readonly code: string | undefined };

const MAX_LOG = 256;
const MAX_COUNTERS = 1024;

function own(object: unknown, key: string): unknown {
  return typeof object === 'object' && object !== null && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** Reads a field by its mapped path, its own dotted path, or else its last name anywhere in the body. */
/** Reads a trigger's dotted path from a request body, through own properties only. */
function fieldOf(body: unknown, path: string): unknown {
  let node: unknown = body;
  for (const key of path.split('.')) node = own(node, key);
  return node;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a trigger fires for a body; the code `{code}` stood for, or `''` when it has none. */
function triggered(trigger: SandboxTriggerInput, body: unknown): string | undefined {
  const value = fieldOf(body, trigger.field);
  if (typeof value !== 'string') return undefined;
  for (const [name, expected] of Object.entries(trigger.with ?? {})) {
    if (fieldOf(body, name) !== expected) return undefined;
  }
  const [before = '', after, ...rest] = trigger.value.split('{code}');
  const anchor = trigger.compare === 'suffix' ? '' : '^';
  if (after === undefined || rest.length > 0) {
    return (trigger.compare === 'suffix' ? value.endsWith(trigger.value) : value === trigger.value) ? '' : undefined;
  }
  return new RegExp(`${anchor}${escape(before)}([A-Za-z0-9_.-]+)${escape(after)}$`).exec(value)?.[1];
}

function render(template: string | undefined, params: Readonly<Record<string, string>>): string | undefined {
  if (template === undefined) return undefined;
  const parsed = parseMessageTemplate(template);
  if (!parsed.ok) return template;
  const { literals, names } = parsed.value;
  return literals.reduce((out, literal, i) => {
    const name = names[i];
    return out + literal + (name === undefined ? '' : (Object.hasOwn(params, name) ? params[name] : undefined) ?? `{${name}}`);
  }, '');
}

function parseSimulation(value: string | undefined): Simulation | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === 'hang' || text === 'hang-body' || text === 'reset') return { mode: text };
  const match = /^([1-5]\d\d)(?:\s+(\S{1,128}))?$/.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { mode: 'status', status: Number(match[1]), code: match[2] };
}

function header(req: IncomingMessage, name: string, query: URLSearchParams): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first ?? query.get(name) ?? undefined;
}

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
  const served = new Map<string, Served>();
  for (const catalog of options.catalogs) {
    served.set(catalog.id, { catalog, compiled: compileCatalog(catalog), basePath: pathOf(Object.values(catalog.baseUrls ?? {})[0]) });
  }
  const hangMs = options.hangMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const log: SimulatedRequest[] = [];
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requestSeq = 0;

  function record(entry: SimulatedRequest): void {
    log.push(entry);
    if (log.length > MAX_LOG) log.shift();
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
    const type = body.trimStart().startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8';
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
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

  function rowFor(endpoint: string | undefined, entry: Served, status: number, code: string | undefined): RowInput | undefined {
    if (endpoint === undefined) return undefined;
    const rows = (own(entry.catalog.endpoints, endpoint) as { rows?: readonly RowInput[] } | undefined)?.rows ?? [];
    return rows.find((row) => row.code === code && row.status === status) ?? rows.find((row) => row.code === code && code !== undefined);
  }

  function errorFor(entry: Served, status: number, code: string | undefined, row: RowInput | undefined, params: Readonly<Record<string, string>>, fallback?: string): string {
    const meaning = code === undefined ? undefined : (own(entry.catalog.codes, code) as { kind?: string; message?: string; category?: string } | undefined);
    const template = row?.message ?? (row?.kind === undefined || row.kind === meaning?.kind ? meaning?.message : undefined) ?? fallback;
    const message = render(template, params);
    const text = errorBody(entry.catalog, {
      ...(code === undefined ? {} : { code }),
      ...(message === undefined ? {} : { message }),
      ...(meaning?.category === undefined ? {} : { category: meaning.category }),
      status,
    });
    // A documented step (Synapse's MFA question) is told apart by a body field: fill it in.
    const step = entry.catalog.pending?.find((p) => p.code === code && (p.status === undefined || p.status === status) && p.when !== undefined);
    if (step?.when === undefined) return text;
    const body = JSON.parse(text) as Record<string, unknown>;
    let node = body;
    const keys = step.when.split('.');
    keys.forEach((key, i) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
      const next: Record<string, unknown> = i === keys.length - 1 ? { message: step.description } : {};
      node[key] = next;
      node = next;
    });
    return JSON.stringify(body);
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

  async function handle(entry: Served, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const id = entry.catalog.id;
    const path = `${url.pathname}${url.search}`;
    const resolved = resolveEndpoint(entry.compiled, method, path);
    const endpoint = resolved?.id;
    const params: Readonly<Record<string, string>> = (resolved === undefined ? undefined : paramsOf(resolved, path)) ?? {};
    const { tooLarge, value: body } = await readJson(req);
    const extra: Record<string, string> = {};
    const retryAfter = header(req, 'x-simulate-retry-after', url.searchParams);
    if (retryAfter !== undefined) extra['retry-after'] = retryAfter;
    const idHeader = entry.catalog.requestIdHeaders?.[0];
    requestSeq++;
    if (idHeader !== undefined) extra[idHeader] = `sim-${requestSeq}`;
    const answer = (status: number, text: string): void => {
      record({ provider: id, method, path, endpoint, outcome: status });
      send(res, status, text, extra);
    };
    if (tooLarge) return answer(413, JSON.stringify({ simulated: true, error: 'request body too large' }));

    const requested = header(req, 'x-simulate', url.searchParams);
    let simulation = parseSimulation(requested);
    const times = Number(header(req, 'x-simulate-times', url.searchParams) ?? Number.NaN);
    if (simulation !== undefined && Number.isInteger(times) && times >= 0) {
      const key = `${id} ${method} ${url.pathname} ${requested ?? ''}`;
      const seen = counters.get(key) ?? 0;
      if (counters.size >= MAX_COUNTERS && !counters.has(key)) counters.clear();
      counters.set(key, seen + 1);
      if (seen >= times) simulation = undefined;
    }
    const customBody = header(req, 'x-simulate-body', url.searchParams);
    if (simulation !== undefined) {
      if (simulation.mode === 'reset') {
        record({ provider: id, method, path, endpoint, outcome: 'reset' });
        req.socket.destroy();
        return;
      }
      if (simulation.mode === 'hang' || simulation.mode === 'hang-body') {
        record({ provider: id, method, path, endpoint, outcome: 'hang' });
        hold(req);
        if (simulation.mode === 'hang-body') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"simulated":');
        }
        return;
      }
      const row = rowFor(endpoint, entry, simulation.status, simulation.code);
      return answer(simulation.status, customBody ?? errorFor(entry, simulation.status, simulation.code, row, params));
    }
    for (const trigger of entry.catalog.sandbox ?? []) {
      // A trigger with no status, no code and no {code} changes data, not errors (Synapse's balance suffixes).
      if (trigger.status === undefined && trigger.code === undefined && !trigger.value.includes('{code}')) continue;
      if (trigger.endpoint !== undefined && trigger.endpoint !== endpoint) continue;
      const code = triggered(trigger, body);
      if (code === undefined) continue;
      const answered = code === '' ? trigger.code : code;
      const meaning = answered === undefined ? undefined : (own(entry.catalog.codes, answered) as { statuses?: readonly number[] } | undefined);
      const status = trigger.status ?? meaning?.statuses?.[0] ?? 400;
      const row = rowFor(endpoint, entry, status, answered);
      return answer(status, customBody ?? errorFor(entry, status, answered, row, params, trigger.description));
    }
    if (endpoint === undefined) return answer(404, JSON.stringify({ simulated: true, error: 'no documented endpoint at this path' }));
    return answer(200, customBody ?? JSON.stringify({ simulated: true, provider: id, endpoint }));
  }

  const servers: { readonly id: string; readonly origin: string; readonly server: Server }[] = [];
  async function listen(entry: Served): Promise<void> {
    const server = createServer((req, res) => {
      handle(entry, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
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
