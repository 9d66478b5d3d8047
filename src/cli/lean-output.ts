import type { NormalizedError } from '../taxonomy/normalized-error.js';

// The catalog's prose that every result repeats: the same keys a lean catalog drops from its entries.
const PROSE: ReadonlySet<string> = new Set(['description', 'note']);

/**
 * A normalized error without the catalog's prose (`match.description`, `match.note`), its causes alike: the
 * classification, hints and `match.source` are kept, so a log line still says where the meaning is documented.
 */
export function leanError(error: NormalizedError): object {
  const match = Object.fromEntries(Object.entries(error.match).filter(([key]) => !PROSE.has(key)));
  return { ...error, match, causes: error.causes.map(leanError) };
}
