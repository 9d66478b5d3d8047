import type { Catalog } from '../src/catalog/types.js';

/**
 * Every catalog this package ships, for tools that need them all (the CLI, the
 * demo, generated docs). An application imports only the catalogs it uses.
 *
 * @public
 */
export const allCatalogs: readonly Catalog[] = [
  // catalogs: each shipped catalog is listed here, one per line
];
