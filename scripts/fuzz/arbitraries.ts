/** The arbitraries of each kind of property, as test/hostile.test.ts draws them (imported, never copied). */
import type fc from 'fast-check';
import { hostileText, hostileValue, type Hostile } from '../../test/support/hostile.js';
import type { Inputs } from './plan.js';

/** The two arbitraries a property draws from: two hostile values, or a text to parse and a hostile value. */
export function arbitrariesOf(inputs: Inputs): [fc.Arbitrary<Hostile>, fc.Arbitrary<Hostile>] {
  return inputs === 'values' ? [hostileValue, hostileValue] : [hostileText, hostileValue];
}
