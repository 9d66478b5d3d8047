/**
 * The simulator's decision, apart from its sockets: given a catalog and a
 * request, what a provider's sandbox answers. Pure but for the counter the
 * caller passes in (for `x-simulate-times`); tests call it without a server.
 */
import { clientBaseUrl, pathOfUrl } from '../catalog/base-url.js';
import { renderTemplate } from '../catalog/message-template.js';
import { codeEntry, resolveRow, resolveCode, sourceUrl } from '../catalog/resolve.js';
import type { CatalogInput, RowInput, SandboxTriggerInput } from '../catalog/types.js';
import { compileCatalog, type CompiledCatalog } from '../matcher/compile.js';
import { resolveEndpoint } from '../matcher/endpoint.js';
import { own, ownEntry } from '../util/own.js';
import { errorBody } from './fixtures.js';

/** A request as the simulator decides on it: no sockets, the body already parsed. */
export interface SimulatorRequest {
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** The path and query, as sent. */
  readonly path: string;
  /** Request headers, lowercase names; a simulation header may also come as a query parameter of the same name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body, if it was JSON. */
  readonly body: unknown;
  /** The body was larger than the simulator reads. */
  readonly tooLarge?: boolean;
}

/** What the simulator does with a request. */
export type SimulatorAnswer =
  | { readonly action: 'respond'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly action: 'hang' }
  | { readonly action: 'hang-body' }
  | { readonly action: 'reset' };

/** One catalog, prepared to be simulated. */
export interface SimulatedProvider {
  readonly catalog: CatalogInput;
  readonly compiled: CompiledCatalog;
  /** The path of the first base URL (`'/v3.1'` for Synapse): clients send it, the endpoints omit it. */
  readonly basePath: string;
  /** Where a client of this provider sends requests, on the catalog's own host. */
  readonly clientBase: string;
}

/** Prepares a catalog once for every request. */
export function simulatedProvider(catalog: CatalogInput): SimulatedProvider {
  return {
    catalog,
    compiled: compileCatalog(catalog),
    basePath: pathOfUrl(Object.values(catalog.baseUrls ?? {})[0] ?? ''),
    clientBase: clientBaseUrl(catalog),
  };
}

type Simulation = { readonly mode: 'hang' | 'hang-body' | 'reset' } | { readonly mode: 'status'; readonly status: number; readonly code: string | undefined };

// A header value the simulator copies into its answer: printable ASCII only, so
// that writeHead never throws on CR/LF, NUL or non-Latin-1 text.
const HEADER_VALUE = /^[\x20-\x7e]{1,128}$/;

function parseSimulation(value: string | undefined): Simulation | undefined {
  if (value === undefined || value.length > 256) return undefined;
  const text = value.trim();
  if (text === 'hang' || text === 'hang-body' || text === 'reset') return { mode: text };
  const match = /^([1-5]\d\d)(?:\s+(\S{1,128}))?$/.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { mode: 'status', status: Number(match[1]), code: match[2] };
}

/** Reads a trigger's dotted path from a request body, through own properties only. */
function fieldOf(body: unknown, path: string): unknown {
  let node: unknown = body;
  for (const key of path.split('.')) node = own(node, key);
  return node;
}

const CODE_CHARS = /^[A-Za-z0-9_.-]+$/;
const CODE_CHAR = /^[A-Za-z0-9_.-]$/;

/**
 * Whether a trigger fires for a body: the code `{code}` stood for, `''` when the
 * trigger has none, `undefined` when it does not fire. Compared with string
 * operations, not a pattern built from the catalog: linear in the value's length.
 */
export function triggered(trigger: SandboxTriggerInput, body: unknown): string | undefined {
  const value = fieldOf(body, trigger.field);
  if (typeof value !== 'string' || value.length > 1024) return undefined;
  for (const [name, expected] of Object.entries(trigger.with ?? {})) if (fieldOf(body, name) !== expected) return undefined;
  const suffix = trigger.compare === 'suffix';
  const hole = trigger.value.indexOf('{code}');
  if (hole < 0 || trigger.value.indexOf('{code}', hole + 1) >= 0) return (suffix ? value.endsWith(trigger.value) : value === trigger.value) ? '' : undefined;
  const before = trigger.value.slice(0, hole);
  const after = trigger.value.slice(hole + '{code}'.length);
  // Exact: the whole value is before + code + after. Suffix: the value ends with
  // it, and the code is the longest run of code characters the prefix allows.
  if (!value.endsWith(after)) return undefined;
  const end = value.length - after.length;
  let start: number;
  if (suffix) {
    let run = end;
    while (run > 0 && CODE_CHAR.test(value.charAt(run - 1))) run--;
    start = value.indexOf(before, Math.max(0, run - before.length));
    if (start < 0) return undefined;
  } else {
    if (!value.startsWith(before)) return undefined;
    start = 0;
  }
  const code = value.slice(start + before.length, end);
  return code.length > 0 && code.length <= 128 && CODE_CHARS.test(code) ? code : undefined;
}

function rowFor(provider: SimulatedProvider, endpoint: string | undefined, status: number, code: string | undefined): RowInput | undefined {
  if (endpoint === undefined) return undefined;
  const rows = ownEntry(provider.catalog.endpoints, endpoint)?.rows ?? [];
  return rows.find((row) => row.code === code && row.status === status) ?? rows.find((row) => row.code === code && code !== undefined);
}

/** The provider's error body for a status and code, with the documented message rendered from the request's path parameters. */
function errorFor(
  provider: SimulatedProvider,
  endpoint: string | undefined,
  status: number,
  code: string | undefined,
  params: Readonly<Record<string, string>>,
  fallback?: string,
): string {
  const { catalog } = provider;
  const row = rowFor(provider, endpoint, status, code);
  const endpointSource = endpoint === undefined ? undefined : ownEntry(catalog.endpoints, endpoint)?.source;
  const meaning = row !== undefined && endpointSource !== undefined ? resolveRow(catalog, endpointSource, row) : resolveCode(catalog, code);
  const template = meaning?.message ?? fallback;
  const message = template === undefined ? undefined : renderTemplate(template, params, (name) => `{${name}}`);
  const category = codeEntry(catalog, code)?.category;
  const text = errorBody(catalog, {
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
    ...(category === undefined ? {} : { category }),
    status,
  });
  // A documented step (Synapse's MFA question) is told apart by a body field: fill it in.
  const step = catalog.pending?.find((p) => p.code === code && (p.status === undefined || p.status === status) && p.when !== undefined);
  if (step?.when === undefined) return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  let node = body;
  const keys = step.when.split('.');
  keys.forEach((key, i) => {
    const next: Record<string, unknown> = i === keys.length - 1 ? { message: step.description ?? sourceUrl(catalog, step.source) } : {};
    node[key] = next;
    node = next;
  });
  return JSON.stringify(body);
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** How many times a counted simulation was seen before this request; the caller keeps the counts. */
export type SimulationCounter = (key: string) => number;

/**
 * What the simulated provider answers a request, and the endpoint it resolved to.
 *
 * @remarks
 * The answers are documented on {@link startSimulator}; this function is what
 * it runs for every request, without sockets.
 */
export function simulate(
  provider: SimulatedProvider,
  request: SimulatorRequest,
  counted: SimulationCounter,
): { readonly answer: SimulatorAnswer; readonly endpoint: string | undefined } {
  const { catalog } = provider;
  const url = new URL(request.path, 'http://simulator.invalid');
  const path = `${url.pathname}${url.search}`;
  const located = resolveEndpoint(provider.compiled.endpoints, request.method, path);
  const endpoint = located?.endpoint.id;
  const params: Readonly<Record<string, string>> = located?.params ?? {};
  const header = (name: string): string | undefined => request.headers[name] ?? url.searchParams.get(name) ?? undefined;
  const headers: Record<string, string> = {};
  const retryAfter = header('x-simulate-retry-after');
  if (retryAfter !== undefined && HEADER_VALUE.test(retryAfter)) headers['retry-after'] = retryAfter;
  const respond = (status: number, body: string): { answer: SimulatorAnswer; endpoint: string | undefined } => ({
    answer: { action: 'respond', status, headers, body },
    endpoint,
  });
  if (request.tooLarge === true) return respond(413, json({ simulated: true, error: 'request body too large' }));

  const requested = header('x-simulate');
  let simulation = parseSimulation(requested);
  const times = Number(header('x-simulate-times') ?? Number.NaN);
  if (simulation !== undefined && Number.isInteger(times) && times >= 0) {
    if (counted(`${catalog.id} ${request.method} ${url.pathname} ${requested ?? ''}`) >= times) simulation = undefined;
  }
  const customBody = header('x-simulate-body');
  if (simulation !== undefined) {
    if (simulation.mode !== 'status') return { answer: { action: simulation.mode }, endpoint };
    return respond(simulation.status, customBody ?? errorFor(provider, endpoint, simulation.status, simulation.code, params));
  }
  for (const trigger of catalog.sandbox ?? []) {
    // A trigger with no status, no code and no {code} changes data, not errors (Synapse's balance suffixes).
    if (trigger.status === undefined && trigger.code === undefined && !trigger.value.includes('{code}')) continue;
    if (trigger.endpoint !== undefined && trigger.endpoint !== endpoint) continue;
    const code = triggered(trigger, request.body);
    if (code === undefined) continue;
    const answered = code === '' ? trigger.code : code;
    const status = trigger.status ?? codeEntry(catalog, answered)?.statuses?.[0] ?? 400;
    return respond(status, customBody ?? errorFor(provider, endpoint, status, answered, params, trigger.description));
  }
  if (endpoint === undefined) return respond(404, json({ simulated: true, error: 'no documented endpoint at this path' }));
  return respond(200, customBody ?? json({ simulated: true, provider: catalog.id, endpoint }));
}
