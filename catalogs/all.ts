import type { Catalog } from '../src/catalog/types.js';
import { aerosync } from './aerosync.js';
import { synapse } from './synapse.js';
import { plaid } from './plaid.js';
import { finicity } from './finicity.js';
import { teller } from './teller.js';
import { truelayer } from './truelayer.js';
import { mx } from './mx.js';
import { yodlee } from './yodlee.js';

/**
 * Every catalog this package ships, for tools that need them all (the CLI, the
 * demo, generated docs). An application imports only the catalogs it uses.
 *
 * @public
 */
export const allCatalogs: readonly Catalog[] = [
  // catalogs: each shipped catalog is listed here, one per line
  aerosync,
  synapse,
  plaid,
  teller,
  truelayer,
  finicity,
  mx,
  yodlee,
];
