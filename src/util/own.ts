/**
 * Reads that never follow the prototype chain and never throw: the one home of
 * the small `own`/`read` helpers every layer needs when it handles data it did
 * not create (catalogs loaded at run time, request bodies, errors thrown by
 * clients, values that crossed a process boundary as JSON).
 */

/** Whether a value is an object (not null, arrays included). */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** An own property of any value; `undefined` when absent, inherited, or when reading it throws (a getter, a revoked proxy). */
export function own(value: unknown, key: string): unknown {
  try {
    return isObject(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** An own entry of a record, typed as the record's values. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return own(record, key) as T | undefined;
}

/** An own property that holds a string; `undefined` otherwise. */
export function ownString(value: unknown, key: string): string | undefined {
  const field = own(value, key);
  return typeof field === 'string' ? field : undefined;
}

/**
 * A property of any value, inherited ones included, for objects whose fields
 * are accessors by design (an axios error's `response`, an `Error`'s `cause`);
 * `undefined` when reading it throws.
 */
export function read(value: unknown, key: string): unknown {
  try {
    return isObject(value) ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** The first `max` items of a value when it is an array, as a plain copy; `[]` for anything else or when reading throws. */
export function arrayItems(value: unknown, max: number): unknown[] {
  try {
    if (!Array.isArray(value)) return [];
    const length = Math.min(value.length, max);
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(value[i]);
    return out;
  } catch {
    return [];
  }
}
