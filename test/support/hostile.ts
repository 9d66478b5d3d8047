/**
 * Hostile values and the table of every public function with what it must
 * answer: shared by the property suite (test/hostile.test.ts) and the long
 * fuzz run (`npm run fuzz`, scripts/fuzz.ts).
 */
import fc from 'fast-check';
import * as main from '../../src/index.js';
import * as authoring from '../../src/catalog/index.js';
import * as gateway from '../../src/gateway/index.js';
import * as messages from '../../src/messages/index.js';
import * as observability from '../../src/observability/index.js';
import * as testkit from '../../src/testkit/index.js';
import * as arbitraries from '../../src/testkit/arbitraries-entry.js';
import { aerosync } from '../../catalogs/aerosync.js';
import { synapse } from '../../catalogs/synapse.js';
import { plaid } from '../../catalogs/plaid.js';
import { normalizedErrorSchema } from '../../src/schemas/normalized-error.js';

/** A proxy whose every trap throws. */
export function throwingProxy(): object {
  const boom = (): never => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom });
}

/** A proxy that was revoked before anyone read it. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function withThrowingGetters(keys: readonly string[]): object {
  const out = {};
  for (const key of keys) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get(): never {
        throw new Error(`getter ${key}`);
      },
    });
  }
  return out;
}

function cyclic(): object {
  const a: Record<string, unknown> = { kind: 'auth', error: {}, retry: {} };
  a['self'] = a;
  a['error'] = a;
  a['retry'] = a;
  return a;
}

function sparse(): unknown[] {
  // Writing the last index of an empty array makes it sparse without allocating its length.
  const array: unknown[] = [];
  array[2 ** 28 - 1] = ['retry-after', '1'];
  return array;
}

const FIELDS = ['kind', 'provider', 'code', 'status', 'message', 'retry', 'params', 'match', 'severity', 'owner', 'userAction', 'reason', 'scope', 'endpoint', 'error', 'response', 'config', 'headers', 'body', 'id', 'codes', 'endpoints', 'request', 'normalizer', 'attempt'];

/**
 * A hostile value is built when the test calls it, not when fast-check
 * generates it: fast-check inspects what it generates, and a proxy whose traps
 * throw would break the generator itself.
 */
export type Hostile = () => unknown;

function maker(description: string, make: () => unknown): Hostile {
  return Object.assign(make, { [fc.toStringMethod]: () => description });
}

function plain(value: unknown): Hostile {
  return Object.assign(() => value, { [fc.toStringMethod]: () => fc.stringify(value) });
}

/** Values built to break code: proxies, throwing getters, null prototypes, cycles, sparse arrays, huge strings, prototype names. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }).map(plain),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', '', '{}', '[]', 'null', NaN, Infinity, -0, 1e308, 2 ** 53).map(plain),
  fc.constant(maker('a proxy whose traps throw', throwingProxy)),
  fc.constant(maker('a revoked proxy', revokedProxy)),
  fc.constant(maker('a cyclic object', cyclic)),
  fc.constant(maker('a sparse array of length 2^28', sparse)),
  fc.subarray(FIELDS, { minLength: 1 }).map((keys) => maker(`throwing getters for ${keys.join(', ')}`, () => withThrowingGetters(keys))),
  fc.nat({ max: 4 }).map((n) => maker(`"x{" repeated 10^${n} times`, () => 'x{'.repeat(10 ** n))),
  fc.dictionary(fc.constantFrom(...FIELDS, '__proto__'), fc.anything({ withNullPrototype: true }), { maxKeys: 8 }).map(plain),
  fc.record({ kind: fc.constantFrom(...main.KINDS, '__proto__', 'toString'), retry: fc.anything(), params: fc.anything(), message: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }).map(plain),
);

/** A JSON text of any nesting, to read as a body. */
export const hostileText: fc.Arbitrary<Hostile> = fc.oneof(fc.string(), fc.json(), fc.constantFrom('{', '{"error":', '\u0000', '<html>', '{"__proto__":{"error_code":"INVALID_API_KEYS"}}')).map(plain);

const normalizer = main.createNormalizer([aerosync, synapse, plaid]);

/** Whether a value is a valid normalized error, and survives JSON. */
export function isNormalizedError(value: unknown): boolean {
  if (!normalizedErrorSchema.safeParse(value).success) return false;
  const json = JSON.parse(JSON.stringify(value)) as unknown;
  return normalizedErrorSchema.safeParse(json).success;
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
const isArray = (value: unknown): boolean => Array.isArray(value);
const isStatus = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
const isDelay = (value: unknown): boolean => value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 2_147_483_647);

/** What a public function is called with and what it must answer. */
export interface Contract {
  /** The entry point and export name, e.g. `gateway.toProblem`. */
  readonly name: string;
  /** Calls the function with hostile arguments; a promise is awaited. */
  readonly call: (a: unknown, b: unknown) => unknown;
  /** Whether the answer is of the documented type. */
  readonly valid: (answer: unknown) => boolean;
  /** A function whose documented contract is to throw this kind of error on invalid input (`defineCatalog`). */
  readonly throws?: (error: unknown) => boolean;
  /** Whether one call is slow whatever its input (a JSON Schema generated from zod): run it fewer times. */
  readonly slow?: boolean;
}

const problemValid = (answer: unknown): boolean => {
  const problem = answer as { status?: unknown; headers?: Record<string, unknown>; body?: Record<string, unknown> };
  return isStatus(problem.status) && problem.headers?.['content-type'] === 'application/problem+json' && main.isKind(problem.body?.['kind']) && isString(problem.body?.['detail']) && isString(problem.body?.['title']);
};

/** Every public function of every entry point. */
export const CONTRACTS: readonly Contract[] = [
  { name: 'main.isKind', call: (a) => main.isKind(a), valid: isBoolean },
  { name: 'main.shouldPage', call: (a) => main.shouldPage(a as never), valid: isBoolean },
  { name: 'main.needsEndUser', call: (a) => main.needsEndUser(a as never), valid: isBoolean },
  { name: 'main.isRetryable', call: (a) => main.isRetryable(a as never), valid: isBoolean },
  { name: 'main.createNormalizer', call: (a, b) => main.createNormalizer(a as never).normalize(b as never), valid: isNormalizedError },
  { name: 'main.createNormalizer#normalize', call: (a) => normalizer.normalize(a as never), valid: isNormalizedError },
  { name: 'main.createNormalizer#pending', call: (a) => normalizer.pending(a as never), valid: (v) => v === undefined || isObject(v) },
  { name: 'main.AggregatorError', call: (a, b) => new main.AggregatorError(a as never, b as never), valid: (v) => v instanceof Error && isNormalizedError((v as main.AggregatorError).error) && isString(JSON.stringify(v)) },
  { name: 'main.AggregatorError.is', call: (a) => main.AggregatorError.is(a), valid: isBoolean },
  {
    name: 'catalog.defineCatalog',
    call: (a) => authoring.defineCatalog(a as never),
    valid: isObject,
    throws: (error) => error instanceof authoring.CatalogError && error.problems.length > 0,
  },
  { name: 'catalog.CatalogError', call: (a) => new authoring.CatalogError(a as never), valid: (v) => v instanceof Error && Array.isArray((v as authoring.CatalogError).problems) },
  { name: 'catalog.parseCatalog', call: (a) => authoring.parseCatalog(a), valid: (v) => isObject(v) && (((v as { ok: boolean }).ok === true) || ((v as { problems: unknown[] }).problems.length > 0)) },
  { name: 'catalog.leanCatalog', call: (a) => authoring.leanCatalog(a as never), valid: (v) => v === null || typeof v !== 'function' },
  { name: 'catalog.catalogJsonSchema', call: () => authoring.catalogJsonSchema(), valid: isObject, slow: true },
  { name: 'catalog.normalizedErrorJsonSchema', call: () => authoring.normalizedErrorJsonSchema(), valid: isObject, slow: true },
  { name: 'gateway.readResponse', call: (a, b) => gateway.readResponse(a as never, b as never), valid: (v) => isObject(v) && isString((v as { provider: unknown }).provider) },
  { name: 'gateway.fromResponse', call: (a, b) => gateway.fromResponse(a as never, { ...(isObject(b) ? {} : {}), normalizer, provider: 'plaid', request: b as never }), valid: isNormalizedError },
  { name: 'gateway.readError', call: (a, b) => gateway.readError(a, b as never), valid: (v) => v === undefined || isObject(v) },
  { name: 'gateway.fromError', call: (a, b) => gateway.fromError(a, b as never), valid: isNormalizedError },
  { name: 'gateway.networkFailure', call: (a) => gateway.networkFailure(a), valid: (v) => v === undefined || isObject(v) },
  {
    name: 'gateway.retryDecision',
    call: (a, b) => gateway.retryDecision(a as never, b as never),
    valid: (v) => {
      const decision = v as { action?: unknown; delayMs?: unknown; retryAfterMs?: unknown };
      return decision.action === 'stop' ? isDelay(decision.retryAfterMs) : (decision.action === 'retry' || decision.action === 'poll-job') && typeof decision.delayMs === 'number' && isDelay(decision.delayMs);
    },
  },
  { name: 'gateway.problemStatus', call: (a) => gateway.problemStatus(a as never), valid: isStatus },
  { name: 'gateway.toProblem', call: (a, b) => gateway.toProblem(a as never, b as never), valid: problemValid },
  { name: 'gateway.parseRetryAfter', call: (a, b) => gateway.parseRetryAfter(a, b as never), valid: isDelay },
  {
    name: 'messages.renderMessage',
    call: (a, b) => messages.renderMessage(a, b as never),
    valid: (v) => {
      const m = v as { title?: unknown; body?: unknown; action?: { kind?: unknown; label?: unknown } };
      return isString(m.title) && (m.title as string).length > 0 && isString(m.body) && isString(m.action?.kind) && isString(m.action?.label);
    },
  },
  { name: 'observability.errorLabels', call: (a, b) => observability.errorLabels(a as never, b as never), valid: (v) => isObject(v) && Object.values(v as object).every((label) => isString(label) && (label as string).length <= 128) },
  { name: 'observability.otelAttributes', call: (a) => observability.otelAttributes(a as never), valid: (v) => isObject(v) && Object.values(v as object).every((x) => ['string', 'number', 'boolean'].includes(typeof x)) },
  { name: 'observability.logFields', call: (a, b) => observability.logFields(a as never, b as never), valid: (v) => isObject(v) && isString((v as { message: unknown }).message) && ((v as { message: string }).message.length <= 65_536 + 1) },
  { name: 'observability.alertRoute', call: (a) => observability.alertRoute(a as never), valid: (v) => isObject(v) && isString((v as { group: unknown }).group) },
  {
    name: 'observability.prometheusRules',
    call: (a, b) => observability.prometheusRules(a as never, b as never),
    valid: isString,
    throws: (error) => error instanceof TypeError && error.message.startsWith('aggregator-errors: '),
  },
  { name: 'testkit.rowFixtures', call: (a) => testkit.rowFixtures(a as never), valid: isArray },
  { name: 'testkit.codeFixtures', call: (a) => testkit.codeFixtures(a as never), valid: isArray },
  { name: 'testkit.errorBody', call: (a, b) => testkit.errorBody(a as never, b as never), valid: isString },
  {
    name: 'arbitraries.documentedResponse',
    call: (a) => fc.sample(arbitraries.documentedResponse(a as never), 1),
    valid: isArray,
    throws: (error) => error instanceof TypeError && error.message.startsWith('aggregator-errors: '),
  },
  { name: 'arbitraries.hostileResponse', call: (a) => fc.sample(arbitraries.hostileResponse(a as never), 1), valid: isArray },
];

/**
 * Functions tested apart, with sockets or real servers rather than hostile
 * values: the simulator (test/testkit-simulator.test.ts, test/hardening.test.ts)
 * and the arbitraries, which build fast-check generators from catalogs.
 */
export const TESTED_APART: readonly string[] = ['testkit.startSimulator'];

/** The public functions of every entry point, by `entry.name`. */
export function publicFunctions(): string[] {
  const entries: Record<string, Record<string, unknown>> = { main, catalog: authoring, gateway, messages, observability, testkit, arbitraries };
  return Object.entries(entries).flatMap(([entry, module]) =>
    Object.entries(module)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => `${entry}.${name}`),
  );
}

/** Runs one contract on arguments (values, or hostile values to build first): the answer, or why it broke it. */
export async function check(contract: Contract, a: unknown, b: unknown): Promise<string | undefined> {
  let answer: unknown;
  const built = (value: unknown): unknown => (typeof value === 'function' && fc.toStringMethod in value ? (value as unknown as () => unknown)() : value);
  try {
    answer = await contract.call(built(a), built(b));
  } catch (error) {
    if (contract.throws?.(error) === true) return undefined;
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  try {
    return contract.valid(answer) ? undefined : `answered an invalid value: ${String(JSON.stringify(answer)).slice(0, 200)}`;
  } catch (error) {
    return `answered a value that cannot be checked: ${String(error)}`;
  }
}
