export { codeFixtures, errorBody, rowFixtures } from './fixtures.js';
export type { Fixture, RawResponse } from './fixtures.js';
export { startSimulator } from './simulator.js';
export type { SimulatedRequest, Simulator, SimulatorOptions } from './simulator.js';
