/**
 * A plain-data copy of any value, made before the schema sees it, so that
 * validation answers for any input whatsoever: accessors are never run,
 * proxies and revoked proxies are read once and fail softly, prototype keys,
 * cycles, depth and size are reported as problems by their path, and the
 * schema then checks a copy that cannot change under it.
 */
/** A problem found while copying, by property path. */
export interface SnapshotIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** How deep a catalog may nest (the catalog itself is at depth 0; a body constant's JSON counts). */
export const MAX_DEPTH = 32;
/** The most values a catalog may hold in all (objects, arrays, strings, numbers...). */
export const MAX_NODES = 2_000_000;
/** The longest string a catalog may hold. */
export const MAX_STRING = 65_536;
/** The most issues reported: past this, the input is not a catalog being written but noise. */
const MAX_ISSUES = 200;

// JSON.parse makes `__proto__` an own key, and a copy that assigns it would change
// the copy's prototype; zod drops it from records: it is rejected where it stands.
const FORBIDDEN_KEY = '__proto__';

/** Copies `value` as plain JSON-like data, collecting every problem on the way. */
export function snapshot(value: unknown): { readonly copy: unknown; readonly issues: readonly SnapshotIssue[] } {
  const issues: SnapshotIssue[] = [];
  const ancestors = new Set<object>();
  let nodes = 0;
  const path: (string | number)[] = [];
  const report = (message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path: [...path], message });
  };

  function copy(node: unknown, depth: number): unknown {
    if (++nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) report(`the catalog holds more than ${MAX_NODES} values`);
      return undefined;
    }
    switch (typeof node) {
      case 'string':
        if (node.length > MAX_STRING) {
          report(`must be at most ${MAX_STRING} characters (has ${node.length})`);
          return '';
        }
        return node;
      case 'number':
      case 'boolean':
      case 'undefined':
        return node;
      case 'object':
        break;
      default:
        report(`must be JSON data, not a ${typeof node}`);
        return undefined;
    }
    if (node === null) return null;
    if (ancestors.has(node)) {
      report('refers back to an object that contains it (a cycle): a catalog is a tree of plain data');
      return undefined;
    }
    if (depth >= MAX_DEPTH) {
      report(`nests deeper than ${MAX_DEPTH} levels`);
      return undefined;
    }
    let array: boolean;
    let keys: (string | symbol)[];
    let proto: object | null;
    try {
      array = Array.isArray(node);
      proto = Object.getPrototypeOf(node) as object | null;
      keys = Reflect.ownKeys(node);
    } catch {
      report('could not be read (a revoked proxy or a trap that throws)');
      return undefined;
    }
    if (!array && proto !== Object.prototype && proto !== null) {
      report('must be a plain object or an array');
      return undefined;
    }
    ancestors.add(node);
    try {
      if (array) {
        let length: number;
        try {
          length = (node as unknown[]).length;
        } catch {
          report('could not be read (a revoked proxy or a trap that throws)');
          return undefined;
        }
        if (length > MAX_NODES - nodes) {
          report(`holds more than ${MAX_NODES} values`);
          return undefined;
        }
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
          path.push(i);
          out.push(field(node, String(i), depth, true));
          path.pop();
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (typeof key === 'symbol') continue;
        path.push(key);
        if (key === FORBIDDEN_KEY) report('"__proto__" is not allowed as a key (it would reach the prototype of every object built from the catalog)');
        else {
          const child = field(node, key, depth, false);
          if (child !== undefined) out[key] = child;
        }
        path.pop();
        if (nodes > MAX_NODES) break;
      }
      return out;
    } finally {
      ancestors.delete(node);
    }
  }

  function field(node: object, key: string, depth: number, inArray: boolean): unknown {
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Reflect.getOwnPropertyDescriptor(node, key);
    } catch {
      report('could not be read (a revoked proxy or a trap that throws)');
      return undefined;
    }
    if (descriptor === undefined) {
      if (inArray) report('is a hole in a sparse array');
      return undefined;
    }
    if (!('value' in descriptor)) {
      report('is a getter or setter: a catalog is plain data');
      return undefined;
    }
    if (!inArray && descriptor.enumerable !== true) return undefined;
    return copy(descriptor.value, depth + 1);
  }

  const out = copy(value, 0);
  return { copy: out, issues };
}
