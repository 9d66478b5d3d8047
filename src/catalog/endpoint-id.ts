/**
 * Endpoint ids (`'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes'`):
 * taken apart in one place, once per catalog, never on the hot path.
 */

/**
 * The HTTP methods an endpoint id may start with.
 *
 * @public
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const satisfies readonly HttpMethod[];
const everyMethod: [Exclude<HttpMethod, (typeof methods)[number]>] extends [never] ? true : never = true;
void everyMethod;

/** The methods an endpoint id may start with: every {@link HttpMethod}, checked by the compiler. */
export const METHODS: readonly HttpMethod[] = methods;

/** An endpoint id taken apart; a path segment is a literal, or `undefined` where a `{name}` parameter stands. */
export interface EndpointParts {
  readonly method: string;
  /** Per path segment: the literal, or `undefined` for a parameter. */
  readonly literals: readonly (string | undefined)[];
  /** Parameter positions and names, in path order. */
  readonly params: readonly (readonly [number, string])[];
  /** The `key=value` pairs the query must carry. */
  readonly query: readonly string[];
}

/** Takes a valid endpoint id apart (the schema has checked it). */
export function splitEndpointId(id: string): EndpointParts {
  const space = id.indexOf(' ');
  const rest = id.slice(space + 1);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const search = q < 0 ? '' : rest.slice(q + 1);
  const segments = path.split('/').filter((segment) => segment !== '');
  const literals: (string | undefined)[] = [];
  const params: [number, string][] = [];
  segments.forEach((segment, i) => {
    if (segment.startsWith('{') && segment.endsWith('}')) {
      literals.push(undefined);
      params.push([i, segment.slice(1, -1)]);
    } else literals.push(segment);
  });
  return { method: id.slice(0, space), literals, params, query: search === '' ? [] : search.split('&') };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Parameter names become keys of a plain object in every result.
const RESERVED: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a name may be a path parameter or a template placeholder. */
export function isParamName(name: string): boolean {
  return NAME.test(name) && !RESERVED.has(name);
}

/** Everything wrong with an endpoint id, or nothing. */
export function endpointIdProblems(id: string): string[] {
  if (id.length > 2048) return ['must be at most 2048 characters'];
  const space = id.indexOf(' ');
  const method = id.slice(0, space);
  if (space < 1 || !(METHODS as readonly string[]).includes(method)) {
    return [`must start with an upper-case HTTP method and a space (${METHODS.join(', ')})`];
  }
  const rest = id.slice(space + 1);
  const [path = '', search, ...extra] = rest.split('?');
  const problems: string[] = [];
  if (extra.length > 0) problems.push('has more than one "?"');
  if (!path.startsWith('/')) problems.push('path must start with "/"');
  if (/\s/.test(rest)) problems.push('must not contain white space after the method');
  const seen = new Set<string>();
  for (const raw of path.split('/').slice(1)) {
    if (raw === '') {
      if (path !== '/') problems.push('path has an empty segment');
      continue;
    }
    const param = raw.startsWith('{') && raw.endsWith('}') ? raw.slice(1, -1) : undefined;
    if (param !== undefined && isParamName(param)) {
      if (seen.has(param)) problems.push(`path parameter {${param}} appears twice`);
      seen.add(param);
    } else if (raw.includes('{') || raw.includes('}')) {
      problems.push(`segment "${raw}" must be a literal or a whole {name} placeholder`);
    }
  }
  if (search !== undefined) {
    for (const pair of search.split('&')) {
      const [key = '', value, ...more] = pair.split('=');
      if (!isParamName(key) || value === undefined || value === '' || more.length > 0 || /[{}]/.test(value)) {
        problems.push(`query "${pair}" must be key=value with a literal value`);
      }
    }
  }
  return problems;
}
