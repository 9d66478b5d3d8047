/**
 * Endpoint ids and message templates: parsed once, when a catalog is validated
 * or compiled, never on the hot path.
 */

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

const PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Parameter names become keys of a plain object in every result.
const RESERVED: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function isName(name: string): boolean {
  return NAME.test(name) && !RESERVED.has(name);
}

/** One path segment: a literal, or a named parameter. */
export type Segment = { readonly literal: string } | { readonly param: string };

/** An endpoint id taken apart: `'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes'`. */
export interface ParsedEndpoint {
  readonly method: Method;
  readonly segments: readonly Segment[];
  readonly query: readonly (readonly [string, string])[];
}

/** A parse result: the value, or every problem found. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/** Takes an endpoint id apart, or names what is wrong with it. */
export function parseEndpointId(id: string): Parsed<ParsedEndpoint> {
  const space = id.indexOf(' ');
  const method = id.slice(0, space);
  const rest = id.slice(space + 1);
  if (space < 1 || !(METHODS as readonly string[]).includes(method)) {
    return { ok: false, problems: [`must start with an upper-case HTTP method and a space (${METHODS.join(', ')})`] };
  }
  const [path = '', search, ...extra] = rest.split('?');
  const problems: string[] = [];
  if (extra.length > 0) problems.push('has more than one "?"');
  if (!path.startsWith('/')) problems.push('path must start with "/"');
  if (/\s/.test(rest)) problems.push('must not contain white space after the method');
  const segments: Segment[] = [];
  const seen = new Set<string>();
  for (const raw of path.split('/').slice(1)) {
    if (raw === '') {
      if (path !== '/') problems.push('path has an empty segment');
      continue;
    }
    const param = PLACEHOLDER.exec(raw)?.[1];
    if (param !== undefined && isName(param)) {
      if (seen.has(param)) problems.push(`path parameter {${param}} appears twice`);
      seen.add(param);
      segments.push({ param });
    } else if (raw.includes('{') || raw.includes('}')) {
      problems.push(`segment "${raw}" must be a literal or a whole {name} placeholder`);
    } else {
      segments.push({ literal: raw });
    }
  }
  const query: (readonly [string, string])[] = [];
  if (search !== undefined) {
    for (const pair of search.split('&')) {
      const [key = '', value, ...more] = pair.split('=');
      if (!isName(key) || value === undefined || value === '' || more.length > 0 || /[{}]/.test(value)) {
        problems.push(`query "${pair}" must be key=value with a literal value`);
      } else {
        query.push([key, value]);
      }
    }
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { method: method as Method, segments, query } };
}

/** A message template taken apart: literal text around named placeholders. */
export interface ParsedTemplate {
  /** Literal pieces; `names[i]` stands between `literals[i]` and `literals[i + 1]`. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

/** Takes a message template apart (`'User {user_id} not found'`), or names what is wrong with it. */
export function parseMessageTemplate(template: string): Parsed<ParsedTemplate> {
  const literals: string[] = [];
  const names: string[] = [];
  const problems: string[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '}') {
      problems.push(`unmatched "}" at ${i}`);
      i++;
    } else if (ch === '{') {
      const close = template.indexOf('}', i);
      const name = close < 0 ? '' : template.slice(i + 1, close);
      if (close < 0 || !isName(name)) {
        problems.push(`placeholder at ${i} must be {name} with a name of letters, digits and _ (not __proto__, constructor or prototype)`);
        i = close < 0 ? template.length : close + 1;
        continue;
      }
      if (names.includes(name)) problems.push(`placeholder {${name}} appears twice`);
      if (literal === '' && names.length > 0) {
        problems.push(`placeholders {${names.at(-1) ?? ''}} and {${name}} must be separated by text`);
      }
      literals.push(literal);
      names.push(name);
      literal = '';
      i = close + 1;
    } else {
      literal += ch;
      i++;
    }
  }
  literals.push(literal);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { literals, names } };
}
