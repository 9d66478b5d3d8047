/**
 * What a fuzz run runs (pure): every contract of test/support/hostile.ts on the
 * two kinds of inputs test/hostile.test.ts gives it, each a property with a
 * weight; how a total of inputs splits across them; the seed of each batch.
 */
import type { Contract } from '../../test/support/hostile.js';

/** The arguments a property draws: two hostile values, or a text to parse and a hostile value. */
export type Inputs = 'values' | 'text';

/** One contract on one kind of inputs. */
export interface Property {
  /** The contract's name, with `@text` for the unparseable-text inputs (what `--only` matches). */
  readonly name: string;
  readonly contract: Contract;
  readonly inputs: Inputs;
  /** Its share of the runs, as in test/hostile.test.ts: text a third of values, a slow contract a twentieth. */
  readonly weight: number;
}

/** The properties of these contracts, in table order (values, then text, for each). */
export function propertiesOf(contracts: readonly Contract[]): Property[] {
  return contracts.flatMap((contract): Property[] => {
    const base = contract.slow === true ? 1 / 20 : 1;
    return [
      { name: contract.name, contract, inputs: 'values', weight: base },
      { name: `${contract.name}@text`, contract, inputs: 'text', weight: base / 3 },
    ];
  });
}

/** The properties `--only` selects: an exact name alone, else every name containing one of the texts; all without texts. */
export function selectProperties(properties: readonly Property[], only: readonly string[]): Property[] {
  if (only.length === 0) return [...properties];
  const exact = properties.filter((property) => only.includes(property.name));
  const partial = properties.filter((property) => only.some((text) => !properties.some((p) => p.name === text) && property.name.includes(text)));
  return properties.filter((property) => exact.includes(property) || partial.includes(property));
}

/** Splits `total` inputs by weight (largest remainder, so the shares add up exactly); every property gets at least one. */
export function quotasOf(properties: readonly Property[], total: number): number[] {
  const sum = properties.reduce((acc, property) => acc + property.weight, 0);
  if (properties.length === 0) return [];
  const usable = Math.max(total, properties.length);
  const exact = properties.map((property) => (usable * property.weight) / sum);
  const quotas = exact.map((share) => Math.max(1, Math.floor(share)));
  let left = usable - quotas.reduce((acc, n) => acc + n, 0);
  const order = exact.map((share, index) => ({ index, rest: share - Math.floor(share) })).sort((a, b) => b.rest - a.rest);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) quotas[order[i]?.index ?? 0] = (quotas[order[i]?.index ?? 0] ?? 0) + 1;
  return quotas;
}

/** Inputs per property per round of the round-robin, before its weight: small enough that every contract runs early and progress moves. */
export const BATCH = 500;

/** The size of one property's batch. */
export function batchSize(property: Property): number {
  return Math.max(1, Math.round(BATCH * property.weight));
}

/**
 * The seed of one batch, derived from the run's seed, so a whole run replays
 * from its seed and one failure from the batch seed it prints (a 32-bit mix, murmur3's finalizer).
 */
export function batchSeed(seed: number, property: number, round: number): number {
  let h = (seed ^ Math.imul(property + 1, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}
