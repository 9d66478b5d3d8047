/**
 * Every public function of every entry point, driven with hostile values:
 * proxies, throwing getters, null prototypes, cycles, sparse arrays, huge
 * strings, prototype names. Each must answer a valid value of its documented
 * type (or, for the two that throw by contract, throw only what they document),
 * and its time must grow no faster than the size of what it reads.
 * `npm run fuzz` runs the same contracts for as long as asked.
 */
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CONTRACTS, TESTED_APART, check, hostileText, hostileValue, publicFunctions } from './support/hostile.js';

const named = new Set(CONTRACTS.map((contract) => contract.name.replace(/#.*$/, '')));

test('every public function of every entry point has a contract here (or is tested apart, with sockets)', () => {
  const missing = publicFunctions().filter((name) => !named.has(name) && !TESTED_APART.includes(name));
  expect(missing).toEqual([]);
});

// Runs per contract in CI; `npm run fuzz` runs a million or more.
const RUNS = Number(process.env['HOSTILE_RUNS'] ?? 100);

describe.each(CONTRACTS.map((contract) => [contract.name, contract] as const))('%s', (_name, contract) => {
  const runs = contract.slow === true ? Math.ceil(RUNS / 20) : RUNS;
  fcTest.prop([hostileValue, hostileValue], { numRuns: runs })(
    'answers any hostile arguments with a valid value',
    async (a, b) => {
      expect(await check(contract, a, b)).toBeUndefined();
    },
    120_000,
  );

  fcTest.prop([hostileText, hostileValue], { numRuns: Math.ceil(runs / 3) })(
    'answers text it cannot parse',
    async (a, b) => {
      expect(await check(contract, a, b)).toBeUndefined();
    },
    120_000,
  );
});

/** The fastest of a few runs, in milliseconds. */
async function fastest(run: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

// Inputs that grow: a message, params, headers, a body and a catalog-shaped object of size n.
function sized(n: number): unknown {
  const text = 'x{a} '.repeat(n);
  const record = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, text.slice(0, 64)]));
  return {
    kind: 'reconnect-required',
    provider: 'plaid',
    code: text,
    message: text,
    params: record,
    headers: record,
    body: JSON.stringify({ error_code: text, causes: Array.from({ length: n }, () => ({ error_code: 'X' })) }),
    retry: { retryable: true, afterMs: n },
    match: { by: 'row' },
    id: 'x',
    codes: record,
    endpoints: record,
  };
}

describe('time grows with the size of the input, never faster (16x the input, under 64x the time)', () => {
  test.each(CONTRACTS.map((contract) => [contract.name, contract] as const))('%s', { timeout: 120_000 }, async (_name, contract) => {
    const small = sized(1_000);
    const large = sized(16_000);
    await check(contract, small, small);
    const t1 = await fastest(() => check(contract, small, small));
    const t2 = await fastest(() => check(contract, large, large));
    // A millisecond of slack: the smallest runs are below the timer's resolution.
    expect(t2).toBeLessThan(64 * Math.max(t1, 1));
  });
});
