/**
 * Inputs described by their size, never dumped: a fuzz input may be a string
 * of 20,000 characters, a sparse array of length 2^28 or a proxy whose traps
 * throw, and a report names it without printing it or running its traps.
 */
import fc from 'fast-check';

/** The longest description printed as is (a short value reads better than its size). */
const SHORT = 120;
/** The most values walked to measure one input. */
const BUDGET = 100_000;

interface Size {
  values: number;
  chars: number;
  depth: number;
  accessors: number;
  unreadable: number;
  truncated: boolean;
}

function measure(root: unknown): Size {
  const size: Size = { values: 0, chars: 0, depth: 0, accessors: 0, unreadable: 0, truncated: false };
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++size.values > BUDGET) {
      size.truncated = true;
      break;
    }
    size.depth = Math.max(size.depth, depth);
    if (typeof value === 'string') size.chars += value.length;
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    try {
      if (value instanceof Map) for (const [k, v] of value) stack.push([k, depth + 1], [v, depth + 1]);
      else if (value instanceof Set) for (const v of value) stack.push([v, depth + 1]);
      else if (ArrayBuffer.isView(value)) size.values += value.byteLength;
      else {
        for (const key of Reflect.ownKeys(value)) {
          const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
          if (typeof key === 'string') size.chars += key.length;
          if (descriptor === undefined) continue;
          if ('value' in descriptor) stack.push([descriptor.value, depth + 1]);
          else size.accessors++;
        }
      }
    } catch {
      size.unreadable++;
    }
  }
  return size;
}

const count = (n: number, what: string): string => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** One argument, by its size (or as written, when that is short). */
export function describeInput(input: unknown): string {
  const built = typeof input === 'function' && fc.toStringMethod in input;
  let description: string;
  try {
    description = fc.stringify(input);
  } catch {
    description = '(cannot be written)';
  }
  if (description.length <= SHORT) return description;
  let value = input;
  if (built) {
    try {
      value = (input as unknown as () => unknown)();
    } catch {
      return `${description.slice(0, SHORT)}... (cannot be built)`;
    }
  }
  const size = measure(value);
  const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  const parts = [count(size.values, 'value') + (size.truncated ? ' or more' : ''), count(size.chars, 'character'), `depth ${size.depth}`];
  if (size.accessors > 0) parts.push(count(size.accessors, 'accessor'));
  if (size.unreadable > 0) parts.push(count(size.unreadable, 'unreadable object'));
  return `${kind}: ${parts.join(', ')}; written ${count(description.length, 'character')}, begins ${JSON.stringify(description.slice(0, 60))}`;
}

/** Every argument of an input, by its size. */
export function describeInputs(inputs: readonly unknown[]): string {
  return inputs.map((input, index) => `${String.fromCharCode(97 + index)}: ${describeInput(input)}`).join('; ');
}

/** A counterexample as fast-check writes it, cut to `max` characters. */
export function writeCounterexample(inputs: readonly unknown[], max = 2000): string {
  let text: string;
  try {
    text = fc.stringify(inputs);
  } catch {
    return '(cannot be written)';
  }
  return text.length <= max ? text : `${text.slice(0, max)}... (${count(text.length, 'character')} in all)`;
}
