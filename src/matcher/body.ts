/** The most a raw body may hold and still be parsed; anything larger is unreadable. */
const MAX_BODY_CHARS = 4 * 1024 * 1024;
/** The longest field value copied into a result. */
const MAX_FIELD_CHARS = 1024;

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Parses a body given as text, bytes or parsed JSON; never throws. Returns the
 * object, or why there is none (a string, so the hot path allocates nothing).
 */
export function readBody(body: unknown): object | 'absent' | 'unreadable' {
  if (body === undefined || body === null || body === '') return 'absent';
  let value: unknown = body;
  if (body instanceof Uint8Array) {
    if (body.byteLength > MAX_BODY_CHARS) return 'unreadable';
    value = decoder.decode(body);
  }
  if (typeof value === 'string') {
    if (value.length > MAX_BODY_CHARS) return 'unreadable';
    const first = value.trimStart()[0];
    if (first !== '{') return value.trim() === '' ? 'absent' : 'unreadable';
    try {
      value = JSON.parse(value);
    } catch {
      return 'unreadable';
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : 'unreadable';
}

/**
 * Follows a pre-split path through own properties only: a body built with an
 * inherited `error_code`, or an `Object.prototype` polluted by another library,
 * never classifies. Getters are not special-cased: a caller that hands over a
 * throwing getter is answered by `normalize`'s catch.
 */
export function readPath(root: object, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The first path that holds a non-empty string or a finite number, as a capped string. */
export function readText(root: object, paths: readonly (readonly string[])[]): string | undefined {
  for (const path of paths) {
    const value = readPath(root, path);
    if (typeof value === 'string') {
      if (value !== '') return value.length > MAX_FIELD_CHARS ? value.slice(0, MAX_FIELD_CHARS) : value;
    } else if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}
