import type { Catalog } from '../catalog/types.js';
import { compileObserver } from './codegen.js';
import { normalizerOf, type Normalizer } from './create-normalizer.js';

/**
 * Builds a normalizer over a set of validated catalogs, each compiled into its
 * own reader function where the runtime allows code generation (Node does,
 * unless started with `--disallow-code-generation-from-strings`); elsewhere the
 * catalogs are read by the generic reader. Both answer alike.
 *
 * @example
 * ```ts
 * import { createNormalizer } from 'aggregator-errors';
 * import { aerosync } from 'aggregator-errors/catalogs/aerosync';
 *
 * const { normalize } = createNormalizer([aerosync]);
 * const error = normalize({ provider: 'aerosync', method: 'GET', url: '/v2/accounts/u-42/balance', status: 400, body });
 * if (error.kind === 'reconnect-required') askUserToReconnect();
 * ```
 *
 * @public
 */
export function createNormalizer<const Cs extends readonly Catalog[]>(catalogs: Cs): Normalizer<Cs> {
  return normalizerOf(catalogs, compileObserver);
}
