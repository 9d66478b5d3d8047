// Writes bench/plain.ts, the plain classifier the bench compares normalize with, from the Aerosync and Synapse rows (run after npm run build: node scripts/gen-plain.mjs).
import { writeFileSync } from 'node:fs';
const { aerosync } = await import(new URL('../dist/catalogs/aerosync.js', import.meta.url).href);
const { synapse } = await import(new URL('../dist/catalogs/synapse.js', import.meta.url).href);
const { createNormalizer } = await import(new URL('../dist/src/index.js', import.meta.url).href);
const { rowFixtures } = await import(new URL('../dist/src/testkit/fixtures.js', import.meta.url).href);
const n = createNormalizer([aerosync, synapse]);
const hintsOf = (e) =>
  JSON.stringify({
    kind: e.kind,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.scope ? { scope: e.scope } : {}),
    retryable: e.retry.retryable,
    userAction: e.userAction,
    owner: e.owner,
    severity: e.severity,
  });
const consts = new Map();
const constName = (h) => {
  if (!consts.has(h)) consts.set(h, `M${consts.size}`);
  return consts.get(h);
};
const byEndpoint = new Map();
for (const [cat, prefix] of [
  [aerosync, '/v2'],
  [synapse, '/v3.1'],
]) {
  for (const f of rowFixtures(cat)) {
    const e = n.normalize(f.input);
    const key = `${cat.id} ${f.expected.endpoint}`;
    if (!byEndpoint.has(key)) byEndpoint.set(key, { cat: cat.id, endpoint: f.expected.endpoint, prefix, rows: new Map() });
    byEndpoint.get(key).rows.set(`${f.input.status} ${f.expected.code}`, constName(hintsOf(e)));
  }
}
let out = `/**
 * The plain baseline the design's budget names: what a careful engineer writes by
 * hand for the documented Aerosync and Synapse rows: a regular expression per
 * route, a switch on (status, code) per endpoint, constant hint objects. The
 * bench checks it answers as normalize does on every row before timing both.
 */

interface Input {
  readonly provider: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface PlainResult {
  readonly kind: string;
  readonly provider: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly endpoint: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly hints: Hints;
}

interface Hints {
  readonly kind: string;
  readonly reason?: string;
  readonly scope?: string;
  readonly retryable: boolean;
  readonly userAction: string;
  readonly owner: string;
  readonly severity: string;
}

`;
for (const [h, name] of consts) out += `const ${name}: Hints = ${h.replace(/"(\w+)":/g, '$1: ').replace(/"/g, "'")};\n`;
out += `const UNKNOWN: Hints = { kind: 'unknown', retryable: false, userAction: 'contact-support', owner: 'provider', severity: 'ticket' };\n\n`;
const reOf = (endpoint) => {
  const [method, rest] = endpoint.split(' ');
  const [path, query] = rest.split('?');
  const names = [];
  const body = path
    .replace(/\{(\w+)\}/g, (_, name) => {
      names.push(name);
      return '([^/?#]+)';
    })
    .replace(/\//g, '\\/');
  return { method, re: query ? `/^${body}\\/?\\?(?:[^#]*&)?${query}(?:&[^#]*)?$/` : `/^${body}\\/?(?:\\?[^#]*)?$/`, names };
};
out += `interface Route {\n  readonly provider: string;\n  readonly method: string;\n  readonly pattern: RegExp;\n  readonly endpoint: string;\n  readonly names: readonly string[];\n  readonly rows: (status: number, code: string | undefined) => Hints | undefined;\n}\n\n`;
out += `const ROUTES: readonly Route[] = [\n`;
for (const { cat, endpoint, rows } of byEndpoint.values()) {
  const { method, re, names } = reOf(endpoint);
  out += `  {\n    provider: '${cat}',\n    method: '${method}',\n    pattern: ${re},\n    endpoint: '${endpoint}',\n    names: [${names.map((x) => `'${x}'`).join(', ')}],\n    rows: (status, code) => {\n      switch (code) {\n`;
  const byCode = new Map();
  for (const [key, name] of rows) {
    const [st, code] = key.split(' ');
    if (!byCode.has(code)) byCode.set(code, []);
    byCode.get(code).push([st, name]);
  }
  for (const [code, list] of byCode) {
    out += `        case '${code}':\n`;
    out +=
      list.length === 1
        ? `          return status === ${list[0][0]} ? ${list[0][1]} : undefined;\n`
        : `          ${list.map(([st, name]) => `if (status === ${st}) return ${name};`).join('\n          ')}\n          return undefined;\n`;
  }
  out += `        default:\n          return undefined;\n      }\n    },\n  },\n`;
}
out += `];\n\n// Routes by provider and method, so a call tries only the routes that can match.\nconst BY_METHOD = new Map<string, Route[]>();\nfor (const route of ROUTES) {\n  const key = \`\${route.provider} \${route.method}\`;\n  BY_METHOD.set(key, [...(BY_METHOD.get(key) ?? []), route]);\n}\n\n`;
out += `function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Classifies an Aerosync or Synapse error by route and code, as a hand-written gateway does. */
export function plain(input: Input): PlainResult {
  const { provider, url, status, body } = input;
  const method = input.method.toUpperCase();
  // The path and query without the origin, the version prefix or a fragment: what the routes match.
  const scheme = url.indexOf('://');
  let path = scheme < 0 ? url : url.slice(url.indexOf('/', scheme + 3));
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  const prefix = provider === 'aerosync' ? '/v2/' : '/v3.1/';
  if (path.startsWith(prefix)) path = path.slice(prefix.length - 1);
  const error = body['error'];
  const raw = provider === 'aerosync' ? (typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['code'] : undefined) : body['error_code'];
  const code = typeof raw === 'string' ? raw : undefined;
  for (const route of BY_METHOD.get(\`\${provider} \${method}\`) ?? []) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < route.names.length; i++) params[route.names[i] ?? ''] = decode(match[i + 1] ?? '');
    const hints = route.rows(status, code) ?? UNKNOWN;
    return { kind: hints.kind, provider, status, code, endpoint: route.endpoint, params, hints };
  }
  return { kind: UNKNOWN.kind, provider, status, code, endpoint: undefined, params: {}, hints: UNKNOWN };
}
`;
writeFileSync(new URL('../bench/plain.ts', import.meta.url), out);
console.log(consts.size, 'constants', byEndpoint.size, 'routes');
