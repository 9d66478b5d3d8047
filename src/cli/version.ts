import { readFileSync } from 'node:fs';

/**
 * The package's version, read from its package.json (found upward from this file, in the source tree or in dist).
 */
export function packageVersion(from: string | URL = import.meta.url): string {
  for (let url = new URL('./package.json', from), depth = 0; depth < 6; url = new URL('../package.json', url), depth++) {
    try {
      const json: unknown = JSON.parse(readFileSync(url, 'utf8'));
      if (
        typeof json === 'object' &&
        json !== null &&
        'name' in json &&
        json.name === 'aggregator-errors' &&
        'version' in json &&
        typeof json.version === 'string'
      ) {
        return json.version;
      }
    } catch {
      // Not here: look one folder up.
    }
  }
  return 'unknown';
}
