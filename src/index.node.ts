// The main entry under the `node` export condition: the same names, with a
// createNormalizer that compiles each catalog into its own function.
export * from './index.js';
export { createNormalizer } from './matcher/create-normalizer.js';
