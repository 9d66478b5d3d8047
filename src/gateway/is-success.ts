import { arrayItems, own, read } from '../util/own.js';
import { providerOption } from './options.js';

/**
 * Options of {@link isSuccess}.
 *
 * @public
 */
export interface IsSuccessOptions {
  /** The normalizer (anything with its `catalogs`) whose catalogs say which 2xx statuses are not plain successes. */
  readonly normalizer: { readonly catalogs: readonly unknown[] };
  /** The provider's catalog id. */
  readonly provider: string;
}

// The 2xx statuses each catalog documents as an error, a step or a running job, computed once per catalog.
const documented = new WeakMap<object, ReadonlySet<number>>();
const MAX_ITEMS = 100_000;

function twoHundreds(catalog: object): ReadonlySet<number> {
  const known = documented.get(catalog);
  if (known !== undefined) return known;
  const found = new Set<number>();
  const add = (status: unknown): void => {
    const n = Number(status);
    if (Number.isInteger(n) && n >= 200 && n <= 299) found.add(n);
  };
  const values = (record: unknown): unknown[] => {
    try {
      return record !== null && typeof record === 'object' ? Object.values(record).slice(0, MAX_ITEMS) : [];
    } catch {
      return [];
    }
  };
  const keys = (record: unknown): string[] => {
    try {
      return record !== null && typeof record === 'object' ? Object.keys(record).slice(0, MAX_ITEMS) : [];
    } catch {
      return [];
    }
  };
  for (const status of keys(own(catalog, 'statuses'))) add(status);
  for (const code of values(own(catalog, 'codes'))) {
    for (const status of arrayItems(own(code, 'statuses'), MAX_ITEMS)) add(status);
    for (const meaning of values(own(code, 'byCategory'))) for (const status of arrayItems(own(meaning, 'statuses'), MAX_ITEMS)) add(status);
  }
  for (const endpoint of values(own(catalog, 'endpoints'))) for (const row of arrayItems(own(endpoint, 'rows'), MAX_ITEMS)) add(own(row, 'status'));
  for (const step of arrayItems(own(catalog, 'pending'), MAX_ITEMS)) add(own(step, 'status'));
  documented.set(catalog, found);
  return found;
}

/**
 * Whether a provider's response is a plain success, to pass through untouched:
 * a 2xx status that the provider's catalog documents as nothing else. A 2xx is
 * not always one: MX answers 202 when a job of the same type already runs (poll
 * it, never start another), Synapse 202 with an MFA question, Plaid 208 with an
 * error body. Such a response goes to `fromResponse` (or the normalizer's
 * `pending`) like any failure; `response.ok` would let it through.
 *
 * @remarks
 * Reads only `response.status` (a fetch `Response`, an axios response, a Node
 * `IncomingMessage`'s `statusCode` is not read: pass `{ status }`). A provider
 * the normalizer has no catalog for, or a normalizer without `catalogs`, is
 * judged by the status alone. Never throws.
 *
 * @example
 * ```ts
 * const response = await fetch(url);
 * if (isSuccess(response, { normalizer, provider: 'mx' })) return response;
 * const error = await fromResponse(response, { normalizer, provider: 'mx', request: { method: 'POST', url } });
 * ```
 *
 * @public
 */
export function isSuccess(response: { readonly status: number }, options: IsSuccessOptions): boolean {
  // A fetch Response's status is a getter on its prototype: read, not own.
  const status = read(response, 'status');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) return false;
  const provider = providerOption(options);
  for (const catalog of arrayItems(read(own(options, 'normalizer'), 'catalogs'), 64)) {
    if (catalog === null || typeof catalog !== 'object' || own(catalog, 'id') !== provider) continue;
    if (twoHundreds(catalog).has(status)) return false;
  }
  return true;
}
