/** Base URLs of a catalog: the one home of reading their paths, for the matcher and the tools. */
import type { CatalogInput } from './types.js';

/** The path of an absolute URL without a trailing slash (`'/v3.1'` for `https://uat-api.synapsefi.com/v3.1/`), or `''`. */
export function pathOfUrl(url: string): string {
  const scheme = url.indexOf('://');
  const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (slash < 0) return '';
  let end = url.length;
  for (const stop of ['?', '#']) {
    const at = url.indexOf(stop, slash);
    if (at >= 0 && at < end) end = at;
  }
  while (end > slash && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(slash, end);
}

/** The first documented base URL with the catalog's path prefix, without a trailing slash: where a client sends requests. */
export function clientBaseUrl(catalog: Pick<CatalogInput, 'baseUrls' | 'pathPrefix'>): string {
  let base = Object.values(catalog.baseUrls ?? {})[0] ?? '';
  let end = base.length;
  while (end > 0 && base.charCodeAt(end - 1) === 47) end--;
  base = base.slice(0, end);
  const prefix = catalog.pathPrefix ?? '';
  return base.endsWith(prefix) ? base : base + prefix;
}
