import type { JsonValue } from 'type-fest';
import type { CatalogInput, RowInput } from '../catalog/types.js';
import { clientBaseUrl } from '../catalog/base-url.js';
import { splitEndpointId } from '../catalog/endpoint-id.js';
import { renderTemplate } from '../catalog/message-template.js';
import { codeEntry, documentedRows, type ResolvedMeaning } from '../catalog/resolve.js';
import type { Kind } from '../taxonomy/kinds.js';

/**
 * A raw provider response, shaped as `normalize` reads it.
 *
 * @public
 */
export interface RawResponse {
  /** The catalog id of the provider. */
  readonly provider: string;
  /** The request's HTTP method. */
  readonly method?: string;
  /** The request's absolute URL, on the catalog's first base URL. */
  readonly url?: string;
  /** The response's HTTP status. */
  readonly status?: number;
  /** The response headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The response body, as the provider sends it. */
  readonly body?: string;
  /** A bare code, for a fixture with no response at all. */
  readonly code?: string;
}

/**
 * One documented catalog entry as the provider would send it, and what it must normalize to.
 *
 * @public
 */
export interface Fixture {
  /** A readable name: provider, endpoint, status and code. */
  readonly name: string;
  /** The raw response. */
  readonly input: RawResponse;
  /** What the normalized error must say. */
  readonly expected: {
    readonly kind: Kind;
    readonly code: string | undefined;
    readonly status: number | undefined;
    readonly endpoint: string | undefined;
    readonly params: Readonly<Record<string, string>>;
  };
}

type Mutable = { [key: string]: JsonValue | Mutable };

function setPath(target: Mutable, path: string, value: JsonValue): void {
  const keys = path.split('.');
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Mutable;
    else {
      const fresh: Mutable = {};
      node[key] = fresh;
      node = fresh;
    }
  });
}

/**
 * Builds the provider's error body for a code, message and status, as its docs show it.
 *
 * @public
 */
export function errorBody(
  catalog: CatalogInput,
  fields: { readonly code?: string; readonly message?: string; readonly status?: number; readonly category?: string },
): string {
  try {
    return bodyOf(catalog, fields);
  } catch {
    return '{}';
  }
}

function bodyOf(
  catalog: CatalogInput,
  fields: { readonly code?: string; readonly message?: string; readonly status?: number; readonly category?: string },
): string {
  const shape = catalog.body ?? {};
  const body: Mutable = structuredClone({ ...shape.constant }) as Mutable;
  const numeric = (value: string): JsonValue => (/^-?\d+$/.test(value) ? Number(value) : value);
  if (fields.code !== undefined && shape.code?.[0] !== undefined) {
    setPath(body, shape.code[0], shape.encode?.code === 'number' ? numeric(fields.code) : fields.code);
  }
  if (fields.message !== undefined && shape.message?.[0] !== undefined) setPath(body, shape.message[0], fields.message);
  if (fields.category !== undefined && shape.category?.[0] !== undefined) setPath(body, shape.category[0], fields.category);
  if (fields.status !== undefined && shape.status?.[0] !== undefined) {
    setPath(body, shape.status[0], shape.encode?.status === 'string' ? String(fields.status) : fields.status);
  }
  if (shape.requestId?.[0] !== undefined) setPath(body, shape.requestId[0], `req-${catalog.id}-fixture`);
  return JSON.stringify(body);
}

function rowFixture(catalog: CatalogInput, id: string, row: RowInput, meaning: ResolvedMeaning): Fixture {
  const { method, literals, params: names, query } = splitEndpointId(id);
  const params: Record<string, string> = {};
  const segments = literals.map((literal) => literal ?? '');
  for (const [at, name] of names) segments[at] = params[name] = `${name.replace(/_/g, '-')}-42`;
  const message = meaning.message === undefined ? undefined : renderTemplate(meaning.message, params, (name) => `sample-${name}`);
  const category = codeEntry(catalog, row.code)?.category;
  const search = query.length === 0 ? '' : `?${query.join('&')}`;
  return {
    name: `${catalog.id} ${id} ${row.status}${row.code === undefined ? '' : ` ${row.code}`}`,
    input: {
      provider: catalog.id,
      method,
      url: `${clientBaseUrl(catalog)}/${segments.join('/')}${search}`,
      status: row.status,
      headers: { 'content-type': 'application/json' },
      body: errorBody(catalog, {
        ...(row.code === undefined ? {} : { code: row.code }),
        ...(message === undefined ? {} : { message }),
        ...(category === undefined ? {} : { category }),
        status: row.status,
      }),
    },
    expected: { kind: meaning.kind, code: row.code, status: row.status, endpoint: id, params },
  };
}

/**
 * Every documented endpoint row of a catalog as the raw response the provider sends.
 *
 * @example
 * ```ts
 * for (const fixture of rowFixtures(aerosync)) {
 *   expect(normalize(fixture.input).kind).toBe(fixture.expected.kind);
 * }
 * ```
 *
 * @public
 */
export function rowFixtures(catalog: CatalogInput): Fixture[] {
  try {
    return documentedRows(catalog).map(({ endpoint, row, meaning }) => rowFixture(catalog, endpoint, row, meaning));
  } catch {
    // Not a validated catalog: nothing it documents can be trusted.
    return [];
  }
}

/**
 * Every provider-wide code of a catalog, as a bare code with no response (a webhook, a status field).
 *
 * @public
 */
export function codeFixtures(catalog: CatalogInput): Fixture[] {
  try {
    return Object.entries(catalog.codes ?? {}).map(([code, meaning]) => ({
      name: `${catalog.id} code ${code}`,
      input: { provider: catalog.id, code },
      expected: { kind: meaning.kind, code, status: undefined, endpoint: undefined, params: {} },
    }));
  } catch {
    return [];
  }
}
