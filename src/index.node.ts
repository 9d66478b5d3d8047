// The main entry under the `node` export condition: the same names, with a
// createNormalizer that compiles each catalog into its own reader function.
export * from './index.js';
export { createNormalizer } from './matcher/create-normalizer.node.js';
